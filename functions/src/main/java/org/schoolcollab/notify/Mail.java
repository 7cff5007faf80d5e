package org.schoolcollab.notify;

/** One message to one recipient, in plain text. */
public record Mail(String to, String subject, String text) {}
