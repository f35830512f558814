package org.aptituderouter.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import org.aptituderouter.app.RouterRuntime;
import org.aptituderouter.app.support.IsolatedRouter;
import org.aptituderouter.app.support.SharedCluster;
import org.junit.jupiter.api.Test;

/**
 * Static membership is the default: a router gets a group.instance.id kept with its state, the same after a restart
 * on that state; a configured one (a pod name) wins; router.static-membership=false turns it off.
 */
class StaticMembershipTest {

    @Test
    void aRestartOnTheSameStateIsTheSameGroupMember() {
        SharedCluster cluster = SharedCluster.get();
        IsolatedRouter router = new IsolatedRouter(cluster.bootstrapServers(), cluster.registryUrl(), "static");

        String first = instanceId(router);
        String again = instanceId(router);
        String fresh = instanceId(router.withFreshStateDir());
        String named = instanceId(router.with("kafka.streams.default.group.instance.id", "router-pod-0"));
        String none = instanceId(router.with("kafka.streams.default.group.instance.id", "")
                .with("router.static-membership", false)
                .withFreshStateDir());

        assertThat(first).startsWith("router-");
        assertThat(again).isEqualTo(first);
        assertThat(fresh).startsWith("router-").isNotEqualTo(first);
        assertThat(named).isEqualTo("router-pod-0");
        assertThat(none).isNull();
    }

    private static String instanceId(IsolatedRouter router) {
        try (RouterRuntime runtime = router.start()) {
            String id = runtime.context()
                    .getBean(ConfiguredStreamBuilder.class)
                    .getConfiguration()
                    .getProperty("group.instance.id");
            return id == null || id.isBlank() ? null : id;
        }
    }
}
