package dev.leakhunter.demo.orders;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * This season's promotions, a couple of thousand rules checked against every line item: a linear scan,
 * as such rule lists usually are. Fixed for the life of the daemon.
 */
final class Promotions {

    private static final int RULES = 2_400;
    private static final List<Promotion> ALL = build();

    private Promotions() {
    }

    /** The best discount for a line, in percent (0 if no rule applies). */
    static int bestPercentOff(String category, int quantity) {
        int best = 0;
        for (Promotion promotion : ALL) {
            if (promotion.percentOff() > best && promotion.appliesTo(category, quantity)) {
                best = promotion.percentOff();
            }
        }
        return best;
    }

    static int size() {
        return ALL.size();
    }

    private static List<Promotion> build() {
        List<String> categories = TaxTable.categories();
        List<Promotion> rules = new ArrayList<>();
        for (int i = 0; i < RULES; i++) {
            String category = categories.get((i * 37) % categories.size());
            // Every other rule targets a whole department ("books-"), the rest one category.
            String prefix = i % 2 == 0 ? category.substring(0, category.indexOf('-') + 1) : category;
            rules.add(new Promotion(prefix, 1 + i % 4, 5 + (i * 7) % 26));
        }
        return Collections.unmodifiableList(rules);
    }
}
