package org.schoolcollab.plan;


import org.junit.jupiter.api.Test;
import org.schoolcollab.kernel.ChallengeArea;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.testsupport.PlanSamples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored-file checks over bytes in memory, counting what they read: never the whole of a large file. */
class PlanCheckerUnitTest {

    /** Reads from a byte array and remembers each range asked for. */
    private static final class Recording implements PlanChecker.Reader {
        final byte[] bytes;
        final List<long[]> reads = new ArrayList<>();

        Recording(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public byte[] read(long first, long last) {
            assertThat(first).isBetween(0L, last);
            assertThat(last).isLessThan(bytes.length);
            reads.add(new long[] {first, last});
            return Arrays.copyOfRange(bytes, (int) first, (int) last + 1);
        }

        long bytesRead() {
            return reads.stream().mapToLong(r -> r[1] - r[0] + 1).sum();
        }
    }

    private static Plan plan(PlanFileType type, long declared) {
        return Plan.registered("p", "c", Programme.KAHUI_AKO, "Kāhui Ako o Ōtaki", "plan" + type.extension(), type,
                declared, "plans/c/p/plan" + type.extension(),
                List.of(new AchievementChallenge(ChallengeArea.ATTENDANCE, "d", "m")), "sub", "a@b.nz", Instant.EPOCH);
    }

    private static Optional<String> check(PlanFileType type, byte[] bytes) {
        return PlanChecker.problem(plan(type, bytes.length), bytes.length, new Recording(bytes));
    }

    @Test
    void aPdfThatStartsWithTheMagicIsAccepted() {
        Recording r = new Recording(PlanSamples.SAMPLE_PDF);
        assertThat(PlanChecker.problem(plan(PlanFileType.PDF, 142), 142, r)).isEmpty();
        assertThat(r.bytesRead()).isEqualTo(5);
    }

    @Test
    void textDeclaredAsPdfIsNotAPdf() {
        assertThat(check(PlanFileType.PDF, "Our plan, in plain text.\n".getBytes(StandardCharsets.UTF_8)))
                .contains("the file is not a PDF: it does not start with %PDF-");
        assertThat(check(PlanFileType.PDF, "%PD".getBytes(StandardCharsets.US_ASCII))).isPresent();
        assertThat(check(PlanFileType.PDF, PlanSamples.docx())).isPresent();
    }

    @Test
    void theSizeMustBeTheDeclaredSizeAndWithinTheLimit() {
        assertThat(PlanChecker.problem(plan(PlanFileType.PDF, 100), 142, new Recording(PlanSamples.SAMPLE_PDF)))
                .contains("the file is 142 bytes, but 100 bytes were declared");
        assertThat(PlanChecker.problem(plan(PlanFileType.PDF, 142), RegisterPlan.MAX_SIZE_BYTES + 1,
                (a, b) -> { throw new AssertionError("an oversized file is not read"); }))
                .hasValueSatisfying(p -> assertThat(p).contains("the limit is 26214400 bytes (25 MiB)"));
    }

    @Test
    void aDocxIsAZipWithContentTypesAndAWordPart() {
        byte[] docx = PlanSamples.docx();
        Recording r = new Recording(docx);
        assertThat(PlanChecker.problem(plan(PlanFileType.DOCX, docx.length), docx.length, r)).isEmpty();
        assertThat(check(PlanFileType.DOCX, PlanSamples.SAMPLE_PDF))
                .contains("the file is not a Word .docx document: it is not a ZIP archive");
        assertThat(check(PlanFileType.DOCX, PlanSamples.zip("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<w/>")))
                .contains("the file is not a Word .docx document: it has no word/ part");
        assertThat(check(PlanFileType.DOCX, PlanSamples.zip("word/document.xml", "<w/>")))
                .contains("the file is not a Word .docx document: it has no [Content_Types].xml");
        assertThat(check(PlanFileType.DOCX, PlanSamples.zip()))
                .contains("the file is not a Word .docx document: it is not a ZIP archive");
    }

    @Test
    void aZipCutShortOrDamagedIsNotADocx() {
        byte[] docx = PlanSamples.docx();
        assertThat(check(PlanFileType.DOCX, Arrays.copyOf(docx, docx.length - 30)))
                .hasValueSatisfying(p -> assertThat(p).startsWith("the file is not a Word .docx document:"));
        byte[] damaged = docx.clone();
        int directory = lastIndexOf(damaged, new byte[] {'P', 'K', 1, 2});
        damaged[lastIndexOf(damaged, new byte[] {'P', 'K', 5, 6}) + 16] ^= 0x7F; // directory offset
        assertThat(check(PlanFileType.DOCX, damaged)).isPresent();
        assertThat(directory).isPositive();
        byte[] tooShort = {'P', 'K', 3, 4, 0, 0};
        assertThat(check(PlanFileType.DOCX, tooShort)).contains("the file is not a Word .docx document: it is too short to be a ZIP archive");
    }

    @Test
    void aLargeDocxIsJudgedFromItsStartAndItsDirectoryOnly() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(0);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/media/image1.png"));
            zip.write(new byte[5_000_000]);
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.setComment("a comment at the end, as some writers leave");
        }
        byte[] docx = out.toByteArray();
        Recording r = new Recording(docx);
        assertThat(PlanChecker.problem(plan(PlanFileType.DOCX, docx.length), docx.length, r)).isEmpty();
        assertThat(r.bytesRead()).as("bytes read of %s", docx.length).isLessThan(70_000);
    }

    @Test
    void aZip64ArchiveIsFollowedThroughItsLocator() throws IOException {
        // More than 65,535 entries: Java writes the ZIP64 end record and locator.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            for (int i = 0; i < 65_536; i++) {
                zip.putNextEntry(new ZipEntry("f/" + i));
            }
        }
        byte[] zip64 = out.toByteArray();
        assertThat(lastIndexOf(zip64, new byte[] {'P', 'K', 6, 7})).as("a ZIP64 locator").isPositive();
        assertThat(check(PlanFileType.DOCX, zip64)).isEmpty();
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
