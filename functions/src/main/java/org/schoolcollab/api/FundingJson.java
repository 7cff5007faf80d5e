package org.schoolcollab.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.funding.CommunityFunding;
import org.schoolcollab.funding.FundingKind;
import org.schoolcollab.funding.FundingLine;
import org.schoolcollab.funding.FundingRecord;
import org.schoolcollab.funding.ReleasedRole;
import org.schoolcollab.funding.RolesRecorded;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.kernel.Money;

import java.util.List;

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
        ArrayNode status = body.putArray("status");
        f.status().forEach(st -> status.addObject().put("part", st.part().name()).put("state", st.state().name())
                .put("sentence", st.sentence()));
        body.putObject("roles").put("communityLeader", f.roles().communityLeader())
                .put("acrossSchool", f.roles().acrossSchool()).put("withinSchool", f.roles().withinSchool());
        ArrayNode items = body.putArray("records");
        for (FundingRecord r : f.records()) {
            ObjectNode o = line(r.line());
            o.put("sourceId", r.sourceId());
            o.put("createdAt", r.createdAt().toString());
            o.put("year", r.year());
            items.add(o);
        }
        ArrayNode totals = body.putArray("totals");
        f.totals().forEach(t -> totals.addObject().put("kind", t.kind().name())
                .put("currency", t.total().currency()).put("value", t.total().value()));
        ArrayNode yearTotals = body.putArray("yearTotals");
        f.yearTotals().forEach(t -> yearTotals.addObject().put("year", t.year()).put("kind", t.kind().name())
                .put("currency", t.total().currency()).put("value", t.total().value()));
        ArrayNode timeTotals = body.putArray("timeTotals");
        f.timeTotals().forEach(t -> timeTotals.addObject().put("kind", t.kind().name())
                .put("units", t.units()).put("quantity", t.quantity().toPlainString()));
        return body;
    }

    /** What staff recorded, and what it releases (openapi.yaml: RolesRecorded). */
    public static ObjectNode roles(RolesRecorded r, List<ReleasedRole> releases) {
        ObjectNode o = Json.object();
        o.put("communityId", r.communityId());
        o.put("planId", r.planId());
        o.put("leaderSchoolNumber", r.leaderSchoolNumber());
        r.allocation().ifPresentOrElse(a -> {
            ObjectNode alloc = o.putObject("roleAllocation");
            ArrayNode across = alloc.putArray("acrossSchool");
            a.acrossSchool().forEach(s -> across.addObject().put("schoolNumber", s.schoolNumber()).put("roles", s.roles()));
            ArrayNode within = alloc.putArray("withinSchool");
            a.withinSchool().forEach(s -> within.addObject().put("schoolNumber", s.schoolNumber()).put("roles", s.roles()));
            alloc.put("mergedForExtraAcrossSchool", a.mergedForExtraAcrossSchool());
        }, () -> o.putNull("roleAllocation"));
        o.put("recordedAt", r.recordedAt().toString());
        o.putObject("recordedBy").put("sub", r.recordedBySub()).put("email", r.recordedByEmail());
        ObjectNode counts = o.putObject("releases");
        counts.put("communityLeader", count(releases, FundingKind.COMMUNITY_LEADER_ROLE));
        counts.put("acrossSchool", count(releases, FundingKind.ACROSS_SCHOOL_TEACHER_ROLE));
        counts.put("withinSchool", count(releases, FundingKind.WITHIN_SCHOOL_TEACHER_ROLE));
        counts.put("inquiryHoursSchools", count(releases, FundingKind.INQUIRY_HOURS));
        return o;
    }

    private static int count(List<ReleasedRole> releases, FundingKind kind) {
        return (int) releases.stream().filter(r -> r.line().kind() == kind).count();
    }
}
