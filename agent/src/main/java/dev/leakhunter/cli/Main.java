package dev.leakhunter.cli;

/** {@code java -jar leakhunter.jar COMMAND ...}: see {@link Cli}. */
public final class Main {

  private Main() {
  }

  public static void main(String[] args) {
    System.exit(new Cli(System.out, System.err).run(args));
  }
}
