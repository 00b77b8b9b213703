package org.verisimdb.cli.vql;

import java.util.Locale;
import picocli.CommandLine;

/** How {@code bin/vql} prints results: {@code --format json|table|csv}. */
enum OutputFormat {
  /** One VQL.md §9.1 object per statement, each on one line. */
  JSON,
  /** Aligned columns with a header, then the row count. */
  TABLE,
  /** RFC 4180, a header row first. */
  CSV;

  /** Reads the option value in any case; picocli reports anything else as a usage error. */
  static final class Converter implements CommandLine.ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      try {
        return OutputFormat.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a format: use json, table or csv");
      }
    }
  }
}
