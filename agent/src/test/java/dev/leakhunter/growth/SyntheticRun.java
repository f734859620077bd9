package dev.leakhunter.growth;

import dev.leakhunter.census.Histogram;
import dev.leakhunter.census.HistogramRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A synthetic daemon for the growth model: a few types, each with a population that is a function
 * of jobs completed (plus seeded noise), and the censuses it would produce.
 *
 * <pre>{@code
 * new SyntheticRun(seed)
 *     .type("com.acme.Session", 48, linear(1.0))      // one more live Session per job, 48 B each
 *     .type("java.lang.String", 24, flat(5_000).plus(inFlight(5)))
 *     .feed(model, 20, 10, 400);                       // a census every 10 jobs, jobs 20..400
 * }</pre>
 */
final class SyntheticRun {

  /** Live instances (or bytes) after {@code job} jobs; {@code random} is the run's seeded noise. */
  @FunctionalInterface
  interface Curve {
    double at(long job, Random random);

    default Curve plus(Curve other) {
      return (job, random) -> at(job, random) + other.at(job, random);
    }
  }

  static Curve flat(double level) {
    return (job, random) -> level;
  }

  static Curve linear(double perJob) {
    return (job, random) -> perJob * job;
  }

  /** Work in flight at the census: 0..max extra objects, no trend. */
  static Curve inFlight(int max) {
    return (job, random) -> random.nextInt(max + 1);
  }

  /** {@code height} more from job {@code at} on: a lazily built singleton or cache. */
  static Curve stepAt(long at, double height) {
    return (job, random) -> job >= at ? height : 0;
  }

  /** Nothing before job {@code at}, then {@code curve} from that job on. */
  static Curve from(long at, Curve curve) {
    return (job, random) -> job >= at ? curve.at(job - at, random) : 0;
  }

  /** {@code bytes} null: instances of {@code bytesEach} bytes each. */
  private record Type(String name, Curve instances, long bytesEach, Curve bytes) {
  }

  private final Random random;
  private final List<Type> types = new ArrayList<>();

  SyntheticRun(long seed) {
    this.random = new Random(seed);
  }

  /** A type of fixed-size instances. */
  SyntheticRun type(String name, long bytesEach, Curve instances) {
    types.add(new Type(name, instances, bytesEach, null));
    return this;
  }

  /** A type whose bytes move on their own: arrays and builders that grow in place. */
  SyntheticRun sized(String name, Curve instances, Curve bytes) {
    types.add(new Type(name, instances, 0, bytes));
    return this;
  }

  /** The census after {@code job} jobs: rows by bytes, largest first, like the real one. */
  Histogram censusAt(long job) {
    List<HistogramRow> rows = new ArrayList<>();
    for (Type type : types) {
      long instances = Math.max(0, Math.round(type.instances().at(job, random)));
      long bytes = type.bytes() == null ? instances * type.bytesEach()
          : Math.max(0, Math.round(type.bytes().at(job, random)));
      if (instances > 0) {
        rows.add(new HistogramRow(type.name(), instances, bytes, 1));
      }
    }
    rows.sort(Comparator.comparingLong(HistogramRow::bytes).reversed());
    return new Histogram(rows, rows.stream().mapToLong(HistogramRow::instances).sum(),
        rows.stream().mapToLong(HistogramRow::bytes).sum());
  }

  /** Adds a census every {@code every} jobs from job {@code first} to {@code last}, and returns the model. */
  GrowthModel feed(GrowthModel model, long first, long every, long last) {
    for (long job = first; job <= last; job += every) {
      model.add(job, censusAt(job));
    }
    return model;
  }

  /** The censuses at exactly these jobs (ascending), into a model with default settings: its analysis. */
  Analysis analyzeAt(long... jobs) {
    GrowthModel model = new GrowthModel(GrowthSettings.defaults());
    for (long job : jobs) {
      model.add(job, censusAt(job));
    }
    return model.analyze();
  }

  /** {@link #feed} into a model with default settings, and its analysis. */
  Analysis analyze(long first, long every, long last) {
    return feed(new GrowthModel(GrowthSettings.defaults()), first, every, last).analyze();
  }
}
