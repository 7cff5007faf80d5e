package org.schoolcollab.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.schoolcollab.kernel.ChallengeArea;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.plan.AchievementChallenge;
import org.schoolcollab.plan.PlanFileType;
import org.schoolcollab.plan.RegisterPlan;
import org.schoolcollab.testsupport.PlanSamples;
import org.schoolcollab.testsupport.Problem;

import java.math.BigDecimal;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Every rule of a plan registration, table-driven: each bad body is a 400 naming exactly the field at fault. */
class RegisterPlanRequestUnitTest {

    private static RegisterPlan valid(ObjectNode body, Programme programme) {
        return RegisterPlanRequest.read(body, programme);
    }

    @Test
    void theSampleBodyIsAKahuiAkoPlanOfThreeChallenges() {
        RegisterPlan r = valid(PlanSamples.body(), Programme.KAHUI_AKO);
        assertThat(r.fileName()).isEqualTo(PlanSamples.SAMPLE_FILE_NAME);
        assertThat(r.fileType()).isEqualTo(PlanFileType.PDF);
        assertThat(r.sizeBytes()).isEqualTo(142);
        assertThat(r.achievementChallenges()).extracting(AchievementChallenge::area)
                .containsExactly(ChallengeArea.ATTENDANCE, ChallengeArea.ACHIEVEMENT, ChallengeArea.TRANSITIONS);
    }

