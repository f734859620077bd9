package dev.leakhunter.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OverheadBudgetTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  @Test
  void aNextPieceOfWorkStartsWhenTheTotalStaysWithinTheBudget() {
    OverheadBudget b = new OverheadBudget(2, 1_000 * MS);
    b.charge(30 * MS);
    b.charge(-5); // a clock going backwards charges nothing
    assertEquals(30 * MS, b.spentNanos());
    // 30 ms at 2% are paid for by 1.5 s of wall from the start.
    assertEquals(1_000 * MS + 1_500 * MS, b.notBefore());
    assertEquals(1.0, b.spentPercent(4_000 * MS), 1e-9);
  }
}
