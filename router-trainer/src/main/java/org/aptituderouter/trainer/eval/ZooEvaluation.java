package org.aptituderouter.trainer.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.aptituderouter.core.policy.PolicySpec;
import org.aptituderouter.trainer.data.OutcomeTable;

/** Scores a set of routing methods, single models and policy sweeps on one zoo across the question folds. */
public final class ZooEvaluation {

    /** lambda in probability per billion parameters: from "cost barely matters" to "cheapest model always". */
    static final double[] LAMBDAS = {
        0, 1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 3e-4, 5e-4, 7e-4, 1e-3, 1.5e-3, 2e-3, 3e-3, 5e-3, 7e-3, 1e-2, 2e-2, 5e-2, 1e-1
    };

    static final double[] THRESHOLDS = {
        0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95
    };
    /** No-regret margins, in standard errors of the probability difference. */
    static final double[] MARGINS = {0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3};

    private final OutcomeTable outcomes;
    private final Map<String, Double> costs;

    public ZooEvaluation(OutcomeTable outcomes, Map<String, Double> costs) {
        this.outcomes = outcomes;
        this.costs = costs;
    }

    /**
     * @param router the router with new-model evidence: its policy sweeps, cost matches and calibration
     * @param known  the router with known-model evidence: its margin sweep
     */
    public ZooResult evaluate(
            Zoo zoo,
            List<QuestionFold> folds,
            List<RoutingMethod> methods,
            ModelSatRouting router,
            ModelSatRouting known) {
        int questions = folds.stream().mapToInt(fold -> fold.evalRows().length).sum();
        List<ZooResult.MethodResult> results = new ArrayList<>();
        for (RoutingMethod method : methods) {
            results.add(score(method, zoo, folds));
        }
        List<ZooResult.MethodResult> singles = new ArrayList<>();
        for (int m = 0; m < zoo.models().size(); m++) {
            singles.add(single(zoo, m, folds));
        }
        double randomCost =
                zoo.models().stream().mapToDouble(costs::get).average().orElse(0);
        return new ZooResult(
                zoo,
                questions,
                randomAccuracy(zoo, folds),
                randomCost,
                oracleAccuracy(zoo, folds),
                results,
                singles,
                curve(router, zoo, folds, LAMBDAS, PolicySpec::cost),
                curve(router, zoo, folds, THRESHOLDS, PolicySpec::threshold),
                curve(router, zoo, folds, MARGINS, PolicySpec::quality),
                curve(known, zoo, folds, MARGINS, PolicySpec::quality),
                List.of(
                        costMatch("threshold", router, zoo, folds, THRESHOLDS, PolicySpec::threshold),
                        costMatch("cost", router, zoo, folds, LAMBDAS, PolicySpec::cost)),
                calibration(router, zoo, folds));
    }

    private interface Policies {
        PolicySpec of(double parameter);
    }

    private List<ZooResult.CurvePoint> curve(
            ModelSatRouting router, Zoo zoo, List<QuestionFold> folds, double[] parameters, Policies policies) {
        List<ZooResult.CurvePoint> curve = new ArrayList<>();
        for (double parameter : parameters) {
            ZooResult.MethodResult point = score(router.withPolicy(policies.of(parameter)), zoo, folds);
            curve.add(new ZooResult.CurvePoint(parameter, point.accuracy(), point.meanCost()));
        }
        return curve;
    }

