package org.schoolcollab.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.grant.Grant;
import org.schoolcollab.kernel.Json;

/** The API's representation of a grant as awarded (openapi.yaml: Grant). */
public final class GrantJson {
    private GrantJson() {}

    public static ObjectNode of(Grant g) {
        ObjectNode o = Json.object();
        o.put("grantId", g.id());
        o.put("communityId", g.communityId());
        o.put("programme", g.programme().id());
        o.put("purpose", g.purpose());
        o.set("amount", FundingJson.money(g.amount()));
        if (g.description() != null) {
            o.put("description", g.description());
        }
        o.put("awardedAt", g.awardedAt().toString());
        o.putObject("awardedBy").put("sub", g.awardedBySub()).put("email", g.awardedByEmail());
        return o;
    }
}
