/**
 * The demo: a tenant with users for every role and realistic, deterministic (seeded) Dutch, Belgian and German
 * debtors with two years of invoices and payment history, created on first start; the same generator makes millions
 * of rows for the benchmarks.
 */
@NullMarked
package io.creditflow.demo;

import org.jspecify.annotations.NullMarked;
