package io.creditflow.audit.web;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.audit.AuditTrail;
import io.creditflow.platform.TenantScope;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The audit log as a download for auditors, CSV or JSON, streamed row by row from one database cursor (constant memory
 * however long the log is), each entry with its hash so that the export can be checked against the chain.
 */
@Component
class AuditExports {

    private final AuditTrail trail;
    private final AuditLog audit;
    private final TenantScope tenantScope;
    private final JsonMapper json;

    AuditExports(AuditTrail trail, AuditLog audit, TenantScope tenantScope, JsonMapper json) {
        this.trail = trail;
        this.audit = audit;
        this.tenantScope = tenantScope;
        this.json = json;
    }

    ResponseEntity<StreamingResponseBody> download(UUID tenant, AuditTrail.Filter filter, String format) {
        boolean csv = "csv".equalsIgnoreCase(format);
        trail.sealPending(tenant);
        audit.record(AuditEvent.of("audit.exported", "audit-log", tenant).detail("format", csv ? "csv" : "json"));
        StreamingResponseBody body = out -> tenantScope.inTenant(tenant, () -> {
            write(out, csv ? HEADER : "[");
            boolean[] first = {true};
            trail.stream(filter, e -> {
                if (csv) {
                    write(out, csv(e));
                } else {
                    write(out, (first[0] ? "\n" : ",\n") + json.writeValueAsString(map(e)));
                    first[0] = false;
                }
            });
            if (!csv) {
                write(out, "\n]\n");
            }
        });
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"audit-log." + (csv ? "csv" : "json") + "\"")
                .header("Cache-Control", "no-store").body(body);
    }

    static final String HEADER = "seq,occurred_at,actor_type,actor_id,actor_name,action,object_type,object_id,"
            + "subject_id,source_ip,purpose,details,hash\n";

    static String csv(AuditTrail.Entry e) {
        return String.join(",", String.valueOf(e.seq()), e.occurredAt().toString(), cell(e.actorType()),
                cell(e.actorId()), cell(e.actorName()), cell(e.action()), cell(e.objectType()), cell(e.objectId()),
                e.subjectId() == null ? "" : e.subjectId().toString(), cell(e.sourceIp()), cell(e.purpose()),
                cell(e.details()), e.hash()) + "\n";
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is prefixed so spreadsheets do not run it as a formula. */
    static String cell(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static Map<String, Object> map(AuditTrail.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("occurredAt", e.occurredAt().toString());
        m.put("actorType", e.actorType());
        m.put("actorId", e.actorId());
        m.put("actorName", e.actorName());
        m.put("action", e.action());
        m.put("objectType", e.objectType());
        m.put("objectId", e.objectId());
        m.put("subjectId", e.subjectId() == null ? null : e.subjectId().toString());
        m.put("sourceIp", e.sourceIp());
        m.put("purpose", e.purpose());
        m.put("details", e.details());
        m.put("hash", e.hash());
        return m;
    }

    private static void write(OutputStream out, String s) {
        try {
            out.write(s.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
