package org.aptituderouter.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.annotation.PostConstruct;
import java.time.Duration;

/** {@code router.outcomes.*}: the closed loop, where graded outcomes add to the models' evidence. */
@ConfigurationProperties("router.outcomes")
public class OutcomesProperties {

    private Duration decisionRetention = Duration.ofDays(7);
    private boolean corrections = true;

    /**
     * How long a decision waits for its outcomes: an outcome later than this is dead-lettered as
     * UNKNOWN_INSTRUCTION. The decision index holds about 100 bytes per instruction for this long, plus the
     * instruction's text with {@link #isCorrections()}.
     */
    public Duration getDecisionRetention() {
        return decisionRetention;
    }

    public void setDecisionRetention(Duration decisionRetention) {
        this.decisionRetention = decisionRetention;
    }

    /**
     * Whether outcomes also teach each model's correction of the scorer (one encoder call per outcome, and the
     * instruction's text kept in the decision index); off, they count per task only and published corrections are
     * not applied.
     */
    public boolean isCorrections() {
        return corrections;
    }

    public void setCorrections(boolean corrections) {
        this.corrections = corrections;
    }

    @PostConstruct
    void validate() {
        if (decisionRetention == null || decisionRetention.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new RouterConfigException(
                    "router.outcomes.decision-retention must be at least 1m, such as 7d, was " + decisionRetention);
        }
    }
}
