package dev.leakhunter.demo.mail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * "Picked for you": scores every product in the catalog against the member's taste and keeps the
 * best few. The catalog is fixed; the scoring is per email and leaves only garbage behind.
 */
final class Recommendations {

    private static final int FEATURES = 12;
    private static final String[] ADJECTIVES = {
        "Compact", "Classic", "Wireless", "Organic", "Handmade", "Foldable", "Recycled", "Vintage", "Smart", "Heavy-duty",
    };
    private static final String[] NOUNS = {
        "headphones", "mushroom guide", "skillet", "running shoes", "coffee kit", "blanket", "notebook", "desk lamp",
        "plant set", "board game", "rain jacket", "speaker", "knife", "yoga mat", "backpack", "water bottle",
        "tea sampler", "puzzle", "tent", "bike light",
    };
    private static final Product[] CATALOG = buildCatalog(1_200);

    private Recommendations() {
    }

    /** The {@code count} best products for this member, best first. */
    static List<String> forMember(int memberId, int count) {
        SplittableRandom random = new SplittableRandom(memberId * 1_000_003L + 11);
        float[] taste = new float[FEATURES];
        for (int f = 0; f < FEATURES; f++) {
            taste[f] = (float) random.nextDouble(-1.0, 1.0);
        }
        List<Scored> scored = new ArrayList<>(CATALOG.length);
        for (Product product : CATALOG) {
            float score = 0;
            for (int f = 0; f < FEATURES; f++) {
                score += taste[f] * product.features[f];
            }
            scored.add(new Scored(product.name, score));
        }
        scored.sort(Comparator.comparingDouble((Scored s) -> s.score).reversed());
        List<String> best = new ArrayList<>(count);
        for (int i = 0; i < count && i < scored.size(); i++) {
            best.add(scored.get(i).name);
        }
        return best;
    }

    private static Product[] buildCatalog(int size) {
        SplittableRandom random = new SplittableRandom(42);
        Product[] products = new Product[size];
        for (int i = 0; i < size; i++) {
            float[] features = new float[FEATURES];
            for (int f = 0; f < FEATURES; f++) {
                features[f] = (float) random.nextDouble(-1.0, 1.0);
            }
            String name = ADJECTIVES[i % ADJECTIVES.length] + ' ' + NOUNS[(i / ADJECTIVES.length) % NOUNS.length]
                    + " No. " + (i + 1);
            products[i] = new Product(name, features);
        }
        return products;
    }

    private static final class Product {
        final String name;
        final float[] features;

        Product(String name, float[] features) {
            this.name = name;
            this.features = features;
        }
    }

    private static final class Scored {
        final String name;
        final float score;

        Scored(String name, float score) {
            this.name = name;
            this.score = score;
        }
    }
}
