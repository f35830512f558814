package org.aptituderouter.trainer.aptitude;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.aptituderouter.core.aptitude.AptitudeTask;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.trainer.SharedData;
import org.aptituderouter.trainer.bundle.ModelBundle;
import org.aptituderouter.trainer.data.OutcomeTable;
import org.aptituderouter.trainer.data.Question;
import org.aptituderouter.trainer.data.QuestionSplits;
import org.aptituderouter.trainer.data.RoutingDataset;
import org.aptituderouter.trainer.train.HeadFitting;
import org.junit.jupiter.api.Test;

class AptitudeTestBuilderTest {

  @Test
  void buildsFiftyTasksOfTwentyUsableOriginalMmluQuestions() {
    RoutingDataset data = SharedData.dataset();
    AptitudeTest test = AptitudeTestBuilder.standard().build(data);

    assertThat(test.id()).isEqualTo("mmlu-pro-apt-v1");
    assertThat(test.tasks()).hasSize(50);
    Set<String> all = new HashSet<>();
    for (AptitudeTask task : test.tasks()) {
      assertThat(task.name()).startsWith("ori_mmlu-");
      assertThat(task.questionIds()).hasSize(20).doesNotHaveDuplicates();
      for (String id : task.questionIds()) {
        int row = data.outcomes().questionIndex(id);
        assertThat(data.question(row).src()).isEqualTo(task.name());
        assertThat(data.outcomes().complete(row)).as("all 23 outcomes of %s", id).isTrue();
      }
      all.addAll(task.questionIds());
    }
    assertThat(all).hasSize(1000);
    assertThat(test.tasks()).extracting(AptitudeTask::name).isSorted();
  }

  @Test
  void isDeterministic() {
    RoutingDataset data = SharedData.dataset();
    assertThat(AptitudeTestBuilder.standard().build(data)).isEqualTo(AptitudeTestBuilder.standard().build(data));
  }

  @Test
  void aptitudeQuestionsNeverReachRoutingTrainingOrEvaluation() {
    RoutingDataset data = SharedData.dataset();
    AptitudeTest test = AptitudeTestBuilder.standard().build(data);
    Set<String> aptitude = new HashSet<>();
    test.tasks().forEach(task -> aptitude.addAll(task.questionIds()));

    int[] routing = QuestionSplits.routingRows(data, test);
    assertThat(routing).hasSize(data.size() - 1000);
    assertThat(Arrays.stream(routing).mapToObj(row -> data.question(row).id())).noneMatch(aptitude::contains);
    QuestionSplits.Split split = QuestionSplits.split(routing, 1 - HeadFitting.VALIDATION_FRACTION, 42);
    assertThat(split.first().length + split.second().length).isEqualTo(routing.length);
    assertThat(Arrays.stream(split.first()).boxed().toList()).doesNotContainAnyElementsOf(
        Arrays.stream(split.second()).boxed().toList());
  }

  @Test
  void prefersItemsAboutHalfTheModelsGetRightThenTheMoreDiscriminating() {
    // q1 right by all models, q4 by one; q2 and q3 by half of them, q2 by the half holding the strongest model (m3)
    List<Question> questions = List.of(question("q1"), question("q2"), question("q3"), question("q4"));
    byte[][] outcomes = {{1, 1, 1, 1}, {0, 0, 1, 1}, {1, 1, 0, 0}, {0, 0, 0, 1}};
    OutcomeTable table = new OutcomeTable(List.of("m0", "m1", "m2", "m3"), List.of("q1", "q2", "q3", "q4"), outcomes);
    RoutingDataset data = new RoutingDataset(questions, table, List.of(), "fixture");

    AptitudeTest test = new AptitudeTestBuilder(1, 2).build(data);

    // q2 correlates with overall ability, q3 against it; q1 and q4 are further from one half
    assertThat(test.tasks().get(0).questionIds()).containsExactly("q2", "q3");
  }

  @Test
  void committedAptitudeTestIsWhatTheBuilderProduces() throws IOException {
    Path committed = SharedData.bundledModelDir().resolve(ModelBundle.APTITUDE_TEST);
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(committed), "no committed aptitude test yet");
    try (InputStream in = Files.newInputStream(committed)) {
      assertThat(AptitudeTest.read(in)).isEqualTo(AptitudeTestBuilder.standard().build(SharedData.dataset()));
    }
  }

  private static Question question(String id) {
    return new Question(id, "text " + id, List.of("a", "b"), "A", "math", "ori_mmlu-algebra");
  }
}
