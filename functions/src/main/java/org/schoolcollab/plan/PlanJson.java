package org.schoolcollab.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.common.Json;

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

    public static ObjectNode summary(Plan p) {
        ObjectNode o = Json.object();
        o.put("planId", p.planId());
        o.put("version", p.version());
        o.put("status", p.status().name());
        o.put("fileName", p.fileName());
        o.put("registeredAt", p.registeredAt().toString());
        if (p.receivedAt() != null) {
            o.put("receivedAt", p.receivedAt().toString());
        }
        if (p.rejectionReason() != null) {
            o.put("rejectionReason", p.rejectionReason());
        }
        return o;
    }

    public static ArrayNode summaries(List<Plan> plans) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        plans.forEach(p -> a.add(summary(p)));
        return a;
    }
}
