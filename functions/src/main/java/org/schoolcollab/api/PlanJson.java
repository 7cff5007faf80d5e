package org.schoolcollab.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanDecision;
import org.schoolcollab.plan.PlanUrls;
import org.schoolcollab.plan.PlanWithReview;

import java.util.List;

/** The API's representation of plans (openapi.yaml: PlanRegistered, PlanDocument, PlanSummary). */
public final class PlanJson {
    private PlanJson() {}

    public static ObjectNode registered(Plan plan, PlanUrls.Upload upload) {
        ObjectNode o = Json.object();
        o.put("planId", plan.planId());
        o.put("version", plan.version());
        ObjectNode u = o.putObject("upload");
        u.put("url", upload.url());
        u.put("method", upload.method());
        ObjectNode headers = u.putObject("headers");
        upload.headers().forEach(headers::put);
        u.put("expiresAt", upload.expiresAt().toString());
        return o;
    }

    public static ObjectNode document(PlanUrls.Download download) {
        return Json.object().put("url", download.url()).put("expiresAt", download.expiresAt().toString());
    }

    /**
     * A plan version as its community lists it (openapi.yaml: PlanSummary): what a timeline needs, from registration
     * to the file check (receivedAt, or rejectedAt with the reason) to staff's review (decidedAt and the review).
     */
    public static ObjectNode summary(PlanWithReview entry) {
        Plan p = entry.plan();
        ObjectNode o = Json.object();
        o.put("planId", p.planId());
        o.put("version", p.version());
        o.put("status", p.status().name());
        o.put("fileName", p.fileName());
        o.put("contentType", p.fileType().contentType());
        o.put("sizeBytes", p.sizeBytes());
        o.put("registeredAt", p.registeredAt().toString());
        if (p.receivedAt() != null) {
            o.put("receivedAt", p.receivedAt().toString());
        }
        if (p.rejectedAt() != null) {
            o.put("rejectedAt", p.rejectedAt().toString());
        }
        if (p.rejectionReason() != null) {
            o.put("rejectionReason", p.rejectionReason());
        }
        entry.review().ifPresent(r -> {
            o.put("decidedAt", r.decidedAt().toString());
            ObjectNode review = o.putObject("review");
            review.put("decision", r.decision().name());
            if (r.comments() != null) {
                review.put("comments", r.comments());
            }
            if (r.leaderSchoolNumber() != null) {
                review.put("leaderSchoolNumber", r.leaderSchoolNumber());
            }
            review.put("decidedAt", r.decidedAt().toString());
        });
        return o;
    }

    /** A decision as recorded (openapi.yaml: PlanDecision). */
    public static ObjectNode decision(PlanDecision d) {
        ObjectNode o = Json.object();
        o.put("communityId", d.communityId());
        o.put("planId", d.planId());
        o.put("planVersion", d.planVersion());
        o.put("decision", d.decision().name());
        if (d.comments() != null) {
            o.put("comments", d.comments());
        }
        if (d.leaderSchoolNumber() != null) {
            o.put("leaderSchoolNumber", d.leaderSchoolNumber());
        }
        o.put("decidedAt", d.decidedAt().toString());
        o.putObject("decidedBy").put("sub", d.decidedBySub()).put("email", d.decidedByEmail());
        o.put("releasesRoles", d.releasesRoles());
        return o;
    }

    public static ArrayNode summaries(List<PlanWithReview> plans) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        plans.forEach(p -> a.add(summary(p)));
        return a;
    }
}
