package org.schoolcollab.plan;

import java.util.Arrays;
import java.util.Optional;

/** The document types a plan may be uploaded as: its declared content type and the file name's extension. */
public enum PlanFileType {
    PDF("application/pdf", ".pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");

    private final String contentType;
    private final String extension;

    PlanFileType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() { return contentType; }
    public String extension() { return extension; }

    public static Optional<PlanFileType> byContentType(String contentType) {
        return Arrays.stream(values()).filter(t -> t.contentType.equals(contentType)).findFirst();
    }
}
