package io.creditflow.platform;

/**
 * The object does not exist for this tenant. Also what another tenant's object looks like: row-level security hides
 * it, and the API answers 404, never 403, so that ids cannot be probed.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