    @Test
    void boundariesThatAreAccepted() {
        ObjectNode docx = PlanSamples.body().put("fileName", "Mahere.DOCX").put("contentType", PlanSamples.DOCX)
                .put("sizeBytes", RegisterPlan.MAX_SIZE_BYTES);
        assertThat(valid(docx, Programme.KAHUI_AKO).fileType()).isEqualTo(PlanFileType.DOCX);
        assertThat(valid(PlanSamples.body().put("sizeBytes", 1), Programme.KAHUI_AKO).sizeBytes()).isEqualTo(1);
        assertThat(valid(challenges(5), Programme.KAHUI_AKO).achievementChallenges()).hasSize(5);
        assertThat(valid(challenges(1), Programme.SCHOOL_IMPROVEMENT).achievementChallenges()).hasSize(1);
        assertThat(valid(challenges(RegisterPlan.MAX_PRIORITIES), Programme.SCHOOL_IMPROVEMENT)
                .achievementChallenges()).hasSize(RegisterPlan.MAX_PRIORITIES);
        ObjectNode twoAchievement = PlanSamples.body();
        ((ObjectNode) twoAchievement.withArray("achievementChallenges").get(0)).put("area", "ACHIEVEMENT");
        assertThat(valid(twoAchievement, Programme.KAHUI_AKO).achievementChallenges())
                .as("two challenges in one area (writing and maths, say)").hasSize(3);
        ObjectNode longText = PlanSamples.body();
        ((ObjectNode) longText.withArray("achievementChallenges").get(0))
                .put("description", "ā".repeat(RegisterPlan.MAX_DESCRIPTION)).put("measure", "ō".repeat(RegisterPlan.MAX_MEASURE));
        assertThat(valid(longText, Programme.KAHUI_AKO).achievementChallenges()).hasSize(3);
        assertThat(valid(PlanSamples.body().put("fileName", "ā".repeat(251) + ".pdf"), Programme.KAHUI_AKO).fileName())
                .hasSize(255);
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                bad("unknown field", b -> b.put("title", "Our plan"), "title"),
                bad("fileName missing", b -> b.remove("fileName"), "fileName"),
                bad("fileName a number", b -> b.put("fileName", 7), "fileName"),
                bad("fileName blank", b -> b.put("fileName", "   "), "fileName"),
                bad("fileName with a folder", b -> b.put("fileName", "../plan.pdf"), "fileName"),
                bad("fileName with a backslash", b -> b.put("fileName", "C:\\plan.pdf"), "fileName"),
                bad("fileName with a newline", b -> b.put("fileName", "plan\n.pdf"), "fileName"),
                bad("fileName of 256 characters", b -> b.put("fileName", "a".repeat(252) + ".pdf"), "fileName"),
                bad("fileName not .pdf for a PDF", b -> b.put("fileName", "plan.docx"), "fileName"),
                bad("fileName not .docx for Word", b -> b.put("contentType", PlanSamples.DOCX), "fileName"),
                bad("contentType missing", b -> b.remove("contentType"), "contentType"),
                bad("contentType text/plain", b -> b.put("contentType", "text/plain"), "contentType"),
                bad("contentType the old Word type", b -> b.put("contentType", "application/msword"), "contentType"),
                bad("contentType in capitals", b -> b.put("contentType", "APPLICATION/PDF"), "contentType"),
                bad("contentType an array", b -> b.putArray("contentType").add(PlanSamples.PDF), "contentType"),
                bad("sizeBytes missing", b -> b.remove("sizeBytes"), "sizeBytes"),
                bad("sizeBytes 0", b -> b.put("sizeBytes", 0), "sizeBytes"),
                bad("sizeBytes negative", b -> b.put("sizeBytes", -1), "sizeBytes"),
                bad("sizeBytes over 25 MiB", b -> b.put("sizeBytes", RegisterPlan.MAX_SIZE_BYTES + 1), "sizeBytes"),
                bad("sizeBytes a fraction", b -> b.put("sizeBytes", new BigDecimal("142.5")), "sizeBytes"),
                bad("sizeBytes a string", b -> b.put("sizeBytes", "142"), "sizeBytes"),
                bad("sizeBytes huge", b -> b.put("sizeBytes", new java.math.BigInteger("99999999999999999999999")), "sizeBytes"),
                bad("challenges missing", b -> b.remove("achievementChallenges"), "achievementChallenges"),
                bad("challenges an object", b -> b.putObject("achievementChallenges"), "achievementChallenges"),
                bad("two challenges", b -> b.withArray("achievementChallenges").remove(2), "achievementChallenges"),
                bad("six challenges", b -> b.set("achievementChallenges", challenges(6).get("achievementChallenges")),
                        "achievementChallenges"),
                bad("a challenge a string", b -> b.withArray("achievementChallenges").set(1, Json.MAPPER.getNodeFactory().textNode("WELLBEING")),
                        "achievementChallenges[1]"),
                bad("a challenge's unknown field", b -> first(b).put("owner", "Mere"), "achievementChallenges[0].owner"),
                bad("area missing", b -> first(b).remove("area"), "achievementChallenges[0].area"),
                bad("area unknown", b -> first(b).put("area", "LITERACY"), "achievementChallenges[0].area"),
                bad("area in lower case", b -> first(b).put("area", "attendance"), "achievementChallenges[0].area"),
                bad("description blank", b -> first(b).put("description", " \t"), "achievementChallenges[0].description"),
                bad("description too long", b -> first(b).put("description", "x".repeat(RegisterPlan.MAX_DESCRIPTION + 1)),
                        "achievementChallenges[0].description"),
                bad("measure missing", b -> first(b).remove("measure"), "achievementChallenges[0].measure"),
                bad("measure a number", b -> first(b).put("measure", 70), "achievementChallenges[0].measure"),
                bad("measure too long", b -> first(b).put("measure", "x".repeat(RegisterPlan.MAX_MEASURE + 1)),
                        "achievementChallenges[0].measure"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badBodies")
    void badBodiesAre400NamingTheField(String name, Consumer<ObjectNode> change, String field) {
        ObjectNode body = PlanSamples.body();
        change.accept(body);
        Problem e = Problem.of(catchThrowable(() -> RegisterPlanRequest.read(body, Programme.KAHUI_AKO)));
        assertThat(e).as(name).isNotNull();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errors()).extracting(FieldError::field).containsExactly(field);
    }

    @Test
    void aClusterNeedsAtLeastOnePriorityAndAtMostTen() {
        Problem none = Problem.of(catchThrowable(() -> RegisterPlanRequest.read(challenges(0), Programme.SCHOOL_IMPROVEMENT)));
        assertThat(none.errors()).extracting(FieldError::field).containsExactly("achievementChallenges");
        assertThat(none.errors().getFirst().message()).contains("school-improvement", "1 to 10 priorities");
        Problem eleven = Problem.of(catchThrowable(() -> RegisterPlanRequest.read(challenges(11), Programme.SCHOOL_IMPROVEMENT)));
        assertThat(eleven.errors()).extracting(FieldError::field).containsExactly("achievementChallenges");
    }

    @Test
    void everyFieldAtFaultIsNamedAtOnce() {
        ObjectNode body = PlanSamples.body().put("contentType", "image/png").put("sizeBytes", 0).put("extra", true);
        first(body).remove("measure");
        Problem e = Problem.of(catchThrowable(() -> RegisterPlanRequest.read(body, Programme.KAHUI_AKO)));
        assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "extra", "contentType", "sizeBytes", "achievementChallenges[0].measure");
    }

    private static Arguments bad(String name, Consumer<ObjectNode> change, String field) {
        return Arguments.of(name, change, field);
    }

    private static ObjectNode first(ObjectNode body) {
        return (ObjectNode) body.withArray("achievementChallenges").get(0);
    }

    private static ObjectNode challenges(int n) {
        ObjectNode body = PlanSamples.body();
        ArrayNode list = body.putArray("achievementChallenges");
        for (int i = 0; i < n; i++) {
            list.add(PlanSamples.challenge(ChallengeArea.values()[i % ChallengeArea.values().length].name(),
                    "Challenge " + (i + 1), "Measure " + (i + 1)));
        }
        return body;
    }
}
