package io.creditflow.receivables.imports;

import com.helger.diagnostics.error.IError;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResult;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.ValidityDeterminatorRegistry;
import com.helger.phive.peppol.PeppolValidation;
import com.helger.phive.peppol.PeppolValidation2025_11;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Peppol BIS Billing 3.0 validation with the official artefacts (phive-rules-peppol): the UBL 2.1 schema, the EN 16931
 * rules and the Peppol rules including the Dutch national ones (NL-R-xxx). The set in force on the validation date is
 * chosen; the rule sets are compiled on first use (some seconds) and kept.
 */
@Component
class PeppolRules {

    private final Clock clock;
    private volatile ValidationExecutorSetRegistry<IValidationSourceXML> registry;

    PeppolRules(Clock clock) {
        this.clock = clock;
    }

    /** A broken rule: its id (e.g. BR-CO-16, PEPPOL-EN16931-R003, NL-R-003), where, and what it says. */
    record Violation(String rule, int line, String location, String text) {
    }

    List<Violation> validate(Document document, boolean creditNote) {
        var coordinate = creditNote ? PeppolValidation2025_11.VID_OPENPEPPOL_CREDIT_NOTE_UBL_V3
                : PeppolValidation2025_11.VID_OPENPEPPOL_INVOICE_UBL_V3;
        var registry = registry();
        IValidationExecutorSet<IValidationSourceXML> rules = registry.getLatestActiveVersion(coordinate.getGroupID(),
                coordinate.getArtifactID(), null, OffsetDateTime.now(clock));
        if (rules == null) {
            rules = registry.getOfID(coordinate);
        }
        ValidationResultList results = ValidationExecutionManager.executeValidation(
                (executor, errors) -> ValidityDeterminatorRegistry.getValidityOneErrorInvalid(errors), rules,
                ValidationSourceXML.create("upload", document), Locale.ENGLISH);
        List<Violation> violations = new ArrayList<>();
        for (ValidationResult result : results) {
            for (IError e : result.getErrorList()) {
                if (e.getErrorLevel().isError()) {
                    violations.add(new Violation(e.getErrorID() == null ? "XSD" : e.getErrorID(),
                            e.hasErrorLocation() && e.getErrorLocation().hasLineNumber()
                                    ? e.getErrorLocation().getLineNumber() : -1,
                            e.getErrorFieldName() == null ? "" : e.getErrorFieldName(),
                            e.getErrorText(Locale.ENGLISH)));
                }
            }
        }
        return violations;
    }

    private ValidationExecutorSetRegistry<IValidationSourceXML> registry() {
        var r = registry;
        if (r == null) {
            synchronized (this) {
                if (registry == null) {
                    var fresh = new ValidationExecutorSetRegistry<IValidationSourceXML>();
                    PeppolValidation.initStandard(fresh);
                    registry = fresh;
                }
                r = registry;
            }
        }
        return r;
    }
}
