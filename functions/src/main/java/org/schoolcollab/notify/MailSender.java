package org.schoolcollab.notify;

/** The mail port: SES in AWS, a readable outbox folder locally. */
public interface MailSender {
    /** Sends one message; returns the provider's message id. Throws if the provider did not accept it. */
    String send(Mail mail);
}
