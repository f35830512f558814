package org.aptituderouter.app.outcomes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What an outcome needs from the decision it grades, kept per instruction id in the decision-index store: the aptitude
 * task the instruction counts toward, the model chosen, the shadow router's choice ("" without one), the
 * capability-set version, the models whose answers were already counted (so a second outcome for the same answer
 * is refused), and the instruction's text, which the outcome's model's correction learns from ("" in entries written
 * before corrections existed, or with corrections off).
 *
 * <p>Stored in format 1 with the text appended: a router of the version before reads the fields it knows and ignores
 * the rest, so a rolling upgrade or a rollback reads every entry.
 */
public record DecisionIndex(
        int task, String chosenModel, String shadowModel, long capabilitySetVersion, List<String> graded, String text) {

    private static final byte FORMAT = 1;

    public DecisionIndex {
        graded = List.copyOf(graded);
        text = text == null ? "" : text;
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
        return new DecisionIndex(task, chosenModel, shadowModel, capabilitySetVersion, more, text);
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
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
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
            String text = "";
            if (in.available() > 0) { // entries of the version before end here
                byte[] utf8 = new byte[in.readInt()];
                in.readFully(utf8);
                text = new String(utf8, StandardCharsets.UTF_8);
            }
            return new DecisionIndex(task, chosen, shadow, version, graded, text);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable decision index entry", e);
        }
    }
}
