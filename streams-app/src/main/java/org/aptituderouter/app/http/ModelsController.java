package org.aptituderouter.app.http;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.List;
import org.aptituderouter.app.capability.LiveCapabilities;
import org.aptituderouter.app.topics.RouterTopics;
import org.aptituderouter.core.aptitude.TaskEvidence;
import org.aptituderouter.core.capability.CapabilitySet;

/** {@code GET /models}: the candidates the router chooses among right now, from the live capability set. */
@Controller("/models")
public class ModelsController {

    private final LiveCapabilities capabilities;
    private final RouterTopics topics;

    public ModelsController(LiveCapabilities capabilities, RouterTopics topics) {
        this.capabilities = capabilities;
        this.topics = topics;
    }

    @Get
    public Models list() {
        CapabilitySet set = capabilities.current();
        List<Model> models = set.candidates().stream()
                .map(c -> new Model(
                        c.modelId(),
                        c.status().name(),
                        c.routable(),
                        c.cost(),
                        topics.routedTopicName(c.modelId()),
                        evidence(c.modelId())))
                .toList();
        return new Models(set.version(), set.aptitudeTestId(), models);
    }

    private Evidence evidence(String modelId) {
        long published =
                capabilities.publishedEvidence(modelId).map(TaskEvidence::total).orElse(0L);
        return capabilities
                .live(modelId)
                .map(live -> new Evidence(
                        published,
                        live.outcomes(),
                        correct(live.evidence()),
                        live.correction() == null ? 0 : live.correction().outcomes()))
                .orElse(new Evidence(published, 0, 0, 0));
    }

    private static long correct(TaskEvidence evidence) {
        return Arrays.stream(evidence.correct()).asLongStream().sum();
    }

    /** The capability set as listed: its version, the aptitude test its vectors answer, and its models. */
    @Serdeable
    public record Models(long capabilitySetVersion, String aptitudeTestId, List<Model> models) {}

    /**
     * One candidate: whether it takes new instructions, its cost, the topic its instructions go to, and the evidence
     * its capability rests on.
     */
    @Serdeable
    public record Model(
            String modelId, String status, boolean routable, double cost, String topic, Evidence evidence) {}

    /**
     * @param published    answers counted in the published record (the aptitude test, and any history it carries)
     * @param liveOutcomes graded outcomes counted since (the {@code model-outcomes} topic)
     * @param liveCorrect  how many of those were correct
     * @param corrected    how many of those the model's correction learned from (outcomes whose instruction text the
     *                     decision index still held, taught to this router's version)
     */
    @Serdeable
    public record Evidence(long published, long liveOutcomes, long liveCorrect, long corrected) {}
}
