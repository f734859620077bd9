package dev.leakhunter.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Control 13: a lazily built singleton (a rate table built on first use) and a one-off spike at
 * job 50 (a report that loads 2,000 rows once and keeps them). Growth that happens once is not a
 * leak.
 */
public final class LazySingletonAndSpike extends Fixture {
  static volatile Map<String, Rate> table;
  static final List<Row> ARCHIVE = new ArrayList<>();

  static final class Rate {
    final double value;

    Rate(double value) {
      this.value = value;
    }
  }

  static final class Row {
    final int id;
    final String label;

    Row(int id, String label) {
      this.id = id;
      this.label = label;
    }
  }

  @Override
  public synchronized void job(int n) {
    if (table == null) {
      Map<String, Rate> t = new HashMap<>();
      for (int i = 0; i < 3_000; i++) {
        t.put("region-" + i, new Rate(i / 1000.0));
      }
      table = t;
    }
    if (n == 50) {
      for (int i = 0; i < 2_000; i++) {
        ARCHIVE.add(new Row(i, "row " + i));
      }
    }
    Work.sink += table.get("region-" + (n % 3_000)).value > 1 ? 1 : 0;
    Work.sink += Work.transientWork(n, 20);
  }
}
