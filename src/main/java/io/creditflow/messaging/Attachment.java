package io.creditflow.messaging;

/** A file sent with an e-mail (an invoice copy, the letter as PDF). */
public record Attachment(String filename, String contentType, byte[] content) {

    public Attachment {
        if (filename.isBlank() || filename.contains("/") || filename.contains("\\")) {
            throw new IllegalArgumentException("filename: a plain file name is required, was '" + filename + "'");
        }
    }

    public static Attachment pdf(String filename, byte[] content) {
        return new Attachment(filename, "application/pdf", content);
    }
}
