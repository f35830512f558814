package org.aptituderouter.app.demo;

/** Placeholder replaced below. */
public final class DemoCommand {
    private DemoCommand() {
    }

    public static int run(String[] options) {
        return 0;
    }
}
