package io.creditflow.acceptance;

/**
 * The catalogue of signals a policy's rules and scorecard can use. Each says where it comes from; "awaits" marks
 * signals whose source module is being built and which are therefore absent for now (rules on them do not fire,
 * scorecards give their "missing" points).
 */
public final class SignalNames {

    private SignalNames() {
    }

    // the applicant, from input verification
    public static final String APPLICANT_TYPE = "applicant.type";
    /** Whole years at the day of the check; consumers only. */
    public static final String APPLICANT_AGE = "applicant.age";
    public static final String EMAIL_PRESENT = "email.present";
    public static final String EMAIL_DISPOSABLE = "email.disposable";
    public static final String PHONE_PRESENT = "phone.present";
    /** MOBILE, FIXED_LINE, VOIP, ... as libphonenumber classifies the number. */
    public static final String PHONE_TYPE = "phone.type";
    public static final String IBAN_PRESENT = "iban.present";
    /** Country of the IBAN differs from the billing address country. */
    public static final String IBAN_FOREIGN = "iban.foreign";
    public static final String ADDRESS_COUNTRY = "address.country";

    // the order
    public static final String ORDER_AMOUNT = "order.amount";
    public static final String ORDER_CHANNEL = "order.channel";
    public static final String ORDER_CATEGORY = "order.productCategory";
    public static final String ORDER_PAY_LATER = "order.payLater";

    // the debtor's history at this tenant, from receivables (matched by blind indexes)
    public static final String HISTORY_KNOWN = "history.known";
    public static final String HISTORY_OPEN = "history.openAmount";
    public static final String HISTORY_OVERDUE = "history.overdueAmount";
    public static final String HISTORY_MAX_DAYS_OVERDUE = "history.maxDaysOverdue";
    public static final String HISTORY_IN_COLLECTION = "history.inCollection";
    public static final String HISTORY_DISPUTED = "history.disputed";
    public static final String HISTORY_PAID_12M = "history.paidInvoices12m";
    /** Average days between due date and payment of invoices paid in the last 12 months (negative: early). */
    public static final String HISTORY_AVG_DAYS_LATE = "history.avgDaysLate12m";
    public static final String HISTORY_MAX_DAYS_LATE = "history.maxDaysLate12m";
    /** Sum of invoices paid within 60 days of their due date over the last 12 months (the behaviour limit base). */
    public static final String HISTORY_PAID_WITHIN_60 = "history.paidWithin60Days12m";
    public static final String HISTORY_MONTHS_KNOWN = "history.monthsKnown";
    /**
     * The worst dunning step the debtor's invoices reached in the last 24 months, as the dunning module ranks it
     * ({@code dunning.DunningSeverity}): 0 none, 1 pre-due notice, 2 reminder, 3 final notice (legal notice, the
     * 14-day letter), 4 collection (costs charged or a case opened). Only steps actually taken count.
     */
    public static final String DUNNING_WORST_STEP = "dunning.worstStep";
    /** From the payments module: payment plans of the identity's debtors broken (breached) in the last 24 months. */
    public static final String PLANS_BROKEN = "plans.broken";

    // exposure and limit (derived during evaluation from the facts and the policy's limit formula)
    public static final String EXPOSURE_OUTSTANDING = "exposure.outstanding";
    public static final String EXPOSURE_OPEN_ORDERS = "exposure.openOrders";
    public static final String EXPOSURE_TOTAL = "exposure.totalWithOrder";
    public static final String LIMIT_MANUAL = "limit.manual";
    public static final String LIMIT = "limit.amount";
    public static final String LIMIT_SOURCE = "limit.source";
    public static final String LIMIT_AVAILABLE = "limit.available";
    /** Exposure including this order divided by the limit. */
    public static final String LIMIT_UTILISATION = "limit.utilisation";

    // velocity and fraud patterns
    public static final String CHECKS_1H = "velocity.checksLastHour";
    public static final String CHECKS_24H = "velocity.checksLast24h";
    public static final String SHARED_EMAIL = "velocity.emailSharedWith";
    public static final String SHARED_IBAN = "velocity.ibanSharedWith";
    public static final String SHARED_PHONE = "velocity.phoneSharedWith";
    public static final String SHARED_ADDRESS = "velocity.addressSharedWith";
    /** The most other customers sharing the e-mail address, the IBAN or the phone number. */
    public static final String SHARED_MAX = "velocity.maxSharedWith";
    /** Kilometres between the postcode areas of billing and delivery address (NL only). */
    public static final String DELIVERY_DISTANCE_KM = "delivery.distanceKm";
    public static final String DELIVERY_OTHER_COUNTRY = "delivery.otherCountry";

    // external sources (absent when a source was not asked, had no data, or did not answer in time)
    public static final String COMPANY_FOUND = "external.companyFound";
    public static final String COMPANY_ACTIVE = "external.companyActive";
    public static final String COMPANY_AGE_MONTHS = "external.companyAgeMonths";
    public static final String INSOLVENT = "external.insolvent";
    public static final String ADDRESS_EXISTS = "external.addressExists";
    public static final String BUREAU_SCORE = "external.bureauScore";
    public static final String BUREAU_NEGATIVE = "external.bureauNegativeRegistrations";
    public static final String BUREAU_ADVISED_LIMIT = "external.bureauAdvisedLimit";
    /** Names of sources that did not answer in time, comma separated. */
    public static final String SOURCES_UNAVAILABLE = "external.unavailable";
}
