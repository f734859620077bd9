package dev.leakhunter.demo.mail;

import java.util.Map;

/**
 * A compiled email template. The interface is loaded by the application class loader; the
 * implementations in {@code dev.leakhunter.demo.mail.templates} are only ever defined by
 * {@link TemplateClassLoader}s, and are seen by the rest of the daemon through this interface.
 */
public interface Template {

    /** The template's name, e.g. {@code weekly-digest}. */
    String name();

    /** Renders the template with a model of plain JDK values (strings, numbers, lists). */
    String render(Map<String, ?> model);
}
