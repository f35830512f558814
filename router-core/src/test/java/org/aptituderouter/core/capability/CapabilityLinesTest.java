package org.aptituderouter.core.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapabilityLinesTest {

    @Test
    void parsesALine() {
        Candidate c = CapabilityLines.parse(
                "{\"model_id\": \"llama-3-8b\", \"aptitude_test_id\": \"apt-v1\", \"scores\": [0.25, 1, 0], \"cost\": 8.0}");
        assertThat(c.modelId()).isEqualTo("llama-3-8b");
        assertThat(c.aptitudeTestId()).isEqualTo("apt-v1");
        assertThat(c.scores()).containsExactly(0.25f, 1f, 0f);
        assertThat(c.cost()).isEqualTo(8.0);
        assertThat(c.status()).isEqualTo(ModelStatus.ACTIVE);
    }

    @Test
    void absentCostMeansOne() {
        assertThat(CapabilityLines.parse("{\"model_id\": \"m\", \"aptitude_test_id\": \"t\", \"scores\": [0.5]}")
                        .cost())
                .isEqualTo(1.0);
    }

    @Test
    void writesWhatItReads() throws IOException {
        List<Candidate> zoo = List.of(
                new Candidate("a", "t", new float[] {0.1f, 0.35f}, 3.5),
                new Candidate("b", "t", new float[] {1f, 0f}, 0));
        StringWriter out = new StringWriter();
        CapabilityLines.write(zoo, out);
        assertThat(out.toString())
                .startsWith("{\"model_id\":\"a\",\"aptitude_test_id\":\"t\",\"scores\":[0.1,0.35],\"cost\":3.5}\n");
        assertThat(CapabilityLines.read(new StringReader(out + "\n  \n"))).isEqualTo(zoo);
    }

    @Test
    void badLinesAreReportedWithTheirNumber() {
        String lines = "{\"model_id\": \"ok\", \"aptitude_test_id\": \"t\", \"scores\": [0.5]}\n"
                + "{\"model_id\": \"broken\", \"aptitude_test_id\": \"t\", \"scores\": [0.5, null]}\n";
        assertThatThrownBy(() -> CapabilityLines.read(new StringReader(lines)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 2: capability line of broken: score 1 is not a number");
    }

    @Test
    void rejectsMalformedLines() {
        assertThatThrownBy(() -> CapabilityLines.parse("not json")).hasMessageContaining("not a JSON capability line");
        assertThatThrownBy(() -> CapabilityLines.parse("[1,2]")).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> CapabilityLines.parse("{\"aptitude_test_id\": \"t\", \"scores\": []}"))
                .hasMessageContaining("has no model_id");
        assertThatThrownBy(() -> CapabilityLines.parse("{\"model_id\": \"m\", \"scores\": []}"))
                .hasMessageContaining("capability line of m has no aptitude_test_id");
        assertThatThrownBy(() -> CapabilityLines.parse("{\"model_id\": \"m\", \"aptitude_test_id\": \"t\"}"))
                .hasMessageContaining("capability line of m has no scores array");
        assertThatThrownBy(() -> CapabilityLines.parse(
                        "{\"model_id\": \"m\", \"aptitude_test_id\": \"t\", \"scores\": [0.5], \"cost\": \"cheap\"}"))
                .hasMessageContaining("cost is not a number");
    }
}
