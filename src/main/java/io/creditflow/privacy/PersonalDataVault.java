package io.creditflow.privacy;

import com.google.crypto.tink.Aead;
import io.creditflow.platform.TenantContext;
import io.creditflow.privacy.keys.SubjectKeyring;
import io.creditflow.privacy.keys.TenantKeyring;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * Encrypts and decrypts personal data of the current tenant's data subjects. Each ciphertext is AES-256-GCM under the
 * subject's own key, with associated data binding it to the tenant, the subject and its place (e.g.
 * {@code debtor/<id>/profile}): a ciphertext copied to another row, subject or tenant fails to decrypt.
 */
@Component
public class PersonalDataVault {

    private final SubjectKeyring subjectKeys;
    private final TenantKeyring tenantKeys;

    PersonalDataVault(SubjectKeyring subjectKeys, TenantKeyring tenantKeys) {
        this.subjectKeys = subjectKeys;
        this.tenantKeys = tenantKeys;
    }

    public byte[] encrypt(UUID subject, String place, String plaintext) {
        return encryptBytes(subject, place, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    /** The plaintext, or empty if the subject was erased (its key destroyed). */
    public Optional<String> decrypt(UUID subject, String place, byte[] ciphertext) {
        return decryptBytes(subject, place, ciphertext).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /**
     * As {@link #encrypt} for a document kept byte for byte (an e-invoice as received, whatever its character
     * encoding), without the detour through text.
     */
    public byte[] encryptBytes(UUID subject, String place, byte[] plaintext) {
        UUID tenant = TenantContext.require();
        Aead key = subjectKeys.keyFor(tenant, subject).orElseThrow(() -> new IllegalStateException(
                "The personal data of subject " + subject + " was erased; nothing new may be stored for it"));
        try {
            return key.encrypt(plaintext, ad(tenant, subject, place));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plaintext bytes, or empty if the subject was erased (its key destroyed). */
    public Optional<byte[]> decryptBytes(UUID subject, String place, byte[] ciphertext) {
        UUID tenant = TenantContext.require();
        Optional<Aead> key = subjectKeys.keyFor(tenant, subject);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(key.get().decrypt(ciphertext, ad(tenant, subject, place)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ciphertext of subject " + subject + " at " + place
                    + " does not decrypt: it was altered or moved", e);
        }
    }

    /** The keyed digest of a value for exact search (16 bytes). */
    public byte[] blindIndex(BlindIndex kind, String value) {
        UUID tenant = TenantContext.require();
        byte[] input = (kind.name() + ":" + kind.normalise(value)).getBytes(StandardCharsets.UTF_8);
        try {
            return tenantKeys.keys(tenant).prf().computePrimary(input, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A keyed digest of arbitrary personal content (16 bytes): tells whether two versions are equal without storing
     * or decrypting either (e.g. an unchanged debtor profile on re-import).
     */
    public byte[] digest(String value) {
        try {
            return tenantKeys.keys(TenantContext.require()).prf()
                    .computePrimary(("DIGEST:" + value).getBytes(StandardCharsets.UTF_8), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Readies the keys of many subjects at once (bulk imports). */
    public void prepareSubjects(Collection<UUID> subjects) {
        subjectKeys.prepare(TenantContext.require(), subjects);
    }

    /**
     * Creates the keys of subjects the caller has just minted (new random ids): one insert, without the look-up
     * {@link #prepareSubjects} needs for subjects that may exist (a credit check of a new applicant).
     */
    public void createSubjects(Collection<UUID> subjects) {
        subjectKeys.createNew(TenantContext.require(), subjects);
    }

    /** Crypto-shreds a subject: destroys its key, so every ciphertext of it anywhere becomes unreadable. */
    public void shred(UUID subject) {
        subjectKeys.destroy(TenantContext.require(), subject);
    }

    private static byte[] ad(UUID tenant, UUID subject, String place) {
        return (tenant + "/" + subject + "/" + place).getBytes(StandardCharsets.UTF_8);
    }
}
