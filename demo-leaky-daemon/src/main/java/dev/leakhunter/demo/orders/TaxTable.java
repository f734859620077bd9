package dev.leakhunter.demo.orders;

import dev.leakhunter.demo.members.MemberDirectory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tax rates by region and product category: a lazily built singleton of a few thousand entries.
 *
 * <p>It is built on the first order, not at start-up, on purpose: a naive before/after diff taken
 * around the first jobs sees thousands of new objects appear, and then never again. A leak
 * hunter must call that a one-off step, not growth.
 */
public final class TaxTable {

    /** Departments times kinds: the product categories line items are drawn from. */
    private static final String[] DEPARTMENTS = {
        "books", "music", "film", "games", "toys", "garden", "kitchen", "tools", "paint", "lighting",
        "bedding", "bath", "shoes", "coats", "shirts", "bags", "watches", "jewelry", "phones", "laptops",
        "cameras", "audio", "printers", "cables", "office", "school", "baby", "pets", "bikes", "camping",
        "fitness", "skincare", "haircare", "vitamins", "coffee", "tea", "snacks", "wine", "flowers", "gifts",
    };
    private static final String[] KINDS = {"standard", "reduced", "kids", "import"};
    private static final List<String> CATEGORIES = buildCategories();

    private final Map<String, TaxRate> rates;

    private TaxTable() {
        String[] regions = MemberDirectory.regions();
        Map<String, TaxRate> built = new HashMap<>(regions.length * CATEGORIES.size() * 2);
        for (int r = 0; r < regions.length; r++) {
            for (int c = 0; c < CATEGORIES.size(); c++) {
                String category = CATEGORIES.get(c);
                // Some plausible spread between 0% and 27%, fixed per (region, category).
                int basisPoints = ((r * 131 + c * 37) % 28) * 100 + (c % 4) * 25;
                built.put(key(regions[r], category), new TaxRate(regions[r], category, basisPoints));
            }
        }
        this.rates = built;
    }

    /** The table, built by the first caller (class initialization of the holder is lazy and thread-safe). */
    public static TaxTable get() {
        return Holder.INSTANCE;
    }

    /** The product categories, in a fixed order. */
    public static List<String> categories() {
        return CATEGORIES;
    }

    private static List<String> buildCategories() {
        String[] all = new String[DEPARTMENTS.length * KINDS.length];
        for (int d = 0; d < DEPARTMENTS.length; d++) {
            for (int k = 0; k < KINDS.length; k++) {
                all[d * KINDS.length + k] = DEPARTMENTS[d] + '-' + KINDS[k];
            }
        }
        return List.of(all);
    }

    public int size() {
        return rates.size();
    }

    public TaxRate rate(String region, String category) {
        TaxRate rate = rates.get(key(region, category));
        if (rate == null) {
            throw new IllegalArgumentException("no tax rate for " + category + " in " + region);
        }
        return rate;
    }

    private static String key(String region, String category) {
        return region + '/' + category;
    }

    private static final class Holder {
        static final TaxTable INSTANCE = new TaxTable();
    }
}
