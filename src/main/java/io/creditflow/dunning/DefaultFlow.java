package io.creditflow.dunning;

import io.creditflow.platform.TenantScope;
import io.creditflow.tenancy.TenantCreated;
import org.springframework.core.io.ClassPathResource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Every new tenant starts with the default Dutch flow ({@code dunning/default-flow-nl.yml}) as its default. */
@Component
public class DefaultFlow {

    public static final String RESOURCE = "dunning/default-flow-nl.yml";

    private final Flows flows;
    private final TenantScope tenantScope;

    DefaultFlow(Flows flows, TenantScope tenantScope) {
        this.flows = flows;
        this.tenantScope = tenantScope;
    }

    public static String text() {
        try {
            return new ClassPathResource(RESOURCE).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Installs the default flow in the current tenant unless it has one with that key. */
    public Flows.Saved install() {
        FlowDefinition flow = FlowFormat.parse(text());
        return flows.idOf(flow.key()).map(id -> new Flows.Saved(id, 0))
                .orElseGet(() -> flows.save(flow, "default flow"));
    }

    @ApplicationModuleListener
    void on(TenantCreated event) {
        try {
            tenantScope.inTenant(event.tenantId(), this::install);
        } catch (org.springframework.dao.DataIntegrityViolationException installedMeanwhile) {
            // whoever created the tenant installed it at the same moment (the demo, the benchmark): nothing to do
        }
    }
}
