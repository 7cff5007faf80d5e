package org.schoolcollab.visit.adapters;

import org.schoolcollab.community.adapters.CommunityItemMapper;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.adapters.Items;
import org.schoolcollab.kernel.adapters.Keys;
import org.schoolcollab.kernel.adapters.SchoolAttributes;
import org.schoolcollab.visit.ChallengeVisit;
import org.schoolcollab.visit.VisitOutcome;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.schoolcollab.kernel.adapters.Items.num;
import static org.schoolcollab.kernel.adapters.Items.s;
import static org.schoolcollab.kernel.adapters.Items.str;

/**
 * pk COMMUNITY#id, sk VISIT#visitDate#visitId: visits sit in their community's partition, in date order, so one
 * Query read backwards lists them newest first.
 */
public final class VisitItemMapper {
    public static final String TYPE = "VISIT";
    public static final String SK_PREFIX = TYPE + "#";

    private VisitItemMapper() {}

    public static Map<String, AttributeValue> toItem(ChallengeVisit v) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, str(CommunityItemMapper.pk(v.communityId())));
        item.put(Keys.SK, str(SK_PREFIX + v.visitDate() + "#" + v.id()));
        item.put(Keys.TYPE, str(TYPE));
        item.put("visitId", str(v.id()));
        item.put("communityId", str(v.communityId()));
        item.put("programme", str(v.programme().id()));
        item.put("planId", str(v.planId()));
        item.put("planVersion", num(v.planVersion()));
        item.put("visitDate", str(v.visitDate().toString()));
        item.put("outcome", str(v.outcome().name()));
        Items.putIfPresent(item, "notes", v.notes());
        item.put("recordedBySub", str(v.recordedBySub()));
        item.put("recordedByEmail", str(v.recordedByEmail()));
        item.put("recordedAt", str(v.recordedAt().toString()));
        item.put("communityName", str(v.communityName()));
        item.put("contact", SchoolAttributes.contact(v.contact()));
        return item;
    }

    public static ChallengeVisit fromItem(Map<String, AttributeValue> item) {
        if (!TYPE.equals(Items.optS(item, Keys.TYPE).orElse(""))) {
            throw new IllegalArgumentException("not a visit item");
        }
        return new ChallengeVisit(s(item, "visitId"), s(item, "communityId"),
                Programme.byId(s(item, "programme")).orElseThrow(() -> new IllegalArgumentException("unknown programme")),
                s(item, "planId"), Integer.parseInt(Items.n(item, "planVersion")), LocalDate.parse(s(item, "visitDate")),
                VisitOutcome.valueOf(s(item, "outcome")), Items.optS(item, "notes").orElse(null),
                s(item, "recordedBySub"), s(item, "recordedByEmail"), Instant.parse(s(item, "recordedAt")),
                s(item, "communityName"), SchoolAttributes.contactFrom(item));
    }
}
