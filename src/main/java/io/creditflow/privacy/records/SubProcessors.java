package io.creditflow.privacy.records;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.TenantScope;
import io.creditflow.platform.ValidationException;
import io.creditflow.platform.Ids;
import io.creditflow.jooq.tables.records.SubProcessorRecord;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static io.creditflow.jooq.Tables.SUB_PROCESSOR;
import static io.creditflow.jooq.Tables.SUB_PROCESSOR_NOTICE;
import static io.creditflow.jooq.Tables.SUB_PROCESSOR_NOTICE_ACK;

/**
 * The sub-processor registry: who else processes the tenants' personal data (hosting, mail, SMS, print, payment,
 * bailiff providers, banks, credit bureaus), where, for what and which data. Every addition, change or removal is
 * published as a notice to every tenant (a banner in the console until acknowledged, and a {@link Changed} event),
 * effective after the notice period so that a tenant can object in time.
 */
@Component
public class SubProcessors {

    public static final Set<String> SERVICES = Set.of("HOSTING", "MAIL", "SMS", "PRINT", "PAYMENT", "BAILIFF", "BANK",
            "CREDIT_BUREAU", "OTHER");
    /** Countries of the European Economic Area (EU plus Iceland, Liechtenstein, Norway). */
    public static final Set<String> EEA = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI",
            "NO");

    public record SubProcessor(UUID id, String name, String service, String purpose, String country, boolean inEea,
                               @Nullable String safeguard, List<String> dataCategories, @Nullable String host,
                               LocalDate activeFrom, @Nullable LocalDate activeUntil) {
        public boolean activeOn(LocalDate day) {
            return !activeFrom.isAfter(day) && (activeUntil == null || activeUntil.isAfter(day));
        }
    }

    public record Input(String name, String service, String purpose, String country, @Nullable String safeguard,
                        List<String> dataCategories, @Nullable String host, LocalDate activeFrom) {
    }

    public record Notice(UUID id, UUID subProcessorId, String subProcessorName, String change, String summary,
                         LocalDate effectiveOn, OffsetDateTime publishedAt) {
    }

    /** A sub-processor was added, changed or removed; tenants are told by a notice. */
    public record Changed(UUID noticeId, UUID subProcessorId, String change) {
    }

    private final DSLContext dsl;
    private final AuditLog audit;
    private final TenantScope tenantScope;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubProcessors(DSLContext dsl, AuditLog audit, TenantScope tenantScope, ApplicationEventPublisher events,
                  Clock clock) {
        this.dsl = dsl;
        this.audit = audit;
        this.tenantScope = tenantScope;
        this.events = events;
        this.clock = clock;
    }

    public List<SubProcessor> list() {
        return dsl.selectFrom(SUB_PROCESSOR).orderBy(SUB_PROCESSOR.SERVICE, SUB_PROCESSOR.NAME)
                .fetch(SubProcessors::toSubProcessor);
    }

    public List<SubProcessor> active() {
        LocalDate today = LocalDate.now(clock);
        return list().stream().filter(s -> s.activeOn(today)).toList();
    }

    /** The active sub-processors of these services (what an access export names as recipients). */
    public List<SubProcessor> activeFor(Collection<String> services) {
        return active().stream().filter(s -> services.contains(s.service())).toList();
    }

    public SubProcessor get(UUID id) {
        return dsl.selectFrom(SUB_PROCESSOR).where(SUB_PROCESSOR.ID.eq(id)).fetchOptional()
                .map(SubProcessors::toSubProcessor).orElseThrow(() -> new NotFoundException("Sub-processor", id));
    }

    /** Registers a sub-processor and publishes the notice; {@code effectiveOn} may not be in the past. */
    @Transactional
    public SubProcessor add(Input in) {
        check(in);
        UUID id = Ids.newId();
        String country = in.country().toUpperCase(Locale.ROOT);
        dsl.insertInto(SUB_PROCESSOR).set(SUB_PROCESSOR.ID, id).set(SUB_PROCESSOR.NAME, in.name().trim())
                .set(SUB_PROCESSOR.SERVICE, in.service()).set(SUB_PROCESSOR.PURPOSE, in.purpose().trim())
                .set(SUB_PROCESSOR.COUNTRY, country).set(SUB_PROCESSOR.IN_EEA, EEA.contains(country))
                .set(SUB_PROCESSOR.SAFEGUARD, blankToNull(in.safeguard()))
                .set(SUB_PROCESSOR.DATA_CATEGORIES, in.dataCategories().toArray(String[]::new))
                .set(SUB_PROCESSOR.HOST, blankToNull(in.host())).set(SUB_PROCESSOR.ACTIVE_FROM, in.activeFrom())
                .execute();
        publish(id, "ADDED", in.name().trim() + " (" + in.service() + ", " + country + ") will process "
                + String.join(", ", in.dataCategories()) + " for: " + in.purpose().trim(), in.activeFrom());
        return get(id);
    }

    @Transactional
    public SubProcessor change(UUID id, Input in) {
        check(in);
        SubProcessor before = get(id);
        String country = in.country().toUpperCase(Locale.ROOT);
        dsl.update(SUB_PROCESSOR).set(SUB_PROCESSOR.NAME, in.name().trim()).set(SUB_PROCESSOR.SERVICE, in.service())
                .set(SUB_PROCESSOR.PURPOSE, in.purpose().trim()).set(SUB_PROCESSOR.COUNTRY, country)
                .set(SUB_PROCESSOR.IN_EEA, EEA.contains(country))
                .set(SUB_PROCESSOR.SAFEGUARD, blankToNull(in.safeguard()))
                .set(SUB_PROCESSOR.DATA_CATEGORIES, in.dataCategories().toArray(String[]::new))
                .set(SUB_PROCESSOR.HOST, blankToNull(in.host())).set(SUB_PROCESSOR.UPDATED_AT, OffsetDateTime.now(clock))
                .where(SUB_PROCESSOR.ID.eq(id)).execute();
        List<String> changes = new ArrayList<>();
        if (!before.country().equals(country)) {
            changes.add("region " + before.country() + " -> " + country);
        }
        if (!before.dataCategories().equals(in.dataCategories())) {
            changes.add("data " + String.join(", ", in.dataCategories()));
        }
        if (!before.purpose().equals(in.purpose().trim())) {
            changes.add("purpose " + in.purpose().trim());
        }
        if (!before.name().equals(in.name().trim())) {
            changes.add("name " + before.name() + " -> " + in.name().trim());
        }
        publish(id, "CHANGED", in.name().trim() + ": " + (changes.isEmpty() ? "details updated"
                : String.join("; ", changes)), in.activeFrom().isAfter(LocalDate.now(clock)) ? in.activeFrom()
                : LocalDate.now(clock));
        return get(id);
    }

    /** Ends the use of a sub-processor on {@code until}. */
    @Transactional
    public void remove(UUID id, LocalDate until) {
        SubProcessor s = get(id);
        dsl.update(SUB_PROCESSOR).set(SUB_PROCESSOR.ACTIVE_UNTIL, until)
                .set(SUB_PROCESSOR.UPDATED_AT, OffsetDateTime.now(clock)).where(SUB_PROCESSOR.ID.eq(id)).execute();
        publish(id, "REMOVED", s.name() + " (" + s.service() + ") will no longer be used", until);
    }

    public List<Notice> notices(int limit) {
        return dsl.select(SUB_PROCESSOR_NOTICE.asterisk(), SUB_PROCESSOR.NAME).from(SUB_PROCESSOR_NOTICE)
                .join(SUB_PROCESSOR).on(SUB_PROCESSOR.ID.eq(SUB_PROCESSOR_NOTICE.SUB_PROCESSOR_ID))
                .orderBy(SUB_PROCESSOR_NOTICE.PUBLISHED_AT.desc()).limit(limit)
                .fetch(r -> new Notice(r.get(SUB_PROCESSOR_NOTICE.ID), r.get(SUB_PROCESSOR_NOTICE.SUB_PROCESSOR_ID),
                        r.get(SUB_PROCESSOR.NAME), r.get(SUB_PROCESSOR_NOTICE.CHANGE),
                        r.get(SUB_PROCESSOR_NOTICE.SUMMARY), r.get(SUB_PROCESSOR_NOTICE.EFFECTIVE_ON),
                        r.get(SUB_PROCESSOR_NOTICE.PUBLISHED_AT)));
    }

    /** Notices of the last 180 days the current tenant has not acknowledged (the console banner). */
    public List<Notice> unacknowledged() {
        OffsetDateTime since = OffsetDateTime.now(clock).minusDays(180);
        var acked = dsl.select(SUB_PROCESSOR_NOTICE_ACK.NOTICE_ID).from(SUB_PROCESSOR_NOTICE_ACK)
                .fetchSet(SUB_PROCESSOR_NOTICE_ACK.NOTICE_ID);
        return notices(50).stream().filter(n -> n.publishedAt().isAfter(since) && !acked.contains(n.id())).toList();
    }

    @Transactional
    public void acknowledge(UUID noticeId) {
        if (!dsl.fetchExists(SUB_PROCESSOR_NOTICE, SUB_PROCESSOR_NOTICE.ID.eq(noticeId))) {
            throw new NotFoundException("Notice", noticeId);
        }
        dsl.insertInto(SUB_PROCESSOR_NOTICE_ACK).set(SUB_PROCESSOR_NOTICE_ACK.TENANT_ID, TenantContext.require())
                .set(SUB_PROCESSOR_NOTICE_ACK.NOTICE_ID, noticeId)
                .set(SUB_PROCESSOR_NOTICE_ACK.ACKNOWLEDGED_BY, Actor.current().name())
                .onConflictDoNothing().execute();
        audit.record(AuditEvent.of("privacy.sub-processor-notice-acknowledged", "notice", noticeId));
    }

    private void publish(UUID subProcessorId, String change, String summary, LocalDate effectiveOn) {
        UUID noticeId = Ids.newId();
        dsl.insertInto(SUB_PROCESSOR_NOTICE).set(SUB_PROCESSOR_NOTICE.ID, noticeId)
                .set(SUB_PROCESSOR_NOTICE.SUB_PROCESSOR_ID, subProcessorId).set(SUB_PROCESSOR_NOTICE.CHANGE, change)
                .set(SUB_PROCESSOR_NOTICE.SUMMARY, summary.length() > 1000 ? summary.substring(0, 1000) : summary)
                .set(SUB_PROCESSOR_NOTICE.EFFECTIVE_ON, effectiveOn)
                .set(SUB_PROCESSOR_NOTICE.PUBLISHED_BY, Actor.current().name()).execute();
        try (var ignored = tenantScope.enter(TenantContext.PLATFORM)) {
            audit.record(AuditEvent.of("sub-processor." + change.toLowerCase(Locale.ROOT), "sub-processor",
                    subProcessorId).detail("notice", noticeId.toString()));
        }
        events.publishEvent(new Changed(noticeId, subProcessorId, change));
    }

    private void check(Input in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.name() == null || in.name().isBlank() || in.name().length() > 200) {
            errors.add(new FieldError("name", "1 to 200 characters"));
        }
        if (!SERVICES.contains(in.service())) {
            errors.add(new FieldError("service", "one of " + String.join(", ", new java.util.TreeSet<>(SERVICES))));
        }
        if (in.purpose() == null || in.purpose().isBlank() || in.purpose().length() > 500) {
            errors.add(new FieldError("purpose", "1 to 500 characters"));
        }
        if (in.country() == null || !in.country().matches("[A-Za-z]{2}")) {
            errors.add(new FieldError("country", "an ISO 3166 country code (NL, DE, US)"));
        } else if (!EEA.contains(in.country().toUpperCase(Locale.ROOT)) && blankToNull(in.safeguard()) == null) {
            errors.add(new FieldError("safeguard", "required outside the EEA (adequacy decision, standard "
                    + "contractual clauses)"));
        }
        if (in.dataCategories().isEmpty()) {
            errors.add(new FieldError("dataCategories", "at least one"));
        }
        if (in.activeFrom() == null) {
            errors.add(new FieldError("activeFrom", "required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The sub-processor has invalid fields.", errors);
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static SubProcessor toSubProcessor(SubProcessorRecord r) {
        return new SubProcessor(r.getId(), r.getName(), r.getService(), r.getPurpose(), r.getCountry(), r.getInEea(),
                r.getSafeguard(), List.of(r.getDataCategories()), r.getHost(), r.getActiveFrom(), r.getActiveUntil());
    }
}
