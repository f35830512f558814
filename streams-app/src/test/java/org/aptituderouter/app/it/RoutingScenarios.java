package org.aptituderouter.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.aptituderouter.app.RouterRuntime;
import org.aptituderouter.app.capability.LiveCapabilities;
import org.aptituderouter.app.support.DashboardQueries;
import org.aptituderouter.app.support.IsolatedRouter;
import org.aptituderouter.app.support.TestInstructions;
import org.aptituderouter.app.support.Traffic;
import org.aptituderouter.app.topics.RouterTopics;
import org.aptituderouter.core.BatchRouter;
import org.aptituderouter.core.Router;
import org.aptituderouter.core.aptitude.OutcomeCorrection;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.core.capability.Newcomer;
import org.aptituderouter.schemas.avro.DeadLetter;
import org.aptituderouter.schemas.avro.DeadLetterReason;
import org.aptituderouter.schemas.avro.InstructionEvent;
import org.aptituderouter.schemas.avro.ModelOutcome;
import org.aptituderouter.schemas.avro.RoutingConstraints;
import org.aptituderouter.schemas.avro.RoutingDecision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The router end to end on a real broker and a real schema registry over HTTP: the whole application (Micronaut,
 * Kafka Streams, router-core inference) routes instructions into per-model topics. Every check reads with
 * read_committed, i.e. sees exactly what the router's transactions made visible. The scenarios run in order on
 * one application; subclasses say which broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class RoutingScenarios {

    private RouterRuntime app;
    private RouterTopics topics;
    private LiveCapabilities live;
    private Traffic traffic;
    private List<Candidate> zoo;
    /** Every instruction sent so far, for the exactly-once check over all routed topics. */
    private final Set<String> routedSoFar = new HashSet<>();

    protected abstract String bootstrapServers();

    protected abstract String registryUrl();

    @BeforeAll
    void startRouterAndPublishZoo() {
        // a shadow (the same bundle, as a folder, under the cost policy) scores every batch beside the live router
        IsolatedRouter router = new IsolatedRouter(
                        bootstrapServers(), registryUrl(), getClass().getSimpleName())
                .with("router.shadow.bundle", bundledAsFolder().toString())
                .with("router.shadow.policy", "cost");
        app = router.start();
        topics = app.context().getBean(RouterTopics.class);
        live = app.context().getBean(LiveCapabilities.class);
        traffic = new Traffic(router.clientConfig(), topics);
        zoo = RouterBundle.bundled().zoo();
        traffic.publishAll(zoo);
        Traffic.await(() -> live.current().size() == zoo.size(), "the zoo in the capability set");
    }

    @AfterAll
    void stop() {
        if (traffic != null) {
            traffic.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void routesEveryInstructionExactlyOnceIntoItsModelsTopic() {
        List<InstructionEvent> batch = TestInstructions.batch("e2e", 30);
        traffic.send(batch);

        Map<String, List<RoutingDecision>> decisions = traffic.awaitDecisions(ids(batch));
        routedSoFar.addAll(ids(batch));

        assertThat(decisions.values()).allSatisfy(list -> assertThat(list).hasSize(1));
        Map<String, List<String>> routed = traffic.routedIdsByTopic();
        assertExactlyOnce(routed, routedSoFar);
        decisions.forEach((id, list) -> {
            RoutingDecision decision = list.get(0);
            assertThat(routed.get(topics.routedTopicName(decision.getModelId())))
                    .contains(id);
            assertThat(decision.getAlternatives())
                    .isNotEmpty()
                    .allSatisfy(alt -> assertThat(alt.getModelId()).isNotEqualTo(decision.getModelId()));
            assertThat(decision.getPolicy()).isEqualTo("quality");
            assertThat(decision.getRouterVersion()).isNotBlank();
            assertThat(decision.getCapabilitySetVersion())
                    .isEqualTo(live.current().version());
            assertThat(decision.getShadow()).as("the shadow's choice").isNotNull();
            assertThat(decision.getShadow().getPolicy()).startsWith("cost");
            assertThat(decision.getTask()).isNotNull();
        });
    }

    @Test
    @Order(2)
    void aModelPublishedMidStreamIsRoutableWithinASecondAndReceivesTraffic() {
        List<InstructionEvent> before = TestInstructions.batch("mid-before", 8);
        traffic.send(before);
        Candidate newcomer = Newcomer.beating(live.current(), "newcomer-e2e", 1.0);

        long published = System.nanoTime();
        traffic.publish(newcomer);
        Traffic.await(() -> live.current().contains(newcomer.modelId()), "the newcomer in the capability set");
        long routableAfterMs = (System.nanoTime() - published) / 1_000_000;

        List<InstructionEvent> after = TestInstructions.batch("mid-after", 8);
        traffic.send(after);
        Map<String, List<RoutingDecision>> decisions = traffic.awaitDecisions(
                ids(Stream.concat(before.stream(), after.stream()).toList()));
        routedSoFar.addAll(decisions.keySet());

        // a speed goal belongs to the benchmark (its onboarding step); here it is only reported
        System.out.printf("onboarding: routable %d ms after publishing%n", routableAfterMs);
        List<String> toNewcomer = decisions.entrySet().stream()
                .filter(d -> d.getValue().get(0).getModelId().equals(newcomer.modelId()))
                .map(Map.Entry::getKey)
                .toList();
        // instructions still waiting for their batch when the newcomer joined may go to it too
        assertThat(toNewcomer)
                .as("instructions sent after onboarding that went to the newcomer")
                .containsAnyElementsOf(ids(after));
        Map<String, List<String>> routed = traffic.routedIdsByTopic();
        assertThat(routed.get(topics.routedTopicName(newcomer.modelId())))
                .containsExactlyInAnyOrderElementsOf(toNewcomer);
        assertExactlyOnce(routed, routedSoFar);
    }

    @Test
    @Order(3)
    void aRetiredModelReceivesNothingAfterItsTombstone() {
        String retired = "newcomer-e2e";
        String retiredTopic = topics.routedTopicName(retired);
        traffic.retire(retired);
        Traffic.await(() -> !live.current().contains(retired), "the tombstone to retire " + retired);
        int before = traffic.readToEnd(retiredTopic).size();

        List<InstructionEvent> batch = TestInstructions.batch("retired", 12);
        traffic.send(batch);
        Map<String, List<RoutingDecision>> decisions = traffic.awaitDecisions(ids(batch));
        routedSoFar.addAll(ids(batch));

        assertThat(decisions.values())
                .allSatisfy(list -> assertThat(list.get(0).getModelId()).isNotEqualTo(retired));
        assertThat(traffic.readToEnd(retiredTopic)).hasSize(before);
        assertExactlyOnce(traffic.routedIdsByTopic(), routedSoFar);
    }

    @Test
    @Order(4)
    void unusableRecordsGoToTheDeadLetterTopicAndTheStreamGoesOn() {
        byte[] garbage = "definitely not avro".getBytes(StandardCharsets.UTF_8);
        traffic.send(List.of(Traffic.instruction("poison-ok-1", "What is 12 times 12?\nA. 124\nB. 144\nC. 164")));
        traffic.sendRaw(
                "poison-bytes",
                garbage,
                List.of(new RecordHeader("trace-id", "abc-123".getBytes(StandardCharsets.UTF_8))));
        InstructionEvent unknownModel = Traffic.instruction("poison-unknown", "Name a prime number.");
        unknownModel.setConstraints(RoutingConstraints.newBuilder()
                .setAllowedModels(List.of("no-such-model"))
                .build());
        traffic.send(List.of(
                Traffic.instruction("poison-ok-2", "Which planet is closest to the Sun?\nA. Venus\nB. Mercury"),
                Traffic.instruction("poison-empty", "  "),
                unknownModel,
                Traffic.instruction("poison-ok-3", "Who wrote the Odyssey?\nA. Homer\nB. Virgil")));

        List<ConsumerRecord<String, DeadLetter>> letters = traffic.awaitDeadLetters(3);
        Map<String, List<RoutingDecision>> decisions =
                traffic.awaitDecisions(List.of("poison-ok-1", "poison-ok-2", "poison-ok-3"));
        routedSoFar.addAll(decisions.keySet());

        Map<String, DeadLetter> byKey =
                letters.stream().collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value));
        assertThat(byKey).containsOnlyKeys("poison-bytes", "poison-empty", "poison-unknown");
        DeadLetter bytes = byKey.get("poison-bytes");
        assertThat(bytes.getReason()).isEqualTo(DeadLetterReason.DESERIALIZATION_FAILED);
        assertThat(bytes.getOriginalValue()).isEqualTo(ByteBuffer.wrap(garbage));
        assertThat(bytes.getSourceTopic()).isEqualTo(topics.instructions().name());
        assertThat(bytes.getOriginalHeaders()).anySatisfy(h -> {
            assertThat(h.getKey()).isEqualTo("trace-id");
            assertThat(h.getValue()).isEqualTo(ByteBuffer.wrap("abc-123".getBytes(StandardCharsets.UTF_8)));
        });
        assertThat(byKey.get("poison-empty").getReason()).isEqualTo(DeadLetterReason.EMPTY_TEXT);
        assertThat(byKey.get("poison-unknown").getReason()).isEqualTo(DeadLetterReason.UNKNOWN_MODEL);
        assertThat(decisions).containsOnlyKeys("poison-ok-1", "poison-ok-2", "poison-ok-3");
        assertExactlyOnce(traffic.routedIdsByTopic(), routedSoFar);
    }

    @Test
    @Order(5)
    void gradedOutcomesCountOnceIntoTheChosenModelsEvidence() {
        List<InstructionEvent> batch = TestInstructions.batch("graded", 6);
        traffic.send(batch);
        Map<String, List<RoutingDecision>> decisions = traffic.awaitDecisions(ids(batch));
        routedSoFar.addAll(ids(batch));
        RoutingDecision first = decisions.get(ids(batch).get(0)).get(0);
        String model = first.getModelId();
        List<String> toModel = decisions.entrySet().stream()
                .filter(d -> d.getValue().get(0).getModelId().equals(model))
                .map(Map.Entry::getKey)
                .toList();
        long publishedAnswers = live.publishedEvidence(model).orElseThrow().total();

        List<ModelOutcome> graded = toModel.stream()
                .map(id -> ModelOutcome.newBuilder()
                        .setInstructionId(id)
                        .setModelId(model)
                        .setCorrect(true)
                        .setSource("e2e")
                        .setGradedAt(Instant.now())
                        .build())
                .toList();
        traffic.grade(graded);
        traffic.grade(List.of(graded.get(0))); // graded twice: counted once
        // the snapshot, not the live map: the map is written just before the snapshot is swapped in
        Traffic.await(
                () -> live.current().find(model).orElseThrow().evidence().total() == publishedAnswers + toModel.size(),
                toModel.size() + " outcomes in " + model + "'s capability");
        assertThat(live.live(model).map(LiveCapabilities.Live::outcomes)).contains((long) toModel.size());

        assertThat(live.current().find(model).orElseThrow().evidence().total())
                .isEqualTo(publishedAnswers + toModel.size());
        // each outcome also taught the model's correction, from the instruction's text kept in the decision index: all
        // right, so the model now scores above what its scorer alone says on those instructions
        Router router = app.context().getBean(Router.class);
        Traffic.await(
                () -> Optional.ofNullable(
                                        live.current().find(model).orElseThrow().correction())
                                .map(OutcomeCorrection::outcomes)
                                .orElse(0L)
                        == toModel.size(),
                toModel.size() + " outcomes in " + model + "'s correction");
        InstructionEvent gradedOne = batch.stream()
                .filter(e -> e.getId().equals(toModel.get(0)))
                .findFirst()
                .orElseThrow();
        CapabilitySet now = live.current();
        BatchRouter.ScoredInstruction uncorrected = router.scoreUncorrected(
                        gradedOne.getText(), live.asPublished(model).orElseThrow())
                .orElseThrow();
        OutcomeCorrection correction = now.find(model).orElseThrow().correction();
        assertThat(correction.corrected(uncorrected.probability(), uncorrected.embedding()))
                .isGreaterThan(uncorrected.probability());
        InstructionEvent again = InstructionEvent.newBuilder(gradedOne)
                .setId("graded-again")
                .setSubmittedAt(Instant.now())
                .build();
        traffic.send(List.of(again));
        RoutingDecision decided = traffic.awaitDecisions(List.of("graded-again"))
                .get("graded-again")
                .get(0);
        routedSoFar.add("graded-again");
        double routedProbability = decided.getModelId().equals(model)
                ? decided.getProbability()
                : decided.getAlternatives().stream()
                        .filter(a -> a.getModelId().equals(model))
                        .findFirst()
                        .orElseThrow()
                        .getProbability();
        assertThat(routedProbability)
                .as("the decision's probability for %s is the corrected one", model)
                .isGreaterThan(uncorrected.probability());
        List<ConsumerRecord<String, DeadLetter>> letters = traffic.awaitDeadLetters(4);
        assertThat(letters)
                .filteredOn(r -> r.value().getReason() == DeadLetterReason.DUPLICATE_OUTCOME)
                .singleElement()
                .satisfies(r -> assertThat(r.value().getSourceTopic())
                        .isEqualTo(topics.outcomes().name()));
    }

    @Test
    @Order(6)
    void servesModelsHealthAndMetricsOverHttp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + app.httpPort();

        HttpResponse<String> models = get(http, base + "/models");
        assertThat(models.statusCode()).isEqualTo(200);
        assertThat(models.body())
                .contains("\"capabilitySetVersion\"", zoo.get(0).modelId(), "\"liveOutcomes\"")
                .doesNotContain("newcomer-e2e");

        assertThat(get(http, base + "/health/liveness").statusCode()).isEqualTo(200);
        // a stall on a loaded machine can start a rebalance: readiness is RUNNING again once it settles
        Traffic.await(() -> status(http, base + "/health/readiness") == 200, "readiness");
        HttpResponse<String> readiness = get(http, base + "/health/readiness");
        assertThat(readiness.body()).contains("\"state\":\"RUNNING\"");

        String metrics = get(http, base + "/prometheus").body();
        assertThat(metrics)
                .contains(
                        "router_batch_size_count",
                        "router_batch_inference_seconds_count",
                        "router_end_to_end_latency_seconds_count",
                        "router_routed_total{model=",
                        "router_dead_letters_total{reason=\"DESERIALIZATION_FAILED\"}",
                        "router_capabilities_version",
                        "router_capabilities_size " + (double) zoo.size(),
                        "router_outcomes_counted_total{model=",
                        "router_model_drift_z{model=",
                        "router_shadow_decisions_total{agreement=");
        // every metric the operator's Grafana dashboard (deploy-k8s) queries is exported
        Set<String> exported = metrics.lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toSet());
        assertThat(exported).containsAll(DashboardQueries.metricNames());
    }

    /** The bundle in router-core's jar, written out as a bundle folder. */
    private static Path bundledAsFolder() {
        try {
            Path folder = Files.createTempDirectory("shadow-bundle");
            for (String file : List.of(
                    RouterBundle.APTITUDE_TEST,
                    RouterBundle.SCORER_HEAD,
                    RouterBundle.HEAD_METADATA,
                    RouterBundle.ZOO)) {
                try (InputStream in =
                        RouterBundle.class.getClassLoader().getResourceAsStream(RouterBundle.BUNDLED + file)) {
                    Files.write(folder.resolve(file), in.readAllBytes());
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status of a GET, or -1 if it could not be sent. */
    private static int status(HttpClient http, String url) {
        try {
            return get(http, url).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every expected id in exactly one routed topic, once, and nothing else anywhere. */
    private static void assertExactlyOnce(Map<String, List<String>> routedByTopic, Set<String> expected) {
        List<String> all = new ArrayList<>();
        routedByTopic.values().forEach(all::addAll);
        assertThat(all).doesNotHaveDuplicates();
        assertThat(new HashSet<>(all)).isEqualTo(expected);
    }

    private static List<String> ids(List<InstructionEvent> events) {
        return events.stream().map(InstructionEvent::getId).toList();
    }
}
