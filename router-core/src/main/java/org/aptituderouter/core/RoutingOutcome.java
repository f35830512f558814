package org.aptituderouter.core;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What became of one {@link RoutingRequest}: routed to a model, or rejected with a reason. */
public sealed interface RoutingOutcome {

    String requestId();

    /**
     * @param modelId              the chosen model
     * @param probability          the scorer's P(correct) for the chosen model
     * @param ranking              every eligible candidate, best first by the policy; the first is the chosen one
     * @param policy               {@link org.aptituderouter.core.policy.PolicySpec#name()} of the policy applied
     * @param capabilitySetVersion version of the capability set the decision was made against
     * @param task                 the aptitude task the instruction counts toward when its answer is graded
     *                             ({@link org.aptituderouter.core.aptitude.AptitudeTest#nearestTask}), -1 when unknown
     * @param shadow               what the shadow router would have chosen; null without one (or when it failed)
     * @param spilledFrom          the policy's first choice when it was over capacity and the instruction went to the
     *                             next-best candidate instead; null when it was not
     */
    record Routed(
            String requestId,
            String modelId,
            double probability,
            List<ScoredCandidate> ranking,
            String policy,
            long capabilitySetVersion,
            int task,
            Shadow shadow,
            String spilledFrom)
            implements RoutingOutcome {

        public Routed {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(modelId, "modelId");
            ranking = List.copyOf(ranking);
        }

        public Routed(
                String requestId,
                String modelId,
                double probability,
                List<ScoredCandidate> ranking,
                String policy,
                long capabilitySetVersion,
                int task) {
            this(requestId, modelId, probability, ranking, policy, capabilitySetVersion, task, null, null);
        }

        public Routed(
                String requestId,
                String modelId,
                double probability,
                List<ScoredCandidate> ranking,
                String policy,
                long capabilitySetVersion,
                int task,
                Shadow shadow) {
            this(requestId, modelId, probability, ranking, policy, capabilitySetVersion, task, shadow, null);
        }

        /**
         * The same decision, moved off models that are over capacity: to the best-ranked candidate that is not, and
         * marked as spilled over from the first choice. Unchanged when the choice has room, or when every candidate
         * is over capacity (an instruction is never held back for capacity).
         */
        public Routed spillOver(Set<String> overCapacity) {
            if (overCapacity.isEmpty() || !overCapacity.contains(modelId)) {
                return this;
            }
            for (ScoredCandidate next : ranking) {
                if (!overCapacity.contains(next.modelId())) {
                    return new Routed(
                            requestId,
                            next.modelId(),
                            next.probability(),
                            ranking,
                            policy,
                            capabilitySetVersion,
                            task,
                            shadow,
                            modelId);
                }
            }
            return this;
        }
    }

    /**
     * A shadow router's choice for a routed instruction, recorded and never acted on.
     *
     * @param routerVersion the shadow's encoder and head
     */
    record Shadow(String modelId, double probability, String policy, String routerVersion) {}

    /** @param message what was wrong, for the dead-letter record and the logs */
    record Rejected(String requestId, RejectReason reason, String message) implements RoutingOutcome {

        public Rejected {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
