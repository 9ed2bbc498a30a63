package io.creditflow.privacy.cli;

import io.creditflow.platform.cli.CliCommand;
import io.creditflow.platform.cli.CliContext;
import io.creditflow.privacy.keys.KeyRotation;
import io.creditflow.privacy.keys.MasterKey;
import org.jooq.DSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.UUID;
import java.util.concurrent.Callable;

import static io.creditflow.jooq.Tables.TENANT;

/** {@code keys ...}: master and tenant key rotation while Creditflow keeps running (see {@link KeyRotation}). */
@Command(name = "keys", description = "Encryption key rotation", mixinStandardHelpOptions = true,
        subcommands = {KeysCommand.RotateMaster.class, KeysCommand.MasterAdd.class, KeysCommand.MasterPromote.class,
                KeysCommand.MasterRetire.class, KeysCommand.RotateTenant.class})
public class KeysCommand implements CliCommand {

    @Override
    public String name() {
        return "keys";
    }

    abstract static class WithContext implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            try (var context = CliContext.start("creditflow.demo.enabled=false", "db-scheduler.enabled=false")) {
                return run(context.getBean(KeyRotation.class), context);
            }
        }

        abstract int run(KeyRotation rotation, org.springframework.context.ApplicationContext context) throws Exception;
    }

    @Command(name = "rotate-master", description = "All three master-key steps at once (single node, key file)")
    static class RotateMaster extends WithContext {
        @Override
        int run(KeyRotation rotation, org.springframework.context.ApplicationContext context) throws Exception {
            boolean env = context.getBean(MasterKey.class).fromEnvironment();
            rotation.addMasterKey();
            int tenants = rotation.promoteAndRewrap();
            String keyset = rotation.retireOldMasterKeys();
            System.out.println("Master key rotated; tenant keys re-wrapped for " + tenants + " tenants.");
            if (env) {
                System.out.println("Set CREDITFLOW_MASTER_KEY to this keyset on every node:\n" + keyset);
            }
            return 0;
        }
    }

    @Command(name = "master-add", description = "Step 1 of 3 (cluster): add a new master key and print the keyset "
            + "to deploy to every node")
    static class MasterAdd extends WithContext {
        @Override
        int run(KeyRotation rotation, org.springframework.context.ApplicationContext context) throws Exception {
            System.out.println(rotation.addMasterKey());
            return 0;
        }
    }

    @Command(name = "master-promote", description = "Step 2 of 3: make the new key primary, re-wrap all tenant keys")
    static class MasterPromote extends WithContext {
        @Override
        int run(KeyRotation rotation, org.springframework.context.ApplicationContext context) throws Exception {
            System.out.println("Re-wrapped the keys of " + rotation.promoteAndRewrap() + " tenants.");
            return 0;
        }
    }

    @Command(name = "master-retire", description = "Step 3 of 3: remove the old master keys; prints the final keyset")
    static class MasterRetire extends WithContext {
        @Override
        int run(KeyRotation rotation, org.springframework.context.ApplicationContext context) throws Exception {
            System.out.println(rotation.retireOldMasterKeys());
            return 0;
        }
    }

    @Command(name = "rotate-tenant", description = "New key version for one tenant; re-wraps its subject keys")
    static class RotateTenant extends WithContext {
        @Option(names = "--tenant", required = true, description = "tenant slug or id")
        String tenant;

        @Override
        int run(KeyRotation rotation, org.springframework.context.ApplicationContext context) {
            UUID id = context.getBean(DSLContext.class).select(TENANT.ID).from(TENANT)
                    .where(TENANT.SLUG.eq(tenant).or(TENANT.ID.cast(String.class).eq(tenant)))
                    .fetchOptional(TENANT.ID).orElseThrow(() -> new IllegalArgumentException("unknown tenant " + tenant));
            System.out.println("Re-wrapped " + rotation.rotateTenantKey(id) + " subject keys of tenant " + tenant + ".");
            return 0;
        }
    }
}
