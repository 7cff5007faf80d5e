package org.schoolcollab.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.community.Community;
import org.schoolcollab.funding.RoleAllocation;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Rejection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@code roleAllocation}: in an endorsement ({@code POST .../plans/{planId}/decision}) and on its own
 * ({@code POST /communities/{id}/role-allocation}). Every school it names must be a member of the community.
 */
public final class RoleAllocationRequest {
    private static final Set<String> FIELDS = Set.of("acrossSchool", "withinSchool", "mergedForExtraAcrossSchool");
    private static final Set<String> ENTRY = Set.of("schoolNumber", "roles");

    private RoleAllocationRequest() {}

    /** The body of POST /communities/{id}/role-allocation. */
    public static RoleAllocation read(JsonNode root, Community community) {
        List<FieldError> errors = new ArrayList<>();
        RoleAllocation allocation = read(root, "", community, errors);
        if (!errors.isEmpty()) {
            throw Rejection.invalid(errors);
        }
        return allocation;
    }

    /**
     * Reads the allocation at {@code node}, adding an error per fault (fields named from {@code prefix}, "" or
     * "roleAllocation."); null when there are faults.
     */
    public static RoleAllocation read(JsonNode node, String prefix, Community community, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new FieldError(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                    "must be an object with acrossSchool, withinSchool and mergedForExtraAcrossSchool"));
            return null;
        }
        int before = errors.size();
        JsonBody.rejectUnknown(node, FIELDS, prefix, errors);
        List<RoleAllocation.SchoolRoles> across = schools(node, prefix, "acrossSchool", community, errors);
        List<RoleAllocation.SchoolRoles> within = schools(node, prefix, "withinSchool", community, errors);
        int merged = 0;
        JsonNode m = node.get("mergedForExtraAcrossSchool");
        if (m != null && !m.isNull()) {
            if (!m.isIntegralNumber() || !m.canConvertToInt() || m.asInt() < 0 || m.asInt() > RoleAllocation.MAX_MERGED) {
                errors.add(new FieldError(prefix + "mergedForExtraAcrossSchool", "must be 0, 1 or 2: the extra "
                        + "across-school roles the community makes by merging within-school roles"));
            } else {
                merged = m.asInt();
            }
        }
        return errors.size() > before ? null : new RoleAllocation(across, within, merged);
    }

    private static List<RoleAllocation.SchoolRoles> schools(JsonNode node, String prefix, String field,
                                                            Community community, List<FieldError> errors) {
        JsonNode list = node.get(field);
        String path = prefix + field;
        if (list == null || list.isNull()) {
            errors.add(new FieldError(path, "is required: the roles each member school generated, "
                    + "as [{\"schoolNumber\": \"1234\", \"roles\": 2}] (an empty list where none)"));
            return List.of();
        }
        if (!list.isArray()) {
            errors.add(new FieldError(path, "must be a list of {schoolNumber, roles}"));
            return List.of();
        }
        List<RoleAllocation.SchoolRoles> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String at = path + "[" + i + "]";
            if (!entry.isObject()) {
                errors.add(new FieldError(at, "must be an object with schoolNumber and roles"));
                continue;
            }
            JsonBody.rejectUnknown(entry, ENTRY, at + ".", errors);
            JsonNode school = entry.get("schoolNumber");
            JsonNode roles = entry.get("roles");
            boolean ok = true;
            if (school == null || !school.isTextual() || school.textValue().isBlank()) {
                errors.add(new FieldError(at + ".schoolNumber", "is required: the member school employing these roles"));
                ok = false;
            } else if (!community.hasMember(school.textValue())) {
                errors.add(new FieldError(at + ".schoolNumber", "school " + school.textValue()
                        + " is not a member of this community"));
                ok = false;
            } else if (!seen.add(school.textValue())) {
                errors.add(new FieldError(at + ".schoolNumber", "school " + school.textValue()
                        + " is listed twice; give its roles once"));
                ok = false;
            }
            if (roles == null || !roles.isIntegralNumber() || !roles.canConvertToInt() || roles.asInt() < 0
                    || roles.asInt() > RoleAllocation.MAX_ROLES_PER_SCHOOL) {
                errors.add(new FieldError(at + ".roles", "must be a whole number from 0 to "
                        + RoleAllocation.MAX_ROLES_PER_SCHOOL));
                ok = false;
            }
            if (ok) {
                out.add(new RoleAllocation.SchoolRoles(school.textValue(), roles.asInt()));
            }
        }
        return out;
    }
}
