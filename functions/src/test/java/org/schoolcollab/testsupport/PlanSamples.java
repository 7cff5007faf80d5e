package org.schoolcollab.testsupport;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.community.CommunityFormation;
import org.schoolcollab.community.adapters.DynamoDecisionStore;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.adapters.DynamoEoiStore;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Plans for the tests: the sample event's plan, request bodies, files (a PDF, a .docx), S3 events and communities. */
public final class PlanSamples {
    /** The plan of events/plan-received-put.json and events/get-plan-document.json. */
    public static final String SAMPLE_PLAN_ID = "6d1f3a2b-8c4e-4f5a-9b7c-2e3d4f5a6b7c";
    /** The bucket events/plan-received-put.json names (template.yaml's PlansBucket name in dev, ap-southeast-2). */
    public static final String SAMPLE_BUCKET = "sc-plans-dev-123456789012-ap-southeast-2";
    public static final String SAMPLE_FILE_NAME = "Kāhui Ako o Ōtaki achievement plan 2026.pdf";
    public static final String SAMPLE_OBJECT_KEY = "plans/" + EventFiles.SAMPLE_COMMUNITY_ID + "/" + SAMPLE_PLAN_ID
            + "/Kahui-Ako-o-Otaki-achievement-plan-2026.pdf";
    /** The 142-byte PDF whose upload events/plan-received-put.json reports (its size and ETag). */
    public static final byte[] SAMPLE_PDF = ("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private PlanSamples() {}

    /** The body of events/register-plan.json: a kahui-ako plan with three challenges, declared as SAMPLE_PDF. */
    public static ObjectNode body() {
        ObjectNode body = Json.object();
        body.put("fileName", SAMPLE_FILE_NAME);
        body.put("contentType", PDF);
        body.put("sizeBytes", SAMPLE_PDF.length);
        ArrayNode challenges = body.putArray("achievementChallenges");
        challenges.add(challenge("ATTENDANCE", "Raise regular attendance across our three schools, with whānau.",
                "Regular attendance (over 90% of half-days) from 52% to 70% by Term 4 2027."));
        challenges.add(challenge("ACHIEVEMENT", "Lift writing in Years 4 to 8.",
                "Students at or above the curriculum level in writing from 61% to 75%."));
        challenges.add(challenge("TRANSITIONS", "Smooth the move from Ōtaki School and Waitohu School to Ōtaki College.",
                "Every Year 8 learner has a transition plan shared with the college by Term 3."));
        return body;
    }

    /** A body declaring a file of this name, type and size, with the sample's challenges. */
    public static String body(String fileName, String contentType, long sizeBytes) {
        ObjectNode body = body();
        body.put("fileName", fileName).put("contentType", contentType).put("sizeBytes", sizeBytes);
        return Json.write(body);
    }

    public static ObjectNode challenge(String area, String description, String measure) {
        return Json.object().put("area", area).put("description", description).put("measure", measure);
    }

    /** A minimal Word document: a ZIP with [Content_Types].xml, its relationships and word/document.xml. */
    public static byte[] docx() {
        return zip("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas."
                        + "openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" "
                        + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>",
                "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas."
                        + "openxmlformats.org/package/2006/relationships\"/>",
                "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas."
                        + "openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Mahere Kāhui Ako</w:t>"
                        + "</w:r></w:p></w:body></w:document>");
    }

    /** A ZIP archive of (name, text) pairs. */
    public static byte[] zip(String... namesAndTexts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** S3's ETag of a single-part upload: the MD5 of the bytes, in hex. */
    public static String eTag(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** events/plan-received-put.json, as the Lambda runtime deserialises it. */
    public static S3Event s3Event() {
        return EventLoader.loadS3Event(EventFiles.path("plan-received-put.json").toString());
    }

    /**
     * events/plan-received-put.json with its object replaced: what S3 sends for this upload (the JSON is edited and
     * read back through the runtime's deserialiser, so the event is exactly as a real one arrives).
     */
    public static S3Event objectCreated(String bucket, String key, long size, String eTag, String versionId) {
        try {
            ObjectNode root = (ObjectNode) Json.parse(Files.readString(EventFiles.path("plan-received-put.json")));
            ObjectNode s3 = (ObjectNode) root.withArray("Records").get(0).get("s3");
            s3.withObject("bucket").put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
            ObjectNode object = s3.withObject("object");
            object.put("key", key).put("size", size).put("eTag", eTag);
            if (versionId == null) {
                object.remove("versionId");
            } else {
                object.put("versionId", versionId);
            }
            Path file = Files.createTempFile("s3-event", ".json");
            try {
                Files.writeString(file, Json.write(root));
                return EventLoader.loadS3Event(file.toString());
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Forms a community of the given programme with this id, whose member schools are the given numbers (the first
     * school's user submitted it), as an approval does.
     */
    public static void community(String table, Clock clock, String programme, String communityId, String... schools) {
        DynamoEoiStore store = new DynamoEoiStore(DynamoDbLocal.client(), table);
        Actor school = DecisionBodies.schoolUser("sub-" + schools[0], schools[0]);
        ObjectNode eoi = EoiBodies.withSchools(programme.equals("kahui-ako") ? "Kāhui Ako o Ōtaki" : "Weymouth Cluster",
                schools);
        eoi.put("programme", programme);
        var submitted = Requests.submit(new EoiService(store, clock), school, EoiBodies.text(eoi), Optional.empty());
        String eoiId = submitted.location().substring(submitted.location().lastIndexOf('/') + 1);
        Requests.decide(new CommunityFormation(store, new DynamoDecisionStore(DynamoDbLocal.client(), table), clock, () -> communityId), DecisionBodies.staff(), eoiId,
                DecisionBodies.approve());
    }

    /** A school user of this school. */
    public static Actor schoolUser(String sub, String school) {
        return new Actor(sub, sub + "@example.school.nz", Set.of(Actor.SCHOOL), Optional.of(school));
    }
}
