package org.aptituderouter.trainer.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.aptituderouter.core.encoder.EncoderFamily;
import org.aptituderouter.core.encoder.EncoderVariant;
import org.aptituderouter.core.encoder.MiniLmEncoder;
import org.aptituderouter.core.encoder.StaticTable;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.trainer.distill.StaticDistillation;
import picocli.CommandLine.Option;

/** {@code --encoder minilm|static} and {@code --static-table FILE}, shared by the commands that embed questions. */
final class EncoderOptions {

    @Option(
            names = "--encoder",
            defaultValue = "minilm",
            paramLabel = "minilm|static",
            description =
                    "instruction encoder: MiniLM on ONNX Runtime, or the static table distilled from it (default minilm)")
    String encoder;

    @Option(
            names = "--encoder-variant",
            defaultValue = "fp32",
            paramLabel = "fp32|quantized",
            description = "MiniLM's weights: full precision or int8-quantized (default fp32)")
    String variant;

    @Option(
            names = "--static-table",
            paramLabel = "FILE",
            description =
                    "the static encoder's table (default ~/.cache/aptitude-router/static-encoder.bin, distilled on "
                            + "first use)")
    Path staticTable;

    EncoderFamily family() {
        return EncoderFamily.parse(encoder);
    }

    /** Settings for the chosen encoder; for the static one, its table, distilled first if it does not exist yet. */
    InferenceSettings settings(PrintWriter err) {
        return settings(family(), err);
    }

    /** As {@link #settings(PrintWriter)}, for the given encoder instead of {@code --encoder}. */
    InferenceSettings settings(EncoderFamily family, PrintWriter err) {
        InferenceSettings settings = InferenceSettings.defaults()
                .withEncoder(family)
                .withEncoderVariant(EncoderVariant.valueOf(variant.trim().toUpperCase(Locale.ROOT)));
        if (family != EncoderFamily.STATIC) {
            return settings;
        }
        Path table = staticTable != null ? staticTable : StaticTable.defaultPath();
        if (!Files.isRegularFile(table)) {
            err.println("static encoder: " + table + " does not exist; distilling it from MiniLM (about a minute)");
            distil(table, StaticDistillation.DEFAULT_DIMENSIONS, err);
        }
        return settings.withStaticTable(table);
    }

    static StaticTable distil(Path table, int dimensions, PrintWriter err) {
        long started = System.nanoTime();
        try (MiniLmEncoder teacher = MiniLmEncoder.create(InferenceSettings.defaults())) {
            StaticTable distilled = StaticDistillation.distil(teacher, dimensions, done -> {});
            distilled.write(table);
            err.printf(
                    Locale.ROOT,
                    "static encoder: %d tokens x %d dimensions from %s in %.0f s, fingerprint %s, %s (%.1f MB)%n",
                    distilled.rows(),
                    distilled.dimension(),
                    distilled.teacher(),
                    (System.nanoTime() - started) / 1e9,
                    distilled.fingerprint(),
                    table,
                    Files.isRegularFile(table) ? table.toFile().length() / 1e6 : 0.0);
            return distilled;
        }
    }
}
