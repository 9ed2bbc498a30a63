package io.creditflow.payments.matching;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.UUID;

import static io.creditflow.payments.matching.MatchingFixture.codes;
import static io.creditflow.payments.matching.MatchingFixture.payment;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per kind of noise a real statement has: what is proposed, how sure, and why. */
class MatcherUnitTest {

    static final String OWN = "NL91ABNA0417164300";
    static final String STRANGER = "NL86INGB0002445588";

    final MatchingFixture f = new MatchingFixture();
    final UUID jansen = f.debtor("Jan Jansen", OWN);
    final UUID bakker = f.debtor("Bakkerij Overvecht B.V.", "NL69INGB0123456789");

    @Test
    void anExactStructuredReferenceAndAmountIsAppliedWithoutAPerson() {
        OpenItem invoice = f.invoice(jansen, "F2025-00001234", "121.00");
        MatchOutcome outcome = f.match(payment("121.00", invoice.paymentReference(), null, "J. Jansen", OWN));
        assertThat(outcome.best().invoiceIds()).containsExactly(invoice.invoiceId());
        assertThat(outcome.best().kind()).isEqualTo(Proposal.Kind.DESIGNATED);
        assertThat(outcome.automatic(0.95)).isTrue();
        assertThat(codes(outcome.best())).containsExactly("reference", "accountKnown", "amountExact");
    }

    @Test
    void aReferenceWithOneWrongDigitIsCorrectedThroughItsCheckDigit() {
        OpenItem invoice = f.invoice(jansen, "F2025-00001234", "121.00");
        String typo = replaceDigit(invoice.paymentReference(), 9);
        MatchOutcome outcome = f.match(payment("121.00", typo, null, null, STRANGER));
        assertThat(outcome.best().invoiceIds()).containsExactly(invoice.invoiceId());
        assertThat(codes(outcome.best())).contains("referenceCorrected", "amountExact");
        assertThat(outcome.automatic(0.95)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Factuur F2025-00001234", "f2025 0000 1234", "F2025.00001234 dank u", "fact.nr 202500001234",
            "inv:F202500001234", "betaling F 2025-00001234 klantnr 77"})
    void invoiceNumbersAreFoundHoweverTheyAreTyped(String text) {
        OpenItem invoice = f.invoice(jansen, "F2025-00001234", "121.00");
        f.invoice(jansen, "F2025-00001235", "80.00");
        MatchOutcome outcome = f.match(payment("121.00", null, text, null, null));
        assertThat(outcome.best().invoiceIds()).containsExactly(invoice.invoiceId());
        assertThat(outcome.automatic(0.95)).as(String.valueOf(outcome)).isTrue();
    }

    @Test
    void anInvoiceNumberWithATypoIsFoundWhenTheAmountConfirmsIt() {
        OpenItem invoice = f.invoice(jansen, "F2025-00001234", "121.00");
        MatchOutcome outcome = f.match(payment("121.00", null, "factuur F2025-00001324", null, null));
        assertThat(outcome.best().invoiceIds()).containsExactly(invoice.invoiceId());
        assertThat(codes(outcome.best())).contains("numberFuzzy", "amountExact");
        assertThat(outcome.automatic(0.95)).isTrue();
    }

    @Test
    void aTypoThatLandsOnAnotherInvoiceDoesNotFoolTheMatcher() {
        OpenItem meant = f.invoice(jansen, "F2025-00001234", "121.00");
        f.invoice(bakker, "F2025-00001235", "455.10");
        MatchOutcome outcome = f.match(payment("121.00", null, "F2025-00001235", "J Jansen", OWN));
        assertThat(outcome.best().invoiceIds()).containsExactly(meant.invoiceId());
        assertThat(outcome.automatic(0.95)).isTrue();
    }

