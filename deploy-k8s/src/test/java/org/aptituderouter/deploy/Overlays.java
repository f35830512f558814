package org.aptituderouter.deploy;

import java.util.List;

/** The overlays the checks cover; OverlayRenderingTest fails when a directory under overlays/ is missing here. */
final class Overlays {

    static final List<String> ALL = List.of("cpu", "gpu", "dev");
    /** Overlays autoscaled by KEDA and scraped by Prometheus (they include both components). */
    static final List<String> PRODUCTION = List.of("cpu", "gpu");

    static final String METRICS_SERVICE = "aptitude-router";
    static final String GPU_RESOURCE = "nvidia.com/gpu";

    private Overlays() {}

    static List<String> all() {
        return ALL;
    }

    static List<String> production() {
        return PRODUCTION;
    }
}
