package org.schoolcollab.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Json;

import java.util.Optional;
import java.util.Set;

/** Bodies for POST /expressions-of-interest/{id}/decision, and the callers of the sample events as Callers. */
public final class DecisionBodies {
    /** The wave of events/decide-eoi-approve.json. */
    public static final String SAMPLE_WAVE = "2026 Wave 1";

    private DecisionBodies() {}

    public static String approve() {
        return Json.write(Json.object().put("decision", "APPROVED").put("wave", SAMPLE_WAVE));
    }

    public static String decline(String reason) {
        return Json.write(Json.object().put("decision", "DECLINED").put("reason", reason));
    }

    public static ObjectNode object(String decision) {
        return Json.object().put("decision", decision);
    }

    /** The staff reviewer of the staff events (same sub and email). */
    public static Actor staff() {
        return new Actor(EventFiles.SAMPLE_STAFF_SUB, EventFiles.SAMPLE_STAFF_EMAIL, Set.of(Actor.STAFF),
                Optional.empty());
    }

    /** Another member of programme staff. */
    public static Actor staff(String sub) {
        return new Actor(sub, sub + "@programme-office.example.govt.nz", Set.of(Actor.STAFF), Optional.empty());
    }

    /** The school user of events/submit-eoi.json (school 9101). */
    public static Actor sampleSchoolUser() {
        return new Actor(EventFiles.SAMPLE_SUB, EventFiles.SAMPLE_EMAIL, Set.of(Actor.SCHOOL),
                Optional.of(EventFiles.SAMPLE_SCHOOL));
    }

    public static Actor schoolUser(String sub, String school) {
        return new Actor(sub, sub + "@example.school.nz", Set.of(Actor.SCHOOL), Optional.of(school));
    }
}
