package dev.leakhunter.demo;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/** The leaks the daemon can plant, each on its own job kind, each a bug seen in real daemons. */
public enum Leak {

    PROCESSED_LOG("processed-log", JobKind.ORDER,
            "every placed order is kept \"just in case\" in the ArrayList field Worker.processed, never trimmed",
            "a debug/audit list on a long-lived service that only ever grows (like a long-lived ObjectOutputStream"
                    + " that is never reset(): its handle table keeps every object written)",
            "dev.leakhunter.demo.orders.Order (with its dev.leakhunter.demo.orders.LineItem list and Strings),"
                    + " held by dev.leakhunter.demo.Worker.processed"),

    TEMPLATE_CACHE("template-cache", JobKind.EMAIL,
            "each email compiles its template into a new class in a new TemplateClassLoader and caches it in the"
                    + " static map TemplateCache.COMPILED under a key unique per email (template name + email id)",
            "a per-request script or template compile cached under a per-request key (a new GroovyShell per request"
                    + " in Elasticsearch and Spinnaker; high-cardinality cache keys): classes, loaders, metaspace grow",
            "dev.leakhunter.demo.mail.TemplateClassLoader and dev.leakhunter.demo.mail.templates.WeeklyDigestTemplate"
                    + " (one class of that name per loader), held by dev.leakhunter.demo.mail.TemplateCache.COMPILED"),

    ASYNC_SAVE("async-save", JobKind.AVATAR,
            "the storage backend never comes up; each avatar refresh still chains a fire-and-forget save on the"
                    + " never-completing future AvatarStore.connected",
            "a CompletableFuture chain on a connection that never completes, with no timeout: every pending stage"
                    + " keeps its lambda and what the lambda captured",
            "dev.leakhunter.demo.avatar.Member and byte[] (the avatar), held by the pending completions of"
                    + " dev.leakhunter.demo.avatar.AvatarStore.connected");

    /** The --leak value for no leak at all. */
    public static final String NONE = "none";

    private final String cliName;
    private final JobKind jobKind;
    private final String what;
    private final String mirrors;
    private final String planted;

    Leak(String cliName, JobKind jobKind, String what, String mirrors, String planted) {
        this.cliName = cliName;
        this.jobKind = jobKind;
        this.what = what;
        this.mirrors = mirrors;
        this.planted = planted;
    }

    /**
     * Parses a --leak value: {@code none}, or leak names joined by commas.
     *
     * @throws IllegalArgumentException naming the bad part and the valid names
     */
    public static Set<Leak> parseList(String value) {
        Set<Leak> leaks = EnumSet.noneOf(Leak.class);
        if (value.trim().toLowerCase(Locale.ROOT).equals(NONE)) {
            return leaks;
        }
        for (String part : value.split(",", -1)) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (name.equals(NONE)) {
                throw new IllegalArgumentException("'none' cannot be combined with other leaks");
            }
            leaks.add(byName(name));
        }
        return leaks;
    }

    private static Leak byName(String name) {
        for (Leak leak : values()) {
            if (leak.cliName.equals(name)) {
                return leak;
            }
        }
        throw new IllegalArgumentException("unknown leak '" + name + "'; valid leaks: " + validNames());
    }

    /** "none, processed-log, template-cache, async-save". */
    public static String validNames() {
        StringJoiner names = new StringJoiner(", ");
        names.add(NONE);
        for (Leak leak : values()) {
            names.add(leak.cliName);
        }
        return names.toString();
    }

    /** "none", or the names joined by commas in declaration order. */
    public static String describe(Set<Leak> leaks) {
        if (leaks.isEmpty()) {
            return NONE;
        }
        StringJoiner names = new StringJoiner(",");
        for (Leak leak : leaks) {
            names.add(leak.cliName);
        }
        return names.toString();
    }

    public String cliName() {
        return cliName;
    }

    /** The only job kind on which this leak retains anything. */
    public JobKind jobKind() {
        return jobKind;
    }

    public String what() {
        return what;
    }

    public String mirrors() {
        return mirrors;
    }

    public String planted() {
        return planted;
    }
}
