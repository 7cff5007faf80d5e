package org.schoolcollab.eoi;

public record Contact(String name, String email, String phone) {}
