package org.aptituderouter.trainer.data;

import java.nio.file.Path;

/**
 * Where the shared routing data lives when no {@code --data} flag says: bin/router passes
 * {@code router.shared.data.dir}, surefire passes {@code shared.data.dir}; the fallback is the documented
 * {@code ../shared/routing-data} relative to the working directory.
 */
public final class SharedDataLocation {

    private SharedDataLocation() {}

    public static Path resolve(Path explicit) {
        if (explicit != null) {
            return explicit;
        }
        for (String property : new String[] {"router.shared.data.dir", "shared.data.dir"}) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                return Path.of(value);
            }
        }
        return Path.of("..", "shared", "routing-data");
    }
}
