package dev.leakhunter.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GrowthSettingsTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    GrowthSettings d = GrowthSettings.defaults();
    assertEquals(64, d.capacity());
    assertEquals(8, d.minSamples());
    assertEquals(5, d.minStrongSamples());
    assertEquals(20_000, d.maxTypes());
    assertEquals(50, d.minJobSpan());
    assertEquals(8, d.minInstanceGrowth());
    assertEquals(1024, d.minByteGrowth());
  }

  @Test
  void badValuesNameTheSettingAndTheValidForm() {
    assertEquals("growth setting capacity=10 is invalid; expected an integer from 2 * minSamples (16) to 4096",
        assertThrows(IllegalArgumentException.class,
            () -> GrowthSettings.defaults().withCapacity(10)).getMessage());
    assertEquals("growth setting minSamples=5 is invalid; expected an integer >= 8",
        assertThrows(IllegalArgumentException.class,
            () -> GrowthSettings.defaults().withMinSamples(5)).getMessage());
    assertEquals("growth setting minStrongSamples=4 is invalid; expected an integer from 5 to minSamples (8)",
        assertThrows(IllegalArgumentException.class,
            () -> GrowthSettings.defaults().withMinStrongSamples(4)).getMessage());
    assertEquals("growth setting minStrongSamples=9 is invalid; expected an integer from 5 to minSamples (8)",
        assertThrows(IllegalArgumentException.class,
            () -> GrowthSettings.defaults().withMinStrongSamples(9)).getMessage());
    assertEquals("growth setting maxTypes=0 is invalid; expected an integer >= 1",
        assertThrows(IllegalArgumentException.class,
            () -> GrowthSettings.defaults().withMaxTypes(0)).getMessage());
  }

  @Test
  void loweringMinSamplesBelowTheStrongMinimumLowersItToo() {
    GrowthSettings twelve = GrowthSettings.defaults().withMinSamples(12);
    assertEquals(5, twelve.minStrongSamples());
    assertEquals(9, twelve.withMinStrongSamples(10).withMinSamples(9).minStrongSamples());
  }
}
