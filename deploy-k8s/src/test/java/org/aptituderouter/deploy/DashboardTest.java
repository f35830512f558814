package org.aptituderouter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operator's Grafana dashboard: well-formed JSON of the shape Grafana provisions, every panel on the Prometheus
 * data source variable with at least one query, a layout that fits the 24-column grid without overlaps, and the
 * overlays with monitoring shipping it as the ConfigMap Grafana's dashboard sidecar picks up. That every metric it
 * queries exists is checked against a running app by streams-app's routing scenarios.
 */
class DashboardTest {

    static final Path DASHBOARD =
            RepoLayout.resolve("deploy-k8s/components/monitoring/dashboards/aptitude-router.json");
    private static final int GRID_COLUMNS = 24;

    @Test
    void isAGrafanaDashboardWhosePanelsQueryPrometheus() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        assertThat(dashboard.path("uid").asText()).isEqualTo("aptitude-router");
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("schemaVersion").asInt()).isPositive();
        JsonNode variable = dashboard.path("templating").path("list").get(0);
        assertThat(variable.path("name").asText()).isEqualTo("datasource");
        assertThat(variable.path("query").asText()).isEqualTo("prometheus");

        JsonNode panels = dashboard.path("panels");
        assertThat(panels.size()).isGreaterThanOrEqualTo(6);
        Set<Integer> ids = new HashSet<>();
        List<int[]> cells = new ArrayList<>();
        for (JsonNode panel : panels) {
            String title = panel.path("title").asText();
            assertThat(ids.add(panel.path("id").asInt()))
                    .as("unique id of " + title)
                    .isTrue();
            assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo("${datasource}");
            assertThat(panel.path("targets").size()).as(title + " has queries").isPositive();
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                assertThat(expr).as(title).isNotBlank().containsPattern("(router|kafka)_[a-z_]+");
                assertThat(balanced(expr)).as("brackets of " + expr).isTrue();
            }
            JsonNode grid = panel.path("gridPos");
            int x = grid.path("x").asInt();
            int y = grid.path("y").asInt();
            int w = grid.path("w").asInt();
            int h = grid.path("h").asInt();
            assertThat(w).as(title).isPositive();
            assertThat(h).as(title).isPositive();
            assertThat(x + w).as(title + " fits the grid").isLessThanOrEqualTo(GRID_COLUMNS);
            for (int[] other : cells) {
                boolean overlaps =
                        x < other[0] + other[2] && other[0] < x + w && y < other[1] + other[3] && other[1] < y + h;
                assertThat(overlaps).as(title + " overlaps another panel").isFalse();
            }
            cells.add(new int[] {x, y, w, h});
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void overlaysWithMonitoringShipItForGrafanasSidecar(String overlay) throws IOException {
        ConfigMap map = Kustomize.overlay(overlay).configMap("aptitude-router-dashboard");
        assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(map.getData()).containsEntry("aptitude-router.json", Files.readString(DASHBOARD));
    }

    private static boolean balanced(String expr) {
        StringBuilder open = new StringBuilder();
        boolean quoted = false;
        for (char c : expr.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && "([{".indexOf(c) >= 0) {
                open.append(c);
            } else if (!quoted && ")]}".indexOf(c) >= 0) {
                if (open.isEmpty() || "([{".indexOf(open.charAt(open.length() - 1)) != ")]}".indexOf(c)) {
                    return false;
                }
                open.setLength(open.length() - 1);
            }
        }
        return open.isEmpty() && !quoted;
    }
}
