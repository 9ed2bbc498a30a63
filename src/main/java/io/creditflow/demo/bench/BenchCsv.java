package io.creditflow.demo.bench;

import io.creditflow.demo.DemoDataGenerator;
import io.creditflow.receivables.Address;
import io.creditflow.receivables.BulkIntake.DebtorRow;
import io.creditflow.receivables.BulkIntake.InvoiceRow;
import io.creditflow.receivables.DebtorProfile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the demo generator's debtors and invoices as an import CSV: the default header plus the optional address,
 * phone, Chamber of Commerce and VAT columns, so every debtor carries a realistic amount of personal data to encrypt.
 * Every debtor gets exactly invoices/debtors invoices (the generator's own, repeated with a suffix when it made fewer).
 */
final class BenchCsv {

    static final String HEADER = "debtor_external_id,debtor_type,debtor_name,debtor_email,debtor_iban,invoice_number,"
            + "issue_date,due_date,currency,amount,payment_reference,debtor_phone,debtor_street,debtor_house_number,"
            + "debtor_postcode,debtor_city,debtor_country,debtor_chamber_of_commerce,debtor_vat_number";

    private BenchCsv() {
    }

    static long write(Path file, int debtors, int invoices, long seed, LocalDate today) throws IOException {
        DemoDataGenerator generator = new DemoDataGenerator(seed, today);
        int perDebtor = invoices / debtors;
        int extra = invoices % debtors;
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            StringBuilder line = new StringBuilder(512);
            for (int from = 0; from < debtors; from += 2_000) {
                DemoDataGenerator.Chunk chunk = generator.chunk(from, Math.min(2_000, debtors - from));
                Map<String, List<InvoiceRow>> byDebtor = new java.util.HashMap<>();
                for (InvoiceRow i : chunk.invoices()) {
                    byDebtor.computeIfAbsent(i.debtorExternalId(), k -> new ArrayList<>()).add(i);
                }
                for (int d = 0; d < chunk.debtors().size(); d++) {
                    DebtorRow debtor = chunk.debtors().get(d);
                    List<InvoiceRow> own = byDebtor.get(debtor.externalId());
                    int count = perDebtor + (from + d < extra ? 1 : 0);
                    for (int k = 0; k < count; k++) {
                        InvoiceRow i = own.get(k % own.size());
                        String number = k < own.size() ? i.number() : i.number() + "-" + k;
                        line.setLength(0);
                        row(line, debtor, i, number);
                        out.append(line);
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    private static void row(StringBuilder sb, DebtorRow d, InvoiceRow i, String number) {
        DebtorProfile p = d.profile();
        Address a = p.billingAddress();
        field(sb, d.externalId()).append(',');
        field(sb, d.type().name()).append(',');
        field(sb, p.name()).append(',');
        field(sb, p.email()).append(',');
        field(sb, p.iban()).append(',');
        field(sb, number).append(',');
        sb.append(i.issueDate()).append(',').append(i.dueDate()).append(',').append(i.currency()).append(',')
                .append(i.amount().toPlainString()).append(",,");
        field(sb, p.phone()).append(',');
        field(sb, a == null ? null : a.street()).append(',');
        field(sb, a == null ? null : a.houseNumber()).append(',');
        field(sb, a == null ? null : a.postcode()).append(',');
        field(sb, a == null ? null : a.city()).append(',');
        field(sb, a == null ? null : a.country()).append(',');
        field(sb, p.chamberOfCommerce()).append(',');
        field(sb, p.vatNumber()).append('\n');
    }

    private static StringBuilder field(StringBuilder sb, String value) {
        if (value == null) {
            return sb;
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0) {
            return sb.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        return sb.append(value);
    }
}
