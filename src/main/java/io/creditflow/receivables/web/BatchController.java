package io.creditflow.receivables.web;

import io.creditflow.receivables.BulkIntake;
import io.creditflow.receivables.imports.ReceivablesBatch;
import io.creditflow.receivables.web.ReceivablesJson.DebtorRequest;
import io.creditflow.receivables.web.ReceivablesJson.InvoiceRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class BatchController {

    private final ReceivablesBatch batch;

    BatchController(ReceivablesBatch batch) {
        this.batch = batch;
    }

    /** The batch request: debtors and invoices in the same shapes as POST /api/v1/debtors and /api/v1/invoices. */
    record BatchRequest(@Nullable List<DebtorRequest> debtors, @Nullable List<InvoiceRequest> invoices) {
    }

    record BatchResponse(int debtorsCreated, int debtorsUpdated, int debtorsUnchanged, int invoicesCreated,
                         int invoicesUpdated, int invoicesUnchanged) {
    }

    @Operation(summary = "Register or update up to 10,000 debtors and invoices at once, all or nothing",
            description = "Debtors are matched by externalId (required here), invoices by number; an item equal to "
                    + "what is stored changes nothing. Invoices may refer to debtors of the same batch. If any item is "
                    + "invalid nothing is written and the answer is 400 with every problem as "
                    + "{\"field\":\"invoices[3].amount\",\"reason\":\"...\"} (the index is the item's position).")
    @PostMapping("/api/v1/batches")
    @PreAuthorize("hasAuthority('receivables:write')")
    BatchResponse write(@RequestBody BatchRequest request) {
        List<DebtorRequest> debtors = request.debtors() == null ? List.of() : request.debtors();
        List<InvoiceRequest> invoices = request.invoices() == null ? List.of() : request.invoices();
        BulkIntake.Result r = batch.write(debtors.stream().map(DebtorRequest::toInput).toList(),
                invoices.stream().map(InvoiceRequest::toInput).toList());
        return new BatchResponse(r.debtorsCreated(), r.debtorsUpdated(), r.debtorsUnchanged(), r.invoicesCreated(),
                r.invoicesUpdated(), r.invoicesUnchanged());
    }
}
