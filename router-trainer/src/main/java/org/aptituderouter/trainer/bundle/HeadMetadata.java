package org.aptituderouter.trainer.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.aptituderouter.trainer.train.HeadArchitecture;
import org.aptituderouter.trainer.train.HeadFitting;
import org.aptituderouter.trainer.train.TrainedEnsemble;
import org.aptituderouter.trainer.train.TrainedHead;
import org.aptituderouter.trainer.train.TrainingConfig;

/**
 * {@code scorer-head.json}: what the bundled head was trained on and with, so that a head can be traced to its
 * data (fingerprint), reproduced (seed, settings) and judged (validation metrics).
 */
public record HeadMetadata(
        String aptitudeTestId,
        String encoder,
        int maxTokens,
        String dataFingerprint,
        HeadArchitecture architecture,
        TrainingConfig training,
        List<String> trainingModels,
        int trainingQuestions,
        TrainedEnsemble result) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("aptitude_test_id", aptitudeTestId);
        root.put("embedding_dimension", architecture.embeddingDim());
        root.put("capability_dimension", architecture.taskCount());
        root.put("encoder", encoder);
        root.put("max_tokens", maxTokens);
        root.put("data_fingerprint", dataFingerprint);
        ObjectNode shape = root.putObject("architecture");
        shape.put("kind", "a * (softmax_k(s * e . centroid_k) . logit(0.98 c + 0.01)) + e . v + b");
        shape.put("tasks", architecture.taskCount());
        ObjectNode settings = root.putObject("training");
        settings.put("framework", "DJL " + ai.djl.engine.Engine.getDjlVersion() + " / PyTorch");
        settings.put("seed", training.seed());
        settings.put("max_epochs", training.maxEpochs());
        settings.put("batch_size", training.batchSize());
        settings.put("learning_rate", training.learningRate());
        settings.put("weight_decay", training.weightDecay());
        settings.put("patience", training.patience());
        settings.put("capabilities", "aptitude evidence of each training model, shrunk by the test's prior_items");
        settings.put("ensemble_size", training.ensembleSize());
        settings.put("validation_fraction", HeadFitting.VALIDATION_FRACTION);
        settings.put("routing_questions", trainingQuestions);
        trainingModels.forEach(settings.putArray("models")::add);
        ObjectNode metrics = root.putObject("metrics");
        for (TrainedHead member : result.members()) {
            ObjectNode run = metrics.withArray("members").addObject();
            run.put("epochs_run", member.epochsRun());
            run.put("best_epoch", member.bestEpoch());
            run.put("train_loss", round(member.trainLoss()));
            run.put("validation_loss", round(member.validationLoss()));
        }
        metrics.put("validation_loss", round(result.validationLoss()));
        metrics.put("validation_auc", round(result.validationAuc()));
        metrics.put("training_seconds", Math.round(result.seconds()));
        metrics.put(
                "evaluation",
                "bin/router evaluate --data DIR (leave-models-out cross-validation); "
                        + "the shared data sets' reports are in docs/evaluation/<data set>/report.md");
        return root.toPrettyString() + "\n";
    }

    private static double round(double value) {
        return Math.round(value * 1e5) / 1e5;
    }
}
