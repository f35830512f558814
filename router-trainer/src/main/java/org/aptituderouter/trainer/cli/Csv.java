package org.aptituderouter.trainer.cli;

/** RFC 4180 quoting for the few CSV fields that need it (ids may contain commas or quotes). */
final class Csv {

  private Csv() {}

  static String field(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
