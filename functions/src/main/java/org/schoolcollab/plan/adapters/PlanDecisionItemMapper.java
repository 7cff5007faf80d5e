package org.schoolcollab.plan.adapters;

import org.schoolcollab.community.adapters.CommunityItemMapper;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.adapters.Items;
import org.schoolcollab.kernel.adapters.Keys;
import org.schoolcollab.kernel.adapters.SchoolAttributes;
import org.schoolcollab.plan.PlanDecision;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.schoolcollab.kernel.adapters.Items.num;
import static org.schoolcollab.kernel.adapters.Items.s;
import static org.schoolcollab.kernel.adapters.Items.str;

/** pk COMMUNITY#id, sk PLAN_DECISION#planId: at most one decision per plan version, written once. */
public final class PlanDecisionItemMapper {
    /** The plan list reads these items too: their sort keys begin with PLAN, as the plans' own do. */
    public static final String TYPE = "PLAN_DECISION";

    private PlanDecisionItemMapper() {}

    public static Map<String, AttributeValue> toItem(PlanDecision d) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, str(CommunityItemMapper.pk(d.communityId())));
        item.put(Keys.SK, str(TYPE + "#" + d.planId()));
        item.put(Keys.TYPE, str(TYPE));
        item.put("communityId", str(d.communityId()));
        item.put("planId", str(d.planId()));
        item.put("planVersion", num(d.planVersion()));
        item.put("programme", str(d.programme().id()));
        item.put("decision", str(d.decision().name()));
        Items.putIfPresent(item, "comments", d.comments());
        Items.putIfPresent(item, "leaderSchoolNumber", d.leaderSchoolNumber());
        item.put("decidedBySub", str(d.decidedBySub()));
        item.put("decidedByEmail", str(d.decidedByEmail()));
        item.put("decidedAt", str(d.decidedAt().toString()));
        item.put("communityName", str(d.communityName()));
        item.put("contact", SchoolAttributes.contact(d.contact()));
        item.put("members", SchoolAttributes.schools(d.members()));
        item.put("releasesRoles", AttributeValue.fromBool(d.releasesRoles()));
        return item;
    }

    public static PlanDecision fromItem(Map<String, AttributeValue> item) {
        if (!TYPE.equals(Items.optS(item, Keys.TYPE).orElse(""))) {
            throw new IllegalArgumentException("not a plan decision item");
        }
        return new PlanDecision(s(item, "communityId"), s(item, "planId"), Integer.parseInt(Items.n(item, "planVersion")),
                Programme.byId(s(item, "programme")).orElseThrow(() -> new IllegalArgumentException("unknown programme")),
                PlanDecision.Outcome.valueOf(s(item, "decision")), Items.optS(item, "comments").orElse(null),
                Items.optS(item, "leaderSchoolNumber").orElse(null), s(item, "decidedBySub"), s(item, "decidedByEmail"),
                Instant.parse(s(item, "decidedAt")), s(item, "communityName"), SchoolAttributes.contactFrom(item),
                SchoolAttributes.schoolsFrom(item, "members"),
                item.containsKey("releasesRoles") && Boolean.TRUE.equals(item.get("releasesRoles").bool()));
    }
}
