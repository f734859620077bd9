package dev.leakhunter.demo.mail;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled templates by cache key, JVM-wide (static), as template engines keep them: compiling
 * costs a class definition, rendering is cheap.
 *
 * <p>The cache is only as bounded as its keys. Keyed by template name it holds one entry per
 * template; keyed by anything per message it holds a class and a class loader per message.
 */
public final class TemplateCache {

    /** The template-cache leak's holding field: key -> compiled template (and so its class and loader). */
    private static final Map<String, Template> COMPILED = new ConcurrentHashMap<>();

    private TemplateCache() {
    }

    /** The template cached under {@code key}, compiled from {@code className} on a miss. */
    public static Template get(String key, String className) {
        return COMPILED.computeIfAbsent(key, k -> TemplateClassLoader.compile(className));
    }

    public static int size() {
        return COMPILED.size();
    }

    /** A copy of the cached templates, for tests and diagnostics. */
    public static List<Template> snapshot() {
        return List.copyOf(COMPILED.values());
    }
}