    /**
     * On each fold's questions, the cheapest setting whose accuracy reaches the best single model's there (the most
     * accurate setting when none does), applied to the other folds' questions; figures over all applications.
     */
    private ZooResult.CostMatch costMatch(
            String name,
            ModelSatRouting router,
            Zoo zoo,
            List<QuestionFold> folds,
            double[] parameters,
            Policies policies) {
        BestSingleModel single = new BestSingleModel(outcomes);
        List<Double> chosen = new ArrayList<>();
        long right = 0;
        long singleRight = 0;
        double cost = 0;
        double singleCost = 0;
        int count = 0;
        for (QuestionFold selection : folds) {
            ZooResult.MethodResult target = score(single, zoo, List.of(selection));
            double best = Double.NaN;
            double bestCost = Double.POSITIVE_INFINITY;
            double fallback = parameters[0];
            double fallbackAccuracy = -1;
            for (double parameter : parameters) {
                ZooResult.MethodResult result =
                        score(router.withPolicy(policies.of(parameter)), zoo, List.of(selection));
                if (result.accuracy() >= target.accuracy() && result.meanCost() < bestCost) {
                    best = parameter;
                    bestCost = result.meanCost();
                }
                if (result.accuracy() > fallbackAccuracy) {
                    fallback = parameter;
                    fallbackAccuracy = result.accuracy();
                }
            }
            chosen.add(best);
            double parameter = Double.isNaN(best) ? fallback : best;
            for (QuestionFold applied : folds) {
                if (applied == selection) {
                    continue;
                }
                int n = applied.evalRows().length;
                ZooResult.MethodResult result = score(router.withPolicy(policies.of(parameter)), zoo, List.of(applied));
                ZooResult.MethodResult reference = score(single, zoo, List.of(applied));
                right += Math.round(result.accuracy() * n);
                cost += result.meanCost() * n;
                singleRight += Math.round(reference.accuracy() * n);
                singleCost += reference.meanCost() * n;
                count += n;
            }
        }
        return new ZooResult.CostMatch(
                name, chosen, (double) right / count, cost / count, cost / singleCost, (double) singleRight / count);
    }

    private Calibration calibration(ModelSatRouting router, Zoo zoo, List<QuestionFold> folds) {
        Calibration.Builder builder = new Calibration.Builder();
        int[] columns = zoo.models().stream().mapToInt(outcomes::modelIndex).toArray();
        for (QuestionFold fold : folds) {
            float[][] probabilities = router.probabilities(zoo, fold);
            for (int i = 0; i < probabilities.length; i++) {
                for (int m = 0; m < columns.length; m++) {
                    builder.add(probabilities[i][m], outcomes.outcome(fold.evalRows()[i], columns[m]));
                }
            }
        }
        return builder.build();
    }

    private ZooResult.MethodResult score(RoutingMethod method, Zoo zoo, List<QuestionFold> folds) {
        long right = 0;
        double cost = 0;
        int count = 0;
        for (QuestionFold fold : folds) {
            int[] choices = method.choose(zoo, fold);
            for (int i = 0; i < choices.length; i++) {
                String model = zoo.models().get(choices[i]);
                right += outcomes.outcome(fold.evalRows()[i], outcomes.modelIndex(model));
                cost += costs.get(model);
                count++;
            }
        }
        return new ZooResult.MethodResult(method.name(), (double) right / count, cost / count);
    }

    private ZooResult.MethodResult single(Zoo zoo, int model, List<QuestionFold> folds) {
        int column = outcomes.modelIndex(zoo.models().get(model));
        long right = 0;
        int count = 0;
        for (QuestionFold fold : folds) {
            for (int row : fold.evalRows()) {
                right += outcomes.outcome(row, column);
                count++;
            }
        }
        return new ZooResult.MethodResult(
                zoo.models().get(model),
                (double) right / count,
                costs.get(zoo.models().get(model)));
    }

    private double randomAccuracy(Zoo zoo, List<QuestionFold> folds) {
        return Arrays.stream(ZooAccuracy.of(outcomes, zoo, allEvalRows(folds)))
                .average()
                .orElse(0);
    }

    private double oracleAccuracy(Zoo zoo, List<QuestionFold> folds) {
        int[] columns = zoo.models().stream().mapToInt(outcomes::modelIndex).toArray();
        int[] rows = allEvalRows(folds);
        long solved = 0;
        for (int row : rows) {
            for (int column : columns) {
                if (outcomes.outcome(row, column) == 1) {
                    solved++;
                    break;
                }
            }
        }
        return (double) solved / rows.length;
    }

    private static int[] allEvalRows(List<QuestionFold> folds) {
        return folds.stream()
                .flatMapToInt(fold -> Arrays.stream(fold.evalRows()))
                .toArray();
    }
}
