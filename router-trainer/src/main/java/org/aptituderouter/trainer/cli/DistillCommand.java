package org.aptituderouter.trainer.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.aptituderouter.core.encoder.StaticTable;
import org.aptituderouter.trainer.distill.StaticDistillation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bin/router distill}: the static encoder's table, from the MiniLM weights in router-core's dependencies. */
@Command(
        name = "distill",
        mixinStandardHelpOptions = true,
        description = {
            "Distils the static encoder's table from all-MiniLM-L6-v2 (Model2Vec's method: every vocabulary "
                    + "token through MiniLM, PCA, Zipf-based SIF weights). Deterministic; about a minute on 2 cores."
        })
final class DistillCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "where the table goes (default "
                    + "~/.cache/aptitude-router/static-encoder.bin, where the other commands look for it)")
    Path out;

    @Option(names = "--dims", paramLabel = "N", description = "dimensions kept by the PCA (default 256, of 384)")
    Integer dims;

    @Override
    public Integer call() {
        EncoderOptions.distil(
                out != null ? out : StaticTable.defaultPath(),
                dims != null ? dims : StaticDistillation.DEFAULT_DIMENSIONS,
                spec.commandLine().getErr());
        return 0;
    }
}
