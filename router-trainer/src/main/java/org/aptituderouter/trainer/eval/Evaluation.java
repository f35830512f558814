package org.aptituderouter.trainer.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.aptitude.TaskEvidence;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.core.capability.ModelStatus;
import org.aptituderouter.core.policy.PolicySpec;
import org.aptituderouter.trainer.aptitude.ModelEvidence;
import org.aptituderouter.trainer.data.ModelCosts;
import org.aptituderouter.trainer.data.QuestionSplits;
import org.aptituderouter.trainer.data.RoutingDataset;
import org.aptituderouter.trainer.train.HeadFitting;

/**
 * The whole evaluation: cross-fitted held-out scores, then every zoo routed by the Model-SAT router (its models
 * new, known only by aptitude answers; and known, with their history on the training questions) and by the
 * baselines, on questions no head trained on. Questions where some model has no result are left out of scoring
 * (they still train the heads, with that outcome masked).
 */
public final class Evaluation {

    public static final String ROUTER_NEW = "router, new models";
    public static final String ROUTER_KNOWN = "router, known models";
    public static final String BEST_SINGLE = "best single model";
    public static final String PER_MODEL_LOGISTIC = "per-model logistic regression";

    private final EvaluationSettings settings;
    private final List<Integer> onlineStages;

    public Evaluation(EvaluationSettings settings) {
        this(settings, List.of());
    }

    /**
     * @param onlineStages graded outcomes per model after which the router is also scored (the online evaluation): each
     *                     model known by its aptitude answers plus its first n graded answers, in a seeded arrival
     *                     order of the fold's training questions, through the same evidence code as the live router
     *                     (task counts, and the model's outcome correction)
     */
    public Evaluation(EvaluationSettings settings, List<Integer> onlineStages) {
        this.settings = settings;
        this.onlineStages = List.copyOf(onlineStages);
    }

    /** The method name of the router after {@code outcomes} graded outcomes per model. */
    public static String afterOutcomes(int outcomes) {
        return "router, new models + " + outcomes + " outcomes";
    }

