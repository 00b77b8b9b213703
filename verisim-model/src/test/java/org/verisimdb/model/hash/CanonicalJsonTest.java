package org.verisimdb.model.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.value.Value;

class CanonicalJsonTest {

  /** ECMAScript Number.prototype.toString outputs (RFC 8785 Appendix B style), plus the integer rule. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0.0|0",
      "-0.0|0",
      "1.0|1",
      "-42.0|-42",
      "1e18|1000000000000000000",
      "9.223372036854776E18|9223372036854776000",
      "1e21|1e+21",
      "1e20|100000000000000000000",
      "1.5|1.5",
      "0.1|0.1",
      "0.000001|0.000001",
      "0.0000001|1e-7",
      "1.5e-7|1.5e-7",
      "123.456|123.456",
      "333333333.3333332|333333333.3333332",
      "4.9E-324|5e-324",
      "1.7976931348623157E308|1.7976931348623157e+308",
      "-1.2345E-10|-1.2345e-10",
      "1e23|1e+23",
      "295147905179352830000.0|295147905179352830000",
      "0.30000000000000004|0.30000000000000004"})
  void numbersAreWrittenAsEcmaScriptDoes(double value, String expected) {
    assertThat(CanonicalJson.number(value)).isEqualTo(expected);
  }

  @Property(tries = 2000)
  void everyFiniteNumberRoundTrips(@ForAll double value) {
    if (Double.isFinite(value)) {
      double back = Double.parseDouble(CanonicalJson.number(value));
      assertThat(back).isEqualTo(value == 0 ? 0.0 : value);
    }
  }

  /** The fast digit extraction must agree with a plain BigDecimal formulation of ECMA-262 Number::toString. */
  @Property(tries = 5000)
  void agreesWithTheBigDecimalReference(@ForAll double value) {
    if (Double.isFinite(value)) {
      assertThat(CanonicalJson.number(value)).isEqualTo(reference(value));
    }
  }

  @Property(tries = 2000)
  void agreesWithTheReferenceOnFloats(@ForAll float value) {
    if (Float.isFinite(value)) {
      assertThat(CanonicalJson.number(value)).isEqualTo(reference(value));
    }
  }

  private static String reference(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
      return Long.toString((long) d);
    }
    java.math.BigDecimal shortest = new java.math.BigDecimal(d).round(new java.math.MathContext(1, java.math.RoundingMode.HALF_EVEN));
    if (shortest.doubleValue() != d) {
      shortest = new java.math.BigDecimal(Double.toString(d));
    }
    shortest = shortest.stripTrailingZeros();
    String digits = shortest.unscaledValue().abs().toString();
    int k = digits.length();
    int n = k - shortest.scale();
    String sign = d < 0 ? "-" : "";
    if (k <= n && n <= 21) {
      return sign + digits + "0".repeat(n - k);
    } else if (0 < n && n <= 21) {
      return sign + digits.substring(0, n) + "." + digits.substring(n);
    } else if (-6 < n && n <= 0) {
      return sign + "0." + "0".repeat(-n) + digits;
    }
    return sign + digits.charAt(0) + (k > 1 ? "." + digits.substring(1) : "") + "e" + (n - 1 >= 0 ? "+" : "-") + Math.abs(n - 1);
  }

  @Test
  void objectMembersAreSortedByUtf16CodeUnits() {
    // RFC 8785 §3.2.3: "\r" < "1" < "\u0080" < "\u00f6" < "\u20ac" < "\ud83d\ude00" < "\ufb33"
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("\u20ac", "Euro Sign");
    map.put("\r", "Carriage Return");
    map.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
    map.put("1", "One");
    map.put("\ud83d\ude00", "Emoji: Grinning Face");
    map.put("\u0080", "Control");
    map.put("\u00f6", "Latin Small Letter O With Diaeresis");
    assertThat(CanonicalJson.write(map)).isEqualTo(
        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
            + "\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
  }

  @Test
  void stringsEscapeOnlyWhatJcsRequires() {
    assertThat(CanonicalJson.write("a\"b\\c\b\f\n\r\t\u0001\u001f/\u2028é"))
        .isEqualTo("\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0001\\u001f/\u2028é\"");
  }

  @Test
  void writesEverySupportedKind() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("z", List.of(1, 2L, 2.5, true, false));
    map.put("t", Instant.parse("2026-03-01T12:00:00.120Z"));
    map.put("b", new byte[] {(byte) 0xfb, (byte) 0xff});
    map.put("id", OctadId.of("lab-3"));
    map.put("v", List.of(Value.of("x"), new Value.LangStr("Oslo", "nb"), new Value.Typed("2020-01-01", "xsd:date"),
        new Value.Ref(OctadId.of("a")), new Value.Seq(List.of(Value.of(1L)))));
    map.put("n", null);
    assertThat(CanonicalJson.write(map)).isEqualTo("{\"b\":\"-_8\",\"id\":\"lab-3\",\"n\":null,\"t\":\"2026-03-01T12:00:00.12Z\","
        + "\"v\":[\"x\",{\"@language\":\"nb\",\"@value\":\"Oslo\"},{\"@type\":\"xsd:date\",\"@value\":\"2020-01-01\"},{\"@id\":\"a\"},[1]],"
        + "\"z\":[1,2,2.5,true,false]}");
  }

  @Property(tries = 500)
  void streamedHashesEqualHashesOfTheUtf8Text(@ForAll String text) {
    String valid = text.codePoints().filter(cp -> cp < 0xD800 || cp > 0xDFFF)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString() + "😀é€";
    assertThat(Sha256.ofCanonicalJson(Map.of("k", valid, "long", valid.repeat(40))))
        .isEqualTo(Sha256.hex(CanonicalJson.write(Map.of("k", valid, "long", valid.repeat(40)))));
  }

  @Test
  void hashingStreamsTheSameBytesAsTheText() {
    Map<String, Object> map = Map.of("k", "välue", "n", List.of(1.5, 3));
    assertThat(Sha256.ofCanonicalJson(map)).isEqualTo(Sha256.hex(CanonicalJson.write(map)));
  }
}
