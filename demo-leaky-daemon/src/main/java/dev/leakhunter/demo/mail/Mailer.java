package dev.leakhunter.demo.mail;

import dev.leakhunter.demo.members.MemberDirectory;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Sends the weekly digest email: looks the member up, renders the template, hands it to the outbox. */
public final class Mailer {

    static final String TEMPLATE_NAME = "weekly-digest";
    /** By name only: nothing in the daemon refers to the class itself, so the app loader never loads it. */
    static final String TEMPLATE_CLASS = TemplateClassLoader.TEMPLATES_PACKAGE + "WeeklyDigestTemplate";

    /** How many "picked for you" products a digest shows. */
    static final int PICKS = 12;

    /** Stands for the email table's id sequence: JVM-wide, so ids never repeat, even across Mailers. */
    private static final AtomicLong EMAIL_IDS = new AtomicLong();

    private final boolean cacheKeyPerEmail;
    private final Outbox outbox;

    /**
     * @param cacheKeyPerEmail the template-cache leak: cache the compiled template under
     *     "name#emailId" (unique per email) instead of under its name
     */
    public Mailer(boolean cacheKeyPerEmail, Outbox outbox) {
        this.cacheKeyPerEmail = cacheKeyPerEmail;
        this.outbox = outbox;
    }

    /** Renders and sends this week's digest to a member; returns the email id. */
    public long sendWeeklyDigest(int memberId) {
        // Look the member up first: an unknown member fails the job before anything is compiled.
        Map<String, Object> model = new HashMap<>();
        model.put("name", MemberDirectory.displayName(memberId));
        model.put("email", MemberDirectory.email(memberId));
        model.put("city", MemberDirectory.city(memberId));
        model.put("points", MemberDirectory.points(memberId));
        model.put("recommendations", Recommendations.forMember(memberId, PICKS));

        long emailId = EMAIL_IDS.incrementAndGet();
        // The bug this mirrors: a cache key that carries a per-request value (here the email id,
        // elsewhere a timestamp, a locale+user, a request id) turns a cache into a log.
        String key = cacheKeyPerEmail ? TEMPLATE_NAME + '#' + emailId : TEMPLATE_NAME;
        Template template = TemplateCache.get(key, TEMPLATE_CLASS);
        String body = template.render(model);
        outbox.send(emailId, MemberDirectory.email(memberId), "Your week at the shop", body);
        return emailId;
    }

    public Outbox outbox() {
        return outbox;
    }
}
