package io.creditflow;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules and their allowed dependencies (Spring Modulith); also writes the module diagrams to target/. */
class ModularityUnitTest {

    private final ApplicationModules modules = ApplicationModules.of(Creditflow.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
