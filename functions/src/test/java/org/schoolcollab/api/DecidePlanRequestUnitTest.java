package org.schoolcollab.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.schoolcollab.community.Community;
import org.schoolcollab.funding.RoleAllocation;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.plan.PlanDecision;
import org.schoolcollab.review.DecidePlan;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolcollab.testsupport.WorldSetUp.fields;
import static org.schoolcollab.testsupport.WorldSetUp.kahuiAko;
import static org.schoolcollab.testsupport.WorldSetUp.refused;

/**
 * Reading a plan decision and its {@code roleAllocation} (in an endorsement, or on its own as the body of POST
 * /communities/{id}/role-allocation), table-driven: each bad body is a 400 naming exactly the fields at fault. The
 * community is the sample's: Ōtaki School 9101, Waitohu School 9102, Ōtaki College 9103.
 */
class DecidePlanRequestUnitTest {
    private static final Community OTAKI = kahuiAko(new InMemoryWorld());

    private static DecidePlan read(String body) {
        return DecidePlanRequest.read(JsonBody.object(body), OTAKI);
    }

    private static RoleAllocation.SchoolRoles roles(String school, int roles) {
        return new RoleAllocation.SchoolRoles(school, roles);
    }

    /** An endorsement of 9101 with the sample roles, changed by {@code edit} (on its roleAllocation). */
    private static String endorsement(Consumer<ObjectNode> edit) {
        ObjectNode body = (ObjectNode) JsonBody.object(DecisionBodies.endorseWithSampleRoles("9101"));
        edit.accept((ObjectNode) body.get("roleAllocation"));
        return Json.write(body);
    }

    private static ObjectNode entry(ObjectNode allocation, String list, int index) {
        return (ObjectNode) allocation.withArray(list).get(index);
    }

    @Test
    void anEndorsementCarriesTheRolesEachSchoolGeneratedInTheOrderGiven() {
        DecidePlan command = read(DecisionBodies.endorse("9101", DecisionBodies.sampleRoles().merged(1)));

        assertThat(command).isEqualTo(new DecidePlan(PlanDecision.Outcome.ENDORSED, null, "9101", Optional.of(
                new RoleAllocation(List.of(roles("9103", 1)), List.of(roles("9101", 1), roles("9102", 2),
                        roles("9103", 3)), 1))));
        assertThat(command.roleAllocation().orElseThrow().acrossSchoolGenerated()).isEqualTo(1);
        assertThat(command.roleAllocation().orElseThrow().withinSchoolGenerated()).isEqualTo(6);
    }

    @Test
    void theAllocationIsOptionalAndMayListNoRolesAtAll() {
        assertThat(read(DecisionBodies.endorse("9101")).roleAllocation()).isEmpty();
        assertThat(read("{\"decision\":\"ENDORSED\",\"leaderSchoolNumber\":\"9101\",\"roleAllocation\":null}")
                .roleAllocation()).isEmpty();
        assertThat(read(DecisionBodies.endorse("9101", DecisionBodies.roles())).roleAllocation())
                .contains(new RoleAllocation(List.of(), List.of(), 0));
        assertThat(read(endorsement(a -> a.remove("mergedForExtraAcrossSchool"))).roleAllocation().orElseThrow()
                .mergedForExtraAcrossSchool()).as("no merge unless asked").isZero();
        assertThat(read(endorsement(a -> entry(a, "withinSchool", 0).put("roles", 50))).roleAllocation().orElseThrow()
                .withinSchool().getFirst()).isEqualTo(roles("9101", 50));
    }

