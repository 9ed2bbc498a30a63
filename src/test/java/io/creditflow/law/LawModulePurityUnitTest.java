package io.creditflow.law;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

/**
 * The law module is a pure calculator other modules call: no Spring, no database, no other Creditflow module, and
 * no binary floating point anywhere (money and rates are BigDecimal).
 */
class LawModulePurityUnitTest {

    private static final JavaClasses LAW = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.creditflow.law");

    @Test
    void dependsOnlyOnTheJdkAndNullnessAnnotations() {
        assertThat(LAW.contain(StatutoryInterest.class)).isTrue();
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("io.creditflow.law..", "java..",
                        "org.jspecify.annotations..", "org.springframework.modulith")
                .because("the module's only Spring touch is the @ApplicationModule annotation on package-info")
                .check(LAW);
    }

    @Test
    void neverUsesFloatingPoint() {
        for (Class<?> type : new Class<?>[]{double.class, float.class, Double.class, Float.class}) {
            fields().should().notHaveRawType(type).check(LAW);
            methods().should().notHaveRawReturnType(type).check(LAW);
        }
    }
}
