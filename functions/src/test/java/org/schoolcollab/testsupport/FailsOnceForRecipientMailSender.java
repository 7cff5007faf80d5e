package org.schoolcollab.testsupport;

import org.schoolcollab.notify.Mail;
import org.schoolcollab.notify.MailSender;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * FAULT INJECTION: a mail provider that refuses the first message to one recipient (a throttle, a timeout), then
 * accepts; the outbox cannot be made to fail like that on demand.
 */
public final class FailsOnceForRecipientMailSender implements MailSender {
    private final MailSender real;
    private final String failingRecipient;
    private final Map<String, AtomicInteger> attempts = new java.util.concurrent.ConcurrentHashMap<>();

    public FailsOnceForRecipientMailSender(MailSender real, String failingRecipient) {
        this.real = real;
        this.failingRecipient = failingRecipient;
    }

    public int attempts(String recipient) {
        return attempts.getOrDefault(recipient, new AtomicInteger()).get();
    }

    @Override
    public String send(Mail mail) {
        int attempt = attempts.computeIfAbsent(mail.to(), k -> new AtomicInteger()).incrementAndGet();
        if (mail.to().equals(failingRecipient) && attempt == 1) {
            throw new IllegalStateException("injected: the mail provider timed out");
        }
        return real.send(mail);
    }
}
