/**
 * Input verification of a credit check: Dutch postcode and house number, IBAN, e-mail syntax and disposable domains
 * (a maintained list shipped as a resource), phone numbers (libphonenumber), dates of birth, name normalisation, and the
 * distance between billing and delivery postcode areas. Malformed input is refused with every faulty field named;
 * well-formed but suspicious input (a disposable e-mail domain, a far delivery address) becomes a signal for the
 * policy instead.
 */
@NullMarked
package io.creditflow.acceptance.verification;

import org.jspecify.annotations.NullMarked;
