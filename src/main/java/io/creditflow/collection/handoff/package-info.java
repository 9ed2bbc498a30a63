/**
 * Hand-off internals: the dossier (PDF, JSON, invoices, communication history, 14-day-letter evidence, zipped), the
 * development file-drop agency, and the agency's signed callbacks.
 */
@NullMarked
package io.creditflow.collection.handoff;

import org.jspecify.annotations.NullMarked;
