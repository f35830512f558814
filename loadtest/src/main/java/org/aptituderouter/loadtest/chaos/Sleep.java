package org.aptituderouter.loadtest.chaos;

/** Waits that an interrupt ends early, with the interrupt kept for the caller to see. */
final class Sleep {

    private Sleep() {}

    static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
