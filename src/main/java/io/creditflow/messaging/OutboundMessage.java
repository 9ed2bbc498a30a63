package io.creditflow.messaging;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * A message to enqueue. Every message concerns one data subject ({@code subjectId}, a debtor): its personal content
 * is encrypted under that person's key. {@code dedupeKey} is the producer's idempotency key: enqueueing the same key
 * twice yields the first message, so a producer that crashed and retries cannot send twice.
 *
 * @param origin      the producing module ("dunning", "payments"), for the console and for events
 * @param originRef   the producer's reference (a dunning action id), echoed in {@link MessageSent}
 * @param recipient   e-mail address, E.164 phone number or webhook URL; null for letters
 * @param address     the postal address (letters; also printed on an e-mail's letter PDF)
 * @param subject     e-mail subject, letter title, webhook event type
 * @param html        e-mail HTML body or letter body (an XHTML fragment); null for SMS and webhooks
 * @param text        e-mail plain-text body, SMS text or webhook JSON payload
 * @param letterhead  the sender as printed on a letter (letters and e-mails with a letter PDF)
 * @param asLetterPdf e-mail only: also attach the body rendered as a letter (PDF), kept as evidence
 * @param secret      webhook only: the HMAC key for the signature header
 */
public record OutboundMessage(Channel channel, UUID subjectId, String origin, String originRef, String dedupeKey,
                              @Nullable String language, @Nullable String recipient, @Nullable PostalAddress address,
                              String subject, @Nullable String html, String text, @Nullable Letterhead letterhead,
                              boolean asLetterPdf, List<Attachment> attachments, @Nullable String secret) {

    public OutboundMessage {
        attachments = List.copyOf(attachments);
        if (dedupeKey.isBlank() || dedupeKey.length() > 200) {
            throw new IllegalArgumentException("dedupeKey: 1 to 200 characters");
        }
        switch (channel) {
            case EMAIL -> require(recipient != null && recipient.contains("@"), "recipient: an e-mail address");
            case SMS -> require(recipient != null && recipient.matches("\\+[1-9][0-9]{6,14}"),
                    "recipient: a phone number in E.164 form (+31612345678)");
            case LETTER -> require(address != null && html != null && letterhead != null,
                    "address, html and letterhead: required for a letter");
            case WEBHOOK -> require(recipient != null && recipient.startsWith("http") && secret != null,
                    "recipient and secret: a webhook needs a URL and a signing secret");
        }
        if (asLetterPdf) {
            require(channel == Channel.EMAIL && address != null && html != null && letterhead != null,
                    "asLetterPdf: only for e-mail, with address, html and letterhead");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    public static OutboundMessage email(UUID subjectId, String origin, String originRef, String dedupeKey,
                                        String language, String to, String subject, String html, String text,
                                        List<Attachment> attachments) {
        return new OutboundMessage(Channel.EMAIL, subjectId, origin, originRef, dedupeKey, language, to, null,
                subject, html, text, null, false, attachments, null);
    }

    public static OutboundMessage sms(UUID subjectId, String origin, String originRef, String dedupeKey,
                                      String language, String to, String text) {
        return new OutboundMessage(Channel.SMS, subjectId, origin, originRef, dedupeKey, language, to, null, "SMS",
                null, text, null, false, List.of(), null);
    }

    public static OutboundMessage letter(UUID subjectId, String origin, String originRef, String dedupeKey,
                                         String language, PostalAddress address, Letterhead letterhead,
                                         String title, String html) {
        return new OutboundMessage(Channel.LETTER, subjectId, origin, originRef, dedupeKey, language, null, address,
                title, html, "", letterhead, false, List.of(), null);
    }

    public static OutboundMessage webhook(UUID subjectId, String origin, String originRef, String dedupeKey,
                                          String url, String secret, String eventType, String jsonPayload) {
        return new OutboundMessage(Channel.WEBHOOK, subjectId, origin, originRef, dedupeKey, null, url, null,
                eventType, null, jsonPayload, null, false, List.of(), secret);
    }

    /** The same e-mail, with the body also attached as a letter PDF addressed to {@code to}. */
    public OutboundMessage withLetterPdf(PostalAddress to, Letterhead head) {
        return new OutboundMessage(channel, subjectId, origin, originRef, dedupeKey, language, recipient, to,
                subject, html, text, head, true, attachments, secret);
    }

    /**
     * The sender on a letter.
     *
     * @param name       the creditor's name
     * @param lines      address and contact lines under the name
     * @param returnLine the small return-address line above the window (may be empty)
     * @param footer     registration lines at the bottom (Chamber of Commerce, VAT, IBAN)
     * @param country    the sender's country: the addressee's country is printed only when different
     */
    public record Letterhead(String name, List<String> lines, String returnLine, List<String> footer,
                             String country) {
        public Letterhead {
            lines = List.copyOf(lines);
            footer = List.copyOf(footer);
        }
    }
}
