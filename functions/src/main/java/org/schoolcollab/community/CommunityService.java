package org.schoolcollab.community;

import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Ids;
import org.schoolcollab.kernel.Page;
import org.schoolcollab.kernel.PageRequest;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.Rejection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reading communities: members' schools and staff see one; staff list a programme's. */
public final class CommunityService {
    private final CommunityStore store;

    public CommunityService(CommunityStore store) {
        this.store = store;
    }

    /** The community, to staff and to users of its member schools; to anyone else it does not exist (404). */
    public Community get(Actor actor, String id) {
        Optional<Community> found = Ids.isId(id) ? store.find(id) : Optional.empty();
        return found
                .filter(c -> actor.isStaff() || (actor.isSchoolUser() && c.hasMember(actor.schoolNumber().orElseThrow())))
                .orElseThrow(() -> Rejection.notFound("no community " + id));
    }

    /** A programme's communities, oldest first, for staff. */
    public Page<Community> list(Actor actor, Programme programme, Optional<CommunityStatus> status, PageRequest page) {
        actor.requireStaff();
        return store.list(programme, status, page);
    }

    /** Its plan was endorsed: FORMING becomes ENDORSED (again: no change; a CLOSED community stays closed). */
    public void markEndorsed(String communityId, Instant at) {
        store.markEndorsed(communityId, at);
    }

    /**
     * Every community of the programme that has not closed (forming or endorsed), oldest first: for the yearly
     * allowance, which is the system's doing, not a person's.
     */
    public List<Community> open(Programme programme) {
        return inStatuses(programme, List.of(CommunityStatus.FORMING, CommunityStatus.ENDORSED));
    }

    /** Every community of the programme, closed ones too, oldest first: for finance's report, which names them. */
    public List<Community> every(Actor actor, Programme programme) {
        actor.requireStaff();
        return inStatuses(programme, List.of(CommunityStatus.values()));
    }

    private List<Community> inStatuses(Programme programme, List<CommunityStatus> statuses) {
        List<Community> all = new ArrayList<>();
        for (CommunityStatus status : statuses) {
            PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
            while (true) {
                Page<Community> p = store.list(programme, Optional.of(status), page);
                all.addAll(p.items());
                if (p.nextToken().isEmpty()) {
                    break;
                }
                page = new PageRequest(PageRequest.MAX_LIMIT, p.nextToken());
            }
        }
        all.sort(Comparator.comparing(Community::formedAt));
        return all;
    }
}
