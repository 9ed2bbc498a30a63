package io.creditflow.receivables;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.TenantContext;
import io.creditflow.privacy.PersonalDataVault;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.creditflow.jooq.Tables.INVOICE;
import static io.creditflow.jooq.Tables.INVOICE_ORIGINAL;

/**
 * The creditor's original document of an invoice, for the invoices that came in as an e-invoice (UBL): kept at intake
 * exactly as received, byte for byte, encrypted under the debtor's key. Other modules (the bailiff's dossier) and the
 * API read it here. Invoices registered through the API or a CSV import have none: their registered data is all there
 * is, and a reader renders that instead.
 */
@Component
public class OriginalInvoices {

    static final String UBL_MEDIA_TYPE = "application/xml";

    private final DSLContext dsl;
    private final PersonalDataVault vault;
    private final AuditLog audit;

    OriginalInvoices(DSLContext dsl, PersonalDataVault vault, AuditLog audit) {
        this.dsl = dsl;
        this.vault = vault;
        this.audit = audit;
    }

    /**
     * One invoice's original document.
     *
     * @param debtorId   the debtor whose key encrypts it (the invoice's debtor when it was received)
     * @param fileName   a file name for it: the invoice number (characters unsafe in a path replaced) and extension
     * @param mediaType  {@code application/xml} for UBL
     * @param format     {@code UBL}
     * @param bytes      the document exactly as received
     * @param receivedAt when the import that brought it ran
     */
    public record OriginalInvoice(UUID invoiceId, UUID debtorId, String fileName, String mediaType, String format,
                                  byte[] bytes, OffsetDateTime receivedAt) {

        /** Lower-case hex SHA-256 of the bytes: lets a recipient check the document is the one received. */
        public String sha256() {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The original document of an invoice of the current tenant (an audited read of personal data); empty when the
     * invoice came in some other way, is another tenant's (row-level security hides it), or its debtor was erased.
     */
    @Transactional
    public Optional<OriginalInvoice> of(UUID invoiceId) {
        Optional<OriginalInvoice> original = read(invoiceId);
        original.ifPresent(o -> audit.record(AuditEvent.of("invoice.original.read", "invoice", invoiceId)
                .subject(o.debtorId())));
        return original;
    }

    /** As {@link #of}, without its audit entry: for the access export, which privacy audits as a whole. */
    Optional<OriginalInvoice> read(UUID invoiceId) {
        var row = dsl.select(INVOICE_ORIGINAL.DEBTOR_ID, INVOICE_ORIGINAL.MEDIA_TYPE, INVOICE_ORIGINAL.FORMAT,
                        INVOICE_ORIGINAL.CONTENT, INVOICE_ORIGINAL.RECEIVED_AT, INVOICE.NUMBER)
                .from(INVOICE_ORIGINAL).join(INVOICE).on(INVOICE.TENANT_ID.eq(INVOICE_ORIGINAL.TENANT_ID)
                        .and(INVOICE.ID.eq(INVOICE_ORIGINAL.INVOICE_ID)))
                .where(INVOICE_ORIGINAL.INVOICE_ID.eq(invoiceId)).fetchOptional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        var r = row.get();
        UUID debtorId = r.value1();
        Optional<byte[]> bytes = vault.decryptBytes(debtorId, place(invoiceId), r.value4());
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OriginalInvoice(invoiceId, debtorId, fileName(r.value6(), r.value2()), r.value2(),
                r.value3(), bytes.get(), r.value5()));
    }

    /** Whether the invoice has an original document (reads no personal data: for a page to offer the download). */
    public boolean has(UUID invoiceId) {
        return dsl.fetchExists(INVOICE_ORIGINAL, INVOICE_ORIGINAL.INVOICE_ID.eq(invoiceId));
    }

    /**
     * Keeps the e-invoice that an import has just written as invoice {@code number}, inside the import's transaction
     * (a rolled-back import keeps nothing). A later e-invoice for the same number replaces it: the invoice's data
     * follows the latest file, and so does its original.
     */
    public void keepUbl(String number, byte[] document, @Nullable UUID importId) {
        if (document.length == 0) {
            throw new IllegalArgumentException("an empty document is not an e-invoice");
        }
        var invoice = dsl.select(INVOICE.ID, INVOICE.DEBTOR_ID).from(INVOICE).where(INVOICE.NUMBER.eq(number))
                .fetchOptional().orElseThrow(() -> new IllegalStateException("invoice " + number
                        + " was not written by the import that brought its e-invoice"));
        UUID invoiceId = invoice.value1();
        UUID debtorId = invoice.value2();
        byte[] sealed = vault.encryptBytes(debtorId, place(invoiceId), document);
        java.util.Map<org.jooq.Field<?>, Object> row = new java.util.LinkedHashMap<>();
        row.put(INVOICE_ORIGINAL.DEBTOR_ID, debtorId);
        row.put(INVOICE_ORIGINAL.MEDIA_TYPE, UBL_MEDIA_TYPE);
        row.put(INVOICE_ORIGINAL.FORMAT, "UBL");
        row.put(INVOICE_ORIGINAL.BYTE_SIZE, document.length);
        row.put(INVOICE_ORIGINAL.CONTENT, sealed);
        row.put(INVOICE_ORIGINAL.IMPORT_ID, importId);
        dsl.insertInto(INVOICE_ORIGINAL)
                .set(INVOICE_ORIGINAL.TENANT_ID, TenantContext.require())
                .set(INVOICE_ORIGINAL.INVOICE_ID, invoiceId)
                .set(row)
                .onConflict(INVOICE_ORIGINAL.TENANT_ID, INVOICE_ORIGINAL.INVOICE_ID).doUpdate()
                .set(row)
                .set(INVOICE_ORIGINAL.RECEIVED_AT, DSL.currentOffsetDateTime())
                .execute();
    }

    /** The invoice ids with an original document, of one debtor (for the data-subject rights). */
    List<UUID> invoicesOf(UUID debtorId) {
        return dsl.select(INVOICE_ORIGINAL.INVOICE_ID).from(INVOICE_ORIGINAL)
                .where(INVOICE_ORIGINAL.DEBTOR_ID.eq(debtorId)).orderBy(INVOICE_ORIGINAL.RECEIVED_AT)
                .fetch(INVOICE_ORIGINAL.INVOICE_ID);
    }

    /** Deletes one debtor's original documents; returns how many. */
    int deleteOf(UUID debtorId) {
        return dsl.deleteFrom(INVOICE_ORIGINAL).where(INVOICE_ORIGINAL.DEBTOR_ID.eq(debtorId)).execute();
    }

    static String place(UUID invoiceId) {
        return "invoice/" + invoiceId + "/original";
    }

    static String fileName(String number, String mediaType) {
        return number.replaceAll("[^A-Za-z0-9._-]", "_") + (UBL_MEDIA_TYPE.equals(mediaType) ? ".xml" : ".bin");
    }
}
