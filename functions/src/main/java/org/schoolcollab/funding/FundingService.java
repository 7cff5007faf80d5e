package org.schoolcollab.funding;

import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.kernel.Actor;

import java.util.ArrayList;
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
    public CommunityFunding forCommunity(Actor actor, String communityId) {
        Community community = communities.get(actor, communityId);
        List<FundingRecord> records = store.forCommunity(community.id());
        Map<String, CommunityFunding.MoneyTotal> money = new TreeMap<>();
        Map<String, CommunityFunding.TimeTotal> time = new TreeMap<>();
        for (FundingRecord r : records) {
            FundingLine line = r.line();
            if (line.amount() != null) {
                money.merge(line.kind() + "|" + line.amount().currency(),
                        new CommunityFunding.MoneyTotal(line.kind(), line.amount()),
                        (a, b) -> new CommunityFunding.MoneyTotal(a.kind(), a.total().plus(b.total())));
            }
            if (line.quantity() != null) {
                time.merge(line.kind() + "|" + line.units(),
                        new CommunityFunding.TimeTotal(line.kind(), line.units(), line.quantity()),
                        (a, b) -> new CommunityFunding.TimeTotal(a.kind(), a.units(), a.quantity().add(b.quantity())));
            }
        }
        return new CommunityFunding(community, records, new ArrayList<>(money.values()), new ArrayList<>(time.values()));
    }
}
