package io.creditflow.receivables.imports;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.jooq.tables.records.ImportProfileRecord;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.ConflictException;
import io.creditflow.platform.Ids;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.ValidationException;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.creditflow.jooq.Tables.IMPORT_PROFILE;

/** The tenant's saved CSV profiles (column mappings and format settings). */
@Component
public class ImportProfiles {

    private static final Set<String> DATE_FORMATS = Set.of("yyyy-MM-dd", "dd-MM-yyyy", "dd/MM/yyyy", "d-M-yyyy",
            "dd.MM.yyyy");

    private final DSLContext dsl;
    private final JsonMapper json;
    private final AuditLog audit;

    ImportProfiles(DSLContext dsl, JsonMapper json, AuditLog audit) {
        this.dsl = dsl;
        this.json = json;
        this.audit = audit;
    }

    public List<ImportProfile> list() {
        return dsl.selectFrom(IMPORT_PROFILE).orderBy(IMPORT_PROFILE.NAME).fetch(this::toProfile);
    }

    public ImportProfile get(UUID id) {
        return dsl.selectFrom(IMPORT_PROFILE).where(IMPORT_PROFILE.ID.eq(id)).fetchOptional().map(this::toProfile)
                .orElseThrow(() -> new NotFoundException("Import profile", id));
    }

    /** The profile to read a file with: the saved one, or the default for the kind. */
    public ImportProfile resolve(@Nullable UUID id, ImportKind kind) {
        return id == null ? ImportProfile.defaults(kind) : get(id);
    }

    /** Creates (id null) or replaces a profile. */
    @Transactional
    public ImportProfile save(ImportProfile p) {
        validate(p);
        UUID id = p.id() == null ? Ids.newId() : p.id();
        if (dsl.fetchExists(IMPORT_PROFILE, IMPORT_PROFILE.NAME.eq(p.name()).and(IMPORT_PROFILE.ID.ne(id)))) {
            throw new ConflictException("An import profile named \"" + p.name() + "\" exists already.");
        }
        Map<String, String> mapping = new java.util.TreeMap<>();
        p.mapping().forEach((f, c) -> mapping.put(f.column(), c.strip()));
        JSONB mappingJson = JSONB.valueOf(json.writeValueAsString(mapping));
        String separator = p.separator() == null ? null : p.separator() == '\t' ? "TAB" : p.separator().toString();
        if (p.id() != null) {
            int n = dsl.update(IMPORT_PROFILE).set(IMPORT_PROFILE.NAME, p.name()).set(IMPORT_PROFILE.KIND, p.kind().name())
                    .set(IMPORT_PROFILE.SEPARATOR, separator).set(IMPORT_PROFILE.ENCODING, p.encoding())
                    .set(IMPORT_PROFILE.DECIMAL_SEPARATOR, p.decimalSeparator().name())
                    .set(IMPORT_PROFILE.DATE_FORMAT, p.dateFormat()).set(IMPORT_PROFILE.MAPPING, mappingJson)
                    .set(IMPORT_PROFILE.UPDATED_AT, OffsetDateTime.now()).where(IMPORT_PROFILE.ID.eq(id)).execute();
            if (n == 0) {
                throw new NotFoundException("Import profile", id);
            }
        } else {
            dsl.insertInto(IMPORT_PROFILE).set(IMPORT_PROFILE.TENANT_ID, TenantContext.require())
                    .set(IMPORT_PROFILE.ID, id).set(IMPORT_PROFILE.NAME, p.name()).set(IMPORT_PROFILE.KIND, p.kind().name())
                    .set(IMPORT_PROFILE.SEPARATOR, separator).set(IMPORT_PROFILE.ENCODING, p.encoding())
                    .set(IMPORT_PROFILE.DECIMAL_SEPARATOR, p.decimalSeparator().name())
                    .set(IMPORT_PROFILE.DATE_FORMAT, p.dateFormat()).set(IMPORT_PROFILE.MAPPING, mappingJson).execute();
        }
        audit.record(AuditEvent.of("import-profile.saved", "import-profile", id).detail("name", p.name()));
        return get(id);
    }

    @Transactional
    public void delete(UUID id) {
        if (dsl.deleteFrom(IMPORT_PROFILE).where(IMPORT_PROFILE.ID.eq(id)).execute() == 0) {
            throw new NotFoundException("Import profile", id);
        }
        audit.record(AuditEvent.of("import-profile.deleted", "import-profile", id));
    }

    private static void validate(ImportProfile p) {
        List<FieldError> errors = new ArrayList<>();
        if (p.name().isBlank() || p.name().length() > 100) {
            errors.add(new FieldError("name", "1 to 100 characters"));
        }
        if (p.separator() != null && ",;|\t".indexOf(p.separator()) < 0) {
            errors.add(new FieldError("separator", "one of , ; | TAB (or empty to detect)"));
        }
        if (p.encoding() != null && !p.encoding().equals("UTF-8") && !p.encoding().equals("WINDOWS-1252")) {
            errors.add(new FieldError("encoding", "UTF-8 or WINDOWS-1252 (or empty to detect)"));
        }
        if (p.dateFormat() != null && !DATE_FORMATS.contains(p.dateFormat())) {
            errors.add(new FieldError("dateFormat", "one of " + String.join(", ", new java.util.TreeSet<>(DATE_FORMATS))));
        }
        Set<String> columns = new HashSet<>();
        for (var e : p.mapping().entrySet()) {
            if (!e.getKey().appliesTo(p.kind())) {
                errors.add(new FieldError("mapping." + e.getKey().column(), "not a field of a " + p.kind().name()
                        .toLowerCase() + " import"));
            } else if (e.getValue().isBlank() || e.getValue().length() > 100) {
                errors.add(new FieldError("mapping." + e.getKey().column(), "a column header of 1 to 100 characters"));
            } else if (!columns.add(e.getValue().strip().toLowerCase())) {
                errors.add(new FieldError("mapping." + e.getKey().column(), "column \"" + e.getValue()
                        + "\" is mapped to two fields"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The import profile has invalid fields.", errors);
        }
    }

    private ImportProfile toProfile(ImportProfileRecord r) {
        Map<String, String> raw = json.readValue(r.getMapping().data(), new TypeReference<Map<String, String>>() { });
        Map<ImportField, String> mapping = new EnumMap<>(ImportField.class);
        raw.forEach((k, v) -> mapping.put(ImportField.valueOf(k.toUpperCase()), v));
        Character separator = r.getSeparator() == null ? null : r.getSeparator().equals("TAB") ? '\t'
                : r.getSeparator().charAt(0);
        return new ImportProfile(r.getId(), r.getName(), ImportKind.valueOf(r.getKind()), separator, r.getEncoding(),
                DecimalSeparator.valueOf(r.getDecimalSeparator()), r.getDateFormat(), mapping);
    }
}
