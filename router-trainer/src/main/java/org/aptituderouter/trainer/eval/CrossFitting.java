package org.aptituderouter.trainer.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.trainer.data.QuestionSplits;
import org.aptituderouter.trainer.data.RoutingDataset;
import org.aptituderouter.trainer.train.BinaryMetrics;
import org.aptituderouter.trainer.train.HeadFitting;
import org.aptituderouter.trainer.train.HeadPredictor;
import org.aptituderouter.trainer.train.TrainedEnsemble;
import org.aptituderouter.trainer.train.TrainedHead;

/**
 * Leave-models-out x leave-questions-out cross-fitting. For every model fold and question fold one head is trained
 * on the other models and the other questions; it then scores the held-out models on the held-out questions, once
 * with each model as it is known new (its aptitude answers) and once as it is known with its results on the fold's
 * training questions. Together the runs score every model on every routing question.
 */
public final class CrossFitting {

    /** Told when a head starts training, for progress display. */
    public interface RunListener {
        void runStarted(int run, int runs, List<String> heldOutModels, int questionFold);
    }

    private final HeadFitting fitting;

    public CrossFitting(HeadFitting fitting) {
        this.fitting = fitting;
    }

    /**
     * @param asNew        every model as a newcomer (aptitude evidence)
     * @param knownByFold  every model with its history on each question fold's training rows, in fold order
     * @param stagedByFold per evidence stage, every model with part of that history, in fold order (the online
     *                     evaluation); empty for none
     */
    public HeldOutScores run(
            RoutingDataset data,
            AptitudeTest test,
            float[][] embeddings,
            List<List<String>> modelFolds,
            int[][] questionFolds,
            CapabilitySet asNew,
            List<CapabilitySet> knownByFold,
            List<List<CapabilitySet>> stagedByFold,
            RunListener listener) {
        List<String> models = data.outcomes().modelIds();
        float[][] newScores = nanTable(data.size(), models.size());
        float[][] knownScores = nanTable(data.size(), models.size());
        List<float[][]> stagedScores = new ArrayList<>();
        stagedByFold.forEach(stage -> stagedScores.add(nanTable(data.size(), models.size())));
        List<HeldOutScores.FoldRun> runs = new ArrayList<>();
        int total = modelFolds.size() * questionFolds.length;
        for (List<String> heldOut : modelFolds) {
            List<String> trainingModels =
                    models.stream().filter(model -> !heldOut.contains(model)).toList();
            float[][] aptitudeOnly = capabilities(asNew, heldOut);
            for (int q = 0; q < questionFolds.length; q++) {
                listener.runStarted(runs.size() + 1, total, heldOut, q);
                int[] trainRows = QuestionSplits.allBut(questionFolds, q);
                TrainedEnsemble head = fitting.fit(
                        data, test, embeddings, trainingModels, trainRows, (member, epoch, train, validation) -> {});
                int[] rows = questionFolds[q];
                float[][] rowEmbeddings = rowsOf(embeddings, rows);
                float[][] scores = HeadPredictor.predict(head.ensemble(), rowEmbeddings, aptitudeOnly);
                float[][] withHistory = HeadPredictor.predict(
                        head.ensemble(), rowEmbeddings, capabilities(knownByFold.get(q), heldOut));
                List<float[][]> staged = new ArrayList<>();
                for (List<CapabilitySet> stage : stagedByFold) {
                    staged.add(
                            HeadPredictor.predict(head.ensemble(), rowEmbeddings, capabilities(stage.get(q), heldOut)));
                }
                byte[][] labels = new byte[rows.length][heldOut.size()];
                for (int i = 0; i < rows.length; i++) {
                    for (int m = 0; m < heldOut.size(); m++) {
                        int column = models.indexOf(heldOut.get(m));
                        newScores[rows[i]][column] = scores[i][m];
                        knownScores[rows[i]][column] = withHistory[i][m];
                        for (int st = 0; st < staged.size(); st++) {
                            stagedScores.get(st)[rows[i]][column] = staged.get(st)[i][m];
                        }
                        labels[i][m] = data.outcomes().outcome(rows[i], column);
                    }
                }
                runs.add(new HeldOutScores.FoldRun(
                        heldOut,
                        q,
                        head.members().stream().map(TrainedHead::epochsRun).toList(),
                        head.validationLoss(),
                        head.validationAuc(),
                        BinaryMetrics.auc(scores, labels),
                        head.seconds()));
            }
        }
        return new HeldOutScores(models, newScores, knownScores, runs, stagedScores);
    }

    /** The models' capability vectors as the set holds them, row for row. */
    private static float[][] capabilities(CapabilitySet set, List<String> models) {
        return models.stream()
                .map(model -> set.find(model).orElseThrow().scores())
                .toArray(float[][]::new);
    }

    private static float[][] nanTable(int rows, int columns) {
        float[][] table = new float[rows][columns];
        for (float[] row : table) {
            Arrays.fill(row, Float.NaN);
        }
        return table;
    }

    private static float[][] rowsOf(float[][] embeddings, int[] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = embeddings[rows[i]];
        }
        return out;
    }
}
