package org.aptituderouter.app.support;

import org.aptituderouter.core.Router;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.core.policy.PolicySpec;

/**
 * One real router-core router (the bundled encoder and head) for the unit tests of this JVM: loading the models
 * takes seconds, and a router is thread-safe. Short token limit, to keep the tests quick.
 */
public final class TestRouter {

    private static Router router;

    private TestRouter() {}

    public static synchronized Router get() {
        if (router == null) {
            router = Router.create(InferenceSettings.defaults().withMaxTokens(64), PolicySpec.quality());
        }
        return router;
    }
}
