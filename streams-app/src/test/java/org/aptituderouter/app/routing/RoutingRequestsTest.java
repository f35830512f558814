package org.aptituderouter.app.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.aptituderouter.app.support.Traffic;
import org.aptituderouter.core.RoutingRequest;
import org.aptituderouter.core.policy.PolicySpec;
import org.aptituderouter.core.policy.PolicyType;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.avro.RoutingConstraints;
import org.junit.jupiter.api.Test;

class RoutingRequestsTest {

    private final RoutingRequests requests = new RoutingRequests(new PolicySpec(PolicyType.QUALITY, 0.002, 0.8));

    @Test
    void noConstraintsMeansTheRoutersDefaultPolicy() {
        RoutingRequest request = requests.toRequest(Traffic.instruction("a", "text"));

        assertThat(request.policy()).isNull();
        assertThat(request.allowedModels()).isEmpty();
    }

    @Test
    void anOverriddenPolicyTakesTheDefaultParametersItLeavesOpen() {
        RoutingRequest request = requests.toRequest(with(RoutingConstraints.newBuilder()
                .setPolicy(org.aptituderouter.schemas.avro.PolicyType.COST)
                .setExcludedModels(List.of("m1"))
                .build()));

        assertThat(request.policy()).isEqualTo(new PolicySpec(PolicyType.COST, 0.002, 0.8));
        assertThat(request.excludedModels()).containsExactly("m1");
    }

    @Test
    void aThresholdAloneKeepsTheDefaultType() {
        RoutingRequest request = requests.toRequest(
                with(RoutingConstraints.newBuilder().setThreshold(0.5).build()));

        assertThat(request.policy()).isEqualTo(new PolicySpec(PolicyType.QUALITY, 0.002, 0.5));
    }

    @Test
    void anOutOfRangeOverrideIsRefused() {
        assertThatThrownBy(() -> requests.toRequest(
                        with(RoutingConstraints.newBuilder().setLambda(-1.0).build())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lambda");
    }

    private static InstructionEvent with(RoutingConstraints constraints) {
        InstructionEvent event = Traffic.instruction("c", "text");
        event.setConstraints(constraints);
        return event;
    }
}
