package org.schoolcollab.notify;

public record Mail(String to, String subject, String text) {}
