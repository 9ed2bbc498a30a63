package io.creditflow.dunning.run;

import io.creditflow.dunning.ActionType;
import io.creditflow.dunning.DunningSettings;
import io.creditflow.dunning.FlowDefinition;
import io.creditflow.dunning.LawCalculators;
import io.creditflow.dunning.PayLinks;
import io.creditflow.law.CostsCalculation;
import io.creditflow.law.CostsRequest;
import io.creditflow.law.DebtorType;
import io.creditflow.law.VatUplift;
import io.creditflow.messaging.MessageTemplates;
import io.creditflow.messaging.OutboundMessage;
import io.creditflow.messaging.PostalAddress;
import io.creditflow.messaging.Tone;
import io.creditflow.dunning.PortalAccess;
import io.creditflow.receivables.Address;
import io.creditflow.receivables.DebtorProfile;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Composes a debtor's messages of the day: one per channel, listing every invoice at a step that day, in the
 * template of the strongest step (a legal notice first, then the furthest step), in the debtor's language. A legal
 * notice's costs are computed by the law module on the summed principals of the invoices it demands (one letter for
 * all claims), and its legal paragraph is written by {@link LegalNotice}.
 */
@Component
public class MessageComposer {

    /** The item kind of a payment-plan instalment in dunning's actions (the other kind is INVOICE). */
    private static final String INSTALMENT = "INSTALMENT";

    private final MessageTemplates templates;
    private final LawCalculators law;
    private final PortalAccess portal;
    private final ObjectProvider<PayLinks> payLinks;

    MessageComposer(MessageTemplates templates, LawCalculators law, PortalAccess portal,
                    ObjectProvider<PayLinks> payLinks) {
        this.templates = templates;
        this.law = law;
        this.portal = portal;
        this.payLinks = payLinks;
    }

    /** A message with the actions it serves and, for a legal notice, what it stated. */
    public record Draft(OutboundMessage message, Set<UUID> actionIds, @Nullable Legal legal, LocalDate day) {
    }

    /** What a 14-day letter stated, for its evidence. */
    public record Legal(CostsCalculation costs, Map<UUID, BigDecimal> principals, LocalDate latestDueDate,
                        boolean consumer) {
    }

    public record Composition(List<Draft> drafts, Map<UUID, String> notes) {
    }

    /**
     * @param live true for messages that will be sent: only they get a pay link (a preview must not make one)
     */
    public Composition compose(Facts.Debtor debtor, List<Facts.PlannedAction> actions,
                               Map<UUID, Facts.Invoice> invoices, DunningSettings settings, LocalDate day,
                               boolean live) {
        return compose(debtor, actions, invoices, settings, day,
                new Sources(live ? this::payLink : request -> null, portal::codeFor));
    }

    /** What a batch's messages need made beforehand, for all of them at once: e-mails' pay links, portal codes. */
    public record Prepared(Map<PayLinks.Request, URI> links, Map<UUID, String> codes) {
    }

    /** A debtor of a batch with its actions of the day. */
    public record Due(Facts.Debtor debtor, List<Facts.PlannedAction> actions) {
    }

