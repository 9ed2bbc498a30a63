package io.creditflow.privacy.rights;

import io.creditflow.platform.NotFoundException;
import io.creditflow.privacy.DataSubject;
import io.creditflow.privacy.PersonalDataContributor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every module's {@link PersonalDataContributor}, in erasure order, and the directory that says who a debtor is.
 * Looked up lazily: the contributors depend on privacy's beans, so privacy must not need them at construction.
 */
@Component
public class Contributors {

    private final ObjectProvider<PersonalDataContributor> contributors;
    private final ObjectProvider<DataSubject.Directory> directory;

    Contributors(ObjectProvider<PersonalDataContributor> contributors, ObjectProvider<DataSubject.Directory> directory) {
        this.contributors = contributors;
        this.directory = directory;
    }

    /** In erasure order (lowest first), then by section name. */
    public List<PersonalDataContributor> inErasureOrder() {
        return contributors.stream().sorted(Comparator.comparingInt(PersonalDataContributor::erasureOrder)
                .thenComparing(PersonalDataContributor::section)).toList();
    }

    /** For the export: the debtor's own data first (highest erasure order), then by section name. */
    public List<PersonalDataContributor> inExportOrder() {
        return contributors.stream().sorted(Comparator.comparingInt(PersonalDataContributor::erasureOrder).reversed()
                .thenComparing(PersonalDataContributor::section)).toList();
    }

    public Optional<PersonalDataContributor> bySection(String section) {
        return contributors.stream().filter(c -> c.section().equals(section)).findFirst();
    }

    /** The data subject with its identifiers; 404 when the debtor does not exist in the current tenant. */
    public DataSubject subject(UUID debtorId) {
        DataSubject.Directory d = directory();
        if (!d.exists(debtorId)) {
            throw new NotFoundException("Debtor", debtorId);
        }
        return new DataSubject(debtorId, d.identifiers(debtorId));
    }

    public boolean exists(UUID debtorId) {
        return directory().exists(debtorId);
    }

    public String reference(UUID debtorId) {
        return directory().reference(debtorId);
    }

    private DataSubject.Directory directory() {
        DataSubject.Directory d = directory.getIfAvailable();
        if (d == null) {
            throw new IllegalStateException("No module provides the debtor directory (receivables is missing)");
        }
        return d;
    }
}
