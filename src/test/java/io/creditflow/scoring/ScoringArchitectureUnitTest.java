package io.creditflow.scoring;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The engine is pure Java: the command line and any future API call it, never the other way round. */
class ScoringArchitectureUnitTest {

    private final JavaClasses classes = importWithoutResolving();

    /**
     * Only the module's own compiled classes, and their dependencies known by name only: scanning the class path
     * for the package and loading every referenced library class takes seconds and the rules need only names.
     */
    private static JavaClasses importWithoutResolving() {
        var configuration = com.tngtech.archunit.ArchConfiguration.get();
        boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            return new ClassFileImporter().importPath(Path.of("target/classes/io/creditflow/scoring"));
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

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
