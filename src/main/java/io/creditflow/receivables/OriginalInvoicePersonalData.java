package io.creditflow.receivables;

import io.creditflow.privacy.DataSubject;
import io.creditflow.privacy.ErasureReport;
import io.creditflow.privacy.ErasureScope;
import io.creditflow.privacy.ExportSection;
import io.creditflow.privacy.PersonalDataContributor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The debtor's original e-invoices (UBL documents as received): they name the debtor, so the access export gives them
 * back in full and an erasure deletes them. Under a legal hold (an open collection case) they are kept: they are the
 * evidence of the claim a bailiff's dossier carries; the erasure that follows the hold's release deletes them. Outside a
 * hold nothing keeps them: the fiscal record is the invoice's registered data, which {@link InvoicePersonalData} keeps,
 * and the creditor's own administration holds the invoice it sent. Part of the invoices' processing activity.
 */
@Component
class OriginalInvoicePersonalData implements PersonalDataContributor {

    private final OriginalInvoices originals;

    OriginalInvoicePersonalData(OriginalInvoices originals) {
        this.originals = originals;
    }

    @Override
    public String section() {
        return "receivables.original-invoices";
    }

    @Override
    public ExportSection export(DataSubject subject) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (UUID invoiceId : originals.invoicesOf(subject.debtorId())) {
            originals.read(invoiceId).ifPresent(o -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("recordType", "originalInvoice");
                m.put("invoiceId", invoiceId.toString());
                m.put("fileName", o.fileName());
                m.put("format", o.format());
                m.put("mediaType", o.mediaType());
                m.put("receivedAt", o.receivedAt().toString());
                m.put("sha256", o.sha256());
                String text = utf8(o.bytes());
                // as text when it is text in UTF-8 (readable in the export); otherwise byte for byte in Base64
                m.put(text == null ? "contentBase64" : "content", text == null
                        ? Base64.getEncoder().encodeToString(o.bytes()) : text);
                records.add(m);
            });
        }
        return new ExportSection(section(), "Your invoices as the creditor sent them (e-invoices)",
                "Collecting payment of your invoices: evidence of the claim", "The creditor's e-invoicing (UBL)",
                List.of("BAILIFF"), records);
    }

    @Override
    public ErasureReport erase(DataSubject subject, ErasureScope scope) {
        var report = ErasureReport.of(section());
        if (scope.legalHold()) {
            int kept = originals.invoicesOf(subject.debtorId()).size();
            return report.kept("original e-invoices (UBL documents as received)", kept,
                    DebtorPersonalData.CLAIM_GROUND, null).build();
        }
        return report.deleted("original e-invoices (UBL documents as received)",
                originals.deleteOf(subject.debtorId())).build();
    }

    private static @Nullable String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
