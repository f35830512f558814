package org.aptituderouter.trainer.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilityLines;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.core.scoring.ScorerHead;
import org.aptituderouter.trainer.SharedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The resources committed to router-core fit together and fit the shared data they were trained on. */
class CommittedBundleTest {

  private final Path dir = SharedData.bundledModelDir();
  private AptitudeTest test;

  @BeforeEach
  void readTest() throws IOException {
    assumeTrue(Files.isRegularFile(dir.resolve(ModelBundle.SCORER_HEAD)), "no committed head yet");
    try (InputStream in = Files.newInputStream(dir.resolve(ModelBundle.APTITUDE_TEST))) {
      test = AptitudeTest.read(in);
    }
  }

  @Test
  void zooCapabilitiesAreTheZooScoredOnTheCommittedTest() throws IOException {
    List<Candidate> zoo;
    try (Reader in = Files.newBufferedReader(dir.resolve(ModelBundle.ZOO), StandardCharsets.UTF_8)) {
      zoo = CapabilityLines.read(in);
    }
    assertThat(zoo).hasSize(23);
    CapabilitySet set = CapabilitySet.empty(test).withAll(zoo);
    assertThat(set.size()).isEqualTo(23);
    assertThat(zoo).isEqualTo(ZooCapabilities.of(SharedData.dataset(), test));
    assertThat(set.find("gemini-1.5-pro-002").orElseThrow().cost()).isEqualTo(500.0);
  }

  @Test
  void headRunsBatchedInRouterCoreAndItsMetadataMatches() throws IOException {
    JsonNode metadata = new ObjectMapper().readTree(dir.resolve(ModelBundle.HEAD_METADATA).toFile());
    assertThat(metadata.get("aptitude_test_id").asText()).isEqualTo(test.id());
    assertThat(metadata.get("data_fingerprint").asText()).isEqualTo(SharedData.dataset().fingerprint());
    assertThat(metadata.get("capability_dimension").asInt()).isEqualTo(test.dimension());

    InferenceSettings settings = InferenceSettings.defaults().withScorerModel(dir.resolve(ModelBundle.SCORER_HEAD));
    try (ScorerHead head = ScorerHead.create(settings)) {
      assertThat(head.embeddingDimension()).isEqualTo(metadata.get("embedding_dimension").asInt());
      assertThat(head.capabilityDimension()).isEqualTo(test.dimension());
      SplittableRandom random = new SplittableRandom(3);
      float[][] embeddings = new float[4][head.embeddingDimension()];
      for (float[] row : embeddings) {
        for (int d = 0; d < row.length; d++) {
          row[d] = (float) random.nextGaussian() / 20;
        }
      }
      float[][] capabilities = {new float[test.dimension()], new float[test.dimension()]};
      java.util.Arrays.fill(capabilities[1], 1f);
      float[][] probabilities = head.score(embeddings, capabilities);
      assertThat(probabilities).hasDimensions(4, 2);
      for (float[] row : probabilities) {
        assertThat(row[0]).isBetween(0f, 1f);
        assertThat(row[1]).as("a model acing every task beats one failing every task").isGreaterThan(row[0]);
      }
    }
  }
}
