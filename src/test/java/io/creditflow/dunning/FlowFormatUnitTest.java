package io.creditflow.dunning;

import io.creditflow.platform.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Flows read from YAML and JSON, written back identically, and bad input named by line and field. */
class FlowFormatUnitTest {

    @Test
    void theDefaultFlowRoundTripsThroughJsonAndYaml() {
        FlowDefinition flow = FlowFormat.parse(DefaultFlow.text());
        assertThat(flow.steps()).hasSize(6);
        assertThat(flow.steps().get(3).legalNotice()).isTrue();
        assertThat(flow.steps().get(3).when().debtorType()).isEqualTo("CONSUMER");
        String json = FlowFormat.write(flow, FlowFormat.Kind.JSON);
        assertThat(FlowFormat.detect(json)).isEqualTo(FlowFormat.Kind.JSON);
        assertThat(FlowFormat.parse(json)).isEqualTo(flow);
        assertThat(FlowFormat.parse(FlowFormat.write(flow, FlowFormat.Kind.YAML))).isEqualTo(flow);
    }

    @Test
    void aTypoIsRefusedWithItsLine() {
        assertThatThrownBy(() -> FlowFormat.parse("""
                key: x
                name: X
                steps:
                  - key: one
                    ofsetDays: 3
                """)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors().getFirst().reason())
                        .contains("line 5").contains("ofsetDays"));
    }
}
