package io.creditflow.receivables.web;

import io.creditflow.privacy.PrivacyMarkers;
import io.creditflow.receivables.Address;
import io.creditflow.receivables.Debtor;
import io.creditflow.receivables.DebtorInput;
import io.creditflow.receivables.DebtorProfile;
import io.creditflow.receivables.DebtorType;
import io.creditflow.receivables.Invoice;
import io.creditflow.receivables.InvoiceInput;
import io.creditflow.receivables.InvoiceKind;
import io.creditflow.receivables.LedgerEntry;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The receivables API's JSON shapes. Field names are a contract scripts rely on; amounts travel as strings with two
 * decimals (no binary floating point anywhere between a bank and a ledger), dates as ISO-8601.
 */
final class ReceivablesJson {

    private ReceivablesJson() {
    }

    record AddressJson(@Nullable String type, @Nullable String street, @Nullable String houseNumber,
                       @Nullable String postcode, @Nullable String city, @Nullable String country) {
        Address toAddress(String defaultType) {
            return new Address(type == null ? defaultType : type, street, houseNumber, postcode, city, country);
        }

        static AddressJson of(Address a) {
            return new AddressJson(a.type(), a.street(), a.houseNumber(), a.postcode(), a.city(), a.country());
        }
    }

    /** Request body of POST/PUT debtors: the contract's single fields, or lists for several of each. */
    record DebtorRequest(@Nullable String externalId, @Nullable DebtorType type, @Nullable String name,
                         @Nullable String salutation, @Nullable String dateOfBirth, @Nullable String email,
                         @Nullable List<String> emails, @Nullable String phone, @Nullable List<String> phones,
                         @Nullable String iban, @Nullable List<String> ibans, @Nullable String language,
                         @Nullable String preferredChannel, @Nullable AddressJson address,
                         @Nullable AddressJson deliveryAddress, @Nullable List<AddressJson> addresses,
                         @Nullable String chamberOfCommerce, @Nullable String vatNumber,
                         @Nullable String contactPerson, @Nullable List<String> tags, @Nullable Integer version) {

        DebtorInput toInput() {
            List<Address> all = new ArrayList<>();
            if (address != null) {
                all.add(address.toAddress("BILLING"));
            }
            if (deliveryAddress != null) {
                all.add(deliveryAddress.toAddress("DELIVERY"));
            }
            if (addresses != null) {
                addresses.forEach(a -> all.add(a.toAddress("BILLING")));
            }
            DebtorProfile profile = new DebtorProfile(name == null ? "" : name, salutation, dateOfBirth, all,
                    merge(email, emails), merge(phone, phones), merge(iban, ibans), chamberOfCommerce, vatNumber,
                    contactPerson);
            String country = all.isEmpty() ? null : all.getFirst().country();
            return new DebtorInput(externalId, type, language, preferredChannel, country,
                    tags == null ? List.of() : tags, profile);
        }

        private static List<String> merge(@Nullable String one, @Nullable List<String> many) {
            List<String> all = new ArrayList<>();
            if (one != null && !one.isBlank()) {
                all.add(one.trim());
            }
            if (many != null) {
                many.stream().filter(s -> s != null && !s.isBlank() && !all.contains(s.trim()))
                        .forEach(s -> all.add(s.trim()));
            }
            return all;
        }
    }

