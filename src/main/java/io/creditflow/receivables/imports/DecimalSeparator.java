package io.creditflow.receivables.imports;

/**
 * How amounts in a file are written. AUTO reads "1.234,56" (Dutch), "1,234.56" (international) and "1234.56" alike,
 * and refuses what could be read both ways ("1.234" or "1,234": a thousand, or one and a bit?): the profile must then
 * say COMMA or POINT.
 */
public enum DecimalSeparator {
    AUTO, COMMA, POINT
}