    public EvaluationReport run(
            RoutingDataset data, AptitudeTest test, float[][] embeddings, CrossFitting.RunListener listener) {
        long started = System.nanoTime();
        List<String> models = data.outcomes().modelIds();
        int[] routingRows = QuestionSplits.routingRows(data, test);
        int[][] questionFolds = QuestionSplits.folds(
                routingRows, settings.questionFolds(), settings.training().seed());
        List<QuestionFold> folds = new ArrayList<>();
        for (int q = 0; q < questionFolds.length; q++) {
            int[] train = QuestionSplits.allBut(questionFolds, q);
            int[] eval = Arrays.stream(questionFolds[q])
                    .filter(row -> data.outcomes().complete(row))
                    .toArray();
            folds.add(new QuestionFold(q, train, eval));
        }
        Map<String, Double> costs = ModelCosts.of(data.models());
        // every model as the router would hold it: new (aptitude answers), known (plus each fold's training history);
        // router-core's capability set derives the scores, levels and supports, exactly as in the deployed router
        ModelEvidence evidence = new ModelEvidence(test, embeddings);
        CapabilitySet asNew =
                zoo(test, models, costs, model -> evidence.aptitude(data.outcomes(), model, AptitudeTest.Missing.SKIP));
        List<CapabilitySet> knownByFold = folds.stream()
                .map(fold -> zoo(
                        test,
                        models,
                        costs,
                        model -> evidence.withHistory(
                                data.outcomes(), model, fold.trainRows(), AptitudeTest.Missing.SKIP)))
                .toList();
        List<List<CapabilitySet>> stagedByFold = new ArrayList<>();
        for (int outcomes : onlineStages) {
            stagedByFold.add(folds.stream()
                    .map(fold -> {
                        int[] first = firstArrivals(
                                fold.trainRows(), outcomes, settings.training().seed() + fold.index());
                        return zoo(
                                test,
                                models,
                                costs,
                                model ->
                                        evidence.withHistory(data.outcomes(), model, first, AptitudeTest.Missing.SKIP));
                    })
                    .toList());
        }
        HeldOutScores scores = new CrossFitting(new HeadFitting(settings.architecture(), settings.training()))
                .run(
                        data,
                        test,
                        embeddings,
                        ModelFolds.of(models, settings.modelFolds()),
                        questionFolds,
                        asNew,
                        knownByFold,
                        stagedByFold,
                        listener);

        ModelSatRouting routerAsNew = new ModelSatRouting(
                ROUTER_NEW, scores.newModels(), scores.models(), costs, PolicySpec.quality(), fold -> asNew);
        ModelSatRouting routerAsKnown = new ModelSatRouting(
                ROUTER_KNOWN,
                scores.knownModels(),
                scores.models(),
                costs,
                PolicySpec.quality(),
                fold -> knownByFold.get(fold.index()));
        List<RoutingMethod> online = new ArrayList<>();
        OnlineCorrections corrections = new OnlineCorrections(data.outcomes(), embeddings, scores);
        for (int st = 0; st < onlineStages.size(); st++) {
            List<CapabilitySet> stage = stagedByFold.get(st);
            int outcomes = onlineStages.get(st);
            // the live router's two kinds of learning: the counts are in the staged scores, the corrections go on top
            float[][] corrected = corrections.apply(
                    scores.staged().get(st),
                    folds,
                    fold -> firstArrivals(
                            fold.trainRows(), outcomes, settings.training().seed() + fold.index()));
            online.add(new ModelSatRouting(
                    afterOutcomes(outcomes),
                    corrected,
                    scores.models(),
                    costs,
                    PolicySpec.quality(),
                    fold -> stage.get(fold.index())));
        }
        List<RoutingMethod> methods = new ArrayList<>(List.of(
                routerAsNew,
                routerAsKnown,
                new BestOnAptitude(asNew),
                new BestSingleModel(data.outcomes()),
                new BestPerGroup(
                        "best per task (labels)", data.outcomes(), row -> Integer.toString(evidence.taskOf(row)))));
        if (data.questions().stream().anyMatch(question -> !question.category().isBlank())) {
            methods.add(new BestPerGroup(
                    "best per category (labels)",
                    data.outcomes(),
                    row -> data.question(row).category()));
        }
        methods.add(new NearestNeighbours(data.outcomes(), embeddings, settings.neighbours()));
        methods.add(new PerModelLogistic(data.outcomes(), embeddings));
        methods.addAll(online);
        ZooEvaluation evaluation = new ZooEvaluation(data.outcomes(), costs);
        List<ZooResult> results = new ArrayList<>();
        for (Zoo zoo : Zoo.standard(models, costs)) {
            results.add(evaluation.evaluate(zoo, folds, methods, routerAsNew, routerAsKnown));
        }
        return new EvaluationReport(
                data.name(),
                results,
                scores.runs(),
                settings,
                test.id(),
                test.dimension(),
                data.fingerprint(),
                routingRows.length,
                costs,
                (System.nanoTime() - started) / 1e9);
    }

    /** The first {@code count} of the rows in a seeded random order: the questions whose outcomes arrived first. */
    static int[] firstArrivals(int[] rows, int count, long seed) {
        return Arrays.copyOf(QuestionSplits.shuffled(rows, seed), Math.min(count, rows.length));
    }

    private interface EvidenceOf {
        TaskEvidence of(String model);
    }

    /** Every model of the data, described by its evidence, in a capability set of the test. */
    private static CapabilitySet zoo(
            AptitudeTest test, List<String> models, Map<String, Double> costs, EvidenceOf evidence) {
        List<Candidate> candidates = new ArrayList<>();
        for (String model : models) {
            TaskEvidence counts = evidence.of(model);
            candidates.add(
                    new Candidate(model, test.id(), test.scores(counts), costs.get(model), ModelStatus.ACTIVE, counts));
        }
        return CapabilitySet.empty(test).withAll(candidates);
    }
}
