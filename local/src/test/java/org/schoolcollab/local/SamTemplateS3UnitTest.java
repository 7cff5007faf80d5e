package org.schoolcollab.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.schoolcollab.local.template.AsyncConfig;
import org.schoolcollab.local.template.FunctionDefinition;
import org.schoolcollab.local.template.S3KeyRule;
import org.schoolcollab.local.template.S3Source;
import org.schoolcollab.local.template.SamTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the runner reads a template's buckets and SAM S3 events, and how S3 matches and encodes keys. */
class SamTemplateS3UnitTest {
    private static SamTemplate template(Path dir, String events) throws IOException {
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Applications:
                    Type: AWS::DynamoDB::Table
                  PlansBucket:
                    Type: AWS::S3::Bucket
                  Archive:
                    Type: AWS::S3::Bucket
                    Properties:
                      VersioningConfiguration: {Status: Enabled}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y::handleRequest
                      Environment:
                        Variables:
                          PLANS_BUCKET: !Ref PlansBucket
                          PLANS_ARN: !GetAtt PlansBucket.Arn
                          PLANS_OBJECTS: !Sub "${PlansBucket.Arn}/plans/*"
                          TABLE: !Ref Applications
                      Events:
                """ + events.indent(8));
        return SamTemplate.load(file);
    }

    private static final String PLAN_UPLOADED = """
            PlanUploaded:
              Type: S3
              Properties:
                Bucket: !Ref PlansBucket
                Events: s3:ObjectCreated:*
                Filter:
                  S3Key:
                    Rules:
                      - {Name: prefix, Value: plans/}
                      - {Name: Suffix, Value: .pdf}
            """;

    @Test
    void aBucketRefIsItsLogicalIdInLowerCaseAndTablesKeepTheirs(@TempDir Path dir) throws Exception {
        SamTemplate t = template(dir, PLAN_UPLOADED);
        var env = t.functions().getFirst().environment();
        assertThat(env).containsEntry("PLANS_BUCKET", "plansbucket")
                .containsEntry("PLANS_ARN", "arn:aws:s3:::plansbucket")
                .containsEntry("PLANS_OBJECTS", "arn:aws:s3:::plansbucket/plans/*")
                .containsEntry("TABLE", "Applications");
        assertThat(t.bucketIds()).containsExactly("PlansBucket", "Archive");
        assertThat(t.bucketVersioned("Archive")).isTrue();
        assertThat(t.bucketVersioned("PlansBucket")).isFalse();
        assertThat(t.tableIds()).containsExactly("Applications");
    }

    @Test
    void anS3EventIsReadWithItsBucketEventTypesAndKeyRules(@TempDir Path dir) throws Exception {
        FunctionDefinition f = template(dir, PLAN_UPLOADED).functions().getFirst();
        assertThat(f.s3Events()).hasSize(1);
        S3Source s = f.s3Events().getFirst();
        assertThat(s.name()).isEqualTo("PlanUploaded");
        assertThat(s.bucketId()).isEqualTo("PlansBucket");
        assertThat(s.bucketName()).isEqualTo("plansbucket");
        assertThat(s.events()).containsExactly("s3:ObjectCreated:*");
        assertThat(s.rules()).containsExactly(new S3KeyRule("prefix", "plans/"),
                new S3KeyRule("suffix", ".pdf"));
        assertThat(f.async()).isEqualTo(new AsyncConfig(2, false));

        assertThat(s.matches("plansbucket", "ObjectCreated:Put", "plans/c1/v1.pdf")).isTrue();
        assertThat(s.matches("plansbucket", "ObjectCreated:CompleteMultipartUpload", "plans/a b.pdf")).isTrue();
        assertThat(s.matches("plansbucket", "ObjectRemoved:Delete", "plans/c1/v1.pdf")).isFalse();
        assertThat(s.matches("archive", "ObjectCreated:Put", "plans/c1/v1.pdf")).isFalse();
        assertThat(s.matches("plansbucket", "ObjectCreated:Put", "rejected/plans/c1/v1.pdf")).isFalse();
        assertThat(s.matches("plansbucket", "ObjectCreated:Put", "plans/c1/v1.docx")).isFalse();
    }

    @Test
    void eventTypesMayBeAListOfExactNames(@TempDir Path dir) throws Exception {
        SamTemplate t = template(dir, """
                Uploaded:
                  Type: S3
                  Properties:
                    Bucket: !Ref PlansBucket
                    Events: [s3:ObjectCreated:Put, s3:ObjectCreated:CompleteMultipartUpload]
                """);
        S3Source s = t.functions().getFirst().s3Events().getFirst();
        assertThat(s.rules()).isEmpty();
        assertThat(s.matchesEvent("ObjectCreated:Put")).isTrue();
        assertThat(s.matchesEvent("ObjectCreated:CompleteMultipartUpload")).isTrue();
        assertThat(s.matchesEvent("ObjectCreated:Copy")).isFalse();
        assertThat(s.matchesKey("anything at all")).isTrue();
    }

    @Test
    void asynchronousRetriesComeFromEventInvokeConfig(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, """
                Resources:
                  B: {Type: AWS::S3::Bucket}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y::handleRequest
                      EventInvokeConfig:
                        MaximumRetryAttempts: 1
                        DestinationConfig:
                          OnFailure: {Type: SQS, Destination: arn:aws:sqs:us-east-1:000000000000:q}
                      Events:
                        E: {Type: S3, Properties: {Bucket: !Ref B, Events: s3:ObjectCreated:*}}
                """);
        assertThat(SamTemplate.load(file).functions().getFirst().async()).isEqualTo(new AsyncConfig(1, true));
    }

    @Test
    void anS3EventMustNameABucketOfTheTemplate(@TempDir Path dir) {
        assertThatThrownBy(() -> template(dir, """
                E:
                  Type: S3
                  Properties: {Bucket: some-existing-bucket, Events: s3:ObjectCreated:*}
                """).functions()).hasMessageContaining("Bucket must be !Ref");
        assertThatThrownBy(() -> template(dir, """
                E:
                  Type: S3
                  Properties: {Bucket: !Ref Applications, Events: s3:ObjectCreated:*}
                """).functions()).hasMessageContaining("Bucket must be !Ref");
        assertThatThrownBy(() -> template(dir, """
                E:
                  Type: S3
                  Properties: {Bucket: !Ref PlansBucket, Events: ObjectCreated}
                """).functions()).hasMessageContaining("Events must be");
        assertThatThrownBy(() -> template(dir, """
                E:
                  Type: S3
                  Properties:
                    Bucket: !Ref PlansBucket
                    Events: s3:ObjectCreated:*
                    Filter: {S3Key: {Rules: [{Name: contains, Value: x}]}}
                """).functions()).hasMessageContaining("prefix or suffix");
    }

    @Test
    void keysAreEncodedTheWayS3EncodesThemInEvents() {
        assertThat(S3EventSource.encodeKey("red flower.jpg")).isEqualTo("red+flower.jpg");
        assertThat(S3EventSource.encodeKey("plans/c-1/v2/Plan 2026.pdf")).isEqualTo("plans/c-1/v2/Plan+2026.pdf");
        assertThat(S3EventSource.encodeKey("plans/Māori (1)+x=y:z.pdf"))
                .isEqualTo("plans/M%C4%81ori+%281%29%2Bx%3Dy%3Az.pdf");
        assertThat(List.of("a-b_c.d*e", "~", "%")).extracting(S3EventSource::encodeKey)
                .containsExactly("a-b_c.d*e", "%7E", "%25");
    }
}
