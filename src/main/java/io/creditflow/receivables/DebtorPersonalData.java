package io.creditflow.receivables;

import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.ValidationException;
import io.creditflow.privacy.BlindIndex;
import io.creditflow.privacy.Contests;
import io.creditflow.privacy.DataSubject;
import io.creditflow.privacy.ErasureReport;
import io.creditflow.privacy.ErasureScope;
import io.creditflow.privacy.ExportSection;
import io.creditflow.privacy.PersonalDataContributor;
import io.creditflow.privacy.RectifiableField;
import io.creditflow.jooq.tables.records.DebtorRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.creditflow.jooq.Tables.DEBTOR;
import static io.creditflow.jooq.Tables.DEBTOR_LOOKUP;

/**
 * Receivables' share of data-subject rights for the debtor itself: who it is (the directory other modules' sections
 * are found by), its profile for the export, rectification of the profile's fields, and erasure of the debtor row and
 * its search indexes. Invoices are {@link InvoicePersonalData}.
 */
@Component
class DebtorPersonalData implements PersonalDataContributor, DataSubject.Directory {

    static final String SECTION = "receivables.debtor";
    static final String CLAIM_GROUND = "GDPR art. 17(3)(e): needed for the establishment, exercise or defence of a "
            + "legal claim (open collection case)";

    private final DSLContext dsl;
    private final Debtors debtors;
    private final DebtorProfileCodec codec;
    private final Contests contests;

    DebtorPersonalData(DSLContext dsl, Debtors debtors, DebtorProfileCodec codec, Contests contests) {
        this.dsl = dsl;
        this.debtors = debtors;
        this.codec = codec;
        this.contests = contests;
    }

    @Override
    public String section() {
        return SECTION;
    }

    /** Last: the debtor row is what the other sections hang from. */
    @Override
    public int erasureOrder() {
        return 100;
    }

    @Override
    public ProcessingActivity activity() {
        return new ProcessingActivity("Debtor administration", "Collecting payment of outstanding invoices",
                "Debtors of the controller (consumers, sole traders, contact persons of businesses)",
                List.of("name", "salutation", "date of birth", "postal addresses", "e-mail addresses", "phone numbers",
                        "IBANs", "Chamber of Commerce and VAT numbers"));
    }

    @Override
    public boolean exists(UUID debtorId) {
        return dsl.fetchExists(DEBTOR, DEBTOR.ID.eq(debtorId));
    }

    @Override
    public String reference(UUID debtorId) {
        return dsl.select(DEBTOR.EXTERNAL_ID).from(DEBTOR).where(DEBTOR.ID.eq(debtorId)).fetchOptional(DEBTOR.EXTERNAL_ID)
                .orElse(debtorId.toString());
    }

    @Override
    public List<UUID> page(@Nullable UUID after, int limit) {
        return dsl.select(DEBTOR.ID).from(DEBTOR).where(after == null ? DSL.noCondition() : DEBTOR.ID.gt(after))
                .orderBy(DEBTOR.ID).limit(limit).fetch(DEBTOR.ID);
    }

    @Override
    public List<DataSubject.Identifier> identifiers(UUID debtorId) {
        List<DataSubject.Identifier> ids = new ArrayList<>();
        profile(debtorId).ifPresent(p -> {
            p.emails().forEach(e -> ids.add(new DataSubject.Identifier(BlindIndex.EMAIL, e)));
            p.phones().forEach(e -> ids.add(new DataSubject.Identifier(BlindIndex.PHONE, e)));
            p.ibans().forEach(e -> ids.add(new DataSubject.Identifier(BlindIndex.IBAN, e)));
            if (p.chamberOfCommerce() != null) {
                ids.add(new DataSubject.Identifier(BlindIndex.CHAMBER_OF_COMMERCE, p.chamberOfCommerce()));
            }
            if (p.dateOfBirth() != null) {
                ids.add(new DataSubject.Identifier(BlindIndex.DATE_OF_BIRTH, p.dateOfBirth()));
            }
            p.addresses().stream().map(Address::key).filter(k -> k != null)
                    .forEach(k -> ids.add(new DataSubject.Identifier(BlindIndex.ADDRESS, k)));
        });
        return ids;
    }

