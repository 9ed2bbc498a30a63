package io.creditflow.collection.handoff;

import io.creditflow.collection.CollectionAgency;
import io.creditflow.privacy.OutboundIntegration;
import io.creditflow.privacy.PersonalDataVault;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * File-drop agency (development): no real bailiff receives anything. It "hands off" by writing the dossier into the
 * data directory ({@code <data-dir>/collection/file-drop/<tenant>/<handoff>.dossier}), encrypted under the debtor's
 * key (so an erased debtor's dossier is unreadable), and its erasure deletes the file. A hand-off that rolls back
 * deletes its file too. Agencies' callbacks are then
 * simulated by signing requests with the tenant's agency secret (see docs/collection.md).
 */
@Component
public class FileDropAgency implements CollectionAgency, OutboundIntegration.Source {

    static final String PLACE = "collection/dossier";
    private final Path root;
    private final PersonalDataVault vault;

    FileDropAgency(@Value("${creditflow.data-dir}") String dataDir, PersonalDataVault vault) {
        this.root = Path.of(dataDir, "collection", "file-drop");
        this.vault = vault;
    }

    @Override
    public String key() {
        return "file-drop";
    }

    @Override
    public String name() {
        return "File-drop agency (development)";
    }

    @Override
    public Receipt handOff(Dossier d) {
        byte[] sealed = vault.encrypt(d.debtorId(), PLACE + "/" + d.handoffId(),
                Base64.getEncoder().encodeToString(d.zip()));
        try {
            Path file = file(d.tenantId(), d.handoffId());
            Files.createDirectories(file.getParent());
            Files.write(file, sealed);
            deleteUnlessCommitted(file);
        } catch (IOException e) {
            throw new HandOffFailed("the file drop could not be written: " + e.getMessage(), e);
        }
        return new Receipt("FD-" + d.handoffId().toString().substring(0, 8).toUpperCase(),
                "dossier written to the development file drop (encrypted), sha256 " + d.sha256());
    }

    /**
     * The file is written inside the hand-off's transaction (a failed write fails the hand-off), so it must go again
     * when that transaction does not commit: no hand-off row would point at it, and nothing (erasure, retention)
     * would ever find it. An unknown outcome counts as not committed: the dossier download then rebuilds the dossier
     * instead of serving the file, which is better than an orphaned copy of personal data.
     */
    private static void deleteUnlessCommitted(Path file) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException("a rolled-back hand-off's dossier could not be deleted: "
                                + file, e);
                    }
                }
            }
        });
    }

    /** The dossier as dropped, decrypted; empty when absent or the debtor was erased. */
    public Optional<byte[]> read(UUID tenantId, UUID handoffId, UUID debtorId) {
        Path file = file(tenantId, handoffId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return vault.decrypt(debtorId, PLACE + "/" + handoffId, Files.readAllBytes(file))
                    .map(b64 -> Base64.getDecoder().decode(b64));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int erase(UUID tenantId, UUID handoffId) {
        try {
            return Files.deleteIfExists(file(tenantId, handoffId)) ? 1 : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file(UUID tenantId, UUID handoffId) {
        return root.resolve(tenantId.toString()).resolve(handoffId + ".dossier");
    }

    @Override
    public List<OutboundIntegration> outboundIntegrations() {
        return List.of(new OutboundIntegration("BAILIFF", name() + ": dossiers are written to the local data "
                + "directory, nothing leaves the platform", null, List.of("name", "address", "e-mail address",
                "phone number", "invoices", "messages sent", "14-day letters")));
    }
}
