package io.creditflow.platform;

/** The request conflicts with the current state (a concurrent edit, a duplicate): answered as 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
