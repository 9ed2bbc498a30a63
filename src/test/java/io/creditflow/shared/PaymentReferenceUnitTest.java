package io.creditflow.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentReferenceUnitTest {

    @Test
    void recognisesStructuredReferences() {
        assertThat(PaymentReference.parse("5000 0567 8901 2345")).isInstanceOf(Betalingskenmerk.class)
                .extracting(PaymentReference::value).isEqualTo("5000056789012345");
        assertThat(PaymentReference.parse("RF18 5390 0754 7034")).isInstanceOf(RfCreditorReference.class);
        assertThat(PaymentReference.parse("1234567")).isInstanceOf(Betalingskenmerk.class);
    }

    @Test
    void keepsEverythingElseAsFreeText() {
        assertThat(PaymentReference.parse("9001123412341234")).isEqualTo(new FreeTextReference("9001123412341234"));
        assertThat(PaymentReference.parse("RF19539007547034")).isInstanceOf(FreeTextReference.class);
        assertThat(PaymentReference.parse(" Factuur 2024-0042 ")).isEqualTo(new FreeTextReference("Factuur 2024-0042"));
        assertThat(PaymentReference.parse("Factuur 2024-0042").structured()).isFalse();
    }

    @Test
    void switchesExhaustively() {
        PaymentReference reference = PaymentReference.parse("RF712348231");
        String kind = switch (reference) {
            case Betalingskenmerk b -> "CUR";
            case RfCreditorReference rf -> "ISO";
            case FreeTextReference text -> "free";
        };
        assertThat(kind).isEqualTo("ISO");
    }

    @Test
    void refusesEmptyAndOverlongFreeText() {
        assertThatThrownBy(() -> PaymentReference.parse("  ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> PaymentReference.parse("x".repeat(141))).hasMessageContaining("at most 140");
    }
}
