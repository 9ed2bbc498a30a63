package io.creditflow.messaging;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.messaging.templates.HtmlText;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.ValidationException;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Message templates in Dutch, English, German and French, each in a formal and an informal tone. The defaults ship
 * with the modules that use them ({@code message-templates/*.yml} on the classpath: any module may add a file); a
 * tenant may save its own wording of any variant, which then wins (every save a new version).
 * <p>
 * Templates are Mustache: logic-less, so a tenant's template can only show the values it is given, never run code.
 * {@code {{value}}} is HTML-escaped in the HTML part; {@code {{{value}}}} is not (only for values the application
 * itself produced as HTML). The plain-text part of an e-mail is derived from the HTML part. Letters use the HTML part,
 * which must therefore be well-formed XHTML; saving checks it.
 */
@Component
public class MessageTemplates {

    public static final List<String> LANGUAGES = List.of("nl", "en", "de", "fr");

    private final DSLContext dsl;
    private final AuditLog audit;
    private final Map<String, Definition> defaults = new TreeMap<>();
    private final Mustache.Compiler html = Mustache.compiler().defaultValue("").escapeHTML(true);
    private final Mustache.Compiler plain = Mustache.compiler().defaultValue("").escapeHTML(false);
    private final Cache<String, Template> compiled = Caffeine.newBuilder().maximumSize(5_000).build();
    /** A tenant's own wording per variant, for 30 seconds: a run renders thousands of messages a second. */
    private final Cache<String, Optional<Resolved>> owned = Caffeine.newBuilder()
            .expireAfterWrite(java.time.Duration.ofSeconds(30)).maximumSize(50_000).build();

    MessageTemplates(DSLContext dsl, AuditLog audit) {
        this.dsl = dsl;
        this.audit = audit;
        loadDefaults();
    }

    /** A template with all its variants as shipped. */
    public record Definition(String key, String name, String description, List<Variant> variants) {
    }

    /** One language and tone of a template. */
    public record Variant(String language, Tone tone, String subject, String html, String sms) {
    }

    /** The variant used for a message, and whether it is the tenant's own wording (version > 0) or the default. */
    public record Resolved(String key, Variant variant, int version) {
    }

    /** A rendered message. */
    public record Rendered(String subject, String html, String text, String sms) {
    }

    /**
     * A rendered message without the plain-text part, for callers that add to the HTML before they derive the text
     * (deriving it is the costliest step of rendering, and a letter or an SMS has no use for it).
     */
    public record Parts(String subject, String html, String sms) {
    }

    private void loadDefaults() {
        YAMLMapper yaml = YAMLMapper.builder().build();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:message-templates/*.yml")) {
                try (InputStream in = r.getInputStream()) {
                    Definition d = yaml.readValue(in, Definition.class);
                    defaults.put(d.key(), d);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the message templates", e);
        }
    }

    public List<Definition> definitions() {
        return List.copyOf(defaults.values());
    }

    public Optional<Definition> definition(String key) {
        return Optional.ofNullable(defaults.get(key));
    }

    /**
     * The variant for a language and tone: the tenant's latest own version, else the default; a missing language falls
     * back to English, then Dutch, and a missing tone to the other tone.
     */
    @Transactional(readOnly = true)
    public Resolved resolve(String key, String language, Tone tone) {
        List<String> languages = new ArrayList<>(List.of(language, "en", "nl"));
        for (String lang : languages) {
            for (Tone t : List.of(tone, tone == Tone.FORMAL ? Tone.INFORMAL : Tone.FORMAL)) {
                Optional<Resolved> own = own(key, lang, t);
                if (own.isPresent()) {
                    return own.get();
                }
                Optional<Variant> shipped = shipped(key, lang, t);
                if (shipped.isPresent()) {
                    return new Resolved(key, shipped.get(), 0);
                }
            }
        }
        throw new BusinessRuleException("unknown-template", "No message template '" + key + "'.");
    }

    private Optional<Variant> shipped(String key, String language, Tone tone) {
        Definition d = defaults.get(key);
        return d == null ? Optional.empty() : d.variants().stream()
                .filter(v -> v.language().equals(language) && v.tone() == tone).findFirst();
    }

    private Optional<Resolved> own(String key, String language, Tone tone) {
        return owned.get(TenantContext.require() + "|" + key + "|" + language + "|" + tone,
                k -> loadOwn(key, language, tone));
    }

    private Optional<Resolved> loadOwn(String key, String language, Tone tone) {
        return dsl.resultQuery("""
                select version, subject, html, sms from message_template
                 where template_key = {0} and language = {1} and tone = {2} order by version desc limit 1""",
                key, language, tone.name()).fetchOptional(r -> new Resolved(key, new Variant(language, tone,
                r.get("subject", String.class), r.get("html", String.class), r.get("sms", String.class)),
                r.get("version", Integer.class)));
    }

    /** Renders a variant with a model (maps, lists, strings; see each template's description for its values). */
    public Rendered render(Resolved resolved, Map<String, Object> model) {
        Parts p = renderParts(resolved, model);
        return new Rendered(p.subject(), p.html(), HtmlText.of(p.html()), p.sms());
    }

    /** As {@link #render(Resolved, Map)}, without the plain-text part. */
    public Parts renderParts(Resolved resolved, Map<String, Object> model) {
        Variant v = resolved.variant();
        return new Parts(compile(plain, v.subject()).execute(model).strip(), compile(html, v.html()).execute(model),
                compile(plain, v.sms()).execute(model).strip());
    }

    /** As {@link #render(String, String, Tone, Map)}, without the plain-text part. */
    public Parts renderParts(String key, String language, Tone tone, Map<String, Object> model) {
        return renderParts(resolve(key, language, tone), model);
    }

    /** The plain-text version of an HTML body, as e-mails carry it next to the HTML part. */
    public static String textOf(String html) {
        return HtmlText.of(html);
    }

    public Rendered render(String key, String language, Tone tone, Map<String, Object> model) {
        return render(resolve(key, language, tone), model);
    }

    private Template compile(Mustache.Compiler compiler, String source) {
        String cacheKey = (compiler == html ? "h:" : "p:") + source;
        return compiled.get(cacheKey, k -> compiler.compile(source));
    }

    /** Saves the tenant's own wording of a variant (a new version); checks it compiles and is well-formed XHTML. */
    @Transactional
    public int save(String key, String language, Tone tone, String subject, String htmlSource, String sms) {
        if (!defaults.containsKey(key)) {
            throw new BusinessRuleException("unknown-template", "No message template '" + key + "'.");
        }
        List<BusinessRuleException.FieldError> errors = new ArrayList<>();
        if (!LANGUAGES.contains(language)) {
            errors.add(new BusinessRuleException.FieldError("language", "one of " + LANGUAGES));
        }
        check("subject", subject, plain, errors);
        check("html", htmlSource, html, errors);
        check("sms", sms, plain, errors);
        if (errors.isEmpty()) {
            try {
                Letters.checkFragment(htmlSource);
            } catch (IllegalArgumentException e) {
                errors.add(new BusinessRuleException.FieldError("html", String.valueOf(e.getMessage())));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The template has errors.", errors);
        }
        int version = loadOwn(key, language, tone).map(Resolved::version).orElse(0) + 1;
        owned.invalidateAll();
        dsl.execute("""
                insert into message_template (tenant_id, template_key, language, tone, version, subject, html, sms,
                                              created_by)
                values ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8})""", TenantContext.require(), key, language,
                tone.name(), version, subject, htmlSource, sms, Actor.current().name());
        audit.record(AuditEvent.of("message-template.saved", "message-template", key + "/" + language + "/" + tone)
                .detail("version", version));
        return version;
    }

    private void check(String field, @Nullable String source, Mustache.Compiler compiler,
                       List<BusinessRuleException.FieldError> errors) {
        if (source == null || source.isBlank()) {
            errors.add(new BusinessRuleException.FieldError(field, "required"));
            return;
        }
        try {
            compiler.compile(source);
        } catch (MustacheException e) {
            errors.add(new BusinessRuleException.FieldError(field, String.valueOf(e.getMessage())));
        }
    }

    /** Which variants the tenant has its own wording for: key/language/tone to latest version. */
    @Transactional(readOnly = true)
    public Map<String, Integer> ownVersions() {
        Map<String, Integer> versions = new TreeMap<>(Comparator.naturalOrder());
        dsl.resultQuery("select template_key, language, tone, max(version) as v from message_template "
                        + "group by 1, 2, 3")
                .forEach(r -> versions.put(r.get(0, String.class) + "/" + r.get(1, String.class) + "/"
                        + r.get(2, String.class), r.get("v", Integer.class)));
        return versions;
    }
}
