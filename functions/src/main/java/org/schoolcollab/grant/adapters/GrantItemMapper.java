package org.schoolcollab.grant.adapters;

import org.schoolcollab.community.adapters.CommunityItemMapper;
import org.schoolcollab.grant.Grant;
import org.schoolcollab.kernel.Money;
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

/** pk COMMUNITY#id, sk GRANT#grantId: grants sit in their community's partition. */
public final class GrantItemMapper {
    public static final String TYPE = "GRANT";

    private GrantItemMapper() {}

    public static Map<String, AttributeValue> toItem(Grant g) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, str(CommunityItemMapper.pk(g.communityId())));
        item.put(Keys.SK, str(TYPE + "#" + g.id()));
        item.put(Keys.TYPE, str(TYPE));
        item.put("grantId", str(g.id()));
        item.put("communityId", str(g.communityId()));
        item.put("programme", str(g.programme().id()));
        item.put("purpose", str(g.purpose()));
        item.put("amount", str(g.amount().value()));
        item.put("currency", str(g.amount().currency()));
        Items.putIfPresent(item, "description", g.description());
        item.put("awardedBySub", str(g.awardedBySub()));
        item.put("awardedByEmail", str(g.awardedByEmail()));
        item.put("awardedAt", str(g.awardedAt().toString()));
        item.put("communityName", str(g.communityName()));
        item.put("contact", SchoolAttributes.contact(g.contact()));
        return item;
    }

    public static Grant fromItem(Map<String, AttributeValue> item) {
        if (!TYPE.equals(Items.optS(item, Keys.TYPE).orElse(""))) {
            throw new IllegalArgumentException("not a grant item");
        }
        return new Grant(s(item, "grantId"), s(item, "communityId"),
                Programme.byId(s(item, "programme")).orElseThrow(() -> new IllegalArgumentException("unknown programme")),
                s(item, "purpose"), Money.of(s(item, "amount"), s(item, "currency")),
                Items.optS(item, "description").orElse(null), s(item, "awardedBySub"), s(item, "awardedByEmail"),
                Instant.parse(s(item, "awardedAt")), s(item, "communityName"), SchoolAttributes.contactFrom(item));
    }
}
