package org.schoolcollab.community.adapters;

import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityStatus;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.adapters.Items;
import org.schoolcollab.kernel.adapters.Keys;
import org.schoolcollab.kernel.adapters.SchoolAttributes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.schoolcollab.kernel.adapters.Items.num;
import static org.schoolcollab.kernel.adapters.Items.s;
import static org.schoolcollab.kernel.adapters.Items.str;

/** pk COMMUNITY#id, sk COMMUNITY; gsi1 lists a programme's communities, oldest first. */
public final class CommunityItemMapper {
    public static final String TYPE = "COMMUNITY";

    private CommunityItemMapper() {}

    public static String pk(String id) {
        return "COMMUNITY#" + id;
    }

    public static String listPk(Programme programme) {
        return "COMMUNITY#" + programme.id();
    }

    public static Map<String, AttributeValue> key(String id) {
        return Map.of(Keys.PK, str(pk(id)), Keys.SK, str(TYPE));
    }

    public static Map<String, AttributeValue> toItem(Community c) {
        Map<String, AttributeValue> item = new HashMap<>(key(c.id()));
        item.put(Keys.TYPE, str(TYPE));
        item.put(Keys.GSI1_PK, str(listPk(c.programme())));
        // Oldest first whatever the status; a status filter is applied on the query, so a status change
        // never has to move the item within the index.
        item.put(Keys.GSI1_SK, str(Keys.sortable(c.formedAt()) + "#" + c.id()));
        item.put("id", str(c.id()));
        item.put("programme", str(c.programme().id()));
        item.put("name", str(c.name()));
        Items.putIfPresent(item, "region", c.region());
        item.put("contact", SchoolAttributes.contact(c.contact()));
        item.put("members", SchoolAttributes.schools(c.members()));
        item.put("schoolCount", num(c.members().size()));
        item.put("totalRoll", num(c.totalRoll()));
        item.put("status", str(c.status().name()));
        item.put("eoiId", str(c.eoiId()));
        Items.putIfPresent(item, "wave", c.wave());
        item.put("formedAt", str(c.formedAt().toString()));
        return item;
    }

    public static Community fromItem(Map<String, AttributeValue> item) {
        if (!TYPE.equals(Items.optS(item, Keys.TYPE).orElse(""))) {
            throw new IllegalArgumentException("not a community item");
        }
        return new Community(s(item, "id"),
                Programme.byId(s(item, "programme")).orElseThrow(() -> new IllegalArgumentException("unknown programme")),
                s(item, "name"), Items.optS(item, "region").orElse(null), SchoolAttributes.contactFrom(item),
                SchoolAttributes.schoolsFrom(item, "members"), CommunityStatus.valueOf(s(item, "status")),
                s(item, "eoiId"), Items.optS(item, "wave").orElse(null), Instant.parse(s(item, "formedAt")));
    }
}
