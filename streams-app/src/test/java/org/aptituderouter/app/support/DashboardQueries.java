package org.aptituderouter.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names the operator's Grafana dashboard (in deploy-k8s) queries. */
public final class DashboardQueries {

    static final String DASHBOARD = "deploy-k8s/components/monitoring/dashboards/aptitude-router.json";
    private static final Pattern METRIC = Pattern.compile("\\b((?:router|kafka)_[a-z0-9_]+)\\b");

    private DashboardQueries() {}

    public static Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        try {
            JsonNode dashboard = new ObjectMapper().readTree(Files.readString(dashboardFile()));
            for (JsonNode panel : dashboard.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    Matcher metric = METRIC.matcher(target.path("expr").asText());
                    while (metric.find()) {
                        names.add(metric.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboard " + DASHBOARD, e);
        }
        if (names.isEmpty()) {
            throw new IllegalStateException(DASHBOARD + " queries no router_ or kafka_ metric");
        }
        return names;
    }

    /** The tests run in the module's folder; the dashboard is in deploy-k8s beside it. */
    private static Path dashboardFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(DASHBOARD))) {
                return dir.resolve(DASHBOARD);
            }
        }
        throw new IllegalStateException(
                "cannot find " + DASHBOARD + " above " + Path.of("").toAbsolutePath());
    }
}
