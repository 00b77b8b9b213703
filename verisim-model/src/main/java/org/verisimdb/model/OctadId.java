package org.verisimdb.model;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * The id of an octad: a random (version 4) UUID by default, or a caller-chosen string of 1 to
 * 128 characters from {@code [A-Za-z0-9_.:-]}. Ids are case-sensitive and compared by their
 * string value; a UUID is just an id that happens to have the UUID form.
 *
 * @param value the id text, validated
 */
public record OctadId(String value) implements Comparable<OctadId> {
  /** Longest accepted id, in characters. */
  public static final int MAX_LENGTH = 128;

  private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9_.:-]{1," + MAX_LENGTH + "}");
  private static final Pattern UUID_FORM =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final SecureRandom RANDOM = new SecureRandom();

  public OctadId {
    if (value == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_ID, "id", "an octad id is required");
    }
    if (!SYNTAX.matcher(value).matches()) {
      throw VeriSimException.invalid(ErrorCode.INVALID_ID, "id", describe(value));
    }
  }

  /** Parses caller-chosen id text, with a precise message for each way it can be wrong. */
  public static OctadId of(String value) {
    return new OctadId(value);
  }

  /** A new random version 4 UUID id in canonical lower-case form. */
  public static OctadId random() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
    StringBuilder text = new StringBuilder(36);
    for (int i = 0; i < 16; i++) {
      if (i == 4 || i == 6 || i == 8 || i == 10) {
        text.append('-');
      }
      text.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[i] & 0xf, 16));
    }
    return new OctadId(text.toString());
  }

  /** True when the id has the 8-4-4-4-12 hexadecimal UUID form. */
  public boolean isUuid() {
    return UUID_FORM.matcher(value).matches();
  }

  @Override
  public int compareTo(OctadId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  private static String describe(String value) {
    if (value.isEmpty()) {
      return "an octad id must not be empty; use 1 to " + MAX_LENGTH + " characters from [A-Za-z0-9_.:-]";
    }
    if (value.length() > MAX_LENGTH) {
      return "octad id is " + value.length() + " characters long; the limit is " + MAX_LENGTH;
    }
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      if (!(cp < 128 && (Character.isLetterOrDigit(cp) || "_.:-".indexOf(cp) >= 0))) {
        return String.format(Locale.ROOT,
            "octad id '%s' contains %s at position %d; ids use only letters, digits and _ . : -",
            value, cp == ' ' ? "a space" : "'" + Character.toString(cp) + "' (U+%04X)".formatted(cp), i + 1);
      }
      i += Character.charCount(cp);
    }
    return "invalid octad id '" + value + "'";
  }
}
