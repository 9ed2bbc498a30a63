package io.creditflow.dunning;

import io.creditflow.receivables.Address;
import io.creditflow.receivables.DebtorInput;
import io.creditflow.receivables.DebtorProfile;
import io.creditflow.receivables.DebtorType;
import io.creditflow.receivables.Debtors;
import io.creditflow.receivables.InvoiceInput;
import io.creditflow.receivables.Invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Debtors, invoices and flows for dunning tests (call inside a tenant scope). */
public final class DunningFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private DunningFixtures() {
    }

    public static UUID consumer(Debtors debtors, String name, String language, boolean withEmail) {
        int n = SEQ.incrementAndGet();
        DebtorProfile profile = new DebtorProfile(name, "MR", "1980-01-01",
                List.of(new Address("BILLING", "Kerkstraat", String.valueOf(n), "1011 AB", "Amsterdam", "NL")),
                withEmail ? List.of("debtor" + n + "@example.test") : List.of(), List.of("+31612345678"),
                List.of(), null, null, null);
        return debtors.register(new DebtorInput("C" + n + "-" + UUID.randomUUID().toString().substring(0, 6),
                DebtorType.CONSUMER, language, "EMAIL", "NL", List.of(), profile)).id();
    }

    public static UUID business(Debtors debtors, String name, List<String> tags) {
        int n = SEQ.incrementAndGet();
        DebtorProfile profile = new DebtorProfile(name, null, null,
                List.of(new Address("BILLING", "Industrieweg", String.valueOf(n), "3011 AB", "Rotterdam", "NL")),
                List.of("admin" + n + "@example.test"), List.of("+31201234567"), List.of(), "12345678", null,
                "Jan Jansen");
        return debtors.register(new DebtorInput("B" + n + "-" + UUID.randomUUID().toString().substring(0, 6),
                DebtorType.BUSINESS, "nl", "EMAIL", "NL", tags, profile)).id();
    }

    public static UUID invoice(Invoices invoices, UUID debtorId, String amount, LocalDate dueDate) {
        int n = SEQ.incrementAndGet();
        return invoices.register(new InvoiceInput(null, debtorId, null, "INV-" + n + "-"
                + UUID.randomUUID().toString().substring(0, 6), null, dueDate.minusDays(14), dueDate, "EUR",
                new BigDecimal(amount), null, null, List.of()), "TEST").id();
    }

    /** The default flow with another key, so a test owns it. */
    public static FlowDefinition defaultFlowAs(String key) {
        FlowDefinition d = FlowFormat.parse(DefaultFlow.text());
        return new FlowDefinition(key, d.name(), d.description(), d.tone(), d.steps());
    }
}
