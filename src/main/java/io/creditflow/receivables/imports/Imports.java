package io.creditflow.receivables.imports;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.creditflow.platform.Actor;
import io.creditflow.platform.Ids;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.TenantScope;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.io.InputStream;
import java.time.Clock;
import java.util.UUID;

/**
 * Accepts uploads: stores the file, records the import (QUEUED) and schedules its run as a db-scheduler one-time task,
 * so the request returns at once with the import's id. The task is persistent: if the node stops during a run, the
 * data transaction rolls back and db-scheduler runs the import again (from the start, on the same stored file) once
 * it sees the execution died, on this node after a restart or on another node sharing the data directory.
 */
@Component
public class Imports {

    private final ImportFiles files;
    private final ImportJobs jobs;
    private final ImportProfiles profiles;
    private final TenantScope tenantScope;
    private final SchedulerClient scheduler;
    private final OneTimeTask<String> task;
    private final Clock clock;

    Imports(ImportFiles files, ImportJobs jobs, ImportProfiles profiles, TenantScope tenantScope,
            @Lazy SchedulerClient scheduler, OneTimeTask<String> receivablesImportTask, Clock clock) {
        this.files = files;
        this.jobs = jobs;
        this.profiles = profiles;
        this.tenantScope = tenantScope;
        this.scheduler = scheduler;
        this.task = receivablesImportTask;
        this.clock = clock;
    }

    /** What the caller asked for. */
    public record Request(ImportKind kind, ImportMode mode, boolean dryRun, @Nullable UUID profileId,
                          @Nullable String fileName) {
    }

    public ImportJob submit(Request request, InputStream content) {
        UUID tenant = TenantContext.require();
        if (request.profileId() != null) {
            ImportProfile profile = profiles.get(request.profileId());
            if (profile.kind() != request.kind()) {
                throw new io.creditflow.platform.BusinessRuleException("profile-kind", "Profile \"" + profile.name()
                        + "\" reads " + profile.kind().name().toLowerCase() + ", not "
                        + request.kind().name().toLowerCase() + ".");
            }
        }
        UUID id = Ids.newId();
        ImportFiles.Stored stored = files.store(tenant, id, content);
        String createdBy = Actor.current().type().name().toLowerCase() + ":" + Actor.current().name();
        tenantScope.inTenant(tenant, () -> jobs.create(new ImportJobs.NewJob(id, request.kind(), request.mode(),
                request.dryRun(), stored.format(), request.fileName(), stored.size(), stored.sha256(),
                request.profileId(), createdBy)));
        scheduler.schedule(task.instance(id.toString(), tenant + "/" + id), clock.instant());
        return jobs.get(id);
    }
}
