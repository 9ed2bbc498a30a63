package io.creditflow.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An instalment of an active plan falls due soon (the tenant's notice days ahead) and is not paid yet: dunning sends
 * the instalment reminder (with a pay link from {@link PaymentLinks}). Published once per instalment.
 */
public record PaymentPlanInstalmentDue(UUID tenantId, UUID planId, UUID debtorId, int number, LocalDate dueDate,
                                       BigDecimal amount) {
}
