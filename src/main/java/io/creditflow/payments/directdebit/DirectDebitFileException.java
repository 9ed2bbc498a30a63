package io.creditflow.payments.directdebit;

/** A pain.008 file that does not validate against its schema; the message lists the first problems with their place. */
public class DirectDebitFileException extends RuntimeException {

    public DirectDebitFileException(String message) {
        super(message);
    }

    public DirectDebitFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
