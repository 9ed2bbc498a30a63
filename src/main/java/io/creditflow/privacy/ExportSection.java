package io.creditflow.privacy;

import java.util.List;
import java.util.Map;

/**
 * One module's part of an access export (GDPR art. 15 and 20): what it holds about the person, decrypted, as records
 * of plain JSON values (strings, numbers, booleans, lists, nested maps), with the purpose it is processed for and the
 * kinds of recipient it goes to (resolved against the sub-processor registry: MAIL, SMS, PRINT, PAYMENT, BAILIFF,
 * BANK, CREDIT_BUREAU). Amounts are strings with two decimals, times ISO-8601, as in the API.
 *
 * @param section        the contributor's {@link PersonalDataContributor#section()}
 * @param title          a human title (English; the PDF translates known sections)
 * @param purpose        why this data is processed
 * @param source         where the data came from (art. 15(1)(g))
 * @param recipientKinds sub-processor services this data is disclosed to
 * @param records        the data; may be empty
 */
public record ExportSection(String section, String title, String purpose, String source, List<String> recipientKinds,
                            List<Map<String, Object>> records) {

    public ExportSection {
        recipientKinds = List.copyOf(recipientKinds);
        records = List.copyOf(records);
    }

    public static ExportSection empty(String section, String title, String purpose, String source) {
        return new ExportSection(section, title, purpose, source, List.of(), List.of());
    }
}
