package org.schoolcollab.plan;

import org.schoolcollab.kernel.Programme;
import org.schoolcollab.notify.Letters;
import org.schoolcollab.notify.Links;
import org.schoolcollab.notify.Notification;
import org.schoolcollab.notify.NotificationDelivery;

import java.util.Objects;
import java.util.Optional;

/**
 * Reaction to a file arriving under plans/: find the plan its key names, check the stored file against the
 * registration, and record the verdict once (conditional on AWAITING_UPLOAD). RECEIVED: staff are told to review
 * it. REJECTED: the reason is recorded, the file is moved to rejected/ (so nothing downstream uses it) and the
 * uploader is told why. Every step is idempotent, so a redelivered event, or one retried after a failure part
 * way, changes nothing that was done and completes what was not.
 */
public final class OnPlanUploaded {
    public static final String TO_STAFF = "PLAN_RECEIVED_STAFF";
    public static final String TO_UPLOADER = "PLAN_REJECTED_UPLOADER";

    private final PlanStore store;
    private final PlanObjects objects;
    private final NotificationDelivery delivery;
    private final String staffAddress;
    private final Links links;

    public OnPlanUploaded(PlanStore store, PlanObjects objects, NotificationDelivery delivery, String staffAddress,
                          Links links) {
        this.store = store;
        this.objects = objects;
        this.delivery = delivery;
        this.staffAddress = staffAddress;
        this.links = links;
    }

    /**
     * One ObjectCreated record: the bucket, the (URL-decoded) key, and the object's ETag and version as S3 sent them.
     * An absent version (an unversioned bucket; the runtime's event model reads it as "") or S3's "null" version is
     * null here: the key's current object.
     */
    public record ObjectCreated(String bucket, String key, String eTag, String versionId) {
        public ObjectCreated {
            versionId = versionId == null || versionId.isBlank() || versionId.equals("null") ? null : versionId;
            eTag = eTag == null || eTag.isBlank() ? null : eTag;
        }

        ObjectRef ref() {
            return new ObjectRef(bucket, key, versionId);
        }
    }

    public enum Outcome {
        /** Checked and recorded RECEIVED; staff told. */
        RECEIVED,
        /** Checked and recorded REJECTED; the file moved out, the uploader told. */
        REJECTED,
        /** The plan already has its verdict for this object: nothing changed (what was left undone was completed). */
        ALREADY_DONE,
        /** Another upload to a rejected plan's key: moved out too, nothing else. */
        LATE_UPLOAD_MOVED,
        /** Written after the plan was received: logged; the plan's document stays the checked version. */
        WRITTEN_AFTER_CHECK,
        /** Not a plan file's key, no such plan, or not the key its plan was registered with: ignored. */
        UNKNOWN_KEY,
        /** The object is no longer there: nothing to check (ignored, not retried). */
        OBJECT_GONE
    }

    public record Result(Outcome outcome, String detail) {}

    public Result react(ObjectCreated event) {
        Optional<PlanObjectKeys.PlanRef> ref = PlanObjectKeys.parse(event.key());
        if (ref.isEmpty()) {
            return new Result(Outcome.UNKNOWN_KEY, "not a plan file's key");
        }
        Optional<Plan> plan = store.find(ref.get().communityId(), ref.get().planId());
        if (plan.isEmpty()) {
            return new Result(Outcome.UNKNOWN_KEY, "no plan " + ref.get().planId() + " in community "
                    + ref.get().communityId());
        }
        if (!plan.get().objectKey().equals(event.key())) {
            return new Result(Outcome.UNKNOWN_KEY, "plan " + plan.get().planId() + " was registered for "
                    + plan.get().objectKey());
        }
        return react(plan.get(), event);
    }

    private Result react(Plan plan, ObjectCreated event) {
        return switch (plan.status()) {
            case AWAITING_UPLOAD -> check(plan, event);
            case REJECTED -> completeRejection(plan, event);
            default -> {
                if (sameObject(plan, event)) {
                    notifyStaff(plan);
                    yield new Result(Outcome.ALREADY_DONE, "already " + plan.status());
                }
                yield new Result(Outcome.WRITTEN_AFTER_CHECK, "written after plan " + plan.planId() + " was "
                        + plan.status() + "; its document stays the checked object (ETag " + plan.objectETag() + ")");
            }
        };
    }

