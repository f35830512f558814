package org.aptituderouter.trainer.cli;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import org.aptituderouter.trainer.bundle.BundleTraining;

/**
 * The train command's progress: one bar per stage, opened when the stage first reports and closed when the next
 * begins, so the bars never interleave (an embedding cache hit skips the embedding bar altogether).
 */
final class StagedProgress implements BundleTraining.Progress, AutoCloseable {

    private final long trainingSteps;
    private final int maxEpochs;
    private ProgressBar current;
    private String stage = "";

    StagedProgress(int ensembleSize, int maxEpochs) {
        this.trainingSteps = (long) ensembleSize * maxEpochs;
        this.maxEpochs = maxEpochs;
    }

    @Override
    public void embedded(int done, int total) {
        enter("Embedding", total).stepTo(done);
    }

    @Override
    public void epoch(int member, int epoch, double trainLoss, double validationLoss) {
        ProgressBar bar = enter("Training", trainingSteps);
        bar.stepTo((long) member * maxEpochs + epoch);
        bar.setExtraMessage(String.format(
                Locale.ROOT, "head %d: loss %.4f, validation %.4f", member + 1, trainLoss, validationLoss));
    }

    private ProgressBar enter(String name, long max) {
        if (!stage.equals(name)) {
            close();
            current = ProgressBars.create(name, max);
            stage = name;
        }
        return current;
    }

    /** Early stopping ends heads before their last epoch: a finished stage shows as complete. */
    @Override
    public void close() {
        if (current != null) {
            current.stepTo(current.getMax());
            current.close();
            current = null;
        }
    }
}
