package io.creditflow.collection;

import org.jspecify.annotations.Nullable;

/**
 * A tenant's collection settings.
 *
 * @param collectsForThirdParties the tenant collects claims of others (Wet kwaliteit incassodienstverlening): every
 *                                case keeps a dossier at least {@code dossierRetentionYears} after closing
 * @param autoHandoffStage        a case reaching this stage is handed off without approval; null: a collector
 *                                with {@code collection:approve} approves every hand-off
 * @param stageIntervalDays       days a case stays in an amicable stage before the daily job moves it on
 * @param dossierRetentionYears   at least 2 (WKI)
 * @param agency                  the {@link CollectionAgency} hand-offs go to (its {@code key()})
 */
public record CollectionSettings(boolean collectsForThirdParties, @Nullable Stage autoHandoffStage,
                                 int stageIntervalDays, int dossierRetentionYears, String agency) {

    public static final CollectionSettings DEFAULTS = new CollectionSettings(false, null, 14, 2, "file-drop");
}
