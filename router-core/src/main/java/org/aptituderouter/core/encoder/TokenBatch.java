package org.aptituderouter.core.encoder;

/**
 * Token ids of a batch, padded to its longest member, laid out row-major as ONNX Runtime wants them.
 *
 * @param ids           [batchSize * length] token ids, 0 ([PAD]) after each text's end
 * @param attentionMask [batchSize * length] 1 for real tokens, 0 for padding
 * @param typeIds       [batchSize * length] segment ids, all 0 for single sentences
 */
public record TokenBatch(int batchSize, int length, long[] ids, long[] attentionMask, long[] typeIds) {

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
