package org.aptituderouter.core.policy;

import java.util.Locale;
import java.util.Objects;

/**
 * Which policy routes an instruction and its parameters; a value that can travel in configuration and requests.
 *
 * @param lambda    price of one unit of cost in probability (COST only), non-negative
 * @param threshold minimum acceptable probability (THRESHOLD only), in [0,1]
 * @param margin    no-regret margin (QUALITY only), non-negative, in standard errors: the candidate with the best
 *                  overall level is left only for one whose probability is higher by more than this many standard
 *                  errors of the difference (see {@link QualityPolicy})
 */
public record PolicySpec(PolicyType type, double lambda, double threshold, double margin) {

    /**
     * Half a standard error: chosen by leave-models-out cross-validation on both shared data sets (docs/evaluation).
     * With no margin, aptitude noise moved newcomers' decisions away from the strongest model more often than it
     * found a better one (MMLU-Pro middle zoo -0.4 points); from one standard error up the gains vanish.
     */
    public static final double DEFAULT_MARGIN = 0.5;

    public PolicySpec(PolicyType type, double lambda, double threshold) {
        this(type, lambda, threshold, DEFAULT_MARGIN);
    }

    public PolicySpec {
        Objects.requireNonNull(type, "type");
        if (!Double.isFinite(lambda) || lambda < 0) {
            throw new IllegalArgumentException("policy lambda must be a non-negative number, was " + lambda);
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("policy threshold must be in [0,1], was " + threshold);
        }
        if (!(margin >= 0 && Double.isFinite(margin))) {
            throw new IllegalArgumentException(
                    "policy margin must be a non-negative number (standard errors), was " + margin);
        }
    }

    public static PolicySpec quality() {
        return quality(DEFAULT_MARGIN);
    }

    /** Highest probability, leaving the strongest model only for a gain above {@code margin}. */
    public static PolicySpec quality(double margin) {
        return new PolicySpec(PolicyType.QUALITY, 0, 0, margin);
    }

    public static PolicySpec cost(double lambda) {
        return new PolicySpec(PolicyType.COST, lambda, 0);
    }

    public static PolicySpec threshold(double threshold) {
        return new PolicySpec(PolicyType.THRESHOLD, 0, threshold);
    }

    /** From configuration: type named case-insensitively ({@code quality}, {@code cost}, {@code threshold}). */
    public static PolicySpec of(String type, double lambda, double threshold) {
        return of(type, lambda, threshold, DEFAULT_MARGIN);
    }

    /** From configuration, with the quality policy's no-regret margin. */
    public static PolicySpec of(String type, double lambda, double threshold, double margin) {
        PolicyType parsed;
        try {
            parsed = PolicyType.valueOf(type.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown routing policy '" + type + "': use quality, cost or threshold", e);
        }
        return switch (parsed) {
            case QUALITY -> quality(margin);
            case COST -> cost(lambda);
            case THRESHOLD -> threshold(threshold);
        };
    }

    /** The policy and its parameter as decisions record it: {@code quality}, {@code cost(lambda=0.01)}, ... */
    public String name() {
        return switch (type) {
            case QUALITY -> margin == DEFAULT_MARGIN ? "quality" : "quality(margin=" + margin + ")";
            case COST -> "cost(lambda=" + lambda + ")";
            case THRESHOLD -> "threshold(tau=" + threshold + ")";
        };
    }
}
