package org.aptituderouter.trainer.cli;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.aptituderouter.trainer.data.CsvFiles;

/**
 * Parses the {@code --models a,b} option: one CSV record of ids (RFC 4180, so an id with a comma is quoted:
 * {@code "acme/chat,v2",b}), blanks dropped, order kept, duplicates merged.
 */
final class ModelList {

    private ModelList() {}

    static Set<String> parse(String value) {
        if (value == null) {
            return Set.of();
        }
        try (CSVParser record = CsvFiles.LIST.parse(new StringReader(value))) {
            Set<String> ids = new LinkedHashSet<>();
            record.forEach(cells -> cells.forEach(id -> {
                if (!id.isBlank()) {
                    ids.add(id.strip());
                }
            }));
            return ids;
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException(
                    "--models " + value + ": not a comma-separated list of ids: " + e.getMessage());
        }
    }

    /** The ids not among the known ones, for one clear error naming them all. */
    static List<String> unknown(Set<String> requested, java.util.Collection<String> known) {
        return requested.stream().filter(id -> !known.contains(id)).toList();
    }
}
