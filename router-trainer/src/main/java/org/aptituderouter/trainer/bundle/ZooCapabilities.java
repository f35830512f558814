package org.aptituderouter.trainer.bundle;

import java.util.ArrayList;
import java.util.List;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.trainer.aptitude.AptitudeAnswers;
import org.aptituderouter.trainer.data.ModelCosts;
import org.aptituderouter.trainer.data.RoutingDataset;

/** Capability lines of every model in the data, scored by router-core's aptitude test, priced by params_b. */
public final class ZooCapabilities {

  private ZooCapabilities() {}

  public static List<Candidate> of(RoutingDataset data, AptitudeTest test) {
    List<Candidate> zoo = new ArrayList<>();
    for (String model : data.outcomes().modelIds()) {
      float[] scores = test.score(model, AptitudeAnswers.of(data.outcomes(), model));
      zoo.add(new Candidate(model, test.id(), scores, ModelCosts.cost(data.model(model))));
    }
    return zoo;
  }
}
