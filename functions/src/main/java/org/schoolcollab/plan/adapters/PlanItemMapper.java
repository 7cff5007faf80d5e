package org.schoolcollab.plan.adapters;

import org.schoolcollab.community.adapters.CommunityItemMapper;
import org.schoolcollab.kernel.ChallengeArea;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.adapters.Items;
import org.schoolcollab.kernel.adapters.Keys;
import org.schoolcollab.plan.AchievementChallenge;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanFileType;
import org.schoolcollab.plan.PlanStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.schoolcollab.kernel.adapters.Items.num;
import static org.schoolcollab.kernel.adapters.Items.s;
import static org.schoolcollab.kernel.adapters.Items.str;

/**
 * pk COMMUNITY#communityId, sk PLAN#planId: plans sit in their community's partition. Beside them, one
 * PLAN_VERSION#&lt;n&gt; item per version number taken (n zero-padded, so the last sorts last), written in the same
 * transaction as the plan so that a number is never given twice.
 */
public final class PlanItemMapper {
    public static final String TYPE = "PLAN";
    public static final String VERSION_TYPE = "PLAN_VERSION";
    public static final String SK_PREFIX = "PLAN#";
    public static final String VERSION_SK_PREFIX = "PLAN_VERSION#";
    /** What the sort keys of plans, their version markers and their decisions all begin with. */
    public static final String ANY_PLAN_SK_PREFIX = "PLAN";

    private PlanItemMapper() {}

    public static Map<String, AttributeValue> key(String communityId, String planId) {
        return Map.of(Keys.PK, str(CommunityItemMapper.pk(communityId)), Keys.SK, str(SK_PREFIX + planId));
    }

    public static String versionSk(int version) {
        return VERSION_SK_PREFIX + String.format("%010d", version);
    }

    public static Map<String, AttributeValue> versionItem(Plan p) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, str(CommunityItemMapper.pk(p.communityId())));
        item.put(Keys.SK, str(versionSk(p.version())));
        item.put(Keys.TYPE, str(VERSION_TYPE));
        item.put("planId", str(p.planId()));
        item.put("version", num(p.version()));
        return item;
    }

    public static Map<String, AttributeValue> toItem(Plan p) {
        Map<String, AttributeValue> item = new HashMap<>(key(p.communityId(), p.planId()));
        item.put(Keys.TYPE, str(TYPE));
        item.put("planId", str(p.planId()));
        item.put("communityId", str(p.communityId()));
        item.put("programme", str(p.programme().id()));
        item.put("communityName", str(p.communityName()));
        item.put("version", num(p.version()));
        item.put("status", str(p.status().name()));
        item.put("fileName", str(p.fileName()));
        item.put("contentType", str(p.fileType().contentType()));
        item.put("sizeBytes", num(p.sizeBytes()));
        item.put("objectKey", str(p.objectKey()));
        item.put("achievementChallenges", AttributeValue.fromL(p.achievementChallenges().stream()
                .map(c -> AttributeValue.fromM(Map.of("area", str(c.area().name()),
                        "description", str(c.description()), "measure", str(c.measure()))))
                .toList()));
        item.put("registeredBySub", str(p.registeredBySub()));
        item.put("registeredByEmail", str(p.registeredByEmail()));
        item.put("registeredAt", str(p.registeredAt().toString()));
        Items.putIfPresent(item, "receivedAt", p.receivedAt() == null ? null : p.receivedAt().toString());
        Items.putIfPresent(item, "rejectedAt", p.rejectedAt() == null ? null : p.rejectedAt().toString());
        Items.putIfPresent(item, "rejectionReason", p.rejectionReason());
        Items.putIfPresent(item, "objectETag", p.objectETag());
        Items.putIfPresent(item, "objectVersionId", p.objectVersionId());
        Items.putIfPresent(item, "rejectedObjectKey", p.rejectedObjectKey());
        return item;
    }

    public static Plan fromItem(Map<String, AttributeValue> item) {
        if (!TYPE.equals(Items.optS(item, Keys.TYPE).orElse(""))) {
            throw new IllegalArgumentException("not a plan item");
        }
        AttributeValue challenges = item.get("achievementChallenges");
        List<AchievementChallenge> list = challenges == null || !challenges.hasL() ? List.of()
                : challenges.l().stream().map(v -> new AchievementChallenge(ChallengeArea.valueOf(s(v.m(), "area")),
                        s(v.m(), "description"), s(v.m(), "measure"))).toList();
        String contentType = s(item, "contentType");
        return new Plan(s(item, "planId"), s(item, "communityId"),
                Programme.byId(s(item, "programme")).orElseThrow(() -> new IllegalArgumentException("unknown programme")),
                Items.optS(item, "communityName").orElse(""), Integer.parseInt(Items.n(item, "version")),
                PlanStatus.valueOf(s(item, "status")), s(item, "fileName"),
                PlanFileType.byContentType(contentType)
                        .orElseThrow(() -> new IllegalArgumentException("unknown content type " + contentType)),
                Long.parseLong(Items.n(item, "sizeBytes")), s(item, "objectKey"), list,
                s(item, "registeredBySub"), s(item, "registeredByEmail"), Instant.parse(s(item, "registeredAt")),
                Items.optS(item, "receivedAt").map(Instant::parse).orElse(null),
                Items.optS(item, "rejectedAt").map(Instant::parse).orElse(null),
                Items.optS(item, "rejectionReason").orElse(null), Items.optS(item, "objectETag").orElse(null),
                Items.optS(item, "objectVersionId").orElse(null), Items.optS(item, "rejectedObjectKey").orElse(null));
    }
}
