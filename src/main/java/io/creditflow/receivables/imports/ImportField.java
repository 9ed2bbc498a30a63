package io.creditflow.receivables.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The fields a CSV row can carry. The default profile's header is the column names of the fields marked as default,
 * in this order; a saved profile maps any of them onto the tenant's own headers.
 */
public enum ImportField {
    DEBTOR_EXTERNAL_ID(true, true, true),
    DEBTOR_TYPE(true, false, false),
    DEBTOR_NAME(true, false, false),
    DEBTOR_EMAIL(true, false, false),
    DEBTOR_IBAN(true, false, false),
    INVOICE_NUMBER(true, false, true),
    ISSUE_DATE(true, false, true),
    DUE_DATE(true, false, true),
    CURRENCY(true, false, false),
    AMOUNT(true, false, true),
    PAYMENT_REFERENCE(true, false, false),
    DEBTOR_PHONE(false, false, false),
    DEBTOR_STREET(false, false, false),
    DEBTOR_HOUSE_NUMBER(false, false, false),
    DEBTOR_POSTCODE(false, false, false),
    DEBTOR_CITY(false, false, false),
    DEBTOR_COUNTRY(false, false, false),
    DEBTOR_LANGUAGE(false, false, false),
    DEBTOR_CHAMBER_OF_COMMERCE(false, false, false),
    DEBTOR_VAT_NUMBER(false, false, false),
    INVOICE_EXTERNAL_ID(false, false, false),
    INVOICE_KIND(false, false, false),
    VAT_AMOUNT(false, false, false);

    private final boolean inDefaultProfile;
    private final boolean requiredForDebtors;
    private final boolean requiredForInvoices;

    ImportField(boolean inDefaultProfile, boolean requiredForDebtors, boolean requiredForInvoices) {
        this.inDefaultProfile = inDefaultProfile;
        this.requiredForDebtors = requiredForDebtors;
        this.requiredForInvoices = requiredForInvoices;
    }

    /** The column name in the default profile, e.g. {@code debtor_external_id}. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isDebtorField() {
        return name().startsWith("DEBTOR_");
    }

    public boolean required(ImportKind kind) {
        return kind == ImportKind.INVOICES ? requiredForInvoices : requiredForDebtors || this == DEBTOR_NAME
                || this == DEBTOR_TYPE;
    }

    /** Fields that belong to an import of this kind (a debtor import has no invoice columns). */
    public boolean appliesTo(ImportKind kind) {
        return kind == ImportKind.INVOICES || isDebtorField();
    }

    public static List<ImportField> defaultHeader() {
        return Arrays.stream(values()).filter(f -> f.inDefaultProfile).toList();
    }
}
