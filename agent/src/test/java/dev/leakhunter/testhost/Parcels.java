package dev.leakhunter.testhost;

/** A type whose constructors have the shapes javac makes: chains, early returns, handlers, throws. */
public final class Parcels {

  /** A type of the "application" to follow. */
  public static final class Parcel {
    public final long weight;
    public final String label;

    /** The one that calls super(): two returns. */
    public Parcel(long weight, String label) {
      this.weight = weight;
      if (label == null) {
        this.label = "none";
        return;
      }
      this.label = label;
    }

    /** A this(...) chain. */
    public Parcel(long weight) {
      this(weight, null);
    }

    /** A this(...) chain two deep. */
    public Parcel() {
      this(1);
    }

    /** A handler, so a stack map frame, in a constructor. */
    public Parcel(StringBuilder text) {
      long w;
      try {
        w = Long.parseLong(text.toString());
      } catch (NumberFormatException e) {
        w = -1;
      }
      this.weight = w;
      this.label = "parsed";
    }

    /** Throws after super(): the instance never finishes constructing. */
    public Parcel(char kind) {
      if (kind == '!') {
        throw new IllegalArgumentException("refused");
      }
      this.weight = kind;
      this.label = String.valueOf(kind);
    }

    /** Throws after its this(...) returned. */
    public Parcel(String label) {
      this(0, label);
      if (label.isEmpty()) {
        throw new IllegalArgumentException("no label");
      }
    }
  }

  private Parcels() {
  }

  public static Parcel full() {
    return new Parcel(5, "five");
  }

  public static Parcel chained() {
    return new Parcel();
  }

  public static Parcel parsed(String text) {
    return new Parcel(new StringBuilder(text));
  }

  public static Parcel ofKind(char kind) {
    return new Parcel(kind);
  }

  public static Parcel labelled(String label) {
    return new Parcel(label);
  }
}
