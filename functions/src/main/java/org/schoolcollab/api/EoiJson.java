package org.schoolcollab.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.community.EoiDecision;
import org.schoolcollab.eoi.EoiApplication;
import org.schoolcollab.eoi.ExpressionOfInterest;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.kernel.School;

/** The API's representation of an expression of interest (openapi.yaml: ExpressionOfInterest, EoiSummary). */
public final class EoiJson {
    private EoiJson() {}

    public static ObjectNode full(ExpressionOfInterest eoi) {
        EoiApplication app = eoi.application();
        ObjectNode o = summary(eoi);
        ObjectNode contact = o.putObject("contact");
        contact.put("name", app.contact().name());
        contact.put("email", app.contact().email());
        if (app.contact().phone() != null) {
            contact.put("phone", app.contact().phone());
        }
        ArrayNode schools = o.putArray("schools");
        for (School s : app.schools()) {
            schools.addObject()
                    .put("schoolNumber", s.schoolNumber())
                    .put("name", s.name())
                    .put("type", s.type().name())
                    .put("roll", s.roll())
                    .put("teacherFte", s.teacherFte())
                    .put("boardEndorsed", s.boardEndorsed());
        }
        ArrayNode challenges = o.putArray("proposedChallenges");
        app.proposedChallenges().forEach(c -> challenges.add(c.name()));
        if (app.rationale() != null) {
            o.put("rationale", app.rationale());
        }
        if (eoi.communityId() != null) {
            o.put("communityId", eoi.communityId());
        }
        o.putObject("submittedBy").put("sub", eoi.submittedBySub()).put("email", eoi.submittedByEmail());
        ArrayNode history = o.putArray("history");
        for (ExpressionOfInterest.HistoryEntry h : eoi.history()) {
            ObjectNode entry = history.addObject().put("at", h.at().toString()).put("event", h.event()).put("by", h.by());
            if (h.wave() != null) {
                entry.put("wave", h.wave());
            }
            if (h.reason() != null) {
                entry.put("reason", h.reason());
            }
        }
        return o;
    }

    public static ObjectNode summary(ExpressionOfInterest eoi) {
        EoiApplication app = eoi.application();
        ObjectNode o = Json.object();
        o.put("id", eoi.id());
        o.put("programme", app.programme().id());
        o.put("communityName", app.communityName());
        if (app.region() != null) {
            o.put("region", app.region());
        }
        o.put("status", eoi.status().name());
        o.put("submittedAt", eoi.submittedAt().toString());
        o.put("schoolCount", app.schools().size());
        o.put("totalRoll", app.totalRoll());
        return o;
    }

    public static ObjectNode decision(EoiDecision d) {
        ObjectNode o = Json.object();
        o.put("eoiId", d.eoiId());
        o.put("decision", d.decision().name());
        if (d.wave() != null) {
            o.put("wave", d.wave());
        }
        if (d.reason() != null) {
            o.put("reason", d.reason());
        }
        o.put("decidedAt", d.decidedAt().toString());
        o.putObject("decidedBy").put("sub", d.decidedBySub()).put("email", d.decidedByEmail());
        if (d.communityId() != null) {
            o.put("communityId", d.communityId());
        }
        return o;
    }
}
