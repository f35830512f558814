package org.aptituderouter.app.inference;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.aptituderouter.app.config.InferenceProperties;
import org.aptituderouter.app.config.PolicyProperties;
import org.aptituderouter.app.config.ShadowProperties;
import org.aptituderouter.core.Router;
import org.aptituderouter.core.aptitude.AptitudeTest;
import org.aptituderouter.core.bundle.RouterBundle;

/** router-core's pieces as beans: the bundle, its aptitude test (capability records must answer it), the router. */
@Factory
public class InferenceFactory {

    /** {@code router.inference.bundle}, or the bundle in router-core's jar; a bundle that does not load stops start-up. */
    @Singleton
    RouterBundle bundle(InferenceProperties inference) {
        return RouterBundle.open(inference.toSettings().bundle());
    }

    @Singleton
    AptitudeTest aptitudeTest(RouterBundle bundle) {
        return bundle.aptitudeTest();
    }

    /**
     * Closed by {@link org.aptituderouter.app.lifecycle.StreamsShutdown} after the streams, never before: a stream
     * thread may be in the middle of a batch until then.
     */
    @Singleton
    Router router(
            InferenceProperties inference, PolicyProperties policy, RouterBundle bundle, ShadowProperties shadow) {
        Optional<Path> shadowBundle = shadow.bundleFolder();
        if (shadowBundle.isEmpty()) {
            return Router.create(inference.toSettings(), policy.toSpec(), bundle);
        }
        return Router.create(
                inference.toSettings(),
                policy.toSpec(),
                bundle,
                RouterBundle.open(shadowBundle.get()),
                shadow.toSpec(policy));
    }
}
