package org.aptituderouter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.core.inference.InferenceStartupException;
import org.aptituderouter.core.policy.PolicySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shadow scores the same batch on the same embeddings, chooses by its own policy, and never routes. */
class ShadowRouterTest {

    private static final InferenceSettings SETTINGS =
            InferenceSettings.defaults().withMaxTokens(64);

    @TempDir
    Path dir;

    @Test
    void eachRoutedOutcomeCarriesTheShadowsChoiceByItsOwnPolicy() {
        RouterBundle bundle = RouterBundle.bundled();
        CapabilitySet zoo = CapabilitySet.empty(bundle.aptitudeTest()).withAll(bundle.zoo());
        String cheapest = zoo.routable().stream()
                .min(Comparator.comparingDouble(Candidate::cost))
                .orElseThrow()
                .modelId();
        List<RoutingRequest> requests = List.of(
                RoutingRequest.of("a", "Solve 2x = 10 for x."), RoutingRequest.of("b", "Who painted the Mona Lisa?"));

        List<RoutingOutcome> plain;
        try (Router live = Router.create(SETTINGS, PolicySpec.quality(), bundle)) {
            plain = live.route(requests, zoo);
        }
        try (Router shadowed = Router.create(SETTINGS, PolicySpec.quality(), bundle, bundle, PolicySpec.cost(1e6))) {
            List<RoutingOutcome> outcomes = shadowed.route(requests, zoo);

            for (int i = 0; i < outcomes.size(); i++) {
                RoutingOutcome.Routed routed = (RoutingOutcome.Routed) outcomes.get(i);
                assertThat(routed.modelId())
                        .as("the live choice is unchanged")
                        .isEqualTo(((RoutingOutcome.Routed) plain.get(i)).modelId());
                assertThat(routed.shadow()).isNotNull();
                assertThat(routed.shadow().modelId())
                        .as("a huge price on cost picks the cheapest")
                        .isEqualTo(cheapest);
                assertThat(routed.shadow().policy()).startsWith("cost");
                assertThat(routed.shadow().routerVersion()).isEqualTo(shadowed.version());
            }
        }
        assertThat(((RoutingOutcome.Routed) plain.get(0)).shadow()).isNull();
    }

    @Test
    void aShadowBundleOfAnotherAptitudeTestIsRefusedAtStartUp() throws IOException {
        RouterBundle bundle = RouterBundle.bundled();
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        AptitudeTest test = bundle.aptitudeTest();
        try (OutputStream out = Files.newOutputStream(other.resolve(RouterBundle.APTITUDE_TEST))) {
            new AptitudeTest("another-test", test.tasks(), test.priorItems()).write(out);
        }
        Files.write(other.resolve(RouterBundle.SCORER_HEAD), bundle.head());
        try (InputStream metadata =
                getClass().getClassLoader().getResourceAsStream(RouterBundle.BUNDLED + RouterBundle.HEAD_METADATA)) {
            // the head's metadata names its test too: a consistent bundle, of another test
            Files.writeString(
                    other.resolve(RouterBundle.HEAD_METADATA),
                    new String(metadata.readAllBytes(), StandardCharsets.UTF_8).replace(test.id(), "another-test"));
        }

        assertThatThrownBy(() -> Router.create(
                        SETTINGS, PolicySpec.quality(), bundle, RouterBundle.open(other), PolicySpec.quality()))
                .isInstanceOf(InferenceStartupException.class)
                .hasMessageContaining("answers aptitude test another-test")
                .hasMessageContaining("router.shadow.bundle");
    }
}
