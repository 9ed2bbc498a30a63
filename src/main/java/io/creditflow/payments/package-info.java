/**
 * Bank statements, payment matching, payment plans, direct debit and payment links.
 */
@NullMarked
package io.creditflow.payments;

import org.jspecify.annotations.NullMarked;
