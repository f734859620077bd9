package dev.leakhunter.demo.mail.templates;

import dev.leakhunter.demo.mail.Template;
import java.util.List;
import java.util.Map;

/**
 * The weekly digest email, as a template engine would compile it: straight-line appends.
 *
 * <p>Only ever defined by a {@code TemplateClassLoader}, which defines exactly this class: so it
 * has no nested classes, no lambdas and no {@code +} on strings (javac compiles that to
 * invokedynamic, which would spin extra hidden classes per loader).
 */
public final class WeeklyDigestTemplate implements Template {

    @Override
    public String name() {
        return "weekly-digest";
    }

    @Override
    public String render(Map<String, ?> model) {
        StringBuilder html = new StringBuilder(2_048);
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Your week</title></head>\n<body>\n");
        html.append("<h1>Hello ");
        escape(html, model.get("name"));
        html.append(",</h1>\n<p>Here is your week at the shop in ");
        escape(html, model.get("city"));
        html.append(". You have <b>");
        escape(html, model.get("points"));
        html.append("</b> loyalty points.</p>\n<h2>Picked for you</h2>\n<ul>\n");
        Object picks = model.get("recommendations");
        if (picks instanceof List) {
            int rank = 1;
            for (Object pick : (List<?>) picks) {
                html.append("  <li class=\"pick-").append(rank++).append("\">");
                escape(html, pick);
                html.append("</li>\n");
            }
        }
        html.append("</ul>\n<p style=\"font-size:small\">Sent to ");
        escape(html, model.get("email"));
        html.append(". You can unsubscribe in your account settings.</p>\n</body></html>\n");
        return html.toString();
    }

    private static void escape(StringBuilder html, Object value) {
        String text = String.valueOf(value);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<': html.append("&lt;"); break;
                case '>': html.append("&gt;"); break;
                case '&': html.append("&amp;"); break;
                case '"': html.append("&quot;"); break;
                case '\'': html.append("&#39;"); break;
                default: html.append(c);
            }
        }
    }
}
