package org.schoolcollab.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.api.DecideEoiRequest;
import org.schoolcollab.api.SubmitEoiRequest;
import org.schoolcollab.community.EoiDecision;
import org.schoolcollab.eoi.ExpressionOfInterest;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.time.Duration;
import java.util.Optional;

/**
 * The steps the fast tier sets its world up with: applications submitted and decided through the services, the
 * commands read from JSON as a request's would be, and the clock a minute on after each step so every record has
 * its own time.
 */
public final class EoiSteps {
    private final InMemoryWorld world;

    public EoiSteps(InMemoryWorld world) {
        this.world = world;
    }

    /** The sample school user (9101) submits the sample body, {@link EoiBodies#valid}. */
    public ExpressionOfInterest submitSample() {
        return submit(DecisionBodies.sampleSchoolUser(), EoiBodies.valid());
    }

    /** A user of the first school submits {@link EoiBodies#withSchools} under this name. */
    public ExpressionOfInterest submit(String communityName, String... schoolNumbers) {
        return submit(DecisionBodies.schoolUser("sub-" + schoolNumbers[0], schoolNumbers[0]),
                EoiBodies.withSchools(communityName, schoolNumbers));
    }

    public ExpressionOfInterest submit(Actor schoolUser, ObjectNode body) {
        ExpressionOfInterest eoi = world.eoiService()
                .submit(schoolUser, SubmitEoiRequest.read(EoiBodies.text(body), Optional.empty())).eoi();
        world.clock.advance(Duration.ofMinutes(1));
        return eoi;
    }

    /** Staff approve it, in the wave when one is given (null: none). */
    public EoiDecision approve(String eoiId, String wave) {
        ObjectNode body = DecisionBodies.object("APPROVED");
        if (wave != null) {
            body.put("wave", wave);
        }
        return decide(eoiId, body);
    }

    public EoiDecision decline(String eoiId, String reason) {
        return decide(eoiId, DecisionBodies.object("DECLINED").put("reason", reason));
    }

    /** The sample member of staff decides with this body. */
    public EoiDecision decide(String eoiId, ObjectNode body) {
        EoiDecision decision = world.formation().decide(DecisionBodies.staff(),
                DecideEoiRequest.read(eoiId, body));
        world.clock.advance(Duration.ofMinutes(1));
        return decision;
    }
}
