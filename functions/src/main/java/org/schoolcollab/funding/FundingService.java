package org.schoolcollab.funding;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.api.Caller;
import org.schoolcollab.common.Json;
import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityService;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A community's funding records with totals by kind and currency (and time by kind and units). */
public final class FundingService {
    private final CommunityService communities;
    private final FundingStore store;

    public FundingService(CommunityService communities, FundingStore store) {
        this.communities = communities;
        this.store = store;
    }

    /** Members' schools and staff only: the community check answers 404 to anyone else. */
    public ObjectNode forCommunity(Caller caller, String communityId) {
        Community community = communities.get(caller, communityId);
        List<FundingRecord> records = store.forCommunity(community.id());
        ObjectNode body = Json.object();
        body.put("communityId", community.id());
        body.put("programme", community.programme().id());
        ArrayNode items = body.putArray("records");
        Map<String, Money> money = new TreeMap<>();
        Map<String, BigDecimal> time = new TreeMap<>();
        for (FundingRecord r : records) {
            ObjectNode o = r.line().toJson();
            o.put("sourceId", r.sourceId());
            o.put("createdAt", r.createdAt().toString());
            items.add(o);
            FundingLine line = r.line();
            if (line.amount() != null) {
                money.merge(line.kind() + "|" + line.amount().currency(), line.amount(), Money::plus);
            }
            if (line.quantity() != null) {
                time.merge(line.kind() + "|" + line.units(), line.quantity(), BigDecimal::add);
            }
        }
        ArrayNode totals = body.putArray("totals");
        money.forEach((key, total) -> totals.addObject().put("kind", key.split("\\|")[0])
                .put("currency", total.currency()).put("value", total.value()));
        ArrayNode timeTotals = body.putArray("timeTotals");
        time.forEach((key, total) -> timeTotals.addObject().put("kind", key.split("\\|")[0])
                .put("units", key.split("\\|")[1]).put("quantity", total.toPlainString()));
        return body;
    }
}
