package org.schoolcollab.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.funding.CommunityFunding;
import org.schoolcollab.funding.FundingLine;
import org.schoolcollab.funding.FundingRecord;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.kernel.Money;

/** The API's representation of funding (openapi.yaml: CommunityFunding, FundingRecord, Money). */
public final class FundingJson {
    private FundingJson() {}

    /** {@code {"value": "1000.00", "currency": "NZD"}}: money as a decimal string, never a JSON number. */
    public static ObjectNode money(Money m) {
        ObjectNode node = Json.object();
        node.put("value", m.value());
        node.put("currency", m.currency());
        return node;
    }

    public static ObjectNode line(FundingLine line) {
        ObjectNode node = Json.object();
        node.put("kind", line.kind().name());
        node.put("recipientSchoolNumber", line.recipientSchoolNumber());
        if (line.amount() == null) {
            node.putNull("amount");
        } else {
            node.set("amount", money(line.amount()));
        }
        node.put("quantity", line.quantity() == null ? null : line.quantity().toPlainString());
        node.put("units", line.units());
        node.put("period", line.period());
        node.put("policyId", line.policyId());
        node.put("policyVersion", line.policyVersion());
        ObjectNode in = node.putObject("inputs");
        line.inputs().forEach(in::put);
        return node;
    }

    public static ObjectNode forCommunity(CommunityFunding f) {
        ObjectNode body = Json.object();
        body.put("communityId", f.community().id());
        body.put("programme", f.community().programme().id());
        ArrayNode items = body.putArray("records");
        for (FundingRecord r : f.records()) {
            ObjectNode o = line(r.line());
            o.put("sourceId", r.sourceId());
            o.put("createdAt", r.createdAt().toString());
            items.add(o);
        }
        ArrayNode totals = body.putArray("totals");
        f.totals().forEach(t -> totals.addObject().put("kind", t.kind().name())
                .put("currency", t.total().currency()).put("value", t.total().value()));
        ArrayNode timeTotals = body.putArray("timeTotals");
        f.timeTotals().forEach(t -> timeTotals.addObject().put("kind", t.kind().name())
                .put("units", t.units()).put("quantity", t.quantity().toPlainString()));
        return body;
    }
}
