package org.aptituderouter.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aptituderouter.core.inference.InferenceStartupException;
import org.aptituderouter.core.testing.TestBundles;
import org.aptituderouter.core.testing.TestHeads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterBundleTest {

    @TempDir
    Path dir;

    @Test
    void loadsAFolderAndChecksTheEncoderFamily() throws Exception {
        RouterBundle bundle = RouterBundle.load(TestBundles.write(dir, "apt", 3, TestHeads.meanCapability(384, 3)));
        assertThat(bundle.aptitudeTest().id()).isEqualTo("apt");
        assertThat(bundle.zoo()).isEmpty();
        bundle.checkEncoder("all-minilm-l6-v2/quantized");
        assertThatThrownBy(() -> bundle.checkEncoder("static-minilm/v1"))
                .isInstanceOf(InferenceStartupException.class)
                .hasMessageContaining("trained for encoder all-minilm-l6-v2/fp32");
    }

    @Test
    void aHeadForAnotherNumberOfTasksStopsStartUp() throws Exception {
        TestBundles.write(dir, "apt", 3, TestHeads.meanCapability(384, 4));
        assertThatThrownBy(() -> org.aptituderouter.core.Router.create(
                        org.aptituderouter.core.inference.InferenceSettings.defaults()
                                .withBundle(dir),
                        org.aptituderouter.core.policy.PolicySpec.quality()))
                .isInstanceOf(InferenceStartupException.class)
                .hasMessageContaining("reads 4 task scores")
                .hasMessageContaining("has 3 tasks");
    }

    @Test
    void aMissingOrMismatchedFileStopsStartUpNamingIt() throws Exception {
        TestBundles.write(dir, "apt", 3, TestHeads.meanCapability(384, 3));
        Files.delete(dir.resolve(RouterBundle.SCORER_HEAD));
        assertThatThrownBy(() -> RouterBundle.load(dir))
                .isInstanceOf(InferenceStartupException.class)
                .hasMessageContaining(dir + "/" + RouterBundle.SCORER_HEAD + " is missing");

        TestBundles.write(dir, "apt", 3, TestHeads.meanCapability(384, 3));
        Files.writeString(dir.resolve(RouterBundle.HEAD_METADATA), "{\"aptitude_test_id\": \"other\"}");
        assertThatThrownBy(() -> RouterBundle.load(dir)).hasMessageContaining("trained on aptitude test other");

        Files.writeString(dir.resolve(RouterBundle.APTITUDE_TEST), "{not json");
        assertThatThrownBy(() -> RouterBundle.load(dir)).hasMessageContaining(RouterBundle.APTITUDE_TEST);
        assertThatThrownBy(() -> RouterBundle.load(dir.resolve("nope"))).hasMessageContaining("is not a folder");
    }
}
