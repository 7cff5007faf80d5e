package org.schoolcollab.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.community.Community;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.kernel.School;

/** The API's representation of a community (openapi.yaml: Community, CommunitySummary). */
public final class CommunityJson {
    private CommunityJson() {}

    public static ObjectNode summary(Community c) {
        ObjectNode o = Json.object();
        o.put("id", c.id());
        o.put("programme", c.programme().id());
        o.put("name", c.name());
        if (c.region() != null) {
            o.put("region", c.region());
        }
        o.put("status", c.status().name());
        o.put("eoiId", c.eoiId());
        if (c.wave() != null) {
            o.put("wave", c.wave());
        }
        o.put("formedAt", c.formedAt().toString());
        o.put("schoolCount", c.members().size());
        o.put("totalRoll", c.totalRoll());
        return o;
    }

    public static ObjectNode full(Community c) {
        ObjectNode o = summary(c);
        ObjectNode contact = o.putObject("contact").put("name", c.contact().name()).put("email", c.contact().email());
        if (c.contact().phone() != null) {
            contact.put("phone", c.contact().phone());
        }
        ArrayNode members = o.putArray("members");
        for (School s : c.members()) {
            members.addObject()
                    .put("schoolNumber", s.schoolNumber())
                    .put("name", s.name())
                    .put("type", s.type().name())
                    .put("roll", s.roll())
                    .put("teacherFte", s.teacherFte());
        }
        return o;
    }
}
