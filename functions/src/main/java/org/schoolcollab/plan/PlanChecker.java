package org.schoolcollab.plan;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Whether a stored file is the plan that was registered: its size is the declared size and within the limit,
 * and its bytes are the declared type (a PDF starts with {@code %PDF-}; a Word .docx is a ZIP archive with a
 * {@code [Content_Types].xml} and a {@code word/} part). Only what is needed is read: a few bytes from the start,
 * and for a .docx its ZIP directory from the end.
 */
public final class PlanChecker {
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    /** Reads bytes first to last inclusive of the stored file. */
    public interface Reader {
        byte[] read(long first, long last);
    }

    private PlanChecker() {}

    /** Why the stored file is not acceptable, or empty when it is. */
    public static Optional<String> problem(Plan plan, long storedSize, Reader reader) {
        if (storedSize > RegisterPlan.MAX_SIZE_BYTES) {
            return Optional.of("the file is " + storedSize + " bytes; the limit is " + RegisterPlan.MAX_SIZE_BYTES
                    + " bytes (25 MiB)");
        }
        if (storedSize != plan.sizeBytes()) {
            return Optional.of("the file is " + storedSize + " bytes, but " + plan.sizeBytes() + " bytes were declared");
        }
        return switch (plan.fileType()) {
            case PDF -> startsWith(reader, storedSize, PDF_MAGIC)
                    ? Optional.empty()
                    : Optional.of("the file is not a PDF: it does not start with %PDF-");
            case DOCX -> docx(reader, storedSize);
        };
    }

    private static Optional<String> docx(Reader reader, long size) {
        if (!startsWith(reader, size, ZIP_MAGIC)) {
            return Optional.of("the file is not a Word .docx document: it is not a ZIP archive");
        }
        List<String> names;
        try {
            names = ZipDirectory.entryNames(size, reader::read);
        } catch (ZipDirectory.NotAZip e) {
            return Optional.of("the file is not a Word .docx document: " + e.getMessage());
        }
        if (!names.contains("[Content_Types].xml")) {
            return Optional.of("the file is not a Word .docx document: it has no [Content_Types].xml");
        }
        if (names.stream().noneMatch(n -> n.startsWith("word/"))) {
            return Optional.of("the file is not a Word .docx document: it has no word/ part");
        }
        return Optional.empty();
    }

    private static boolean startsWith(Reader reader, long size, byte[] magic) {
        if (size < magic.length) {
            return false;
        }
        byte[] head = reader.read(0, magic.length - 1);
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
