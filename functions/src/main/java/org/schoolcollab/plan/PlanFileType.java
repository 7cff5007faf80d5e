package org.schoolcollab.plan;

import java.util.Arrays;
import java.util.Optional;

/** The document types a plan may be uploaded as: its declared content type and the file name's extension. */
public enum PlanFileType {
    PDF("application/pdf", ".pdf", "a PDF"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", "a Word document");

    private final String contentType;
    private final String extension;
    private final String label;

    PlanFileType(String contentType, String extension, String label) {
        this.contentType = contentType;
        this.extension = extension;
        this.label = label;
    }

    public String contentType() { return contentType; }
    public String extension() { return extension; }
    /** What people call it: "a PDF", "a Word document". */
    public String label() { return label; }

    public static Optional<PlanFileType> byContentType(String contentType) {
        return Arrays.stream(values()).filter(t -> t.contentType.equals(contentType)).findFirst();
    }
}
