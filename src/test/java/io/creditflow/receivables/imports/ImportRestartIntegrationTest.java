package io.creditflow.receivables.imports;

import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;

import static io.creditflow.jooq.Tables.IMPORT_JOB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What happens after a node died during an import: its data transaction was rolled back by PostgreSQL, the record
 * still says IMPORTING, and db-scheduler runs the task again. The second run starts from the stored file and
 * completes; without the file it fails cleanly. Uploads are deleted once an import finished.
 */
@CreditflowTest
class ImportRestartIntegrationTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    ImportRunner runner;
    @Autowired
    ImportFiles files;
    @Autowired
    ImportJobs jobs;
    @Autowired
    DSLContext dsl;

    @Test
    void anInterruptedImportRunsAgainFromItsStoredFile() {
        TestTenant tenant = tenants.create();
        UUID id = interrupted(tenant, true);
        runner.run(tenant.id(), id);
        ImportJob job = tenants.inTenant(tenant, () -> jobs.get(id));
        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.attempts()).isEqualTo(2);
        assertThat(job.rowsImported()).isEqualTo(3);
        assertThat(Files.exists(files.path(tenant.id(), id))).as("upload deleted").isFalse();
    }

    @Test
    void anInterruptedImportWhoseUploadIsGoneFailsAndChangesNothing() {
        TestTenant tenant = tenants.create();
        UUID id = interrupted(tenant, false);
        runner.run(tenant.id(), id);
        ImportJob job = tenants.inTenant(tenant, () -> jobs.get(id));
        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(job.message()).contains("no longer available");
        assertThat(tenant.api().get().uri("/api/v1/invoices?number=INV-1").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aFinishedImportIsNotRunTwice() {
        TestTenant tenant = tenants.create();
        JsonState state = new JsonState(new ImportClient(tenant).run(
                CsvImportIntegrationTest.GOOD.getBytes(StandardCharsets.UTF_8), "f.csv", "kind=invoices"));
        UUID id = UUID.fromString(state.id());
        runner.run(tenant.id(), id);
        assertThat(tenants.inTenant(tenant, () -> jobs.get(id)).attempts()).isEqualTo(1);
        assertThat(Files.exists(files.path(tenant.id(), id))).isFalse();
    }

    private record JsonState(tools.jackson.databind.JsonNode node) {
        String id() {
            return node.get("id").asString();
        }
    }

    private UUID interrupted(TestTenant tenant, boolean keepFile) {
        UUID id = UUID.randomUUID();
        byte[] csv = CsvImportIntegrationTest.GOOD.getBytes(StandardCharsets.UTF_8);
        ImportFiles.Stored stored = files.store(tenant.id(), id, new ByteArrayInputStream(csv));
        tenants.inTenant(tenant, () -> {
            jobs.create(new ImportJobs.NewJob(id, ImportKind.INVOICES, ImportMode.ALL_OR_NOTHING, false, "CSV",
                    "f.csv", stored.size(), stored.sha256(), null, "test"));
            return dsl.update(IMPORT_JOB).set(IMPORT_JOB.STATUS, ImportStatus.IMPORTING.name())
                    .set(IMPORT_JOB.ATTEMPTS, 1).where(IMPORT_JOB.ID.eq(id)).execute();
        });
        if (!keepFile) {
            files.delete(tenant.id(), id);
        }
        return id;
    }
}
