package org.schoolcollab.kernel;

/** One validation failure: the JSON path of the field at fault and what is wrong with it. */
public record FieldError(String field, String message) {}
