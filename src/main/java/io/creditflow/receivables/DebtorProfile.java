package io.creditflow.receivables;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * The debtor's personal data, stored only encrypted (one ciphertext under the debtor's own key). Business debtors'
 * company data is kept here too: a sole trader's name and VAT number are personal data.
 */
public record DebtorProfile(String name, @Nullable String salutation, @Nullable String dateOfBirth,
                            List<Address> addresses, List<String> emails, List<String> phones, List<String> ibans,
                            @Nullable String chamberOfCommerce, @Nullable String vatNumber,
                            @Nullable String contactPerson) {

    public DebtorProfile {
        addresses = List.copyOf(addresses);
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        ibans = List.copyOf(ibans);
    }

    public @Nullable String email() {
        return emails.isEmpty() ? null : emails.getFirst();
    }

    public @Nullable String phone() {
        return phones.isEmpty() ? null : phones.getFirst();
    }

    public @Nullable String iban() {
        return ibans.isEmpty() ? null : ibans.getFirst();
    }

    public @Nullable Address billingAddress() {
        return addresses.stream().filter(a -> a.type() == null || "BILLING".equals(a.type())).findFirst()
                .orElse(addresses.isEmpty() ? null : addresses.getFirst());
    }
}
