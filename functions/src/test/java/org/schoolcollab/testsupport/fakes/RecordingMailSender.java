package org.schoolcollab.testsupport.fakes;

import org.schoolcollab.notify.Mail;
import org.schoolcollab.notify.MailSender;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A mail provider that keeps what it was given, so a test can read every message sent. It can be told to refuse the
 * next message to an address once (FAULT INJECTION: a throttle or timeout the real providers cannot be made to give).
 */
public final class RecordingMailSender implements MailSender {
    private final List<Mail> sent = new ArrayList<>();
    private final Set<String> failNextTo = new HashSet<>();
    private int attempts;

    @Override
    public synchronized String send(Mail mail) {
        attempts++;
        if (failNextTo.remove(mail.to())) {
            throw new IllegalStateException("injected: the mail provider refused " + mail.to());
        }
        sent.add(mail);
        return "mail-" + sent.size();
    }

    /** The next message to this address fails, once. */
    public synchronized RecordingMailSender failNextTo(String address) {
        failNextTo.add(address);
        return this;
    }

    public synchronized List<Mail> sent() {
        return List.copyOf(sent);
    }

    public synchronized List<Mail> sentTo(String address) {
        return sent.stream().filter(m -> m.to().equals(address)).toList();
    }

    /** Every call, the refused ones too. */
    public synchronized int attempts() {
        return attempts;
    }
}
