package org.aptituderouter.trainer.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.aptitude.TaskEvidence;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.ModelStatus;
import org.aptituderouter.trainer.aptitude.ModelEvidence;
import org.aptituderouter.trainer.data.ModelCosts;
import org.aptituderouter.trainer.data.RoutingDataset;

/**
 * Capability lines of every model in the data: known models carry their whole history as evidence (every
 * answered question, placed in its task), so they are described by thousands of answers rather than the
 * thousand a newcomer brings.
 */
public final class ZooCapabilities {

    private ZooCapabilities() {}

    /** @param embeddings one per data-set row */
    public static List<Candidate> of(RoutingDataset data, AptitudeTest test, float[][] embeddings) {
        ModelEvidence evidence = new ModelEvidence(test, embeddings);
        int[] allRows = java.util.stream.IntStream.range(0, data.size()).toArray();
        Map<String, Double> costs = ModelCosts.of(data.models());
        List<Candidate> zoo = new ArrayList<>();
        for (String model : data.outcomes().modelIds()) {
            TaskEvidence history = evidence.withHistory(data.outcomes(), model, allRows, AptitudeTest.Missing.SKIP);
            zoo.add(new Candidate(
                    model, test.id(), test.scores(history), costs.get(model), ModelStatus.ACTIVE, history));
        }
        return zoo;
    }
}
