package io.creditflow.collection;

import org.jspecify.annotations.Nullable;

/**
 * The stages of an amicable collection case, in order. A case enters each stage at most once. The amicable stages
 * send the debtor the stage's own message; at {@link #NOTICE_OF_DEFAULT} the extrajudicial collection costs are
 * charged (when the law allows: a consumer only after a valid, expired 14-day letter); interest is brought up to date
 * at every stage. {@link #BAILIFF} is reached by the hand-off, never by the clock.
 */
public enum Stage {
    NEW("collection.case-opened"),
    REMINDER("collection.reminder"),
    SECOND_REMINDER("collection.second-reminder"),
    NOTICE_OF_DEFAULT("collection.notice-of-default"),
    READY_FOR_BAILIFF("collection.ready-for-bailiff"),
    PRE_COURT("collection.pre-court"),
    BAILIFF("collection.bailiff");

    private final String template;

    Stage(String template) {
        this.template = template;
    }

    /** The message template of the stage (message-templates/collection-*.yml). */
    public String template() {
        return template;
    }

    /** The stage the clock moves a case to next; null at the last amicable stage. */
    public @Nullable Stage next() {
        return switch (this) {
            case NEW -> REMINDER;
            case REMINDER -> SECOND_REMINDER;
            case SECOND_REMINDER -> NOTICE_OF_DEFAULT;
            case NOTICE_OF_DEFAULT -> READY_FOR_BAILIFF;
            case READY_FOR_BAILIFF -> PRE_COURT;
            case PRE_COURT, BAILIFF -> null;
        };
    }

    public boolean chargesCosts() {
        return this == NOTICE_OF_DEFAULT;
    }
}
