package org.schoolcollab.community;

import org.schoolcollab.api.ApiException;
import org.schoolcollab.api.Caller;
import org.schoolcollab.common.Page;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.Programme;

import java.util.Optional;
import java.util.regex.Pattern;

/** Reading communities: members' schools and staff see one; staff list a programme's. */
public final class CommunityService {
    private static final Pattern ID = Pattern.compile("^[0-9a-f-]{36}$");
    private final CommunityStore store;

    public CommunityService(CommunityStore store) {
        this.store = store;
    }

    public Community get(Caller caller, String id) {
        Optional<Community> found = ID.matcher(id).matches() ? store.find(id) : Optional.empty();
        return found
                .filter(c -> caller.isStaff() || (caller.isSchoolUser() && c.hasMember(caller.schoolNumber().orElseThrow())))
                .orElseThrow(() -> ApiException.notFound("no community " + id));
    }

    public Page<Community> list(Caller caller, Optional<String> programme, Optional<String> status,
                                Optional<String> limit, Optional<String> nextToken) {
        caller.requireStaff();
        Programme p = programme.map(id -> Programme.byId(id).orElseThrow(() -> ApiException.badRequest("programme",
                        "unknown programme '" + id + "'; known: kahui-ako, school-improvement")))
                .orElseThrow(() -> ApiException.badRequest("programme", "is required (kahui-ako or school-improvement)"));
        Optional<CommunityStatus> s = status.map(v -> {
            try {
                return CommunityStatus.valueOf(v);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("status", "unknown status '" + v + "'; one of FORMING, ENDORSED, CLOSED");
            }
        });
        return store.list(p, s, EoiService.pageSize(limit), nextToken);
    }
}