    record DebtorResponse(UUID id, String externalId, DebtorType type, @Nullable String name,
                          @Nullable String salutation, @Nullable String dateOfBirth, @Nullable String email,
                          List<String> emails, @Nullable String phone, List<String> phones, @Nullable String iban,
                          List<String> ibans, String language, String preferredChannel, @Nullable AddressJson address,
                          List<AddressJson> addresses, @Nullable String chamberOfCommerce,
                          @Nullable String vatNumber, @Nullable String contactPerson, List<String> tags,
                          String status, boolean erased, int version, OffsetDateTime createdAt,
                          List<String> contestedFields, boolean restricted) {

        /** With the privacy markers: the fields the person contests, and whether processing is restricted. */
        static DebtorResponse of(Debtor d, PrivacyMarkers.Markers markers) {
            List<String> contested = List.copyOf(markers.contestedFields());
            DebtorProfile p = d.profile();
            if (p == null) {
                return new DebtorResponse(d.id(), d.externalId(), d.type(), null, null, null, null, List.of(), null,
                        List.of(), null, List.of(), d.language(), d.preferredChannel(), null, List.of(), null, null,
                        null, d.tags(), d.status(), true, d.version(), d.createdAt(), contested, markers.restricted());
            }
            Address billing = p.billingAddress();
            return new DebtorResponse(d.id(), d.externalId(), d.type(), p.name(), p.salutation(), p.dateOfBirth(),
                    p.email(), p.emails(), p.phone(), p.phones(), p.iban(), p.ibans(), d.language(),
                    d.preferredChannel(), billing == null ? null : AddressJson.of(billing),
                    p.addresses().stream().map(AddressJson::of).toList(), p.chamberOfCommerce(), p.vatNumber(),
                    p.contactPerson(), d.tags(), d.status(), false, d.version(), d.createdAt(), contested,
                    markers.restricted());
        }
    }

    record InvoiceRequest(@Nullable String externalId, @Nullable UUID debtorId, @Nullable String debtorExternalId,
                          @Nullable String number, @Nullable InvoiceKind kind, @Nullable LocalDate issueDate,
                          @Nullable LocalDate dueDate, @Nullable String currency, @Nullable BigDecimal amount,
                          @Nullable BigDecimal vatAmount, @Nullable String paymentReference,
                          @Nullable List<LineJson> lines) {
        InvoiceInput toInput() {
            return new InvoiceInput(externalId, debtorId, debtorExternalId, number, kind, issueDate, dueDate,
                    currency == null ? "EUR" : currency, amount, vatAmount, paymentReference,
                    lines == null ? List.of() : lines.stream().map(LineJson::toLine).toList());
        }
    }

    record LineJson(String description, BigDecimal quantity, BigDecimal unitPrice, @Nullable BigDecimal vatRate,
                    BigDecimal amount) {
        InvoiceInput.Line toLine() {
            return new InvoiceInput.Line(description, quantity, unitPrice, vatRate, amount);
        }
    }

    record InvoiceResponse(UUID id, @Nullable String externalId, UUID debtorId, String number, InvoiceKind kind,
                           LocalDate issueDate, LocalDate dueDate, String currency, String amount,
                           @Nullable String vatAmount, String paymentReference, String openAmount,
                           String openPrincipal, String openCosts, String openInterest, String status,
                           @Nullable String disputeReason, String source, OffsetDateTime createdAt,
                           @Nullable OffsetDateTime settledAt) {
        static InvoiceResponse of(Invoice i) {
            return new InvoiceResponse(i.id(), i.externalId(), i.debtorId(), i.number(), i.kind(), i.issueDate(),
                    i.dueDate(), i.currency(), money(i.amount()), i.vatAmount() == null ? null : money(i.vatAmount()),
                    i.paymentReference(), money(i.openAmount()), money(i.openPrincipal()), money(i.openCosts()),
                    money(i.openInterest()), i.status().name(), i.disputeReason(), i.source(), i.createdAt(),
                    i.settledAt());
        }
    }

    record LedgerEntryResponse(int seq, String kind, String principal, String costs, String interest, String total,
                               LocalDate valueDate, OffsetDateTime bookedAt, @Nullable String reference,
                               @Nullable Integer reversesSeq, @Nullable String note) {
        static LedgerEntryResponse of(LedgerEntry e) {
            return new LedgerEntryResponse(e.seq(), e.kind().name(), money(e.principal()), money(e.costs()),
                    money(e.interest()), money(e.total()), e.valueDate(), e.bookedAt(), e.reference(),
                    e.reversesSeq(), e.note());
        }
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
