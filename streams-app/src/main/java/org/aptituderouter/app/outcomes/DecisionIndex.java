package org.aptituderouter.app.outcomes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an outcome needs from the decision it grades, kept per instruction id in the decision-index store: the aptitude
 * task the instruction counts toward, the model chosen, the shadow router's choice ("" without one), the
 * capability-set version, and the models whose answers were already counted (so a second outcome for the same answer
 * is refused).
 */
public record DecisionIndex(
        int task, String chosenModel, String shadowModel, long capabilitySetVersion, List<String> graded) {

    private static final byte FORMAT = 1;

    public DecisionIndex {
        graded = List.copyOf(graded);
    }

    /** Whether a shadow scored the decision and would have chosen another model. */
    public boolean shadowDisagreed() {
        return !shadowModel.isEmpty() && !shadowModel.equals(chosenModel);
    }

    public boolean alreadyGraded(String modelId) {
        return graded.contains(modelId);
    }

    public DecisionIndex withGraded(String modelId) {
        List<String> more = new ArrayList<>(graded);
        more.add(modelId);
        return new DecisionIndex(task, chosenModel, shadowModel, capabilitySetVersion, more);
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(task);
            out.writeUTF(chosenModel);
            out.writeUTF(shadowModel);
            out.writeLong(capabilitySetVersion);
            out.writeInt(graded.size());
            for (String model : graded) {
                out.writeUTF(model);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static DecisionIndex fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalStateException("decision index entry of format " + format + ", expected " + FORMAT);
            }
            int task = in.readInt();
            String chosen = in.readUTF();
            String shadow = in.readUTF();
            long version = in.readLong();
            int count = in.readInt();
            List<String> graded = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                graded.add(in.readUTF());
            }
            return new DecisionIndex(task, chosen, shadow, version, graded);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable decision index entry", e);
        }
    }
}
