package io.creditflow.scoring;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The engine is pure Java: the command line and any future API call it, never the other way round. */
class ScoringArchitectureUnitTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.creditflow.scoring");

    @Test
    void theEngineNeedsNeitherSpringNorTheCommandLine() {
        noClasses().that().resideInAPackage("io.creditflow.scoring.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "picocli..",
                        "io.creditflow.scoring.cli..", "io.creditflow.scoring.report..", "io.creditflow.platform..")
                .check(classes);
    }

    @Test
    void theReportDoesNotReachIntoTheCommandLine() {
        noClasses().that().resideInAPackage("io.creditflow.scoring.report..")
                .should().dependOnClassesThat().resideInAnyPackage("io.creditflow.scoring.cli..", "picocli..")
                .check(classes);
    }
}
