package dev.leakhunter.demo;

import dev.leakhunter.demo.avatar.ThumbnailCache;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/** The daemon's command line, parsed and validated in one place. Immutable. */
public final class DaemonOptions {

    public static final String JOB_BOUNDARY = "dev.leakhunter.demo.Worker#handle";

    public static final long DEFAULT_JOBS = 0;
    public static final int DEFAULT_RATE = 0;
    public static final int DEFAULT_WORKERS = 1;
    public static final int DEFAULT_HEARTBEAT_SECONDS = 5;
    public static final String DEFAULT_PID_FILE = "demo-leaky-daemon.pid";

    static final int MAX_RATE = 1_000_000;
    static final int MAX_WORKERS = 64;
    static final int MAX_HEARTBEAT_SECONDS = 86_400;
    private static final int HELP_WIDTH = 100;

    /** Every flag that takes a value, with the valid form error messages and --help show. */
    enum Flag {
        LEAK("--leak", "--leak=NAME[,NAME...] with NAME one of " + Leak.validNames()),
        JOBS("--jobs", "--jobs=N with N >= 0 (0 = run until stopped)"),
        RATE("--rate", "--rate=N with N from 0 to " + MAX_RATE + " jobs/s (0 = as fast as possible)"),
        WORKERS("--workers", "--workers=N with N from 1 to " + MAX_WORKERS),
        HEARTBEAT("--heartbeat", "--heartbeat=SECONDS with SECONDS from 0 to " + MAX_HEARTBEAT_SECONDS + " (0 = off)"),
        PID_FILE("--pid-file", "--pid-file=PATH");

        final String name;
        final String form;

        Flag(String name, String form) {
            this.name = name;
            this.form = form;
        }

        static Flag named(String name) {
            for (Flag flag : values()) {
                if (flag.name.equals(name)) {
                    return flag;
                }
            }
            return null;
        }
    }

    private final boolean help;
    private final Set<Leak> leaks;
    private final long jobs;
    private final int rate;
    private final int workers;
    private final int heartbeatSeconds;
    private final Path pidFile;

    private DaemonOptions(boolean help, Set<Leak> leaks, long jobs, int rate, int workers, int heartbeatSeconds,
            Path pidFile) {
        this.help = help;
        this.leaks = Collections.unmodifiableSet(leaks.isEmpty() ? EnumSet.noneOf(Leak.class) : EnumSet.copyOf(leaks));
        this.jobs = jobs;
        this.rate = rate;
        this.workers = workers;
        this.heartbeatSeconds = heartbeatSeconds;
        this.pidFile = pidFile;
    }

