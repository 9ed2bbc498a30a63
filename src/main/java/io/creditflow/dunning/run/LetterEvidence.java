package io.creditflow.dunning.run;

import io.creditflow.dunning.DunningSettingsStore;
import io.creditflow.dunning.LawCalculators;
import io.creditflow.law.Channel;
import io.creditflow.law.CostsRequest;
import io.creditflow.law.DebtorType;
import io.creditflow.law.LetterDecision;
import io.creditflow.law.LetterFacts;
import io.creditflow.law.VatUplift;
import io.creditflow.messaging.MessageFailed;
import io.creditflow.messaging.MessageSent;
import io.creditflow.messaging.Outbox;
import io.creditflow.platform.TenantScope;
import io.creditflow.privacy.PersonalDataVault;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Completes a 14-day letter's evidence when the outbox reports it sent: the moment of sending, the assumed delivery
 * with the rule that gave it, the deadline counted from the day after delivery, the law module's assessment, and a
 * copy of the PDF as sent (encrypted under the debtor's key). A synchronous listener: it runs in the transaction
 * that marks the message SENT, so a sent letter never lacks its evidence.
 */
@Component
class LetterEvidence {

    private final DSLContext dsl;
    private final LawCalculators law;
    private final DunningSettingsStore settings;
    private final Outbox outbox;
    private final PersonalDataVault vault;
    private final TenantScope tenantScope;

    LetterEvidence(DSLContext dsl, LawCalculators law, DunningSettingsStore settings, Outbox outbox,
                   PersonalDataVault vault, TenantScope tenantScope) {
        this.dsl = dsl;
        this.law = law;
        this.settings = settings;
        this.outbox = outbox;
        this.vault = vault;
        this.tenantScope = tenantScope;
    }

    @EventListener
    void on(MessageSent sent) {
        if (!"dunning".equals(sent.origin())) {
            return;
        }
        try (TenantScope.Scope ignored = tenantScope.enter(sent.tenantId())) {
            Record letter = dsl.resultQuery("select * from dunning_letter where message_id = {0} and status = 'PENDING'",
                    sent.messageId()).fetchOne();
            if (letter == null) {
                return;
            }
            UUID id = letter.get("id", UUID.class);
            List<BigDecimal> principals = dsl.resultQuery("select principal from dunning_letter_invoice "
                    + "where letter_id = {0}", id).fetch(r -> r.get(0, BigDecimal.class));
            LocalDate latestDue = letter.get("latest_due_date", LocalDate.class);
            boolean consumer = "CONSUMER".equals(letter.get("debtor_type", String.class));
            VatUplift uplift = letter.get("vat_declared", Boolean.class) ? VatUplift.claimedAtDutchStandardRate()
                    : VatUplift.none();
            Channel channel = "POST".equals(letter.get("channel", String.class)) ? Channel.POST : Channel.EMAIL;
            LetterFacts facts = LetterFacts.of(new CostsRequest(principals, "EUR",
                            consumer ? DebtorType.CONSUMER : DebtorType.BUSINESS, latestDue.plusDays(1), uplift, null,
                            null), latestDue, sent.sentAt(), channel, letter.get("stated_costs", BigDecimal.class));
            LetterDecision decision = law.letter(settings.get()).assess(facts,
                    LocalDate.ofInstant(sent.sentAt(), law.letter(settings.get()).rules().zone()));
            byte[] pdf = outbox.document(sent.messageId()).orElse(null);
            dsl.execute("""
                    update dunning_letter set status = 'SENT', sent_at = {0}, assumed_delivery = {1}, deadline = {2},
                           delivery_rule = {3}, valid = {4}, assessment = {5}, pdf = {6}, pdf_sha256 = {7}
                     where id = {8}""", OffsetDateTime.ofInstant(sent.sentAt(), ZoneOffset.UTC),
                    decision.evidence().assumedDelivery(), decision.evidence().deadline(),
                    decision.evidence().deliveryRule(), decision.valid(), String.join("\n", decision.reasons()),
                    pdf == null ? null : vault.encrypt(sent.subjectId(), "dunning/letter/" + id,
                            Base64.getEncoder().encodeToString(pdf)), pdf == null ? null : sha256(pdf), id);
        }
    }

    @EventListener
    void on(MessageFailed failed) {
        if (!"dunning".equals(failed.origin())) {
            return;
        }
        try (TenantScope.Scope ignored = tenantScope.enter(failed.tenantId())) {
            dsl.execute("update dunning_letter set status = 'FAILED', assessment = {0} where message_id = {1}",
                    "not delivered: " + failed.reason(), failed.messageId());
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
