package org.aptituderouter.trainer.cli;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parses the {@code --models a,b} option: comma-separated ids, blanks dropped, order kept, duplicates merged. */
final class ModelList {

  private ModelList() {}

  static Set<String> parse(String value) {
    if (value == null) {
      return Set.of();
    }
    return new LinkedHashSet<>(Arrays.stream(value.split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList());
  }

  /** The ids not among the known ones, for one clear error naming them all. */
  static List<String> unknown(Set<String> requested, java.util.Collection<String> known) {
    return requested.stream().filter(id -> !known.contains(id)).toList();
  }
}