    private Result check(Plan plan, ObjectCreated event) {
        ObjectRef object = event.ref();
        Optional<StoredObject> stored = objects.head(object);
        if (stored.isEmpty()) {
            return new Result(Outcome.OBJECT_GONE, "no object " + event.key() + " to check");
        }
        StoredObject checked = stored.get();
        Optional<String> problem = PlanChecker.problem(plan, checked.sizeBytes(), (a, b) -> objects.read(object, a, b));
        var now = delivery.clock().instant();
        boolean recorded = problem.isEmpty()
                ? store.markReceived(plan.communityId(), plan.planId(), now, checked)
                : store.markRejected(plan.communityId(), plan.planId(), problem.get(), now, checked);
        if (!recorded) {
            // Another delivery of the same event, at the same moment, recorded the verdict first: it tells whoever
            // must be told (two concurrent sends of one notification are what NotificationDelivery cannot prevent).
            return new Result(Outcome.ALREADY_DONE, "recorded by a concurrent delivery");
        }
        Plan current = store.find(plan.communityId(), plan.planId()).orElseThrow();
        if (problem.isEmpty()) {
            notifyStaff(current);
            return new Result(Outcome.RECEIVED, plan.fileType() + " of " + checked.sizeBytes() + " bytes");
        }
        completeRejection(current, event);
        return new Result(Outcome.REJECTED, problem.get());
    }

    /** Move the file out and tell the uploader, unless that was done before; both steps are safe to repeat. */
    private Result completeRejection(Plan plan, ObjectCreated event) {
        String rejectedKey = PlanObjectKeys.rejectedKey(plan.objectKey());
        if (plan.rejectedObjectKey() != null && !sameObject(plan, event)) {
            objects.move(event.ref(), rejectedKey);
            return new Result(Outcome.LATE_UPLOAD_MOVED, "plan " + plan.planId() + " was rejected before; this upload "
                    + "was moved to " + rejectedKey + " too");
        }
        boolean moved = plan.rejectedObjectKey() != null;
        if (!moved) {
            objects.move(new ObjectRef(event.bucket(), plan.objectKey(),
                    plan.objectVersionId() != null ? plan.objectVersionId() : event.versionId()), rejectedKey);
            store.markMoved(plan.communityId(), plan.planId(), rejectedKey);
        }
        notifyUploader(plan);
        return new Result(moved ? Outcome.ALREADY_DONE : Outcome.REJECTED, plan.rejectionReason());
    }

    /** The event is of the object the verdict was about (when S3 did not say, assume so: it is a redelivery). */
    private static boolean sameObject(Plan plan, ObjectCreated event) {
        if (event.versionId() != null && plan.objectVersionId() != null) {
            return event.versionId().equals(plan.objectVersionId());
        }
        return event.eTag() == null || plan.objectETag() == null
                || Objects.equals(StoredObject.unquoted(event.eTag()), plan.objectETag());
    }

    private void notifyStaff(Plan p) {
        Programme programme = p.programme();
        String what = programme == Programme.KAHUI_AKO ? "plan" : "action plan";
        delivery.deliverOnce(Notification.pending(Notification.aboutCommunity(p.communityId()), TO_STAFF + "#" + p.planId(),
                staffAddress, "Plan to review: " + p.communityName() + " (version " + p.version() + ")",
                (Letters.article(what).equals("an") ? "An " : "A ") + what + " was received from " + p.communityName()
                        + " (" + Letters.programmeName(programme) + ").\n\n"
                        + "Version: " + p.version() + "\n"
                        + "File: " + p.fileName() + " (" + p.fileType().label() + ", " + size(p.sizeBytes()) + ")\n"
                        + (programme == Programme.KAHUI_AKO ? "Achievement challenges: " : "Priorities: ")
                        + p.achievementChallenges().size() + "\n"
                        + "Uploaded by: " + Letters.person(p.registeredByEmail(), "a school user") + " on " + Letters.date(programme, p.registeredAt()) + "\n\n"
                        + (programme == Programme.KAHUI_AKO
                                ? "Read it and endorse it or ask for changes on the community's page:\n"
                                : "Read it before the cluster's next challenge visit, on its page:\n")
                        + links.community(p.communityId()) + "\n",
                delivery.clock().instant()).withCommunityId(p.communityId()));
    }

    private void notifyUploader(Plan p) {
        Programme programme = p.programme();
        delivery.deliverOnce(Notification.pending(Notification.aboutCommunity(p.communityId()),
                TO_UPLOADER + "#" + p.planId(), p.registeredByEmail(),
                "Plan upload not accepted: " + p.fileName(),
                Letters.greeting(programme, null)
                        + "The file you uploaded as version " + p.version() + " of the " + Letters.plan(programme)
                        + " of " + p.communityName() + " was not accepted:\n\n  " + p.rejectionReason() + "\n\n"
                        + "It has not been kept with your plan. Upload the file again on the " + Letters.community(programme)
                        + "'s page, as a PDF or a Word document of its exact size:\n"
                        + links.community(p.communityId()) + "\n\n"
                        + "The file: " + p.fileName() + " (declared as " + p.fileType().label() + ", " + size(p.sizeBytes())
                        + ")\n" + Letters.signOff(programme),
                delivery.clock().instant()).withCommunityId(p.communityId()));
    }

    /** A size as people read it: "142 bytes", "2.4 MB". */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.UK, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.UK, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
