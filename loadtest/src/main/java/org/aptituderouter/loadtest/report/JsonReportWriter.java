package org.aptituderouter.loadtest.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** {@code bench.json}: the report as data, for comparing runs and plotting elsewhere. */
public final class JsonReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReportWriter() {}

    public static void write(BenchReport report, Path file) throws IOException {
        JSON.writeValue(file.toFile(), report);
    }

    public static String toJson(BenchReport report) throws IOException {
        return JSON.writeValueAsString(report);
    }
}