    static Stream<Arguments> badAllocations() {
        return Stream.of(
                Arguments.of("a school that is not a member",
                        (Consumer<ObjectNode>) a -> entry(a, "withinSchool", 1).put("schoolNumber", "8101"),
                        "roleAllocation.withinSchool[1].schoolNumber", "school 8101 is not a member of this community"),
                Arguments.of("a school listed twice in one list",
                        (Consumer<ObjectNode>) a -> entry(a, "withinSchool", 2).put("schoolNumber", "9101"),
                        "roleAllocation.withinSchool[2].schoolNumber", "school 9101 is listed twice; give its roles once"),
                Arguments.of("51 roles at one school",
                        (Consumer<ObjectNode>) a -> entry(a, "withinSchool", 1).put("roles", 51),
                        "roleAllocation.withinSchool[1].roles", "must be a whole number from 0 to 50"),
                Arguments.of("a negative count",
                        (Consumer<ObjectNode>) a -> entry(a, "acrossSchool", 0).put("roles", -1),
                        "roleAllocation.acrossSchool[0].roles", "must be a whole number from 0 to 50"),
                Arguments.of("a count with a fraction",
                        (Consumer<ObjectNode>) a -> entry(a, "acrossSchool", 0).put("roles", 1.5),
                        "roleAllocation.acrossSchool[0].roles", "must be a whole number from 0 to 50"),
                Arguments.of("a count as text",
                        (Consumer<ObjectNode>) a -> entry(a, "acrossSchool", 0).put("roles", "2"),
                        "roleAllocation.acrossSchool[0].roles", "must be a whole number from 0 to 50"),
                Arguments.of("no school number",
                        (Consumer<ObjectNode>) a -> entry(a, "acrossSchool", 0).remove("schoolNumber"),
                        "roleAllocation.acrossSchool[0].schoolNumber", "is required: the member school employing these roles"),
                Arguments.of("an entry that is not an object",
                        (Consumer<ObjectNode>) a -> a.withArray("acrossSchool").set(0, Json.object().textNode("9103")),
                        "roleAllocation.acrossSchool[0]", "must be an object with schoolNumber and roles"),
                Arguments.of("three merged",
                        (Consumer<ObjectNode>) a -> a.put("mergedForExtraAcrossSchool", 3),
                        "roleAllocation.mergedForExtraAcrossSchool", "must be 0, 1 or 2: the extra across-school roles "
                                + "the community makes by merging within-school roles"),
                Arguments.of("a merge as text",
                        (Consumer<ObjectNode>) a -> a.put("mergedForExtraAcrossSchool", "1"),
                        "roleAllocation.mergedForExtraAcrossSchool", "must be 0, 1 or 2: the extra across-school roles "
                                + "the community makes by merging within-school roles"),
                Arguments.of("no within-school list",
                        (Consumer<ObjectNode>) a -> a.remove("withinSchool"),
                        "roleAllocation.withinSchool", "is required: the roles each member school generated, as "
                                + "[{\"schoolNumber\": \"1234\", \"roles\": 2}] (an empty list where none)"),
                Arguments.of("a list that is not a list",
                        (Consumer<ObjectNode>) a -> a.put("acrossSchool", "9103:1"),
                        "roleAllocation.acrossSchool", "must be a list of {schoolNumber, roles}"),
                Arguments.of("an unknown field in the allocation",
                        (Consumer<ObjectNode>) a -> a.put("leader", 1),
                        "roleAllocation.leader", "is not a known field"),
                Arguments.of("an unknown field in an entry",
                        (Consumer<ObjectNode>) a -> entry(a, "withinSchool", 1).put("fte", "0.08"),
                        "roleAllocation.withinSchool[1].fte", "is not a known field"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAllocations")
    void aBadAllocationIsA400NamingTheFieldAtFault(String what, Consumer<ObjectNode> edit, String field, String message) {
        Rejection.Invalid invalid = refused(Rejection.Invalid.class, () -> read(endorsement(edit)));

        assertThat(invalid.errors()).containsExactly(new FieldError(field, message));
    }

    @Test
    void everyFaultIsNamedAtOnceWithTheDecisionsOwn() {
        ObjectNode body = Json.object().put("decision", "ENDORSED").put("leaderSchoolNumber", "8101").put("amount", 1);
        ObjectNode allocation = DecisionBodies.sampleRoles().merged(3).json();
        entry(allocation, "withinSchool", 1).put("roles", 51);
        entry(allocation, "acrossSchool", 0).put("schoolNumber", "5555");
        body.set("roleAllocation", allocation);

        Rejection.Invalid invalid = refused(Rejection.Invalid.class, () -> read(Json.write(body)));

        assertThat(fields(invalid)).containsExactly("amount", "leaderSchoolNumber",
                "roleAllocation.acrossSchool[0].schoolNumber", "roleAllocation.withinSchool[1].roles",
                "roleAllocation.mergedForExtraAcrossSchool");
    }

    @Test
    void anAllocationGoesWithAnEndorsementOnlyNotWithChangesRequested() {
        ObjectNode body = (ObjectNode) JsonBody.object(DecisionBodies.changes("Add a measure for wellbeing."));
        body.set("roleAllocation", DecisionBodies.sampleRoles().json());

        Rejection.Invalid invalid = refused(Rejection.Invalid.class, () -> read(Json.write(body)));

        assertThat(invalid.errors()).containsExactly(new FieldError("roleAllocation", "goes with an endorsement only: "
                + "roles are released when the plan is endorsed"));
    }

    @Test
    void anAllocationThatIsNotAnObjectIsNamedAsRoleAllocation() {
        Rejection.Invalid invalid = refused(Rejection.Invalid.class,
                () -> read("{\"decision\":\"ENDORSED\",\"leaderSchoolNumber\":\"9101\",\"roleAllocation\":[]}"));

        assertThat(invalid.errors()).containsExactly(new FieldError("roleAllocation",
                "must be an object with acrossSchool, withinSchool and mergedForExtraAcrossSchool"));
    }

    @Test
    void onItsOwnTheAllocationIsTheBodyAndItsFieldsAreNamedWithoutAPrefix() {
        ObjectNode body = DecisionBodies.sampleRoles().json();
        entry(body, "withinSchool", 1).put("roles", 51);
        body.put("decision", "ENDORSED");

        Rejection.Invalid invalid = refused(Rejection.Invalid.class, () -> RoleAllocationRequest.read(body, OTAKI));

        assertThat(fields(invalid)).containsExactly("decision", "withinSchool[1].roles");
        assertThat(RoleAllocationRequest.read(DecisionBodies.sampleRoles().json(), OTAKI))
                .isEqualTo(new RoleAllocation(List.of(roles("9103", 1)),
                        List.of(roles("9101", 1), roles("9102", 2), roles("9103", 3)), 0));
        ArrayNode notAnObject = Json.object().putArray("roles");
        JsonNode array = notAnObject;
        assertThat(refused(Rejection.Invalid.class, () -> RoleAllocationRequest.read(array, OTAKI)).errors())
                .containsExactly(new FieldError("body",
                        "must be an object with acrossSchool, withinSchool and mergedForExtraAcrossSchool"));
    }
}
