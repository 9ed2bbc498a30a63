package io.creditflow.scoring.web;

import io.creditflow.scoring.Purpose;
import io.creditflow.scoring.Scoring;
import io.creditflow.scoring.web.ScoringJson.DebtorScoreResponse;
import io.creditflow.scoring.web.ScoringJson.ScoreRequest;
import io.creditflow.scoring.web.ScoringJson.ScoreResponse;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.ValidationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Scores with the tenant's champion models: a case by its features, or an invoice or debtor from the history. */
@RestController
@RequestMapping("/api/v1/scores")
@PreAuthorize("hasAuthority('scoring:read')")
class ScoresController {

    private final Scoring scoring;

    ScoresController(Scoring scoring) {
        this.scoring = scoring;
    }

    /** Scores one case given by its features; a restricted debtor (debtorId) is refused with 422. */
    @PostMapping("/{purpose}")
    ScoreResponse score(@PathVariable String purpose, @RequestBody ScoreRequest request) {
        if (request.features() == null) {
            throw new ValidationException("No features.", List.of(new BusinessRuleException.FieldError("features",
                    "required: the case's values by name")));
        }
        return ScoreResponse.of(scoring.score(Purpose.parse(purpose), request.features(), request.debtorId(), "api"));
    }

    /** The collectability of one open invoice today, features built from the ledger and the debtor's history. */
    @PostMapping("/collectability/invoices/{invoiceId}")
    ScoreResponse invoice(@PathVariable UUID invoiceId) {
        return ScoreResponse.of(scoring.scoreInvoice(invoiceId, "api"));
    }

    /** The collectability of a debtor's open invoices today; "worst" is the debtor's score. */
    @PostMapping("/collectability/debtors/{debtorId}")
    DebtorScoreResponse debtor(@PathVariable UUID debtorId) {
        return DebtorScoreResponse.of(scoring.scoreDebtor(debtorId, "api"));
    }
}