    /**
     * Parses {@code --flag=value} and {@code --flag value} forms, and {@code --help} (or {@code -h}),
     * which wins over everything else.
     *
     * @throws UsageException one line naming the bad flag and its valid form
     */
    public static DaemonOptions parse(String... args) throws UsageException {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return defaults(true);
            }
        }
        Map<Flag, String> given = new EnumMap<>(Flag.class);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "': flags look like --jobs=600 (see --help)");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            Flag flag = Flag.named(name);
            if (flag == null) {
                throw new UsageException("unknown flag " + name + "; valid flags: " + flagNames());
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new UsageException(name + " needs a value: " + flag.form);
            }
            if (given.put(flag, value) != null) {
                throw new UsageException(name + " is given twice; give it once: " + flag.form);
            }
        }

        Set<Leak> leaks = EnumSet.noneOf(Leak.class);
        if (given.containsKey(Flag.LEAK)) {
            try {
                leaks = Leak.parseList(given.get(Flag.LEAK));
            } catch (IllegalArgumentException e) {
                throw new UsageException(Flag.LEAK.name + "=" + given.get(Flag.LEAK) + ": " + e.getMessage());
            }
        }
        long jobs = number(given, Flag.JOBS, DEFAULT_JOBS, 0, Long.MAX_VALUE);
        int rate = (int) number(given, Flag.RATE, DEFAULT_RATE, 0, MAX_RATE);
        int workers = (int) number(given, Flag.WORKERS, DEFAULT_WORKERS, 1, MAX_WORKERS);
        int heartbeat = (int) number(given, Flag.HEARTBEAT, DEFAULT_HEARTBEAT_SECONDS, 0, MAX_HEARTBEAT_SECONDS);
        String pidFile = given.getOrDefault(Flag.PID_FILE, DEFAULT_PID_FILE);
        if (pidFile.isBlank()) {
            throw new UsageException(Flag.PID_FILE.name + " is empty: " + Flag.PID_FILE.form);
        }
        return new DaemonOptions(false, leaks, jobs, rate, workers, heartbeat, Path.of(pidFile));
    }

    /** The options with every default (and no leak). */
    public static DaemonOptions defaults() {
        return defaults(false);
    }

    private static DaemonOptions defaults(boolean help) {
        return new DaemonOptions(help, EnumSet.noneOf(Leak.class), DEFAULT_JOBS, DEFAULT_RATE, DEFAULT_WORKERS,
                DEFAULT_HEARTBEAT_SECONDS, Path.of(DEFAULT_PID_FILE));
    }

    private static long number(Map<Flag, String> given, Flag flag, long fallback, long min, long max)
            throws UsageException {
        String value = given.get(flag);
        if (value == null) {
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(flag.name + "=" + value + ": not a whole number; expected " + flag.form);
        }
        if (parsed < min || parsed > max) {
            throw new UsageException(flag.name + "=" + value + ": out of range; expected " + flag.form);
        }
        return parsed;
    }

    private static String flagNames() {
        StringJoiner names = new StringJoiner(", ");
        for (Flag flag : Flag.values()) {
            names.add(flag.name);
        }
        return names.add("--help").toString();
    }

    /** The --help text: every flag, every leak, and the job boundary. */
    public static String usage() {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder();
        text.append("usage: java -jar demo-leaky-daemon.jar [--leak=NAME[,NAME...]] [--jobs=N] [--rate=N]").append(nl)
                .append("           [--workers=N] [--heartbeat=SECONDS] [--pid-file=PATH] [--help]").append(nl).append(nl)
                .append("A job daemon with switchable memory leaks from real life, to demonstrate and test leakhunter.")
                .append(nl)
                .append("A producer thread queues jobs (bounded queue of ").append(Daemon.QUEUE_CAPACITY)
                .append("); worker threads run them in strict rotation:").append(nl)
                .append("place an order, send a templated email, refresh an avatar. Always on, and not leaks: a bounded")
                .append(nl)
                .append("LRU cache of ").append(ThumbnailCache.CAPACITY)
                .append(" avatar thumbnails, a lazily built tax table, plenty of short-lived garbage.").append(nl)
                .append(nl)
                .append("job boundary for leakhunter: ").append(JOB_BOUNDARY).append(nl)
                .append("  java -javaagent:leakhunter.jar=jobs=").append(JOB_BOUNDARY).append(" \\").append(nl)
                .append("       -jar demo-leaky-daemon.jar --leak=processed-log --jobs=600").append(nl).append(nl)
                .append("flags:").append(nl);
        flag(text, Flag.LEAK.form, "leaks to plant, combined with commas (default: none; see below)");
        flag(text, Flag.JOBS.form, "stop cleanly after N jobs have completed; the producer makes exactly N (default: 0)");
        flag(text, Flag.RATE.form, "jobs produced per second (default: 0; the producer then blocks on the full queue)");
        flag(text, Flag.WORKERS.form, "worker threads demo-worker-1..N, one Worker each (default: " + DEFAULT_WORKERS + ")");
        flag(text, Flag.HEARTBEAT.form, "print jobs, rate, queue length and heap used every SECONDS (default: "
                + DEFAULT_HEARTBEAT_SECONDS + ")");
        flag(text, Flag.PID_FILE.form, "write the process id here at start, remove it on stop (default: "
                + DEFAULT_PID_FILE + " in the working directory)");
        flag(text, "--help, -h", "this text");
        text.append(nl).append("leaks (each retains objects on its own job kind only, one unit per such job):").append(nl);
        flag(text, Leak.NONE, "no leak: only the bounded cache, the lazy singleton and garbage (the default)");
        for (Leak leak : Leak.values()) {
            text.append("  ").append(leak.cliName()).append("  (on ").append(leak.jobKind().label()).append(" jobs)")
                    .append(nl);
            wrap(text, "      what:    ", leak.what());
            wrap(text, "      mirrors: ", leak.mirrors());
            wrap(text, "      plants:  ", leak.planted());
        }
        text.append(nl)
                .append("SIGTERM or SIGINT stops cleanly: the producer stops, each worker finishes its current job,")
                .append(nl)
                .append("the pid file is removed and \"stopped after N jobs\" is printed. Exit status: 0 after --jobs=N,")
                .append(nl)
                .append("2 for a bad command line, 1 if the pid file cannot be written.").append(nl);
        return text.toString();
    }

    private static void flag(StringBuilder text, String form, String meaning) {
        text.append("  ").append(form).append(System.lineSeparator());
        wrap(text, "      ", meaning);
    }

    /** Appends {@code words} after {@code label}, wrapped at {@link #HELP_WIDTH} and indented under the label. */
    private static void wrap(StringBuilder text, String label, String words) {
        String indent = " ".repeat(label.length());
        StringBuilder line = new StringBuilder(label);
        for (String word : words.split(" ")) {
            if (line.length() > label.length() && line.length() + 1 + word.length() > HELP_WIDTH) {
                text.append(line).append(System.lineSeparator());
                line.setLength(0);
                line.append(indent);
            } else if (line.length() > label.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        text.append(line).append(System.lineSeparator());
    }

    public boolean help() {
        return help;
    }

    public Set<Leak> leaks() {
        return leaks;
    }

    public long jobs() {
        return jobs;
    }

    public int rate() {
        return rate;
    }

    public int workers() {
        return workers;
    }

    public int heartbeatSeconds() {
        return heartbeatSeconds;
    }

    public Path pidFile() {
        return pidFile;
    }
}
