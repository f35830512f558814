package org.aptituderouter.app.it;

import org.aptituderouter.app.support.SharedCluster;

/** The end-to-end scenarios on the in-process KRaft broker (Kafka's own test kit), which always runs. */
class InProcessRoutingTest extends RoutingScenarios {

    @Override
    protected String bootstrapServers() {
        return SharedCluster.get().bootstrapServers();
    }

    @Override
    protected String registryUrl() {
        return SharedCluster.get().registryUrl();
    }
}
