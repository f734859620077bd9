package dev.leakhunter.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordinary work of a job around its leak: parse a request, build and sort some records, format
 * a response. All of it is garbage once the job returns, as in a real daemon: the agent must see
 * through it.
 */
final class Work {

  /** A record the job builds and drops. */
  record Line(String sku, int quantity, long cents) {
  }

  private Work() {
  }

  /** About {@code lines * 6} short-lived objects; returns a checksum so the work is not optimized away. */
  static long transientWork(int n, int lines) {
    Map<String, Line> bySku = new HashMap<>();
    List<Line> sorted = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      String sku = "SKU-" + ((n * 31 + i * 7) % 997);
      Line line = new Line(sku, 1 + (n + i) % 5, 100L * ((n ^ i) % 90 + 10));
      bySku.put(sku, line);
      sorted.add(line);
    }
    sorted.sort((a, b) -> Long.compare(b.cents(), a.cents()));
    StringBuilder response = new StringBuilder("{\"job\":").append(n).append(",\"lines\":[");
    for (Line line : sorted) {
      response.append("{\"sku\":\"").append(line.sku()).append("\",\"q\":").append(line.quantity()).append("},");
    }
    return response.append("]}").toString().hashCode() + bySku.size();
  }

  /** Heavy churn: {@code kib} KiB of arrays that die young. */
  static long churn(int n, int kib) {
    long sum = 0;
    for (int i = 0; i < kib; i++) {
      byte[] block = new byte[1024];
      block[(n + i) & 1023] = (byte) i;
      sum += block[(n + i) & 1023];
    }
    return sum;
  }

  /** A sink for checksums: keeps the work observable without retaining anything that grows. */
  static volatile long sink;
}
