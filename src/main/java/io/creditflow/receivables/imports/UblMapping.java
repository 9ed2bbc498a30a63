package io.creditflow.receivables.imports;

import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.receivables.Address;
import io.creditflow.receivables.BulkIntake.DebtorRow;
import io.creditflow.receivables.BulkIntake.InvoiceRow;
import io.creditflow.receivables.DebtorProfile;
import io.creditflow.receivables.DebtorType;
import io.creditflow.receivables.InvoiceKind;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.MonetaryTotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentMeansType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxTotalType;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps a Peppol BIS 3.0 document onto Creditflow (see payment-formats.md):
 * <ul>
 * <li>debtor = {@code AccountingCustomerParty/Party}; its external id is the buyer identifier
 * ({@code PartyIdentification/ID}, BT-46) when given, else {@code KVK:<number>} from {@code PartyLegalEntity/CompanyID}
 * with scheme 0106, else {@code <scheme>:<endpoint id>}; name = {@code RegistrationName}, else {@code PartyName};
 * VAT = {@code PartyTaxScheme/CompanyID}; e-mail and phone from {@code Contact}; the debtor's IBAN only from a direct
 * debit mandate ({@code PaymentMandate/PayerFinancialAccount}). Peppol is a business network: debtors are BUSINESS.</li>
 * <li>receivable = {@code LegalMonetaryTotal/PayableAmount} (BT-115: the total with VAT minus {@code PrepaidAmount},
 * rule BR-CO-16 guarantees it), payment reference = {@code PaymentMeans/PaymentID}; due date = {@code DueDate}, else
 * {@code PaymentMeans/PaymentDueDate}, else the issue date plus 30 days (the statutory B2B term, art. 6:119a BW) for
 * invoices and the issue date for credit notes.</li>
 * </ul>
 */
final class UblMapping {

    static final int DEFAULT_TERM_DAYS = 30;

    private UblMapping() {
    }

    record Mapped(DebtorRow debtor, InvoiceRow invoice, List<FieldError> problems) {
    }

    static Mapped of(InvoiceType doc) {
        LocalDate issue = doc.getIssueDateValueLocal();
        LocalDate due = doc.getDueDate() != null ? doc.getDueDateValueLocal() : paymentDue(doc.getPaymentMeans());
        return map(doc.getIDValue(), InvoiceKind.INVOICE, issue, due == null ? issue.plusDays(DEFAULT_TERM_DAYS) : due,
                doc.getDocumentCurrencyCodeValue(), doc.getAccountingCustomerParty().getParty(),
                doc.getLegalMonetaryTotal(), doc.getTaxTotal(), doc.getPaymentMeans());
    }

    static Mapped of(CreditNoteType doc) {
        LocalDate issue = doc.getIssueDateValueLocal();
        LocalDate due = paymentDue(doc.getPaymentMeans());
        return map(doc.getIDValue(), InvoiceKind.CREDIT_NOTE, issue, due == null ? issue : due,
                doc.getDocumentCurrencyCodeValue(), doc.getAccountingCustomerParty().getParty(),
                doc.getLegalMonetaryTotal(), doc.getTaxTotal(), doc.getPaymentMeans());
    }

    private static Mapped map(String number, InvoiceKind kind, LocalDate issue, LocalDate due, String currency,
                              PartyType party, MonetaryTotalType totals, List<TaxTotalType> taxTotals,
                              List<PaymentMeansType> means) {
        List<FieldError> problems = new ArrayList<>();
        DebtorRow debtor = debtor(party, means, problems);
        BigDecimal payable = totals.getPayableAmountValue();
        BigDecimal prepaid = totals.getPrepaidAmount() == null ? BigDecimal.ZERO : totals.getPrepaidAmountValue();
        if (payable.signum() == 0) {
            problems.add(new FieldError("LegalMonetaryTotal/PayableAmount", "nothing to collect: the amount due is"
                    + " zero (fully prepaid?)"));
        } else if (payable.signum() < 0) {
            problems.add(new FieldError("LegalMonetaryTotal/PayableAmount", "negative amount due: send a credit note"
                    + " instead"));
        }
        BigDecimal vat = null;
        if (prepaid.signum() == 0) {
            for (TaxTotalType t : taxTotals) {
                if (t.getTaxAmount() != null && currency.equals(t.getTaxAmount().getCurrencyID())) {
                    vat = t.getTaxAmountValue();
                }
            }
        }
        String reference = null;
        for (PaymentMeansType m : means) {
            if (reference == null && m.getPaymentIDCount() > 0) {
                reference = m.getPaymentIDAtIndex(0).getValue().replaceAll("[\\s.]", "").toUpperCase(Locale.ROOT);
            }
        }
        InvoiceRow invoice = new InvoiceRow(debtor.externalId(), number, null, kind, issue, due, currency,
                payable.abs(), vat, reference);
        return new Mapped(debtor, invoice, problems);
    }

