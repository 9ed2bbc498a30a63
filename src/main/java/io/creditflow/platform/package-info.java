/**
 * The technical platform every business module stands on: the database (embedded or external PostgreSQL) with a
 * tenant-scoped transaction for row-level security, the API conventions (problem details, idempotency keys, cursor
 * pages), the command line, time and JSON. No business rules live here.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.creditflow.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
