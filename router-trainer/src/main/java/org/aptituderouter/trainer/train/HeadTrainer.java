package org.aptituderouter.trainer.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fits the scorer head on (question, model, outcome) triples with DJL: batches of questions x all training
 * models, masked binary cross-entropy (missing outcomes do not count), AdamW, early stopping on the validation
 * questions. The start is fixed ({@link HeadWeights#initial}) and the shuffling comes from one seeded stream, and
 * the engine runs single-threaded, so a seed fixes the result bit for bit. Frozen parameters (the task centroids)
 * get no gradient.
 */
public final class HeadTrainer {

    /** Told after every epoch; lets the CLI draw progress. */
    public interface EpochListener {
        void epochDone(int epoch, double trainLoss, double validationLoss);
    }

    private final HeadWeights initial;
    private final TrainingConfig config;

    public HeadTrainer(HeadWeights initial, TrainingConfig config) {
        this.initial = initial;
        this.config = config;
    }

    public TrainedHead train(TrainingSet set, EpochListener listener) {
        long started = System.nanoTime();
        Engine engine = TrainingEngine.pytorch();
        SplittableRandom random = new SplittableRandom(config.seed());
        float[][] capabilities = set.capabilities();
        java.util.Set<String> frozen = initial.architecture().frozen();
        byte[][] trainLabels = set.labels(set.trainRows());
        float[][] validationEmbeddings = set.embeddingsOf(set.validationRows());
        byte[][] validationLabels = set.labels(set.validationRows());
        try (NDManager manager = engine.newBaseManager();
                ScorerNetwork network = new ScorerNetwork(manager, initial)) {
            network.parameters().forEach((name, parameter) -> parameter.setRequiresGradient(!frozen.contains(name)));
            Optimizer optimizer = Optimizer.adamW()
                    .optLearningRateTracker(Tracker.fixed(config.learningRate()))
                    .optWeightDecays(config.weightDecay())
                    .build();
            HeadWeights best = initial;
            double bestValidationLoss = Double.POSITIVE_INFINITY;
            double bestTrainLoss = Double.NaN;
            int bestEpoch = 0;
            int epoch = 0;
            int[] order = set.trainRows().clone();
            while (epoch < config.maxEpochs() && epoch - bestEpoch < config.patience()) {
                epoch++;
                shuffle(order, random, trainLabels);
                double trainLoss =
                        trainEpoch(engine, network, optimizer, set, order, trainLabels, capabilities, frozen);
                double validationLoss = BinaryMetrics.logLoss(
                        HeadPredictor.predict(List.of(network), validationEmbeddings, capabilities), validationLabels);
                if (validationLoss < bestValidationLoss) {
                    bestValidationLoss = validationLoss;
                    bestTrainLoss = trainLoss;
                    bestEpoch = epoch;
                    best = network.weights();
                }
                listener.epochDone(epoch, trainLoss, validationLoss);
            }
            double auc = BinaryMetrics.auc(
                    HeadPredictor.predict(new HeadEnsemble(List.of(best)), validationEmbeddings, capabilities),
                    validationLabels);
            return new TrainedHead(
                    best,
                    epoch,
                    bestEpoch,
                    bestTrainLoss,
                    bestValidationLoss,
                    auc,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    private double trainEpoch(
            Engine engine,
            ScorerNetwork network,
            Optimizer optimizer,
            TrainingSet set,
            int[] order,
            byte[][] orderedLabels,
            float[][] capabilities,
            java.util.Set<String> frozen) {
        double lossSum = 0;
        int batches = 0;
        for (int start = 0; start < order.length; start += config.batchSize()) {
            int end = Math.min(start + config.batchSize(), order.length);
            try (NDManager step = network.manager().newSubManager()) {
                NDArray embeddings = step.create(set.embeddingsOf(java.util.Arrays.copyOfRange(order, start, end)));
                float[][] targets = new float[end - start][];
                float[][] mask = new float[end - start][];
                for (int i = start; i < end; i++) {
                    byte[] labels = orderedLabels[i];
                    targets[i - start] = new float[labels.length];
                    mask[i - start] = new float[labels.length];
                    for (int m = 0; m < labels.length; m++) {
                        targets[i - start][m] = labels[m] == 1 ? 1f : 0f;
                        mask[i - start][m] = labels[m] == 0 || labels[m] == 1 ? 1f : 0f;
                    }
                }
                try (GradientCollector collector = engine.newGradientCollector()) {
                    NDArray loss = maskedCrossEntropy(
                            network.logits(embeddings, step.create(capabilities)),
                            step.create(targets),
                            step.create(mask));
                    collector.backward(loss);
                    lossSum += loss.getFloat();
                }
                for (Map.Entry<String, NDArray> parameter : network.parameters().entrySet()) {
                    if (frozen.contains(parameter.getKey())) {
                        continue;
                    }
                    try (NDArray gradient = parameter.getValue().getGradient()) {
                        optimizer.update(parameter.getKey(), parameter.getValue(), gradient);
                        gradient.subi(gradient); // gradients accumulate across backward calls until cleared
                    }
                }
            }
            batches++;
        }
        return lossSum / batches;
    }

    /** Mean over present outcomes of the numerically stable BCE on logits: max(x,0) - x*y + log(1+exp(-|x|)). */
    private static NDArray maskedCrossEntropy(NDArray logits, NDArray targets, NDArray mask) {
        NDArray perPair = Activation.relu(logits)
                .sub(logits.mul(targets))
                .add(logits.abs().neg().exp().add(1f).log());
        return perPair.mul(mask).sum().div(mask.sum().maximum(1f));
    }

    /**
     * Fisher-Yates on the row order, permuting the labels the same way so that row i of the labels always
     * belongs to order[i].
     */
    private static void shuffle(int[] order, SplittableRandom random, byte[][] labels) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int row = order[i];
            order[i] = order[j];
            order[j] = row;
            byte[] label = labels[i];
            labels[i] = labels[j];
            labels[j] = label;
        }
    }
}
