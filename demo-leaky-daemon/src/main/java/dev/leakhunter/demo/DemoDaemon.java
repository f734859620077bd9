package dev.leakhunter.demo;

import java.io.PrintStream;

/**
 * {@code java -jar demo-leaky-daemon.jar --help}: a job daemon with switchable, real-life memory
 * leaks, for leakhunter to find. The job boundary is {@code dev.leakhunter.demo.Worker#handle}.
 */
public final class DemoDaemon {

    private DemoDaemon() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Parses the command line and runs the daemon; returns the exit status (2 for a bad command line). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        DaemonOptions options;
        try {
            options = DaemonOptions.parse(args);
        } catch (UsageException e) {
            err.println("demo-leaky-daemon: " + e.getMessage());
            return 2;
        }
        if (options.help()) {
            out.print(DaemonOptions.usage());
            out.flush();
            return 0;
        }
        return new Daemon(options, out, err).run();
    }
}
