package org.aptituderouter.trainer.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.aptituderouter.trainer.train.HeadArchitecture;
import org.aptituderouter.trainer.train.HeadFitting;
import org.aptituderouter.trainer.train.TrainedHead;
import org.aptituderouter.trainer.train.TrainingConfig;

/**
 * {@code scorer-head.json}: what the bundled head was trained on and with, so that a head can be traced to its
 * data (fingerprint), reproduced (seed, settings) and judged (validation metrics).
 */
public record HeadMetadata(String aptitudeTestId, String encoder, int maxTokens, String dataFingerprint,
    HeadArchitecture architecture, TrainingConfig training, List<String> trainingModels, int trainingQuestions,
    TrainedHead result) {

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
    shape.put("kind", "instruction tower + capability tower + task attention, broadcast B x M, sigmoid");
    shape.put("hidden", architecture.hidden());
    shape.put("tower_hidden", architecture.towerHidden());
    shape.put("attention_heads", architecture.attentionHeads());
    ObjectNode settings = root.putObject("training");
    settings.put("framework", "DJL " + ai.djl.engine.Engine.getDjlVersion() + " / PyTorch");
    settings.put("seed", training.seed());
    settings.put("max_epochs", training.maxEpochs());
    settings.put("batch_size", training.batchSize());
    settings.put("learning_rate", training.learningRate());
    settings.put("weight_decay", training.weightDecay());
    settings.put("patience", training.patience());
    settings.put("capability_bootstrap", training.bootstrap());
    settings.put("validation_fraction", HeadFitting.VALIDATION_FRACTION);
    settings.put("routing_questions", trainingQuestions);
    trainingModels.forEach(settings.putArray("models")::add);
    ObjectNode metrics = root.putObject("metrics");
    metrics.put("epochs_run", result.epochsRun());
    metrics.put("best_epoch", result.bestEpoch());
    metrics.put("train_loss", round(result.trainLoss()));
    metrics.put("validation_loss", round(result.validationLoss()));
    metrics.put("validation_auc", round(result.validationAuc()));
    metrics.put("training_seconds", Math.round(result.seconds()));
    metrics.put("evaluation", "docs/evaluation/report.md (leave-models-out cross-validation)");
    return root.toPrettyString() + "\n";
  }

  private static double round(double value) {
    return Math.round(value * 1e5) / 1e5;
  }
}
