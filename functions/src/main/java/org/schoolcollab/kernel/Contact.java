package org.schoolcollab.kernel;

public record Contact(String name, String email, String phone) {}
