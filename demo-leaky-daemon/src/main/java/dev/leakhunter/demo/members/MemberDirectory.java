package dev.leakhunter.demo.members;

import java.util.Locale;

/**
 * The member service the jobs look members up in: a fixed, deterministic population of
 * {@link #SIZE} members whose data is derived from the id, so runs are reproducible without
 * a database. Nothing is stored, so the directory itself can never look like growth.
 */
public final class MemberDirectory {

    /** Member ids are 0 .. SIZE-1: large enough that a 64-entry cache keeps missing. */
    public static final int SIZE = 5_000;

    private static final String[] FIRST = {
        "Ada", "Alan", "Barbara", "Brian", "Claude", "Dana", "Edsger", "Frances", "Grace", "Hedy",
        "Ivan", "Joan", "Ken", "Leslie", "Margaret", "Niklaus", "Olga", "Peter", "Radia", "Sophie",
    };
    private static final String[] LAST = {
        "Lovelace", "Turing", "Liskov", "Kernighan", "Shannon", "Scott", "Dijkstra", "Allen", "Hopper",
        "Lamarr", "Sutherland", "Clarke", "Thompson", "Lamport", "Hamilton", "Wirth", "Taussky", "Naur",
        "Perlman", "Wilson",
    };
    private static final String[] CITIES = {
        "Lisbon", "Oslo", "Lyon", "Leeds", "Graz", "Turku", "Ghent", "Porto", "Bergen", "Basel",
        "Malmo", "Aarhus", "Bilbao", "Cork", "Split", "Brno", "Tartu", "Lodz",
    };
    /** Tax regions, one per city; the tax table is keyed by them. */
    private static final String[] REGIONS = {
        "PT-11", "NO-03", "FR-ARA", "GB-LDS", "AT-6", "FI-19", "BE-VOV", "PT-13", "NO-46", "CH-BS",
        "SE-M", "DK-82", "ES-PV", "IE-CO", "HR-17", "CZ-64", "EE-78", "PL-10",
    };

    private MemberDirectory() {
    }

    public static String displayName(int memberId) {
        check(memberId);
        return FIRST[memberId % FIRST.length] + ' ' + LAST[(memberId / FIRST.length) % LAST.length];
    }

    public static String email(int memberId) {
        check(memberId);
        return FIRST[memberId % FIRST.length].toLowerCase(Locale.ROOT) + '.' + memberId + "@members.example";
    }

    public static String city(int memberId) {
        check(memberId);
        return CITIES[memberId % CITIES.length];
    }

    public static String region(int memberId) {
        check(memberId);
        return REGIONS[memberId % REGIONS.length];
    }

    /** Loyalty points: some per-member number for the templates to print. */
    public static int points(int memberId) {
        check(memberId);
        return (memberId * 7_919) % 12_000;
    }

    /** All tax regions, for the tax table to be built from. */
    public static String[] regions() {
        return REGIONS.clone();
    }

    /** A lookup of an unknown member fails like a real directory would: the job fails, not the worker. */
    private static void check(int memberId) {
        if (memberId < 0 || memberId >= SIZE) {
            throw new IllegalArgumentException("no member " + memberId + " (ids are 0.." + (SIZE - 1) + ")");
        }
    }
}
