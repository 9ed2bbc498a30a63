package io.creditflow.payments;

import io.creditflow.jooq.tables.records.SepaMandateRecord;
import io.creditflow.payments.directdebit.Mandates;
import io.creditflow.privacy.DataSubject;
import io.creditflow.privacy.ErasureReport;
import io.creditflow.privacy.ErasureScope;
import io.creditflow.privacy.ExportSection;
import io.creditflow.privacy.PersonalDataContributor;
import io.creditflow.privacy.PersonalDataVault;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.creditflow.jooq.Tables.DD_COLLECTION;
import static io.creditflow.jooq.Tables.DD_ITEM;
import static io.creditflow.jooq.Tables.SEPA_MANDATE;

/**
 * SEPA mandates and the collections made under them. The account is encrypted under the debtor's key (shredded with
 * it); its search digest is replaced by random bytes; the mandate's reference, signature date and status stay as the
 * basis of collections made (bookkeeping). The archived pain.008 files list the person's name and account in clear
 * (the bank needs them so): erasure blanks both in every file, transaction by transaction, by end-to-end id.
 */
@Component
class MandatePersonalData implements PersonalDataContributor {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext dsl;
    private final PersonalDataVault vault;
    private final Clock clock;

    MandatePersonalData(DSLContext dsl, PersonalDataVault vault, Clock clock) {
        this.dsl = dsl;
        this.vault = vault;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "payments.mandates";
    }

    @Override
    public ProcessingActivity activity() {
        return new ProcessingActivity("Direct debit", "Collecting payment by SEPA direct debit under the debtor's "
                + "mandate", "Debtors who signed a mandate", List.of("name", "bank account", "mandate",
                "collections"));
    }

    @Override
    public ExportSection export(DataSubject subject) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (SepaMandateRecord r : dsl.selectFrom(SEPA_MANDATE).where(SEPA_MANDATE.DEBTOR_ID.eq(subject.debtorId()))
                .orderBy(SEPA_MANDATE.SIGNED_ON, SEPA_MANDATE.ID).fetch()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reference", r.getReference());
            m.put("signedOn", r.getSignedOn().toString());
            m.put("type", r.getType());
            m.put("scheme", r.getScheme());
            m.put("iban", vault.decrypt(subject.debtorId(), Mandates.PLACE + "/" + r.getId(), r.getIban()).orElse(null));
            m.put("bic", r.getBic());
            m.put("status", r.getStatus());
            m.put("collections", dsl.select(DD_COLLECTION.COLLECTION_DATE, DD_ITEM.AMOUNT, DD_ITEM.STATUS,
                            DD_ITEM.RETURN_REASON).from(DD_ITEM).join(DD_COLLECTION)
                    .on(DD_COLLECTION.TENANT_ID.eq(DD_ITEM.TENANT_ID).and(DD_COLLECTION.ID.eq(DD_ITEM.COLLECTION_ID)))
                    .where(DD_ITEM.MANDATE_ID.eq(r.getId())).orderBy(DD_COLLECTION.COLLECTION_DATE)
                    .fetch(c -> {
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("collectionDate", c.value1().toString());
                        item.put("amount", c.value2().setScale(2).toPlainString());
                        item.put("status", c.value3());
                        item.put("returnReason", c.value4());
                        return item;
                    }));
            records.add(m);
        }
        return new ExportSection(section(), "Direct debit mandates", "Collecting your payments by direct debit as "
                + "you authorised", "You (the signed mandate)", List.of("BANK"), records);
    }

    @Override
    public ErasureReport erase(DataSubject subject, ErasureScope scope) {
        var mine = SEPA_MANDATE.DEBTOR_ID.eq(subject.debtorId());
        var report = ErasureReport.of(section());
        int mandates = dsl.fetchCount(SEPA_MANDATE, mine);
        if (scope.legalHold()) {
            return report.kept("mandates and collection files: the basis of the collections the claim relies on",
                    mandates, "GDPR art. 17(3)(e): defence of a legal claim", null).build();
        }
        int minimised = 0;
        for (var id : dsl.select(SEPA_MANDATE.ID).from(SEPA_MANDATE).where(mine).fetch(SEPA_MANDATE.ID)) {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            dsl.update(SEPA_MANDATE).set(SEPA_MANDATE.IBAN_INDEX, random)
                    .set(SEPA_MANDATE.STATUS, org.jooq.impl.DSL.when(SEPA_MANDATE.STATUS.eq("ACTIVE"), "REVOKED")
                            .otherwise(SEPA_MANDATE.STATUS))
                    .where(SEPA_MANDATE.ID.eq(id)).execute();
            minimised++;
        }
        int files = redactFiles(subject);
        return report.shredded("mandate accounts (encrypted under your key)", mandates)
                .minimised("mandates: reference, signature date and status kept, account digest removed", minimised,
                        BankEntryPersonalData.FISCAL, LocalDate.now(clock).plusYears(7))
                .minimised("direct debit files sent to the bank: your name and account blanked", files,
                        BankEntryPersonalData.FISCAL, LocalDate.now(clock).plusYears(7)).build();
    }

    /** Blanks the debtor's name and IBAN in each archived pain.008 file that collects from them. */
    private int redactFiles(DataSubject subject) {
        int files = 0;
        var items = dsl.select(DD_ITEM.COLLECTION_ID, DD_ITEM.END_TO_END_ID).from(DD_ITEM)
                .where(DD_ITEM.DEBTOR_ID.eq(subject.debtorId())).fetchGroups(DD_ITEM.COLLECTION_ID,
                        DD_ITEM.END_TO_END_ID);
        for (var entry : items.entrySet()) {
            byte[] file = dsl.select(DD_COLLECTION.FILE).from(DD_COLLECTION)
                    .where(DD_COLLECTION.ID.eq(entry.getKey())).fetchSingle(DD_COLLECTION.FILE);
            String xml = new String(file, StandardCharsets.UTF_8);
            for (String e2e : entry.getValue()) {
                xml = redact(xml, e2e);
            }
            dsl.update(DD_COLLECTION).set(DD_COLLECTION.FILE, xml.getBytes(StandardCharsets.UTF_8))
                    .where(DD_COLLECTION.ID.eq(entry.getKey())).execute();
            files++;
        }
        return files;
    }

    static String redact(String xml, String endToEndId) {
        Pattern tx = Pattern.compile("(<EndToEndId>" + Pattern.quote(endToEndId)
                + "</EndToEndId>.*?<Dbtr>\\s*<Nm>)[^<]*(</Nm>.*?<DbtrAcct>\\s*<Id>\\s*<IBAN>)[^<]*(</IBAN>)",
                Pattern.DOTALL);
        return tx.matcher(xml).replaceFirst("$1ERASED$2ERASED$3");
    }
}
