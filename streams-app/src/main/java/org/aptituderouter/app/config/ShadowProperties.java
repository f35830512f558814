package org.aptituderouter.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.aptituderouter.core.policy.PolicySpec;

/**
 * {@code router.shadow.*}: a candidate router trialled on live traffic. Its bundle's head scores every batch on the
 * live encoder's embeddings and chooses by its policy; each decision records that choice, and nothing is routed by
 * it. Off unless {@code bundle} is set.
 */
@ConfigurationProperties("router.shadow")
public class ShadowProperties {

    private String bundle = "";
    private String policy = "";

    /** A bundle folder (same encoder and aptitude test as the live one); empty: no shadow. */
    public String getBundle() {
        return bundle;
    }

    public void setBundle(String bundle) {
        this.bundle = bundle;
    }

    /** quality, cost or threshold, with router.policy's lambda, threshold and margin; empty: the live default. */
    public String getPolicy() {
        return policy;
    }

    public void setPolicy(String policy) {
        this.policy = policy;
    }

    /** The shadow's bundle folder, if one is configured; a folder that does not exist stops start-up. */
    public Optional<Path> bundleFolder() {
        if (bundle == null || bundle.isBlank()) {
            return Optional.empty();
        }
        Path folder = Path.of(bundle.trim());
        if (!Files.isDirectory(folder)) {
            throw new RouterConfigException("router.shadow.bundle " + folder.toAbsolutePath()
                    + " is not a readable folder: point it at a bundle written by bin/router train --out, or leave "
                    + "it empty for no shadow");
        }
        return Optional.of(folder);
    }

    /** The shadow's policy: its own type with the live policy's parameters. */
    public PolicySpec toSpec(PolicyProperties live) {
        PolicySpec base = live.toSpec();
        if (policy == null || policy.isBlank()) {
            return base;
        }
        try {
            return PolicySpec.of(policy, base.lambda(), base.threshold(), base.margin());
        } catch (IllegalArgumentException e) {
            throw new RouterConfigException("router.shadow.policy: " + e.getMessage());
        }
    }
}
