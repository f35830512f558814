package org.aptituderouter.core.encoder;

import java.util.Arrays;
import java.util.List;

/**
 * Token ids of a batch, padded to its longest member, laid out row-major as ONNX Runtime wants them.
 *
 * @param ids           [batchSize * length] token ids, 0 ([PAD]) after each text's end
 * @param attentionMask [batchSize * length] 1 for real tokens, 0 for padding
 * @param typeIds       [batchSize * length] segment ids, all 0 for single sentences
 */
public record TokenBatch(int batchSize, int length, long[] ids, long[] attentionMask, long[] typeIds) {

    /** Single-sentence rows of real token ids, padded with [PAD] (id 0) to the longest; all segment ids 0. */
    public static TokenBatch pad(List<long[]> rows) {
        int length = 0;
        for (long[] row : rows) {
            length = Math.max(length, row.length);
        }
        int batch = rows.size();
        long[] ids = new long[batch * length];
        long[] mask = new long[batch * length];
        for (int b = 0; b < batch; b++) {
            long[] row = rows.get(b);
            System.arraycopy(row, 0, ids, b * length, row.length);
            Arrays.fill(mask, b * length, b * length + row.length, 1L);
        }
        return new TokenBatch(batch, length, ids, mask, new long[batch * length]);
    }

    /** The real (unpadded) token ids of one text, [CLS] and [SEP] included. */
    public long[] idsOf(int row) {
        int count = 0;
        for (int t = 0; t < length; t++) {
            count += (int) attentionMask[row * length + t];
        }
        long[] out = new long[count];
        System.arraycopy(ids, row * length, out, 0, count);
        return out;
    }
}