    private static DebtorRow debtor(PartyType party, List<PaymentMeansType> means, List<FieldError> problems) {
        String kvk = null;
        String legalName = null;
        for (var legal : party.getPartyLegalEntity()) {
            legalName = legalName == null ? legal.getRegistrationNameValue() : legalName;
            if (legal.getCompanyID() != null && "0106".equals(legal.getCompanyID().getSchemeID())) {
                kvk = legal.getCompanyIDValue().strip();
            }
        }
        String name = legalName != null ? legalName
                : party.getPartyName().isEmpty() ? null : party.getPartyName().getFirst().getNameValue();
        String vat = null;
        for (var tax : party.getPartyTaxScheme()) {
            if (tax.getTaxScheme() != null && "VAT".equals(tax.getTaxScheme().getIDValue())) {
                vat = tax.getCompanyIDValue();
            }
        }
        String externalId = null;
        if (!party.getPartyIdentification().isEmpty()) {
            externalId = party.getPartyIdentification().getFirst().getIDValue();
        } else if (kvk != null) {
            externalId = "KVK:" + kvk;
        } else if (party.getEndpointID() != null) {
            externalId = party.getEndpointID().getSchemeID() + ":" + party.getEndpointID().getValue();
        }
        if (externalId == null || name == null) {
            problems.add(new FieldError("AccountingCustomerParty/Party", "the buyer has no identifier or no name"));
        }
        List<Address> addresses = new ArrayList<>();
        String country = null;
        var a = party.getPostalAddress();
        if (a != null) {
            country = a.getCountry() == null ? null : a.getCountry().getIdentificationCodeValue();
            String street = a.getStreetNameValue();
            if (a.getAdditionalStreetName() != null) {
                street = street + ", " + a.getAdditionalStreetNameValue();
            }
            addresses.add(new Address("BILLING", street, null, a.getPostalZoneValue(), a.getCityNameValue(), country));
        }
        List<String> emails = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        if (party.getContact() != null) {
            if (party.getContact().getElectronicMail() != null) {
                emails.add(party.getContact().getElectronicMailValue().strip());
            }
            if (party.getContact().getTelephone() != null) {
                phones.add(party.getContact().getTelephoneValue().strip());
            }
        }
        List<String> ibans = new ArrayList<>();
        for (PaymentMeansType m : means) {
            if (m.getPaymentMandate() != null && m.getPaymentMandate().getPayerFinancialAccount() != null) {
                ibans.add(m.getPaymentMandate().getPayerFinancialAccount().getIDValue().replace(" ", ""));
            }
        }
        DebtorProfile profile = new DebtorProfile(name == null ? "" : name, null, null, addresses, emails, phones,
                ibans, kvk, vat, party.getContact() == null ? null : party.getContact().getNameValue());
        String language = "NL".equals(country) || "BE".equals(country) ? "nl" : "DE".equals(country) ? "de" : "en";
        return new DebtorRow(externalId == null ? "" : externalId, DebtorType.BUSINESS, language, "EMAIL", country,
                List.of(), profile);
    }

    private static @Nullable LocalDate paymentDue(List<PaymentMeansType> means) {
        for (PaymentMeansType m : means) {
            if (m.getPaymentDueDate() != null) {
                return m.getPaymentDueDateValue().toLocalDate();
            }
        }
        return null;
    }

    /** The UBL element an invoice field comes from, for error messages. */
    static String elementOf(String field) {
        return switch (field) {
            case "number" -> "cbc:ID";
            case "issueDate" -> "cbc:IssueDate";
            case "dueDate" -> "cbc:DueDate";
            case "currency" -> "cbc:DocumentCurrencyCode";
            case "amount" -> "cac:LegalMonetaryTotal/cbc:PayableAmount";
            case "vatAmount" -> "cac:TaxTotal/cbc:TaxAmount";
            case "paymentReference" -> "cac:PaymentMeans/cbc:PaymentID";
            default -> "cac:AccountingCustomerParty";
        };
    }
}
