package org.schoolcollab.plan.adapters;

import org.schoolcollab.plan.ObjectRef;
import org.schoolcollab.plan.PlanObjects;
import org.schoolcollab.plan.StoredObject;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.Optional;

/**
 * The plan-received checks' access to the bucket. Where the event names a version (a versioned bucket), every
 * read and the copy are of that version, so a later write to the key cannot change what was checked, and a
 * repeated move finds its source again.
 */
public final class S3PlanObjects implements PlanObjects {
    private final S3Client s3;

    public S3PlanObjects(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public Optional<StoredObject> head(ObjectRef o) {
        try {
            HeadObjectResponse r = s3.headObject(b -> b.bucket(o.bucket()).key(o.key()).versionId(o.versionId()));
            return Optional.of(new StoredObject(o.key(), r.contentLength(), StoredObject.unquoted(r.eTag()),
                    r.versionId() != null ? r.versionId() : o.versionId(), r.contentType()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public byte[] read(ObjectRef o, long first, long last) {
        ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(o.bucket()).key(o.key())
                .versionId(o.versionId()).range("bytes=" + first + "-" + last));
        return bytes.asByteArray();
    }

    @Override
    public void move(ObjectRef o, String toKey) {
        try {
            s3.copyObject(b -> b.sourceBucket(o.bucket()).sourceKey(o.key()).sourceVersionId(o.versionId())
                    .destinationBucket(o.bucket()).destinationKey(toKey));
        } catch (NoSuchKeyException e) {
            return; // moved before
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            return;
        }
        // Without a version id: the key's current object. On a versioned bucket this leaves a delete marker, and
        // the checked version stays readable by id until the lifecycle expires it.
        s3.deleteObject(b -> b.bucket(o.bucket()).key(o.key()));
    }
}
