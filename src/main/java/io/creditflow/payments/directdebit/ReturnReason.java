package io.creditflow.payments.directdebit;

import java.util.Locale;

/**
 * The ISO 20022 reasons a bank gives for returning or reversing a direct debit (EPC SDD rulebook), and whether the
 * mandate can still be used afterwards. The console shows each with its message {@code returnReason.<code>}.
 */
public enum ReturnReason {
    AC01(true), AC04(true), AC06(true), AC13(true), AG01(true), AG02(false), AM04(false), AM05(false), BE05(true),
    CNOR(false), DNOR(false), FF01(false), MD01(true), MD02(true), MD06(false), MD07(true), MS02(false),
    MS03(false), RC01(false), RR01(false), RR02(false), RR03(false), RR04(false), SL01(true), OTHER(false);

    private final boolean endsMandate;

    ReturnReason(boolean endsMandate) {
        this.endsMandate = endsMandate;
    }

    /**
     * Whether the mandate must not be used again: the account is closed or blocked, the debtor died, there is no
     * valid mandate, or the debtor's bank refuses direct debits for this creditor. Insufficient funds (AM04), a
     * refund (MD06) or a one-off refusal (MS02) leave the mandate in force.
     */
    public boolean endsMandate() {
        return endsMandate;
    }

    public static ReturnReason of(String code) {
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return OTHER;
        }
    }
}
