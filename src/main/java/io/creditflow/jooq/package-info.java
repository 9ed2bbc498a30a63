/**
 * jOOQ classes generated at build time from the Flyway migrations (see src/build/java/JooqCodegen.java).
 * Open to every module: a module's tables are its own by convention (named after it), not by visibility.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.creditflow.jooq;

import org.springframework.modulith.ApplicationModule;
