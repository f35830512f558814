package org.aptituderouter.app.embedded;

import org.aptituderouter.local.LocalCluster;

/**
 * The one class of the application that names the local-cluster module (a {@code provided} dependency: on the class
 * path of bin/router and the tests, not in the image). Loaded only when embedded mode starts, so a router without
 * the module runs as long as it does not ask for embedded mode.
 */
final class LocalClusterStarter {

    private LocalClusterStarter() {}

    static EmbeddedMode.Started start(String registryUrl) {
        LocalCluster cluster = LocalCluster.start(registryUrl);
        return new EmbeddedMode.Started(cluster.properties(), cluster);
    }
}
