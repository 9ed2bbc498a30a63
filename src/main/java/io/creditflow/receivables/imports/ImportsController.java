package io.creditflow.receivables.imports;

import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.ValidationException;
import io.creditflow.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@RestController
class ImportsController {

    private final Imports imports;
    private final ImportJobs jobs;
    private final ImportProfiles profiles;
    private final Clock clock;

    ImportsController(Imports imports, ImportJobs jobs, ImportProfiles profiles, Clock clock) {
        this.imports = imports;
        this.jobs = jobs;
        this.profiles = profiles;
        this.clock = clock;
    }

    @Operation(summary = "Import a CSV file or a UBL 2.1 e-invoice (Peppol BIS 3.0 Invoice or CreditNote)",
            description = "Returns 202 with the import's state at once; the import runs in the background. Poll "
                    + "GET /api/v1/imports/{id} for progress and the outcome. Every row is validated before anything "
                    + "is written; ALL_OR_NOTHING changes nothing if one row is bad, VALID_ROWS imports the valid rows. "
                    + "dryRun=true only validates. Importing the same file again changes nothing (rows unchanged).")
    @PostMapping(path = "/api/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('receivables:write')")
    ResponseEntity<ImportJson.State> submit(
            @RequestPart("file") MultipartFile file,
            @Parameter(description = "invoices (default) or debtors") @RequestParam(defaultValue = "invoices") String kind,
            @Parameter(description = "ALL_OR_NOTHING (default) or VALID_ROWS")
            @RequestParam(defaultValue = "ALL_OR_NOTHING") String mode,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @Parameter(description = "a saved CSV profile; default: the documented header with detection")
            @RequestParam(required = false) @Nullable UUID profileId) throws IOException {
        Imports.Request request = new Imports.Request(enumOf(ImportKind.class, "kind", kind),
                enumOf(ImportMode.class, "mode", mode), dryRun, profileId, file.getOriginalFilename());
        ImportJob job = imports.submit(request, file.getInputStream());
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id()))
                .body(state(job));
    }

    @GetMapping("/api/v1/imports/{id}")
    @PreAuthorize("hasAuthority('receivables:read')")
    ImportJson.State get(@PathVariable UUID id) {
        return state(jobs.get(id));
    }

    @GetMapping("/api/v1/imports")
    @PreAuthorize("hasAuthority('receivables:read')")
    CursorPage<ImportJson.State> list(@RequestParam(required = false) @Nullable String cursor,
                                      @RequestParam(required = false) @Nullable Integer limit) {
        var page = jobs.list(cursor, CursorPage.limit(limit));
        OffsetDateTime now = OffsetDateTime.now(clock);
        return new CursorPage<>(page.items().stream().map(j -> ImportJson.State.of(j, List.of(), now)).toList(),
                page.nextCursor());
    }

    @Operation(summary = "Every error of an import as CSV (line, column, message)")
    @GetMapping(path = "/api/v1/imports/{id}/errors.csv", produces = "text/csv")
    @PreAuthorize("hasAuthority('receivables:read')")
    void errorsCsv(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        writeErrorsCsv(jobs, id, response);
    }

    static void writeErrorsCsv(ImportJobs jobs, UUID id, HttpServletResponse response) throws IOException {
        jobs.get(id);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        PrintWriter out = response.getWriter();
        out.print("line,column,message\r\n");
        jobs.forEachError(id, e -> out.print((e.line() == null ? "" : e.line()) + "," + csv(e.column()) + ","
                + csv(e.message()) + "\r\n"));
        out.flush();
    }

    @GetMapping("/api/v1/import-profiles")
    @PreAuthorize("hasAuthority('receivables:read')")
    List<ImportJson.Profile> profiles() {
        return profiles.list().stream().map(ImportJson.Profile::of).toList();
    }

    @GetMapping("/api/v1/import-profiles/{id}")
    @PreAuthorize("hasAuthority('receivables:read')")
    ImportJson.Profile profile(@PathVariable UUID id) {
        return ImportJson.Profile.of(profiles.get(id));
    }

    @Operation(summary = "Save a CSV profile", description = "mapping: {\"debtor_external_id\": \"Klantnummer\", "
            + "\"amount\": \"Bedrag\", ...}; separator , ; | TAB or empty (detect); encoding UTF-8, WINDOWS-1252 or "
            + "empty (detect); decimalSeparator AUTO (refuses ambiguous 1.234), COMMA or POINT; dateFormat empty "
            + "(detect) or one of yyyy-MM-dd, dd-MM-yyyy, dd/MM/yyyy, d-M-yyyy, dd.MM.yyyy.")
    @PostMapping("/api/v1/import-profiles")
    @PreAuthorize("hasAuthority('receivables:write')")
    ResponseEntity<ImportJson.Profile> create(@RequestBody ImportJson.Profile body) {
        ImportProfile saved = profiles.save(toProfile(body, null));
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/import-profiles/" + saved.id()))
                .body(ImportJson.Profile.of(saved));
    }

    @PutMapping("/api/v1/import-profiles/{id}")
    @PreAuthorize("hasAuthority('receivables:write')")
    ImportJson.Profile update(@PathVariable UUID id, @RequestBody ImportJson.Profile body) {
        return ImportJson.Profile.of(profiles.save(toProfile(body, id)));
    }

    @DeleteMapping("/api/v1/import-profiles/{id}")
    @PreAuthorize("hasAuthority('receivables:write')")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        profiles.delete(id);
        return ResponseEntity.noContent().build();
    }

    private ImportJson.State state(ImportJob job) {
        return ImportJson.State.of(job, jobs.errors(job.id(), ImportJson.ERRORS_IN_STATE), OffsetDateTime.now(clock));
    }

    static ImportProfile toProfile(ImportJson.Profile body, @Nullable UUID id) {
        try {
            return body.toProfile(id);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("The import profile has invalid fields.", List.of(new FieldError("profile",
                    "unknown field, kind or decimal separator: " + e.getMessage())));
        }
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("Invalid parameter " + field + ".", List.of(new FieldError(field,
                    "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT))));
        }
    }

    private static String csv(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String safe = value.startsWith("=") || value.startsWith("+") || value.startsWith("-") || value.startsWith("@")
                ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
