package org.schoolcollab.community.adapters;

import org.schoolcollab.community.EoiDecision;
import org.schoolcollab.eoi.adapters.EoiItemMapper;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.adapters.Items;
import org.schoolcollab.kernel.adapters.Keys;
import org.schoolcollab.kernel.adapters.SchoolAttributes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.schoolcollab.kernel.adapters.Items.s;
import static org.schoolcollab.kernel.adapters.Items.str;

/** pk EOI#id, sk DECISION: at most one decision per application, written once. */
public final class EoiDecisionItemMapper {
    public static final String TYPE = "DECISION";

    private EoiDecisionItemMapper() {}

    public static Map<String, AttributeValue> toItem(EoiDecision d) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, str(EoiItemMapper.pk(d.eoiId())));
        item.put(Keys.SK, str(TYPE));
        item.put(Keys.TYPE, str(TYPE));
        item.put("eoiId", str(d.eoiId()));
        item.put("decision", str(d.decision().name()));
        Items.putIfPresent(item, "wave", d.wave());
        Items.putIfPresent(item, "reason", d.reason());
        item.put("decidedBySub", str(d.decidedBySub()));
        item.put("decidedByEmail", str(d.decidedByEmail()));
        item.put("decidedAt", str(d.decidedAt().toString()));
        Items.putIfPresent(item, "communityId", d.communityId());
        item.put("programme", str(d.programme().id()));
        item.put("communityName", str(d.communityName()));
        item.put("contact", SchoolAttributes.contact(d.contact()));
        item.put("schools", SchoolAttributes.schools(d.schools()));
        return item;
    }

    public static EoiDecision fromItem(Map<String, AttributeValue> item) {
        if (!TYPE.equals(Items.optS(item, Keys.TYPE).orElse(""))) {
            throw new IllegalArgumentException("not a decision item");
        }
        return new EoiDecision(s(item, "eoiId"), EoiDecision.Outcome.valueOf(s(item, "decision")),
                Items.optS(item, "wave").orElse(null), Items.optS(item, "reason").orElse(null),
                s(item, "decidedBySub"), s(item, "decidedByEmail"), Instant.parse(s(item, "decidedAt")),
                Items.optS(item, "communityId").orElse(null),
                Programme.byId(s(item, "programme")).orElseThrow(() -> new IllegalArgumentException("unknown programme")),
                s(item, "communityName"), SchoolAttributes.contactFrom(item), SchoolAttributes.schoolsFrom(item, "schools"));
    }
}
