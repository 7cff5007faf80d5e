package org.schoolcollab.testsupport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Json;

import java.util.Optional;
import java.util.Set;

/**
 * Bodies for POST /expressions-of-interest/{id}/decision and POST /communities/{id}/plans/{planId}/decision (with the
 * roles the Ministry's staffing system generated), and the callers of the sample events as Callers.
 */
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

    /**
     * An endorsement naming the leader's school, with no {@code roleAllocation}: what a policy that counts the roles
     * itself takes (policies-test); the shipped kahui-ako policy refuses it with a 400 naming roleAllocation.
     */
    public static String endorse(String leaderSchoolNumber) {
        return Json.write(Json.object().put("decision", "ENDORSED").put("leaderSchoolNumber", leaderSchoolNumber));
    }

    /** An endorsement naming the leader's school, with the roles the staffing system generated. */
    public static String endorse(String leaderSchoolNumber, Roles roles) {
        ObjectNode body = Json.object().put("decision", "ENDORSED").put("leaderSchoolNumber", leaderSchoolNumber);
        body.set("roleAllocation", roles.json());
        return Json.write(body);
    }

    /** An endorsement of the sample community (9101, 9102, 9103) with {@link #sampleRoles()}. */
    public static String endorseWithSampleRoles(String leaderSchoolNumber) {
        return endorse(leaderSchoolNumber, sampleRoles());
    }

    /** Asking for changes, with what to change. */
    public static String changes(String comments) {
        return Json.write(Json.object().put("decision", "CHANGES_REQUESTED").put("comments", comments));
    }

    /**
     * The roles of the sample community (Ōtaki School 9101, Waitohu School 9102, Ōtaki College 9103) as the staffing
     * system might generate them: 1 across-school role at Ōtaki College; within-school roles 1 at Ōtaki School, 2 at
     * Waitohu School and 3 at Ōtaki College; no merge.
     */
    public static Roles sampleRoles() {
        return roles().across("9103", 1).within("9101", 1).within("9102", 2).within("9103", 3);
    }

    /** An empty allocation to add schools' roles to, in order: the body of POST /communities/{id}/role-allocation. */
    public static Roles roles() {
        return new Roles();
    }

    /** A {@code roleAllocation}: each school's generated roles in the order added, and the merge. */
    public static final class Roles {
        private final ObjectNode json = Json.object();

        private Roles() {
            json.putArray("acrossSchool");
            json.putArray("withinSchool");
            json.put("mergedForExtraAcrossSchool", 0);
        }

        public Roles across(String schoolNumber, int roles) {
            ((ArrayNode) json.get("acrossSchool")).addObject().put("schoolNumber", schoolNumber).put("roles", roles);
            return this;
        }

        public Roles within(String schoolNumber, int roles) {
            ((ArrayNode) json.get("withinSchool")).addObject().put("schoolNumber", schoolNumber).put("roles", roles);
            return this;
        }

        public Roles merged(int extraAcrossSchoolRoles) {
            json.put("mergedForExtraAcrossSchool", extraAcrossSchoolRoles);
            return this;
        }

        /** A copy, for a test to break one field of. */
        public ObjectNode json() {
            return json.deepCopy();
        }

        public String text() {
            return Json.write(json);
        }
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
