package org.aptituderouter.loadtest.generator;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The header the generator puts on every instruction: its intended send time in microseconds since the epoch.
 * {@code submitted_at} carries the same instant, but only to the millisecond; the router copies input headers
 * onto its outputs, so the collector reads the precise time without decoding the value.
 */
public final class LoadHeaders {

    public static final String INTENDED_SEND_MICROS = "loadtest-intended-us";

    private LoadHeaders() {}

    public static void putIntendedMicros(Headers headers, long epochMicros) {
        headers.add(INTENDED_SEND_MICROS, Long.toString(epochMicros).getBytes(StandardCharsets.US_ASCII));
    }

    /** The intended send time, or -1 when the record has no (readable) such header. */
    public static long intendedMicros(Headers headers) {
        Header header = headers.lastHeader(INTENDED_SEND_MICROS);
        if (header == null || header.value() == null) {
            return -1;
        }
        try {
            return Long.parseLong(new String(header.value(), StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
