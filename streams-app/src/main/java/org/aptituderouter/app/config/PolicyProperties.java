package org.aptituderouter.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.annotation.PostConstruct;
import org.aptituderouter.core.policy.PolicySpec;
import org.aptituderouter.core.policy.PolicyType;

/**
 * {@code router.policy.*}: the routing policy applied to instructions that name none ({@code default}: quality,
 * cost or threshold), with the cost weight {@code lambda}, the probability {@code threshold} and the quality
 * policy's no-regret {@code margin}.
 */
@ConfigurationProperties("router.policy")
public class PolicyProperties {

    private String defaultPolicy = "quality";
    private double lambda = 0.001;
    private double threshold = 0.7;
    private double margin = PolicySpec.DEFAULT_MARGIN;

    public String getDefault() {
        return defaultPolicy;
    }

    public void setDefault(String defaultPolicy) {
        this.defaultPolicy = defaultPolicy;
    }

    public double getLambda() {
        return lambda;
    }

    public void setLambda(double lambda) {
        this.lambda = lambda;
    }

    public double getThreshold() {
        return threshold;
    }

    public void setThreshold(double threshold) {
        this.threshold = threshold;
    }

    public double getMargin() {
        return margin;
    }

    public void setMargin(double margin) {
        this.margin = margin;
    }

    @PostConstruct
    void validate() {
        toSpec();
    }

    /** The default policy with both parameters; instructions may override type, lambda and threshold one by one. */
    public PolicySpec toSpec() {
        if (defaultPolicy == null) {
            throw new RouterConfigException("router.policy.default must be quality, cost or threshold");
        }
        try {
            PolicyType type =
                    PolicySpec.of(defaultPolicy, lambda, threshold, margin).type();
            // every parameter stays, and each is checked: an instruction may switch to another policy and take them
            return new PolicySpec(type, lambda, threshold, margin);
        } catch (IllegalArgumentException e) {
            throw new RouterConfigException(
                    "router.policy: " + e.getMessage()
                            + " (keys router.policy.default, router.policy.lambda, router.policy.threshold, router.policy.margin)");
        }
    }
}
