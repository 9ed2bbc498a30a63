/**
 * Reading bank statements (camt.053, MT940 in the ING, Rabobank and ABN AMRO dialects, CSV) into one neutral model,
 * streaming: entries are handed over one by one, so memory stays constant whatever the file size. Every parser checks
 * that each statement balances and names the line (or XML element and position) of any error.
 */
@NullMarked
package io.creditflow.payments.statement;

import org.jspecify.annotations.NullMarked;
