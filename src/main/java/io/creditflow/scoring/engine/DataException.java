package io.creditflow.scoring.engine;

/** Input data the engine cannot use; the message names the file line or the column so a person can fix it. */
public class DataException extends RuntimeException {

    public DataException(String message) {
        super(message);
    }
}