    @Override
    public ExportSection export(DataSubject subject) {
        Debtor d = debtors.load(subject.debtorId());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id().toString());
        m.put("externalId", d.externalId());
        m.put("type", d.type().name());
        m.put("status", d.status());
        m.put("language", d.language());
        m.put("preferredChannel", d.preferredChannel());
        m.put("country", d.country());
        m.put("tags", d.tags());
        m.put("createdAt", d.createdAt().toString());
        m.put("updatedAt", d.updatedAt().toString());
        m.put("erased", d.profile() == null);
        DebtorProfile p = d.profile();
        if (p != null) {
            m.put("name", p.name());
            m.put("salutation", p.salutation());
            m.put("dateOfBirth", p.dateOfBirth());
            m.put("emails", p.emails());
            m.put("phones", p.phones());
            m.put("ibans", p.ibans());
            m.put("addresses", p.addresses().stream().map(DebtorPersonalData::address).toList());
            m.put("chamberOfCommerce", p.chamberOfCommerce());
            m.put("vatNumber", p.vatNumber());
            m.put("contactPerson", p.contactPerson());
        }
        m.put("contestedFields", List.copyOf(contests.contestedFields(d.id())));
        return new ExportSection(SECTION, "Your personal data", "Collecting payment of your invoices",
                "The controller (from its order, invoicing or customer administration)",
                List.of("MAIL", "SMS", "PRINT"), List.of(m));
    }

    @Override
    public ErasureReport erase(DataSubject subject, ErasureScope scope) {
        UUID id = subject.debtorId();
        var report = ErasureReport.of(SECTION);
        int lookups = dsl.deleteFrom(DEBTOR_LOOKUP).where(DEBTOR_LOOKUP.DEBTOR_ID.eq(id)).execute();
        report.deleted("search indexes (keyed digests of e-mail, IBAN, phone, name, address)", lookups);
        if (scope.legalHold()) {
            profile(id).ifPresent(p -> {
                DebtorProfile kept = new DebtorProfile(p.name(), p.salutation(), p.dateOfBirth(), p.addresses(),
                        List.of(), List.of(), List.of(), p.chamberOfCommerce(), p.vatNumber(), null);
                DebtorProfileCodec.Sealed sealed = codec.seal(id, kept);
                dsl.update(DEBTOR).set(DEBTOR.PROFILE, sealed.ciphertext()).set(DEBTOR.PROFILE_DIGEST, sealed.digest())
                        .set(DEBTOR.TAGS, new String[0]).where(DEBTOR.ID.eq(id)).execute();
            });
            return report.minimised("debtor profile: e-mail addresses, phone numbers, IBANs and contact person "
                    + "removed; name, addresses, date of birth and registration numbers kept for the claim", 1,
                    CLAIM_GROUND, null).build();
        }
        byte[] noDigest = new byte[16];
        new java.security.SecureRandom().nextBytes(noDigest);
        dsl.update(DEBTOR).set(DEBTOR.EXTERNAL_ID, "erased-" + id).set(DEBTOR.TAGS, new String[0])
                .setNull(DEBTOR.COUNTRY).set(DEBTOR.STATUS, "CLOSED").set(DEBTOR.PROFILE_DIGEST, noDigest)
                .set(DEBTOR.UPDATED_AT, java.time.OffsetDateTime.now()).set(DEBTOR.VERSION, DEBTOR.VERSION.plus(1))
                .where(DEBTOR.ID.eq(id)).execute();
        return report.shredded("debtor profile (name, addresses, e-mail, phone, IBAN, date of birth, registration "
                        + "numbers): ciphertext whose key is destroyed", 1)
                .minimised("debtor record: your customer number, tags and country removed; kept as the "
                        + "pseudonymous anchor of the invoices kept for fiscal retention", 1,
                        InvoicePersonalData.FISCAL_GROUND, null).build();
    }

    @Override
    public List<RectifiableField> rectifiableFields(DataSubject subject) {
        Optional<DebtorProfile> profile = profile(subject.debtorId());
        if (profile.isEmpty()) {
            return List.of();
        }
        DebtorProfile p = profile.get();
        Address a = p.billingAddress();
        return List.of(
                new RectifiableField("name", "Name", p.name(), false),
                new RectifiableField("salutation", "Salutation", p.salutation(), false),
                new RectifiableField("dateOfBirth", "Date of birth", p.dateOfBirth(), false),
                new RectifiableField("emails", "E-mail addresses", String.join("\n", p.emails()), true),
                new RectifiableField("phones", "Phone numbers", String.join("\n", p.phones()), true),
                new RectifiableField("ibans", "IBANs", String.join("\n", p.ibans()), true),
                new RectifiableField("address.street", "Street", a == null ? null : a.street(), false),
                new RectifiableField("address.houseNumber", "House number", a == null ? null : a.houseNumber(), false),
                new RectifiableField("address.postcode", "Postcode", a == null ? null : a.postcode(), false),
                new RectifiableField("address.city", "City", a == null ? null : a.city(), false),
                new RectifiableField("address.country", "Country", a == null ? null : a.country(), false),
                new RectifiableField("chamberOfCommerce", "Chamber of Commerce number", p.chamberOfCommerce(), false),
                new RectifiableField("vatNumber", "VAT number", p.vatNumber(), false),
                new RectifiableField("contactPerson", "Contact person", p.contactPerson(), false));
    }

    @Override
    public void rectify(DataSubject subject, Map<String, String> values) {
        Debtor d = debtors.load(subject.debtorId());
        DebtorProfile p = d.profile();
        if (p == null) {
            throw new ValidationException("The debtor was erased.", List.of(new FieldError("debtor", "erased")));
        }
        Address a = p.billingAddress();
        Address billing = new Address(a == null ? "BILLING" : a.type(),
                pick(values, "address.street", a == null ? null : a.street()),
                pick(values, "address.houseNumber", a == null ? null : a.houseNumber()),
                pick(values, "address.postcode", a == null ? null : a.postcode()),
                pick(values, "address.city", a == null ? null : a.city()),
                pick(values, "address.country", a == null ? null : a.country()));
        List<Address> addresses = new ArrayList<>(p.addresses());
        boolean anyAddress = billing.street() != null || billing.city() != null || billing.postcode() != null;
        if (a == null && anyAddress) {
            addresses.add(billing);
        } else if (a != null) {
            addresses.set(addresses.indexOf(a), billing);
        }
        String name = values.containsKey("name") ? values.get("name").strip() : p.name();
        DebtorProfile next = new DebtorProfile(name, pick(values, "salutation", p.salutation()),
                pick(values, "dateOfBirth", p.dateOfBirth()), addresses, lines(values, "emails", p.emails()),
                lines(values, "phones", p.phones()), lines(values, "ibans", p.ibans()),
                pick(values, "chamberOfCommerce", p.chamberOfCommerce()), pick(values, "vatNumber", p.vatNumber()),
                pick(values, "contactPerson", p.contactPerson()));
        DebtorInput input = new DebtorInput(d.externalId(), d.type(), d.language(), d.preferredChannel(),
                d.country(), d.tags(), next);
        List<FieldError> errors = DebtorValidation.check(input);
        if (!errors.isEmpty()) {
            throw new ValidationException("The rectified data is invalid.", errors.stream()
                    .map(e -> new FieldError(fieldKey(e.field()), e.reason())).toList());
        }
        debtors.update(d.id(), input, d.version());
    }

    /** Maps the validation's field names (email, phones[1], address.postcode) to the rectifiable field keys. */
    static String fieldKey(String field) {
        if (field.startsWith("email")) {
            return "emails";
        }
        if (field.startsWith("phone")) {
            return "phones";
        }
        if (field.startsWith("iban")) {
            return "ibans";
        }
        if (field.startsWith("address")) {
            int dot = field.indexOf('.');
            return dot < 0 ? "address.street" : "address" + field.substring(dot);
        }
        return field;
    }

    private Optional<DebtorProfile> profile(UUID debtorId) {
        return dsl.selectFrom(DEBTOR).where(DEBTOR.ID.eq(debtorId)).fetchOptional()
                .flatMap((DebtorRecord r) -> codec.open(debtorId, r.getProfile()));
    }

    private static @Nullable String pick(Map<String, String> values, String key, @Nullable String current) {
        if (!values.containsKey(key)) {
            return current;
        }
        String v = values.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static List<String> lines(Map<String, String> values, String key, List<String> current) {
        if (!values.containsKey(key)) {
            return current;
        }
        return values.get(key).lines().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    static Map<String, Object> address(Address a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", a.type());
        m.put("street", a.street());
        m.put("houseNumber", a.houseNumber());
        m.put("postcode", a.postcode());
        m.put("city", a.city());
        m.put("country", a.country());
        return m;
    }
}
