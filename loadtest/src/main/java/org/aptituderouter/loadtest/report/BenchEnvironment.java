package org.aptituderouter.loadtest.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where the figures were taken: they mean little without the CPU, the core count and the JVM.
 *
 * @param broker "embedded" or the bootstrap servers of the cluster used
 */
public record BenchEnvironment(String cpuModel, int cores, String java, String os, String broker) {

    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");

    public static BenchEnvironment detect(String broker) {
        return new BenchEnvironment(
                detectCpuModel(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                broker);
    }

    /** The "model name" line of /proc/cpuinfo (what lscpu shows); the architecture where there is none. */
    private static String detectCpuModel() {
        if (Files.isReadable(CPU_INFO)) {
            try (Stream<String> lines = Files.lines(CPU_INFO)) {
                return lines.filter(line -> line.startsWith("model name"))
                        .map(line -> line.substring(line.indexOf(':') + 1).trim())
                        .findFirst()
                        .orElse(System.getProperty("os.arch"));
            } catch (IOException e) {
                return System.getProperty("os.arch");
            }
        }
        return System.getProperty("os.arch");
    }
}
