package org.aptituderouter.core;

import java.util.Locale;
import java.util.Optional;

/** Rejects texts no model should receive, before any inference is spent on them. */
final class TextCheck {

    /**
     * Longest text accepted, in UTF-16 chars. The encoder reads only the first few hundred tokens, and a routed record
     * carries the whole text: 65,536 chars stay far below Kafka's default 1 MB record limit in any encoding, while a
     * larger text is more likely a producer's mistake (a file pasted whole) than an instruction.
     */
    static final int MAX_TEXT_CHARS = 65_536;

    private TextCheck() {}

    /** The reason to reject the text, or empty when it may be routed. */
    static Optional<RoutingOutcome.Rejected> check(String requestId, String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(
                    new RoutingOutcome.Rejected(requestId, RejectReason.EMPTY_TEXT, "instruction text is empty"));
        }
        if (text.length() > MAX_TEXT_CHARS) {
            return invalid(
                    requestId,
                    "text is " + text.length() + " characters long; the router accepts at most " + MAX_TEXT_CHARS);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD') {
                return invalid(
                        requestId,
                        "U+FFFD replacement character at index " + i + ": the text was decoded with the wrong charset");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return invalid(
                        requestId,
                        "unpaired surrogate U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT) + " at index " + i);
            }
        }
        return Optional.empty();
    }

    private static Optional<RoutingOutcome.Rejected> invalid(String requestId, String message) {
        return Optional.of(new RoutingOutcome.Rejected(requestId, RejectReason.INVALID_TEXT, message));
    }
}
