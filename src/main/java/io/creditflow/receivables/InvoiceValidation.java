package io.creditflow.receivables;

import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.shared.Betalingskenmerk;
import io.creditflow.shared.RfCreditorReference;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Field-level checks of an invoice, shared by the API, the CSV import and e-invoices. */
public final class InvoiceValidation {

    public static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999.99");

    private InvoiceValidation() {
    }

    public static List<FieldError> check(InvoiceInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.debtorId() == null && (in.debtorExternalId() == null || in.debtorExternalId().isBlank())) {
            errors.add(new FieldError("debtorExternalId", "required (or debtorId)"));
        }
        if (in.number() == null || in.number().isBlank()) {
            errors.add(new FieldError("number", "required"));
        } else if (in.number().length() > 100) {
            errors.add(new FieldError("number", "at most 100 characters"));
        }
        if (in.externalId() != null && (in.externalId().isBlank() || in.externalId().length() > 100)) {
            errors.add(new FieldError("externalId", "1 to 100 characters"));
        }
        if (in.issueDate() == null) {
            errors.add(new FieldError("issueDate", "required, ISO date"));
        }
        if (in.dueDate() == null) {
            errors.add(new FieldError("dueDate", "required, ISO date"));
        }
        if (in.issueDate() != null && in.dueDate() != null && in.dueDate().isBefore(in.issueDate())) {
            errors.add(new FieldError("dueDate", "before the issue date"));
        }
        checkCurrency(in.currency(), errors);
        checkAmount("amount", in.amount(), in.currency(), true, errors);
        checkAmount("vatAmount", in.vatAmount(), in.currency(), false, errors);
        if (in.amount() != null && in.vatAmount() != null && in.vatAmount().compareTo(in.amount()) > 0) {
            errors.add(new FieldError("vatAmount", "larger than the amount"));
        }
        String ref = in.paymentReference();
        if (ref != null && !ref.isBlank()) {
            String compact = ref.replaceAll("[\\s.]", "");
            if (ref.length() > 35) {
                errors.add(new FieldError("paymentReference", "at most 35 characters (SEPA)"));
            } else if (compact.matches("\\d{7,16}") && !Betalingskenmerk.isValid(compact)) {
                errors.add(new FieldError("paymentReference", "not a valid betalingskenmerk (check digit)"));
            } else if (compact.toUpperCase().startsWith("RF") && !RfCreditorReference.isValid(compact)) {
                errors.add(new FieldError("paymentReference", "not a valid RF creditor reference (check digits)"));
            }
        }
        return errors;
    }

    private static void checkCurrency(@Nullable String currency, List<FieldError> errors) {
        if (currency == null) {
            errors.add(new FieldError("currency", "required, ISO 4217 code"));
            return;
        }
        try {
            if (Currency.getInstance(currency).getDefaultFractionDigits() != 2) {
                errors.add(new FieldError("currency", "only currencies with cents are supported"));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("currency", "unknown ISO 4217 code"));
        }
    }

    private static void checkAmount(String field, @Nullable BigDecimal amount, @Nullable String currency,
                                    boolean required, List<FieldError> errors) {
        if (amount == null) {
            if (required) {
                errors.add(new FieldError(field, "required"));
            }
            return;
        }
        if (amount.signum() <= 0 && required) {
            errors.add(new FieldError(field, "must be positive (register a credit note for a credit)"));
        } else if (amount.signum() < 0) {
            errors.add(new FieldError(field, "must not be negative"));
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError(field, "at most 2 decimals"));
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            errors.add(new FieldError(field, "too large"));
        }
    }
}
