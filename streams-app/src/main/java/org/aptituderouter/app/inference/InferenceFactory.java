package org.aptituderouter.app.inference;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.aptituderouter.app.config.InferenceProperties;
import org.aptituderouter.app.config.PolicyProperties;
import org.aptituderouter.core.Router;
import org.aptituderouter.core.aptitude.AptitudeTest;

/** router-core's pieces as beans: the aptitude test capability vectors must answer, and the router. */
@Factory
public class InferenceFactory {

    @Singleton
    AptitudeTest aptitudeTest() {
        return AptitudeTest.bundled();
    }

    /**
     * Closed by {@link org.aptituderouter.app.lifecycle.StreamsShutdown} after the streams, never before: a stream
     * thread may be in the middle of a batch until then.
     */
    @Singleton
    Router router(InferenceProperties inference, PolicyProperties policy) {
        return Router.create(inference.toSettings(), policy.toSpec());
    }
}
