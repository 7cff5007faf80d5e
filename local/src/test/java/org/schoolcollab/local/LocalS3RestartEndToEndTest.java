package org.schoolcollab.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** S3 keeps its objects in the data folder: a restart finds them, --fresh starts empty, --in-memory leaves nothing. */
class LocalS3RestartEndToEndTest {
    private static S3Client client() {
        return S3Client.builder().region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .forcePathStyle(true).build();
    }

    @Test
    void objectsSurviveARestartAndFreshEmptiesTheBuckets(@TempDir Path data) throws Exception {
        Path template = Path.of(getClass().getResource("/s3-test-template.yaml").toURI());
        try (LocalRunner first = LocalRunner.start(new LocalRunner.Options(0, data, false, false, template, Map.of()));
             S3Client s3 = client()) {
            s3.putObject(b -> b.bucket("uploads").key("kept/plan.pdf"), RequestBody.fromString("%PDF-kept"));
            assertThat(Files.isDirectory(data.resolve("s3/uploads"))).as("filesystem-backed under <data-dir>/s3").isTrue();
        }
        try (LocalRunner second = LocalRunner.start(new LocalRunner.Options(0, data, false, false, template, Map.of()));
             S3Client s3 = client()) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket("uploads").key("kept/plan.pdf")).asUtf8String()).isEqualTo("%PDF-kept");
        }
        try (LocalRunner fresh = LocalRunner.start(new LocalRunner.Options(0, data, true, false, template, Map.of()));
             S3Client s3 = client()) {
            assertThat(s3.listObjectsV2(b -> b.bucket("uploads")).contents()).as("--fresh starts empty").isEmpty();
        }
    }

    @Test
    void inMemoryLeavesNoFilesBehind() throws Exception {
        Path template = Path.of(getClass().getResource("/s3-test-template.yaml").toURI());
        Path state;
        try (LocalRunner runner = LocalRunner.start(new LocalRunner.Options(0, null, false, true, template, Map.of()));
             S3Client s3 = client()) {
            s3.putObject(b -> b.bucket("uploads").key("gone.pdf"), RequestBody.fromString("%PDF-gone"));
            state = runner.stateDir();
            assertThat(Files.exists(state.resolve("s3/uploads"))).isTrue();
        }
        assertThat(Files.exists(state)).isFalse();
    }
}
