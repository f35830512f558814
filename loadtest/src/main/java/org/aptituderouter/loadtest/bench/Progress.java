package org.aptituderouter.loadtest.bench;

/** Progress of the benchmark's phases, for a person watching: a console bar, or nothing in tests. */
public interface Progress {

    /** A phase of {@code total} units (sends, seconds). */
    Task start(String name, long total);

    interface Task extends AutoCloseable {

        void stepTo(long done);

        /** A short note shown beside the bar (draining, behind schedule, ...). */
        void note(String message);

        @Override
        void close();
    }

    static Progress silent() {
        return (name, total) -> new Task() {
            @Override
            public void stepTo(long done) {}

            @Override
            public void note(String message) {}

            @Override
            public void close() {}
        };
    }
}
