package org.schoolcollab.testsupport.fakes;

import org.schoolcollab.plan.PlanFileType;
import org.schoolcollab.plan.PlanUrls;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * URLs that say what they were signed for (key, type, size, version), as an S3 presigner's would, without signing:
 * the upload's length is in its URL, as S3PlanUrls signs the content length into its query string.
 */
public final class FakePlanUrls implements PlanUrls {
    private final Clock clock;

    public FakePlanUrls(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Upload upload(String objectKey, PlanFileType type, long sizeBytes) {
        return new Upload("https://plans.example/" + objectKey + "?upload&length=" + sizeBytes, "PUT",
                Map.of("content-type", type.contentType(), "if-none-match", "*"), clock.instant().plus(Duration.ofMinutes(15)));
    }

    @Override
    public Download download(String objectKey, String versionId, String fileName) {
        return new Download("https://plans.example/" + objectKey + "?download" + (versionId == null ? "" : "&v=" + versionId)
                + "&name=" + fileName, clock.instant().plus(Duration.ofMinutes(5)));
    }
}
