package org.schoolcollab.kernel;

/** The person a community's mail goes to. */
public record Contact(String name, String email, String phone) {}
