package dev.leakhunter.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class UnitsTest {

  @Test
  void bytesAreWholeBelowAKilobyteAndOneDecimalAbove() {
    assertEquals("0 B", Units.bytes(0));
    assertEquals("88 B", Units.bytes(88));
    assertEquals("48 B", Units.bytes(47.6));
    assertEquals("1023 B", Units.bytes(1023));
    assertEquals("1.0 KB", Units.bytes(1023.6));
    assertEquals("1.2 KB", Units.bytes(1229));
    assertEquals("14.2 MB", Units.bytes(14.2 * 1024 * 1024));
    assertEquals("1.0 MB", Units.bytes(1024 * 1024 - 10));
    assertEquals("3.5 GB", Units.bytes(3.5 * 1024 * 1024 * 1024));
    assertEquals("-1.5 KB", Units.bytes(-1536));
    assertEquals("? B", Units.bytes(Double.NaN));
  }

  @Test
  void growthIsAlwaysSigned() {
    assertEquals("+88 B", Units.signedBytes(88));
    assertEquals("+0 B", Units.signedBytes(0.2));
    assertEquals("-24 B", Units.signedBytes(-24));
    assertEquals("+1.00", Units.perJob(1.0));
    assertEquals("+0.25", Units.perJob(0.25));
    assertEquals("-0.50", Units.perJob(-0.5));
    assertEquals("+0.00", Units.perJob(-0.001));
    assertEquals("?", Units.perJob(Double.NaN));
  }

  @Test
  void ignoresTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertEquals("+1.00", Units.perJob(1.0));
      assertEquals("1.2 KB", Units.bytes(1229));
      assertEquals("181,204", Units.count(181_204));
      assertEquals("0.99", Units.confidence(0.99));
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void plainTextHasNoControlCharacters() {
    assertEquals("a?b?c?d", Units.plain("a\nb\u001b[31mc\u2028d").replace("[31m", ""));
    assertEquals("com.acme.Outer$Inner", Units.plain("com.acme.Outer$Inner"));
    assertEquals("?", Units.plain(null));
  }
}
