/**
 * The shared vocabulary: value objects with rules that several modules use (money, IBAN, payment references,
 * identifiers). Pure Java, no Spring, no database.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.creditflow.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
