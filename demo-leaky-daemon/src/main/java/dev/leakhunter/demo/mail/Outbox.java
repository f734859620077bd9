package dev.leakhunter.demo.mail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where sent emails go. Builds the message as it would go on the wire (headers and a base64
 * body) and keeps only counts: the message itself is transient garbage.
 */
public final class Outbox {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong wireBytes = new AtomicLong();

    public void send(long emailId, String to, String subject, String htmlBody) {
        byte[] body = Base64.getMimeEncoder().encode(htmlBody.getBytes(StandardCharsets.UTF_8));
        String headers = "Message-ID: <" + emailId + "@mail.demo.example>\r\n"
                + "From: digest@demo.example\r\n"
                + "To: " + to + "\r\n"
                + "Subject: " + subject + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n";
        wireBytes.addAndGet(headers.getBytes(StandardCharsets.US_ASCII).length + body.length);
        sent.incrementAndGet();
    }

    public long sent() {
        return sent.get();
    }

    public long wireBytes() {
        return wireBytes.get();
    }
}
