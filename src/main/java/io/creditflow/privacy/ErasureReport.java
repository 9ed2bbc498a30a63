package io.creditflow.privacy;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What one module did for an erasure, for the certificate: each kind of data with what happened to it and how many
 * records, and for what was kept the legal ground and until when. Never names personal values.
 */
public record ErasureReport(String section, List<Action> actions) {

    public ErasureReport {
        actions = List.copyOf(actions);
    }

    public enum Outcome {
        /** Rows removed. */
        DELETED,
        /** Kept, with the personal parts removed or replaced. */
        MINIMISED,
        /** Kept as ciphertext whose key is destroyed: unreadable everywhere, backups included. */
        SHREDDED,
        /** Kept (readable) under a legal ground. */
        KEPT
    }

    public record Action(String what, Outcome outcome, long count, @Nullable String legalGround,
                         @Nullable LocalDate keptUntil) {
    }

    public static Builder of(String section) {
        return new Builder(section);
    }

    public static final class Builder {
        private final String section;
        private final List<Action> actions = new ArrayList<>();

        private Builder(String section) {
            this.section = section;
        }

        public Builder deleted(String what, long count) {
            actions.add(new Action(what, Outcome.DELETED, count, null, null));
            return this;
        }

        public Builder shredded(String what, long count) {
            actions.add(new Action(what, Outcome.SHREDDED, count, null, null));
            return this;
        }

        public Builder minimised(String what, long count, String legalGround, @Nullable LocalDate until) {
            actions.add(new Action(what, Outcome.MINIMISED, count, legalGround, until));
            return this;
        }

        public Builder kept(String what, long count, String legalGround, @Nullable LocalDate until) {
            actions.add(new Action(what, Outcome.KEPT, count, legalGround, until));
            return this;
        }

        public ErasureReport build() {
            return new ErasureReport(section, actions);
        }
    }
}
