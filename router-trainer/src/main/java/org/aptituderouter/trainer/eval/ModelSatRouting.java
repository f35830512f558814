package org.aptituderouter.trainer.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aptituderouter.core.ScoredCandidate;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.core.policy.PolicySpec;
import org.aptituderouter.core.policy.RoutingPolicy;

/**
 * The router under test: held-out scorer probabilities, decided by router-core's own policy implementations (with
 * each candidate's overall level and evidence for the no-regret rule) so that the evaluation measures what the deployed router
 * does.
 */
public final class ModelSatRouting implements RoutingMethod {

    /** The zoo as the router holds it when routing a fold's questions: levels and supports for the no-regret rule. */
    public interface Zoos {
        CapabilitySet of(QuestionFold fold);
    }

    private final String label;
    private final float[][] probabilities;
    private final List<String> columns;
    private final Map<String, Double> costs;
    private final PolicySpec policy;
    private final Zoos zoos;

    /**
     * @param label         e.g. "router, new models"
     * @param probabilities [data-set row][column]
     */
    public ModelSatRouting(
            String label,
            float[][] probabilities,
            List<String> columns,
            Map<String, Double> costs,
            PolicySpec policy,
            Zoos zoos) {
        this.label = label;
        this.probabilities = probabilities;
        this.columns = columns;
        this.costs = costs;
        this.policy = policy;
        this.zoos = zoos;
    }

    public ModelSatRouting withPolicy(PolicySpec other) {
        return new ModelSatRouting(label, probabilities, columns, costs, other, zoos);
    }

    @Override
    public String name() {
        return label + " (" + policy.type().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    @Override
    public int[] choose(Zoo zoo, QuestionFold fold) {
        RoutingPolicy decide = RoutingPolicy.of(policy);
        int[] zooColumns = zoo.models().stream().mapToInt(columns::indexOf).toArray();
        CapabilitySet held = zoos.of(fold);
        double[] level = zoo.models().stream()
                .mapToDouble(model -> held.level(held.find(model).orElseThrow()))
                .toArray();
        double[] support = zoo.models().stream()
                .mapToDouble(model -> held.support(held.find(model).orElseThrow()))
                .toArray();
        int[] choices = new int[fold.evalRows().length];
        for (int i = 0; i < choices.length; i++) {
            float[] row = probabilities[fold.evalRows()[i]];
            List<ScoredCandidate> candidates = new ArrayList<>();
            for (int m = 0; m < zooColumns.length; m++) {
                String model = zoo.models().get(m);
                candidates.add(new ScoredCandidate(model, row[zooColumns[m]], costs.get(model), level[m], support[m]));
            }
            choices[i] = zoo.models().indexOf(decide.rank(candidates).get(0).modelId());
        }
        return choices;
    }

    /** The probabilities of the zoo's models on the fold's questions, [question][zoo model]. */
    public float[][] probabilities(Zoo zoo, QuestionFold fold) {
        int[] zooColumns = zoo.models().stream().mapToInt(columns::indexOf).toArray();
        float[][] out = new float[fold.evalRows().length][zooColumns.length];
        for (int i = 0; i < out.length; i++) {
            for (int m = 0; m < zooColumns.length; m++) {
                out[i][m] = probabilities[fold.evalRows()[i]][zooColumns[m]];
            }
        }
        return out;
    }
}
