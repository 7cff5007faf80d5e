package org.schoolcollab.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.api.Caller;
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
    public static Caller staff() {
        return new Caller(EventFiles.SAMPLE_STAFF_SUB, EventFiles.SAMPLE_STAFF_EMAIL, Set.of(Caller.STAFF),
                Optional.empty());
    }

    /** Another member of programme staff. */
    public static Caller staff(String sub) {
        return new Caller(sub, sub + "@programme-office.example.govt.nz", Set.of(Caller.STAFF), Optional.empty());
    }

    /** The school user of events/submit-eoi.json (school 9101). */
    public static Caller sampleSchoolUser() {
        return new Caller(EventFiles.SAMPLE_SUB, EventFiles.SAMPLE_EMAIL, Set.of(Caller.SCHOOL),
                Optional.of(EventFiles.SAMPLE_SCHOOL));
    }

    public static Caller schoolUser(String sub, String school) {
        return new Caller(sub, sub + "@example.school.nz", Set.of(Caller.SCHOOL), Optional.of(school));
    }
}
