package io.creditflow.privacy.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PrfConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The root of the key hierarchy: a Tink AEAD keyset that wraps the tenants' keys. Production supplies it by
 * environment ({@code CREDITFLOW_MASTER_KEY}, the keyset as Tink JSON, plain or base64). Without one, a demo key is
 * generated into the data directory with a loud warning: whoever holds that file and a database copy can read
 * everything. A keyset may hold several keys (rotation): new wrapping uses the primary, unwrapping tries all.
 */
@Component
public class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    static {
        try {
            AeadConfig.register();
            PrfConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Path file;
    private final boolean fromEnvironment;
    private volatile KeysetHandle keyset;
    private volatile Aead aead;

    MasterKey(@Value("${creditflow.master-key:}") String configured,
              @Value("${creditflow.master-key-file:${creditflow.data-dir}/master-key.json}") String file,
              @Value("${creditflow.master-key-generate:true}") boolean generate) {
        this.file = Path.of(file);
        this.fromEnvironment = !configured.isBlank();
        try {
            if (fromEnvironment) {
                load(parse(configured));
            } else if (Files.exists(this.file)) {
                load(parse(Files.readString(this.file)));
            } else if (generate) {
                KeysetHandle generated = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
                write(generated);
                load(generated);
                log.warn("Generated a DEMO master key in {}. Anyone with this file and a copy of the database can "
                        + "decrypt all personal data. In production set CREDITFLOW_MASTER_KEY (see README).", this.file);
            } else {
                throw new IllegalStateException("No master key: set CREDITFLOW_MASTER_KEY");
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not load the master key", e);
        }
    }

    public Aead aead() {
        return aead;
    }

    public KeysetHandle keyset() {
        return keyset;
    }

    public boolean fromEnvironment() {
        return fromEnvironment;
    }

    /**
     * Installs a new keyset (rotation): written to the key file when the key lives there; when it comes from the
     * environment the caller prints it for the operator to deploy.
     */
    public void replace(KeysetHandle next) throws GeneralSecurityException, IOException {
        if (!fromEnvironment) {
            write(next);
        }
        load(next);
    }

    public static String toJson(KeysetHandle handle) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
    }

    private void load(KeysetHandle handle) throws GeneralSecurityException {
        this.keyset = handle;
        this.aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    private static KeysetHandle parse(String text) throws GeneralSecurityException {
        String json = text.trim();
        if (!json.startsWith("{")) {
            json = new String(Base64.getDecoder().decode(json), StandardCharsets.UTF_8);
        }
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }

    private void write(KeysetHandle handle) throws GeneralSecurityException, IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, toJson(handle));
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: permissions are the operator's business
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
