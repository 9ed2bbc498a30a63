package io.creditflow.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.ValidationException;
import io.creditflow.messaging.MessageTemplates;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.creditflow.jooq.Tables.PORTAL_SETTINGS;

/**
 * Reads and saves a tenant's {@link PortalSettings}. Saving refuses colours that would make the portal unreadable:
 * the brand colour must reach 4.5:1 against white (links, focus outlines on the page) and against the text colour
 * drawn on it (header, buttons), WCAG 2.1 AA for normal text.
 */
@Component
public class PortalSettingsStore {

    public static final int MAX_LOGO_BYTES = 256 * 1024;
    static final List<String> TEXT_KEYS = List.of("welcome", "contact");
    private static final TypeReference<Map<String, Map<String, String>>> TEXTS = new TypeReference<>() { };

    public record Logo(byte[] bytes, String contentType) {
    }

    private final DSLContext dsl;
    private final AuditLog audit;
    private final JsonMapper json;
    /** Every portal page reads these: kept for 30 s per tenant, dropped on save (on this node). */
    private final Cache<UUID, PortalSettings> cache = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(30))
            .maximumSize(10_000).build();

    PortalSettingsStore(DSLContext dsl, AuditLog audit, JsonMapper json) {
        this.dsl = dsl;
        this.audit = audit;
        this.json = json;
    }

    public PortalSettings current() {
        return cache.get(TenantContext.require(), t -> dsl.selectFrom(PORTAL_SETTINGS).fetchOptional()
                .map(r -> new PortalSettings(r.getDisplayName(), r.getBrandColour(), r.getBrandTextColour(),
                        json.readValue(r.getTexts().data(), TEXTS), r.getLogo() != null, r.getPlanMaxInstalments(),
                        r.getPlanAutoInstalments(), r.getPlanMinInstalment(), r.getPlanMaxFirstDays()))
                .orElseGet(PortalSettings::defaults));
    }

    /** Validates every field (each error names it) and saves; nothing changes when one is wrong. */
    @Transactional
    public PortalSettings save(PortalSettings s) {
        List<FieldError> errors = new ArrayList<>();
        String brand = s.brandColour().trim().toLowerCase(Locale.ROOT);
        String text = s.brandTextColour().trim().toLowerCase(Locale.ROOT);
        if (!Contrast.isColour(brand)) {
            errors.add(new FieldError("brandColour", "must be a colour like #1f4e79"));
        }
        if (!Contrast.isColour(text)) {
            errors.add(new FieldError("brandTextColour", "must be a colour like #ffffff"));
        }
        if (errors.isEmpty()) {
            contrast(errors, "brandColour", brand, "#ffffff", "the page's white background");
            contrast(errors, "brandTextColour", text, brand, "the brand colour");
        }
        if (s.displayName() != null && s.displayName().length() > 100) {
            errors.add(new FieldError("displayName", "at most 100 characters"));
        }
        checkRules(s, errors);
        Map<String, Map<String, String>> texts = texts(s.texts(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException("The portal settings have invalid fields.", errors);
        }
        UUID tenant = TenantContext.require();
        String name = s.displayName() == null || s.displayName().isBlank() ? null : s.displayName().trim();
        JSONB textsJson = JSONB.valueOf(json.writeValueAsString(texts));
        dsl.insertInto(PORTAL_SETTINGS).set(PORTAL_SETTINGS.TENANT_ID, tenant)
                .set(PORTAL_SETTINGS.DISPLAY_NAME, name).set(PORTAL_SETTINGS.BRAND_COLOUR, brand)
                .set(PORTAL_SETTINGS.BRAND_TEXT_COLOUR, text).set(PORTAL_SETTINGS.TEXTS, textsJson)
                .set(PORTAL_SETTINGS.PLAN_MAX_INSTALMENTS, s.planMaxInstalments())
                .set(PORTAL_SETTINGS.PLAN_AUTO_INSTALMENTS, s.planAutoInstalments())
                .set(PORTAL_SETTINGS.PLAN_MIN_INSTALMENT, s.planMinInstalment())
                .set(PORTAL_SETTINGS.PLAN_MAX_FIRST_DAYS, s.planMaxFirstDays())
                .set(PORTAL_SETTINGS.UPDATED_BY, Actor.current().name())
                .onConflict(PORTAL_SETTINGS.TENANT_ID).doUpdate()
                .set(PORTAL_SETTINGS.DISPLAY_NAME, name).set(PORTAL_SETTINGS.BRAND_COLOUR, brand)
                .set(PORTAL_SETTINGS.BRAND_TEXT_COLOUR, text).set(PORTAL_SETTINGS.TEXTS, textsJson)
                .set(PORTAL_SETTINGS.PLAN_MAX_INSTALMENTS, s.planMaxInstalments())
                .set(PORTAL_SETTINGS.PLAN_AUTO_INSTALMENTS, s.planAutoInstalments())
                .set(PORTAL_SETTINGS.PLAN_MIN_INSTALMENT, s.planMinInstalment())
                .set(PORTAL_SETTINGS.PLAN_MAX_FIRST_DAYS, s.planMaxFirstDays())
                .set(PORTAL_SETTINGS.UPDATED_AT, OffsetDateTime.now())
                .set(PORTAL_SETTINGS.UPDATED_BY, Actor.current().name()).execute();
        audit.record(AuditEvent.of("portal.settings-saved", "portal-settings", tenant).detail("brand", brand));
        cache.invalidate(tenant);
        return current();
    }

    /** A PNG or JPEG logo, recognised by its content (not by what the browser claims), at most 256 KiB. */
    @Transactional
    public void saveLogo(byte[] bytes) {
        String type = imageType(bytes).orElseThrow(() -> new ValidationException("The logo is not usable.",
                List.of(new FieldError("logo", "must be a PNG or JPEG image"))));
        if (bytes.length > MAX_LOGO_BYTES) {
            throw new ValidationException("The logo is not usable.",
                    List.of(new FieldError("logo", "at most " + MAX_LOGO_BYTES / 1024 + " KiB")));
        }
        UUID tenant = TenantContext.require();
        dsl.insertInto(PORTAL_SETTINGS).set(PORTAL_SETTINGS.TENANT_ID, tenant).set(PORTAL_SETTINGS.LOGO, bytes)
                .set(PORTAL_SETTINGS.LOGO_TYPE, type).onConflict(PORTAL_SETTINGS.TENANT_ID).doUpdate()
                .set(PORTAL_SETTINGS.LOGO, bytes).set(PORTAL_SETTINGS.LOGO_TYPE, type)
                .set(PORTAL_SETTINGS.UPDATED_AT, OffsetDateTime.now()).execute();
        audit.record(AuditEvent.of("portal.logo-saved", "portal-settings", tenant).detail("bytes", bytes.length));
        cache.invalidate(tenant);
    }

    public Optional<Logo> logo() {
        return dsl.select(PORTAL_SETTINGS.LOGO, PORTAL_SETTINGS.LOGO_TYPE).from(PORTAL_SETTINGS)
                .where(PORTAL_SETTINGS.LOGO.isNotNull()).fetchOptional(r -> new Logo(r.value1(), r.value2()));
    }

    static Optional<String> imageType(byte[] b) {
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of("image/png");
        }
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of("image/jpeg");
        }
        return Optional.empty();
    }

    private static void contrast(List<FieldError> errors, String field, String a, String b, String against) {
        double ratio = Contrast.ratio(a, b);
        if (ratio < Contrast.AA_NORMAL_TEXT) {
            errors.add(new FieldError(field, String.format(Locale.ROOT,
                    "contrast with %s is %.2f:1; WCAG 2.1 AA needs at least 4.5:1", against, ratio)));
        }
    }

    private static void checkRules(PortalSettings s, List<FieldError> errors) {
        if (s.planMaxInstalments() < 1 || s.planMaxInstalments() > 60) {
            errors.add(new FieldError("planMaxInstalments", "must be between 1 and 60"));
        }
        if (s.planAutoInstalments() < 0 || s.planAutoInstalments() > s.planMaxInstalments()) {
            errors.add(new FieldError("planAutoInstalments", "must be between 0 and the maximum instalments"));
        }
        if (s.planMinInstalment().signum() < 0 || s.planMinInstalment().scale() > 2) {
            errors.add(new FieldError("planMinInstalment", "must be an amount of at least 0.00"));
        }
        if (s.planMaxFirstDays() < 0 || s.planMaxFirstDays() > 365) {
            errors.add(new FieldError("planMaxFirstDays", "must be between 0 and 365"));
        }
    }

    private static Map<String, Map<String, String>> texts(Map<String, Map<String, String>> in, List<FieldError> errors) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String lang : MessageTemplates.LANGUAGES) {
            Map<String, String> given = in.getOrDefault(lang, Map.of());
            Map<String, String> kept = new LinkedHashMap<>();
            for (String key : TEXT_KEYS) {
                @Nullable String v = given.get(key);
                if (v != null && v.length() > 1000) {
                    errors.add(new FieldError("texts." + lang + "." + key, "at most 1000 characters"));
                } else if (v != null && !v.isBlank()) {
                    kept.put(key, v.trim());
                }
            }
            out.put(lang, kept);
        }
        return out;
    }

    static BigDecimal amount(String s) {
        return new BigDecimal(s.trim());
    }
}
