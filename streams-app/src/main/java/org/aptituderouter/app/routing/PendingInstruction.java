package org.aptituderouter.app.routing;

import org.apache.kafka.common.header.Headers;

/**
 * An input record waiting in the batch store, kept exactly as read (key, value bytes, headers, timestamp) with
 * where it came from, so that whatever the flush decides (a model topic or the dead-letter topic) carries the
 * original.
 *
 * @param enqueuedAtMs wall-clock time it entered the batch; the batch's deadline runs from the oldest of these
 */
public record PendingInstruction(
        byte[] key,
        byte[] value,
        Headers headers,
        long timestamp,
        String sourceTopic,
        int sourcePartition,
        long sourceOffset,
        long enqueuedAtMs) {}
