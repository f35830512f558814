package org.aptituderouter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceIdentityTest {

    @Test
    void theIdentityStaysWithItsStateDirectory(@TempDir Path dir) {
        Path state = dir.resolve("state");
        String first = InstanceIdentity.of(state);

        assertThat(first).matches("router-[0-9a-f]{8}");
        assertThat(InstanceIdentity.of(state))
                .as("the same state, the same member")
                .isEqualTo(first);
        assertThat(InstanceIdentity.of(dir.resolve("other")))
                .as("another state, another member")
                .isNotEqualTo(first);
        assertThat(state.resolve(InstanceIdentity.FILE)).exists();
    }

    @Test
    void aDamagedIdentityFileStopsStartUpWithTheFix(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(InstanceIdentity.FILE), "not an id!\n");

        assertThatThrownBy(() -> InstanceIdentity.of(dir))
                .hasMessageContaining("not an instance id")
                .hasMessageContaining("delete the file");
    }
}
