package io.creditflow.acceptance;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What {@code credit_check_begin} found under the identity's lock (see V51__acceptance_check_facts.sql), and the worst
 * dunning step its debtors reached ({@code dunningWorstStep}: the dunning module's severity rank, null without
 * linked debtors).
 */
record CheckFacts(UUID identityId, UUID subjectId, boolean identityNew, @Nullable BigDecimal manualLimit,
                  @Nullable UUID replayCheckId, List<UUID> debtorIds, BigDecimal openAmount, BigDecimal overdueAmount,
                  int maxDaysOverdue, int inCollection, int disputed, int paidCount12m,
                  @Nullable BigDecimal avgDaysLate12m, @Nullable Integer maxDaysLate12m, BigDecimal paidWithin60,
                  @Nullable LocalDate firstInvoice, BigDecimal openOrders, int openOrderCount, int checks1h,
                  int checks24h, int sharedEmail, int sharedIban, int sharedPhone, int sharedAddress,
                  boolean restricted, @Nullable Integer dunningWorstStep) {
}
