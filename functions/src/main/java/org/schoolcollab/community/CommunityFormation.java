package org.schoolcollab.community;

import org.schoolcollab.eoi.EoiApplication;
import org.schoolcollab.eoi.EoiStatus;
import org.schoolcollab.eoi.EoiStore;
import org.schoolcollab.eoi.ExpressionOfInterest;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Ids;
import org.schoolcollab.kernel.Rejection;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Staff decide on a submitted application: approval forms the community, a decline frees its schools. The store
 * does either in one transaction, conditional on the application still being SUBMITTED, so of two decisions at
 * once only one is recorded.
 */
public final class CommunityFormation {
    public static final int MAX_REASON = 2_000;
    public static final int MAX_WAVE = 50;

    private final EoiStore applications;
    private final DecisionStore decisions;
    private final Clock clock;
    private final Supplier<String> ids;

    public CommunityFormation(EoiStore applications, DecisionStore decisions, Clock clock) {
        this(applications, decisions, clock, Ids.RANDOM);
    }

    public CommunityFormation(EoiStore applications, DecisionStore decisions, Clock clock, Supplier<String> ids) {
        this.applications = applications;
        this.decisions = decisions;
        this.clock = clock;
        this.ids = ids;
    }

    public EoiDecision decide(Actor actor, DecideEoi command) {
        actor.requireStaff();
        String eoiId = command.eoiId();
        ExpressionOfInterest eoi = (Ids.isId(eoiId) ? applications.find(eoiId) : Optional.<ExpressionOfInterest>empty())
                .orElseThrow(() -> Rejection.notFound("no expression of interest " + eoiId));
        if (eoi.status() != EoiStatus.SUBMITTED) {
            throw alreadyDecided(eoi.status());
        }
        Instant now = clock.instant();
        EoiApplication app = eoi.application();
        Optional<Community> community = command.decision() == EoiDecision.Outcome.APPROVED
                ? Optional.of(new Community(ids.get(), app.programme(), app.communityName(), app.region(), app.contact(),
                        app.schools(), CommunityStatus.FORMING, eoi.id(), command.wave(), now))
                : Optional.empty();
        EoiDecision decision = new EoiDecision(eoi.id(), command.decision(), command.wave(), command.reason(),
                actor.sub(), actor.email(), now, community.map(Community::id).orElse(null), app.programme(),
                app.communityName(), app.contact(), app.schools());
        try {
            decisions.recordDecision(eoi, decision, community);
        } catch (DecisionStore.AlreadyDecidedException e) {
            throw alreadyDecided(null);
        }
        return decision;
    }

    private static Rejection alreadyDecided(EoiStatus status) {
        return Rejection.conflict("already-decided", "Already decided",
                "this expression of interest has already been decided" + (status == null ? "" : " (" + status + ")"),
                Map.of());
    }
}
