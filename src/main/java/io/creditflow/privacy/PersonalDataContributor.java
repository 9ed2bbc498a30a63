package io.creditflow.privacy;

import java.util.List;
import java.util.Map;

/**
 * A module's share of one data subject's personal data: what the access export shows of it, how it is erased, and
 * (optionally) how it is rectified. The privacy module finds every bean of this type and never depends on the
 * modules that implement it (they depend on privacy): a module that holds personal data about debtors implements
 * this interface once, in its own base package, and every data-subject right reaches its data.
 *
 * <p>All methods run inside the subject's tenant (row-level security applies) and inside the request's transaction:
 * an exception rolls the whole request back. See DEVELOPERS.md, "Data-subject rights: the contributor SPI".
 */
public interface PersonalDataContributor {

    /** Stable machine name, {@code <module>.<part>} ("receivables.debtor"): the section's key in the export. */
    String section();

    /**
     * Erasure order: lower runs first. Modules that still need to read the subject's data while erasing (to find
     * what belongs to them) keep the default; receivables, which owns the debtor row, runs last (100). The subject's
     * key is shredded after every contributor has run.
     */
    default int erasureOrder() {
        return 0;
    }

    /** Everything this module holds about the subject, decrypted, for the access and portability export. */
    ExportSection export(DataSubject subject);

    /**
     * Deletes or minimises this module's personal data of the subject and says what was done and what was kept under
     * which legal ground. Under {@link ErasureScope#legalHold()} keep what the legal claim needs (and say so) and
     * remove the rest; the data is erased for good (key shredded) when the hold is released.
     */
    ErasureReport erase(DataSubject subject, ErasureScope scope);

    /**
     * The processing activity this section is part of, for the records of processing (art. 30(2)); null when the
     * section only supports the others (an index, a copy).
     */
    default @org.jspecify.annotations.Nullable ProcessingActivity activity() {
        return null;
    }

    /** One activity in the records of processing: what is done, why, about whom, with which data. */
    record ProcessingActivity(String name, String purpose, String dataSubjects, java.util.List<String> dataCategories) {
        public ProcessingActivity {
            dataCategories = java.util.List.copyOf(dataCategories);
        }
    }

    /** The fields the controller may rectify, with their current values (empty when this section has none). */
    default List<RectifiableField> rectifiableFields(DataSubject subject) {
        return List.of();
    }

    /**
     * Replaces the given fields (keys from {@link #rectifiableFields}); validates and refuses bad values with a
     * {@link io.creditflow.platform.ValidationException} naming each field. The privacy module records the previous
     * values (encrypted), who, when and why.
     */
    default void rectify(DataSubject subject, Map<String, String> newValues) {
        throw new UnsupportedOperationException(section() + " has no rectifiable fields");
    }
}
