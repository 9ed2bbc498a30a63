package io.creditflow.scoring.registry;

/**
 * The part a version plays: CANDIDATE after training or import, CHAMPION serves decisions, CHALLENGER is scored beside
 * the champion on the same cases for comparison, RETIRED no longer serves (it can be made champion again: a rollback).
 */
public enum Role {
    CANDIDATE, CHAMPION, CHALLENGER, RETIRED
}
