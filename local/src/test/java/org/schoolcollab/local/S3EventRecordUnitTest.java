package org.schoolcollab.local;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The S3 event notification record the runner builds, field by field as S3 sends it to Lambda. */
class S3EventRecordUnitTest {
    private final S3EventSource source = new S3EventSource(List.of(), Path.of("unused"));

    @Test
    void theRecordHasS3sFieldsAndShape() {
        var created = new LocalS3.ObjectCreated("ObjectCreated:Put", "plansbucket", "plans/c-1/Plan v1.pdf", 1234,
                "0123456789abcdef0123456789abcdef", null, Instant.parse("2026-03-02T01:02:03.004Z"));
        JsonNode event = source.event(created, "PlanUploaded");
        assertThat(event.get("Records")).hasSize(1);
        JsonNode r = event.at("/Records/0");
        assertThat(r.get("eventVersion").asText()).isEqualTo("2.1");
        assertThat(r.get("eventSource").asText()).isEqualTo("aws:s3");
        assertThat(r.get("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(r.get("eventTime").asText()).isEqualTo("2026-03-02T01:02:03.004Z");
        assertThat(r.get("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(r.at("/userIdentity/principalId").asText()).isNotBlank();
        assertThat(r.at("/requestParameters/sourceIPAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(r.at("/responseElements/x-amz-request-id").asText()).matches("[0-9A-F]{16}");
        assertThat(r.at("/responseElements/x-amz-id-2").asText()).isNotBlank();
        assertThat(r.at("/s3/s3SchemaVersion").asText()).isEqualTo("1.0");
        assertThat(r.at("/s3/configurationId").asText()).isEqualTo("PlanUploaded");
        assertThat(r.at("/s3/bucket/name").asText()).isEqualTo("plansbucket");
        assertThat(r.at("/s3/bucket/ownerIdentity/principalId").asText()).isNotBlank();
        assertThat(r.at("/s3/bucket/arn").asText()).isEqualTo("arn:aws:s3:::plansbucket");
        assertThat(r.at("/s3/object/key").asText()).isEqualTo("plans/c-1/Plan+v1.pdf");
        assertThat(r.at("/s3/object/size").isIntegralNumber()).isTrue();
        assertThat(r.at("/s3/object/size").asLong()).isEqualTo(1234);
        assertThat(r.at("/s3/object/eTag").asText()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(r.at("/s3/object").has("versionId")).as("unversioned: no versionId").isFalse();
        assertThat(r.at("/s3/object/sequencer").asText()).matches("[0-9A-F]{18}");

        var versioned = new LocalS3.ObjectCreated("ObjectCreated:Copy", "b", "k", 1, "e", "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY",
                Instant.now());
        JsonNode second = source.event(versioned, "Any");
        assertThat(second.at("/Records/0/s3/object/versionId").asText()).isEqualTo("3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY");
        assertThat(second.at("/Records/0/s3/object/sequencer").asText())
                .as("sequencers grow").isGreaterThan(r.at("/s3/object/sequencer").asText());
    }

    @Test
    void theLambdaRuntimesOwnSerialiserReadsItAsAnS3Event() {
        var created = new LocalS3.ObjectCreated("ObjectCreated:CompleteMultipartUpload", "plansbucket",
                "plans/Ōtaki plan.pdf", 26_214_400L * 2, "abc-3", null, Instant.parse("2026-03-02T01:02:03.004Z"));
        String json = source.event(created, "PlanUploaded").toString();
        S3Event event = LambdaEventSerializers.serializerFor(S3Event.class, S3Event.class.getClassLoader())
                .fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        var record = event.getRecords().getFirst();
        assertThat(record.getEventName()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
        assertThat(record.getEventTime().getMillis()).isEqualTo(Instant.parse("2026-03-02T01:02:03.004Z").toEpochMilli());
        assertThat(record.getS3().getBucket().getName()).isEqualTo("plansbucket");
        assertThat(record.getS3().getObject().getUrlDecodedKey()).isEqualTo("plans/Ōtaki plan.pdf");
        assertThat(record.getS3().getObject().getSizeAsLong()).as("sizes over 2 GiB fit").isEqualTo(52_428_800L);
        assertThat(record.getS3().getObject().geteTag()).isEqualTo("abc-3");
    }
}
