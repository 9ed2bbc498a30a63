package io.creditflow.receivables;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** What a client sends to register or update a debtor (validated by {@link DebtorValidation}). */
public record DebtorInput(@Nullable String externalId, @Nullable DebtorType type, @Nullable String language,
                          @Nullable String preferredChannel, @Nullable String country, List<String> tags,
                          DebtorProfile profile) {

    public DebtorInput {
        tags = List.copyOf(tags);
    }
}
