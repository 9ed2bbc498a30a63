package io.creditflow.collection.handoff;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.collection.CollectionCases;
import io.creditflow.collection.HandOffs;
import io.creditflow.platform.TenantContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * The dossier of a case for download: the one handed off when the agency kept a copy here (the file drop), otherwise
 * built now, as a hand-off would send it. Reading it is a read of personal data, audited.
 */
@Component
public class DossierDownloads {

    private final CollectionCases cases;
    private final HandOffs handOffs;
    private final Dossiers dossiers;
    private final FileDropAgency fileDrop;
    private final AuditLog audit;

    DossierDownloads(CollectionCases cases, HandOffs handOffs, Dossiers dossiers, FileDropAgency fileDrop,
                     AuditLog audit) {
        this.cases = cases;
        this.handOffs = handOffs;
        this.dossiers = dossiers;
        this.fileDrop = fileDrop;
        this.audit = audit;
    }

    public record Download(String filename, byte[] zip, boolean asHandedOff) {
    }

    @Transactional
    public Download download(UUID caseId) {
        CollectionCases.CaseView c = cases.get(caseId);
        audit.record(AuditEvent.of("collection.dossier-read", "collection-case", caseId).subject(c.debtorId())
                .purpose("collection"));
        var handOff = handOffs.ofCase(caseId);
        if (handOff.isPresent() && fileDrop.key().equals(handOff.get().agency())) {
            var kept = fileDrop.read(TenantContext.require(), handOff.get().id(), c.debtorId());
            if (kept.isPresent()) {
                return new Download("dossier-" + c.reference() + ".zip", kept.get(), true);
            }
        }
        return new Download("dossier-" + c.reference() + "-preview.zip",
                dossiers.build(caseId, UUID.randomUUID(), "preview (not handed off)").zip(), false);
    }
}
