package io.creditflow.messaging;

/** Formal ("u", "Sie", "vous") or informal ("je", "du", "tu") wording of a template. */
public enum Tone {
    FORMAL, INFORMAL
}