    /**
     * Makes the pay links of the batch's e-mails and the portal codes of its letters and SMS together: what
     * {@link #compose} would otherwise make one message at a time.
     */
    public Prepared prepare(List<Due> batch, Map<UUID, Facts.Invoice> invoices, DunningSettings settings) {
        List<PayLinks.Request> requests = new ArrayList<>();
        Set<UUID> coded = new LinkedHashSet<>();
        for (Due due : batch) {
            DebtorProfile p = due.debtor().profile();
            if (p == null) {
                continue;
            }
            var channels = channels(p, due.actions(), settings, new LinkedHashMap<>());
            List<Facts.PlannedAction> email = channels.get(ActionType.EMAIL);
            if (!email.isEmpty()) {
                requests.add(payLinkRequest(due.debtor().id(), email, listed(email, invoices)));
            }
            if (!channels.get(ActionType.LETTER).isEmpty() || !channels.get(ActionType.SMS).isEmpty()) {
                coded.add(due.debtor().id());
            }
        }
        List<java.util.Optional<URI>> made = payLinks.getIfAvailable(() -> PayLinks.NONE).linksFor(requests);
        Map<PayLinks.Request, URI> links = new java.util.HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            PayLinks.Request request = requests.get(i);
            made.get(i).ifPresent(l -> links.put(request, l));
        }
        return new Prepared(links, coded.isEmpty() ? Map.of() : portal.codesFor(coded));
    }

    /** As {@link #compose(Facts.Debtor, List, Map, DunningSettings, LocalDate, boolean)} live, with what was prepared. */
    public Composition compose(Facts.Debtor debtor, List<Facts.PlannedAction> actions,
                               Map<UUID, Facts.Invoice> invoices, DunningSettings settings, LocalDate day,
                               Prepared prepared) {
        return compose(debtor, actions, invoices, settings, day, new Sources(prepared.links()::get,
                d -> prepared.codes().containsKey(d) ? prepared.codes().get(d) : portal.codeFor(d)));
    }

    /** Where a message's pay link and portal code come from. */
    private record Sources(java.util.function.Function<PayLinks.Request, @Nullable URI> link,
                           java.util.function.Function<UUID, String> code) {
    }

    private Composition compose(Facts.Debtor debtor, List<Facts.PlannedAction> actions,
                                Map<UUID, Facts.Invoice> invoices, DunningSettings settings, LocalDate day,
                                Sources sources) {
        List<Draft> drafts = new ArrayList<>();
        Map<UUID, String> notes = new LinkedHashMap<>();
        DebtorProfile p = debtor.profile();
        if (p == null) {
            actions.forEach(a -> notes.put(a.id(), "debtor erased: no message"));
            return new Composition(drafts, notes);
        }
        for (var entry : channels(p, actions, settings, notes).entrySet()) {
            if (!entry.getValue().isEmpty()) {
                draft(debtor, entry.getKey(), entry.getValue(), invoices, settings, day, notes, sources)
                        .ifPresent(drafts::add);
            }
        }
        return new Composition(drafts, notes);
    }

    /** The actions per channel: an e-mail without an address goes by letter when the settings say so, else not. */
    private static Map<ActionType, List<Facts.PlannedAction>> channels(DebtorProfile p,
                                                                       List<Facts.PlannedAction> actions,
                                                                       DunningSettings settings,
                                                                       Map<UUID, String> notes) {
        Map<ActionType, List<Facts.PlannedAction>> byChannel = new LinkedHashMap<>();
        for (ActionType channel : List.of(ActionType.EMAIL, ActionType.LETTER, ActionType.SMS)) {
            byChannel.put(channel, new ArrayList<>(actions.stream().filter(a -> a.action(channel) != null).toList()));
        }
        if (p.email() == null && !byChannel.get(ActionType.EMAIL).isEmpty()) {
            List<Facts.PlannedAction> email = byChannel.get(ActionType.EMAIL);
            if (settings.emailFallbackToLetter() && p.billingAddress() != null) {
                email.stream().filter(a -> a.action(ActionType.LETTER) == null)
                        .forEach(a -> byChannel.get(ActionType.LETTER).add(a));
                email.forEach(a -> notes.put(a.id(), "no e-mail address: sent as letter"));
            } else {
                email.forEach(a -> notes.put(a.id(), "no e-mail address: e-mail skipped"));
            }
            email.clear();
        }
        return byChannel;
    }

    /** The invoices a message lists, oldest due first. */
    private static List<Facts.Invoice> listed(List<Facts.PlannedAction> acts, Map<UUID, Facts.Invoice> invoices) {
        return acts.stream().map(a -> invoices.get(a.invoiceId())).distinct()
                .sorted(Comparator.comparing(Facts.Invoice::dueDate)).toList();
    }

    private java.util.Optional<Draft> draft(Facts.Debtor debtor, ActionType channel, List<Facts.PlannedAction> acts,
                                            Map<UUID, Facts.Invoice> invoices, DunningSettings settings,
                                            LocalDate day, Map<UUID, String> notes, Sources sources) {
        DebtorProfile p = debtor.profile();
        Facts.PlannedAction lead = acts.stream().max(Comparator.comparing(Facts.PlannedAction::legal)
                .thenComparing(Facts.PlannedAction::seq)).orElseThrow();
        FlowDefinition.Action leadAction = lead.action(channel) != null ? lead.action(channel)
                : lead.action(ActionType.EMAIL);
        Set<UUID> ids = new LinkedHashSet<>();
        acts.forEach(a -> ids.add(a.id()));
        List<Facts.Invoice> listed = listed(acts, invoices);
        String lang = debtor.language();
        Tone tone = leadAction.tone() != null ? leadAction.tone()
                : lead.flowTone() != null ? lead.flowTone() : settings.defaultTone();
        Legal legal = channel == ActionType.SMS ? null : legal(debtor, acts, invoices, settings, day);
        Map<String, Object> model = MessageModel.of(debtor, listed, lead, settings, day, tone, legal, lang);
        String legalHtml = legal == null ? "" : LegalNotice.html(lang, legal.consumer(), legal.costs(),
                MessageModel.total(listed), listed.getFirst().currency());
        model.put("legalNotice", legalHtml);
        String portalNotice = portalValues(model, debtor.id(), channel, lang, sources);
        URI link = channel == ActionType.EMAIL ? sources.link().apply(payLinkRequest(debtor.id(), acts, listed))
                : null;
        @SuppressWarnings("unchecked")
        Map<String, Object> payment = (Map<String, Object>) model.get("payment");
        payment.put("link", link == null ? "" : link.toString());
        MessageTemplates.Parts r = templates.renderParts(String.valueOf(leadAction.template()), lang, tone, model);
        // a tenant's template that leaves out the legal paragraph still gets it: the letter would be invalid without
        String html = legal == null || r.html().contains("class=\"legal\"") ? r.html() : r.html() + legalHtml;
        // an e-mail whose template does not place {{payment.link}} gets it as a closing paragraph
        if (link != null && !html.contains(HtmlUtils.htmlEscape(link.toString()))) {
            html = html + payLinkParagraph(link, lang);
        }
        // every message carries the way to the portal, where the template does not place it itself
        html = r.html().contains("/portal/") ? html : html + portalNotice;
        String key = "dunning:" + debtor.id() + ":" + day + ":" + channel;
        String ref = lead.id().toString();
        PostalAddress address = address(p);
        OutboundMessage.Letterhead head = letterhead(settings);
        OutboundMessage message;
        switch (channel) {
            case EMAIL -> {
                message = OutboundMessage.email(debtor.id(), "dunning", ref, key, lang, String.valueOf(p.email()),
                        r.subject(), html, MessageTemplates.textOf(html), List.of());
                if (legal != null && address != null) {
                    message = message.withLetterPdf(address, head);
                }
            }
            case LETTER -> {
                if (address == null) {
                    acts.forEach(a -> notes.merge(a.id(), "no postal address: letter skipped", (x, y) -> x + "; " + y));
                    return java.util.Optional.empty();
                }
                message = OutboundMessage.letter(debtor.id(), "dunning", ref, key, lang, address, head, r.subject(), html);
            }
            default -> {
                String phone = p.phone() == null ? null : p.phone().replaceAll("[^+0-9]", "");
                if (phone == null || !phone.matches("\\+[1-9][0-9]{6,14}")) {
                    acts.forEach(a -> notes.merge(a.id(), "no mobile number: SMS skipped", (x, y) -> x + "; " + y));
                    return java.util.Optional.empty();
                }
                String sms = r.sms().contains("/portal/") ? r.sms() : r.sms() + PortalNotice.sms(lang,
                        String.valueOf(model.get("portalCodeUrl")), String.valueOf(model.get("portalCode")));
                message = OutboundMessage.sms(debtor.id(), "dunning", ref, key, lang, phone, sms);
            }
        }
        return java.util.Optional.of(new Draft(message, ids, legal, day));
    }

    /**
     * Puts the portal's values in the template model ({@code portalLink} always; {@code portalCode} and
     * {@code portalCodeUrl} on letters and SMS, whose readers type them in) and returns the paragraph to add when the
     * template does not use them.
     */
    private String portalValues(Map<String, Object> model, UUID debtorId, ActionType channel, String lang,
                                Sources sources) {
        String link = portal.linkFor(debtorId).toString();
        model.put("portalLink", link);
        if (channel == ActionType.EMAIL) {
            return PortalNotice.emailHtml(lang, link);
        }
        String code = sources.code().apply(debtorId);
        String codeUrl = portal.codeEntryUrl().toString();
        model.put("portalCode", code);
        model.put("portalCodeUrl", codeUrl);
        return PortalNotice.letterHtml(lang, codeUrl, code);
    }

    /**
     * The pay link for what the message reminds of: its invoices, and for a payment-plan instalment (listed under
     * the plan's first invoice) the instalment's amount, which payments spreads over the plan's invoices.
     */
    private static PayLinks.Request payLinkRequest(UUID debtorId, List<Facts.PlannedAction> acts,
                                                   List<Facts.Invoice> listed) {
        Set<UUID> reminded = new LinkedHashSet<>();
        List<UUID> instalments = new ArrayList<>();
        for (Facts.PlannedAction a : acts) {
            if (INSTALMENT.equals(a.itemKind())) {
                instalments.add(a.itemId());
            } else {
                reminded.add(a.invoiceId());
            }
        }
        List<UUID> invoiceIds = listed.stream().map(Facts.Invoice::id).filter(reminded::contains).toList();
        return new PayLinks.Request(debtorId, invoiceIds, instalments.stream().distinct().toList());
    }

    private @Nullable URI payLink(PayLinks.Request request) {
        return payLinks.getIfAvailable(() -> PayLinks.NONE).linksFor(List.of(request)).getFirst().orElse(null);
    }

    static String payLinkParagraph(URI link, String lang) {
        String text = switch (lang) {
            case "en" -> "Pay online now";
            case "de" -> "Jetzt online bezahlen";
            case "fr" -> "Payer en ligne maintenant";
            default -> "Direct online betalen";
        };
        String url = HtmlUtils.htmlEscape(link.toString());
        return "<p class=\"pay-link\"><a href=\"" + url + "\">" + text + "</a>: " + url + "</p>";
    }

    /** The legal notice of the day, when any action is at a legal step: costs on the summed principals. */
    private @Nullable Legal legal(Facts.Debtor debtor, List<Facts.PlannedAction> acts,
                                  Map<UUID, Facts.Invoice> invoices, DunningSettings settings, LocalDate day) {
        Map<UUID, BigDecimal> principals = new LinkedHashMap<>();
        LocalDate latestDue = null;
        for (Facts.PlannedAction a : acts) {
            Facts.Invoice i = invoices.get(a.invoiceId());
            if (a.legal() && i != null && "EUR".equals(i.currency()) && i.openPrincipal().signum() > 0
                    && i.dueDate().isBefore(day)) {
                principals.put(i.id(), i.openPrincipal());
                latestDue = latestDue == null || i.dueDate().isAfter(latestDue) ? i.dueDate() : latestDue;
            }
        }
        if (principals.isEmpty()) {
            return null;
        }
        boolean consumer = debtor.consumer();
        VatUplift uplift = settings.outsourcedToVatChargingCollector() && settings.creditorCannotDeductVat()
                ? VatUplift.claimedAtDutchStandardRate() : VatUplift.none();
        CostsRequest request = new CostsRequest(List.copyOf(principals.values()), "EUR",
                consumer ? DebtorType.CONSUMER : DebtorType.BUSINESS, latestDue.plusDays(1), uplift,
                consumer ? null : settings.contractualPercentBusiness(), null);
        return new Legal(law.costs().calculate(request), principals, latestDue, consumer);
    }

    static @Nullable PostalAddress address(DebtorProfile p) {
        Address a = p.billingAddress();
        if (a == null || a.street() == null || a.postcode() == null || a.city() == null) {
            return null;
        }
        String street = a.street() + (a.houseNumber() == null ? "" : " " + a.houseNumber());
        return new PostalAddress(p.name(), p.contactPerson() == null ? null : "t.a.v. " + p.contactPerson(), street,
                a.postcode(), a.city(), a.country() == null ? "NL" : a.country());
    }

    static OutboundMessage.Letterhead letterhead(DunningSettings s) {
        List<String> lines = new ArrayList<>(s.addressLines());
        if (s.phone() != null) {
            lines.add(s.phone());
        }
        if (s.email() != null) {
            lines.add(s.email());
        }
        List<String> footer = new ArrayList<>();
        if (s.chamberOfCommerce() != null) {
            footer.add("KvK " + s.chamberOfCommerce());
        }
        if (s.vatNumber() != null) {
            footer.add("btw " + s.vatNumber());
        }
        if (s.iban() != null) {
            footer.add("IBAN " + s.iban());
        }
        String returnLine = s.creditorName() + (s.addressLines().isEmpty() ? "" : ", " + String.join(", ", s.addressLines()));
        return new OutboundMessage.Letterhead(s.creditorName(), lines, returnLine, footer, s.country());
    }
}
