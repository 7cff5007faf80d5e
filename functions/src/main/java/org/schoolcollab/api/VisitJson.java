package org.schoolcollab.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.visit.ChallengeVisit;

import java.util.List;

/** The API's representation of a challenge visit (openapi.yaml: ChallengeVisit, ChallengeVisitSummary). */
public final class VisitJson {
    private VisitJson() {}

    /** A visit as the community lists it. */
    public static ObjectNode summary(ChallengeVisit v) {
        ObjectNode o = Json.object();
        o.put("visitId", v.id());
        o.put("visitDate", v.visitDate().toString());
        o.put("planId", v.planId());
        o.put("planVersion", v.planVersion());
        o.put("outcome", v.outcome().name());
        if (v.notes() != null) {
            o.put("notes", v.notes());
        }
        o.put("recordedAt", v.recordedAt().toString());
        return o;
    }

    /** The visit as recorded, with its community and who recorded it. */
    public static ObjectNode full(ChallengeVisit v) {
        ObjectNode o = Json.object();
        o.put("visitId", v.id());
        o.put("communityId", v.communityId());
        o.put("programme", v.programme().id());
        o.setAll(summary(v));
        o.putObject("recordedBy").put("sub", v.recordedBySub()).put("email", v.recordedByEmail());
        return o;
    }

    public static ArrayNode list(List<ChallengeVisit> visits) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        visits.forEach(v -> a.add(summary(v)));
        return a;
    }
}
