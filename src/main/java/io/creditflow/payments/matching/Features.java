package io.creditflow.payments.matching;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What a payment says that can identify an invoice or a debtor, normalised for lookup.
 *
 * @param structuredReference the structured reference field, normalised, when its check digit holds
 * @param references valid structured references (from the structured field or found in the text), in the order given
 * @param badReferences reference-like values whose check digit fails: candidates for correction
 * @param numberKeys possible invoice numbers without separators, upper case ("INV20240042")
 * @param digitKeys the digits of possible invoice numbers ("20240042"), for payers who leave out the prefix
 * @param nameWords the significant words of the payer's name
 */
public record Features(@Nullable String structuredReference, List<String> references, List<String> badReferences, List<String> numberKeys,
                       List<String> digitKeys, @Nullable String endToEndId, @Nullable String iban,
                       List<String> nameWords) {

    public Features {
        references = List.copyOf(references);
        badReferences = List.copyOf(badReferences);
        numberKeys = List.copyOf(numberKeys);
        digitKeys = List.copyOf(digitKeys);
        nameWords = List.copyOf(nameWords);
    }
}
