package org.schoolcollab.funding.adapters;

import org.schoolcollab.community.adapters.CommunityItemMapper;
import org.schoolcollab.funding.RoleAllocation;
import org.schoolcollab.funding.RolesRecorded;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.adapters.Items;
import org.schoolcollab.kernel.adapters.Keys;
import org.schoolcollab.kernel.adapters.SchoolAttributes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.schoolcollab.kernel.adapters.Items.num;
import static org.schoolcollab.kernel.adapters.Items.s;
import static org.schoolcollab.kernel.adapters.Items.str;

/**
 * pk COMMUNITY#id, sk ROLES: one per community, written once (its insert on the stream releases the roles). The
 * allocation is a map of two lists of {schoolNumber, roles} and the merge count; absent where the policy counted.
 */
public final class RolesRecordedItemMapper {
    public static final String TYPE = "ROLES_RECORDED";
    public static final String SK = "ROLES";

    private RolesRecordedItemMapper() {}

    public static Map<String, AttributeValue> key(String communityId) {
        return Map.of(Keys.PK, str(CommunityItemMapper.pk(communityId)), Keys.SK, str(SK));
    }

    public static Map<String, AttributeValue> toItem(RolesRecorded r) {
        Map<String, AttributeValue> item = new HashMap<>(key(r.communityId()));
        item.put(Keys.TYPE, str(TYPE));
        item.put("communityId", str(r.communityId()));
        item.put("programme", str(r.programme().id()));
        item.put("communityName", str(r.communityName()));
        item.put("contact", SchoolAttributes.contact(r.contact()));
        item.put("members", SchoolAttributes.schools(r.members()));
        item.put("leaderSchoolNumber", str(r.leaderSchoolNumber()));
        r.allocation().ifPresent(a -> item.put("allocation", AttributeValue.fromM(Map.of(
                "acrossSchool", schools(a.acrossSchool()),
                "withinSchool", schools(a.withinSchool()),
                "mergedForExtraAcrossSchool", num(a.mergedForExtraAcrossSchool())))));
        item.put("planId", str(r.planId()));
        item.put("recordedBySub", str(r.recordedBySub()));
        item.put("recordedByEmail", str(r.recordedByEmail()));
        item.put("recordedAt", str(r.recordedAt().toString()));
        return item;
    }

    public static RolesRecorded fromItem(Map<String, AttributeValue> item) {
        if (!TYPE.equals(Items.optS(item, Keys.TYPE).orElse(""))) {
            throw new IllegalArgumentException("not a roles item");
        }
        Optional<RoleAllocation> allocation = Optional.ofNullable(item.get("allocation")).map(AttributeValue::m)
                .map(a -> new RoleAllocation(schoolsFrom(a.get("acrossSchool")), schoolsFrom(a.get("withinSchool")),
                        Integer.parseInt(a.get("mergedForExtraAcrossSchool").n())));
        return new RolesRecorded(s(item, "communityId"),
                Programme.byId(s(item, "programme")).orElseThrow(() -> new IllegalArgumentException("unknown programme")),
                s(item, "communityName"), SchoolAttributes.contactFrom(item), SchoolAttributes.schoolsFrom(item, "members"),
                s(item, "leaderSchoolNumber"), allocation, s(item, "planId"), s(item, "recordedBySub"),
                s(item, "recordedByEmail"), Instant.parse(s(item, "recordedAt")));
    }

    private static AttributeValue schools(List<RoleAllocation.SchoolRoles> roles) {
        return AttributeValue.fromL(roles.stream().map(r -> AttributeValue.fromM(Map.of(
                "schoolNumber", str(r.schoolNumber()), "roles", num(r.roles())))).toList());
    }

    private static List<RoleAllocation.SchoolRoles> schoolsFrom(AttributeValue list) {
        return list.l().stream().map(AttributeValue::m)
                .map(m -> new RoleAllocation.SchoolRoles(m.get("schoolNumber").s(), Integer.parseInt(m.get("roles").n())))
                .toList();
    }
}