    @Test
    void aTypoOnAnotherInvoiceWithoutAnythingElseToGoOnWaitsForAPerson() {
        f.invoice(jansen, "F2025-00001234", "121.00");
        f.invoice(bakker, "F2025-00001235", "455.10");
        MatchOutcome outcome = f.match(payment("121.00", null, "F2025-00001235", null, null));
        assertThat(outcome.automatic(0.95)).isFalse();
        assertThat(outcome.proposals()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void withoutReferenceTheKnownAccountAndAUniqueAmountIdentifyTheInvoice() {
        f.invoice(jansen, "F2025-00000001", "80.00");
        OpenItem invoice = f.invoice(jansen, "F2025-00000002", "121.00");
        MatchOutcome outcome = f.match(payment("121.00", null, "bedankt", "J. Jansen", OWN));
        assertThat(outcome.best().kind()).isEqualTo(Proposal.Kind.AMOUNT);
        assertThat(outcome.best().invoiceIds()).containsExactly(invoice.invoiceId());
        assertThat(outcome.automatic(0.95)).isTrue();
    }

    @Test
    void theSameAmountOnSeveralInvoicesWithoutReferenceWaitsForAPerson() {
        f.invoice(jansen, "F2025-00000001", "121.00");
        f.invoice(jansen, "F2025-00000002", "121.00");
        MatchOutcome outcome = f.match(payment("121.00", null, null, "J. Jansen", OWN));
        assertThat(outcome.automatic(0.95)).isFalse();
        assertThat(outcome.proposals()).hasSize(2);
        assertThat(codes(outcome.best())).contains("sameAmount");
    }

    @Test
    void theSameAmountOnSeveralInvoicesWithAReferenceIsNoProblem() {
        f.invoice(jansen, "F2025-00000001", "121.00");
        OpenItem second = f.invoice(jansen, "F2025-00000002", "121.00");
        MatchOutcome outcome = f.match(payment("121.00", second.paymentReference(), null, null, OWN));
        assertThat(outcome.best().invoiceIds()).containsExactly(second.invoiceId());
        assertThat(outcome.automatic(0.95)).isTrue();
    }

    @Test
    void onePaymentNamingSeveralInvoicesPaysThemAll() {
        OpenItem a = f.invoice(jansen, "F2025-00000011", "100.00");
        OpenItem b = f.invoice(jansen, "F2025-00000012", "50.25");
        MatchOutcome outcome = f.match(payment("150.25", null, "F2025-00000012 en F2025-00000011", null, OWN));
        assertThat(outcome.best().invoiceIds()).containsExactly(b.invoiceId(), a.invoiceId());
        assertThat(outcome.automatic(0.95)).isTrue();
    }

    @Test
    void onePaymentForSeveralInvoicesWithoutNumbersIsFoundBySubsetSum() {
        OpenItem a = f.invoice(jansen, "F2025-00000011", "100.00");
        f.invoice(jansen, "F2025-00000012", "50.25");
        OpenItem c = f.invoice(jansen, "F2025-00000013", "19.95");
        MatchOutcome outcome = f.match(payment("119.95", null, "openstaande facturen", null, OWN));
        assertThat(outcome.best().kind()).isEqualTo(Proposal.Kind.COMBINATION);
        assertThat(outcome.best().invoiceIds()).containsExactlyInAnyOrder(a.invoiceId(), c.invoiceId());
        assertThat(codes(outcome.best())).contains("combination");
    }

    @Test
    void aPartialPaymentWithItsReferenceIsAppliedAndSaysWhatRemains() {
        OpenItem invoice = f.invoice(jansen, "F2025-00001234", "121.00");
        MatchOutcome outcome = f.match(payment("50.00", invoice.paymentReference(), null, null, OWN));
        assertThat(outcome.best().invoiceIds()).containsExactly(invoice.invoiceId());
        assertThat(outcome.best().reasons()).contains(Reason.of("partial", "50.00", "121.00", "71.00"));
        assertThat(outcome.automatic(0.95)).isTrue();
    }

    @Test
    void severalPaymentsForOneInvoiceInOneFileSeeEachOther() {
        OpenItem invoice = f.invoice(jansen, "F2025-00001234", "121.00");
        List<MatchOutcome> outcomes = f.match(List.of(
                payment("60.00", invoice.paymentReference(), null, null, OWN),
                payment("61.00", invoice.paymentReference(), null, null, OWN)));
        assertThat(codes(outcomes.get(0).best())).contains("partial");
        assertThat(codes(outcomes.get(1).best())).contains("amountExact");
    }

    @Test
    void anOverpaymentIsNamedAsSuch() {
        OpenItem invoice = f.invoice(jansen, "F2025-00001234", "121.00");
        MatchOutcome outcome = f.match(payment("131.00", invoice.paymentReference(), null, null, OWN));
        assertThat(outcome.best().reasons()).contains(Reason.of("overpaid", "10.00"));
        assertThat(outcome.best().invoiceIds()).containsExactly(invoice.invoiceId());
    }

    @Test
    void aPaymentOfTheAmountIncludingCostsAndInterestIsExact() {
        f.invoice(jansen, "F2025-00001234", "121.00", "40.00", "2.35", MatchingFixture.TODAY.minusDays(60));
        MatchOutcome outcome = f.match(payment("163.35", null, "F2025-00001234", null, OWN));
        assertThat(codes(outcome.best())).contains("amountIncludesCosts");
        assertThat(outcome.automatic(0.95)).isTrue();
    }

    @Test
    void aPaymentOfTheInvoiceAmountWhileCostsAreOpenIsNamedAsSuch() {
        OpenItem invoice = f.invoice(jansen, "F2025-00001234", "121.00", "40.00", "2.35",
                MatchingFixture.TODAY.minusDays(60));
        MatchOutcome outcome = f.match(payment("121.00", invoice.paymentReference(), null, null, OWN));
        assertThat(codes(outcome.best())).contains("principalOnly");
        assertThat(outcome.best().invoiceIds()).containsExactly(invoice.invoiceId());
    }

    @Test
    void aThirdPartyPayingWithTheReferenceIsAppliedAndNamedAsThirdParty() {
        OpenItem invoice = f.invoice(jansen, "F2025-00001234", "121.00");
        MatchOutcome outcome = f.match(payment("121.00", invoice.paymentReference(), null, "Stichting Schuldhulp",
                STRANGER));
        assertThat(outcome.automatic(0.95)).isTrue();
        assertThat(codes(outcome.best())).contains("accountUnknown");
    }

    @Test
    void aSmallShortfallWithinTheToleranceIsProposedForWriteOff() {
        OpenItem invoice = f.invoice(jansen, "F2025-00001234", "121.00");
        MatchOutcome outcome = f.match(payment("120.65", invoice.paymentReference(), null, null, OWN));
        assertThat(outcome.best().reasons()).contains(Reason.of("writeOff", "0.35", "1.00"));
        assertThat(outcome.automatic(0.95)).isTrue();
    }

    @Test
    void aNameAloneIsOnlyASuggestion() {
        UUID rare = f.debtor("Hendrikus Zwaneveld", "NL08SNSB7743333280");
        f.invoice(rare, "F2025-00000077", "64.10");
        MatchOutcome outcome = f.match(payment("64.10", null, "betaling", "H. Zwaneveld", STRANGER));
        assertThat(outcome.best().debtorId()).isEqualTo(rare);
        assertThat(outcome.automatic(0.95)).isFalse();
        assertThat(codes(outcome.best())).contains("name");
    }

    @Test
    void nothingToGoOnIsUnmatchedAndSaysSo() {
        f.invoice(jansen, "F2025-00001234", "121.00");
        MatchOutcome outcome = f.match(payment("77.00", null, "terugbetaling", "Leverancier X", STRANGER));
        assertThat(outcome.best()).isNull();
        assertThat(outcome.notes()).extracting(Reason::code).containsExactly("noCandidates");
    }

    @Test
    void aPaymentForAnInvoiceAlreadyPaidWaitsForAPerson() {
        OpenItem paid = f.paidInvoice(jansen, "F2025-00000999", "121.00");
        MatchOutcome outcome = f.match(payment("121.00", paid.paymentReference(), null, null, OWN));
        assertThat(outcome.automatic(0.95)).isFalse();
        assertThat(codes(outcome.best())).contains("alreadyPaid");
    }

    @Test
    void ourOwnEndToEndIdIdentifiesTheCollection() {
        OpenItem invoice = f.invoice(jansen, "F2025-00001234", "121.00");
        f.candidates.addEndToEndId("CF-DD-000001", new CandidateSource.Designation(jansen, List.of(invoice)));
        MatchOutcome outcome = f.match(new PaymentItem(io.creditflow.shared.Money.euros("121.00"),
                MatchingFixture.TODAY, "CF-DD-000001", null, null, null, OWN));
        assertThat(codes(outcome.best())).startsWith("endToEnd");
        assertThat(outcome.automatic(0.95)).isTrue();
    }

    private static String replaceDigit(String value, int at) {
        char[] c = value.toCharArray();
        c[at] = (char) ('0' + (c[at] - '0' + 3) % 10);
        return new String(c);
    }
}
