package org.schoolcollab.funding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.schoolcollab.api.FundingJson;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.kernel.SchoolType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The roles and inquiry hours an endorsement releases (issue 4), on a worked example whose figures are computed
 * here by hand, not by the rule. The shipped kahui-ako policy leaves the role-count divisors and the secondary
 * leader allowance MUST_BE_SET, so the worked example uses {@code policies-test/kahui-ako.json}: the shipped
 * document with those three set to illustrative values, marked CHOSEN with the source "test-fixture".
 */
class RoleFundingUnitTest {
    private static final FundingPolicy FIXTURE = new FundingPolicies("policies-test").forProgramme("kahui-ako");
    private static final FundingPolicy SHIPPED = FundingPolicies.shipped().forProgramme("kahui-ako");
    private static final FundingPolicy SCHOOL_IMPROVEMENT = FundingPolicies.shipped().forProgramme("school-improvement");
    private static final String ACROSS_DIVISOR = "rules.roles.acrossSchoolTeacher.count.pupilsPerRole";
    private static final String WITHIN_DIVISOR = "rules.roles.withinSchoolTeacher.count.teacherFtePerRole";
    private static final String SECONDARY = "rules.roles.communityLeader.allowance.SECONDARY";

    /*
     * Worked example, a Northcote-like community of 10 schools (the sources report 3 across-school and 16
     * within-school roles for Northcote; the roll and FTE here are made up to fit). Fixture divisors: 1,500 pupils
     * per across-school role, 15 teacher FTE per within-school role, counts rounded down.
     *
     *   school  roll   FTE     4 x FTE  inquiry hours (HALF_UP to a whole hour, at least 50)
     *   1001    1500   80      320      320
     *   1002     800   40      160      160   <- the leader's school, a primary
     *   1003     600   33.5    134      134
     *   1004     500   26.125  104.5    105   (half up)
     *   1005     450   23.075   92.3     92
     *   1006     400   20.3     81.2     81
     *   1007     250   11.5     46       50   (minimum)
     *   1008     160    8       32       50   (minimum)
     *   1009      90    5       20       50   (minimum)
     *   1010      50    2.5     10       50   (minimum)
     *   total   4800  250                1092
     *
     * Across-school roles: floor(4800 / 1500) = floor(3.2)   = 3
     * Within-school roles: floor(250 / 15)    = floor(16.67) = 16
     *
     * NZD a year                 allowance  induction  per role   roles  total      release FTTE
     * leader (primary principal)  25,000     1,000     26,000      1      26,000    0.40
     * across-school teacher       16,000       750     16,750      3      50,250    3 x 0.40 = 1.20
     * within-school teacher        8,000       400      8,400     16     134,400   16 x 0.08 = 1.28
     * total                                                       20     210,650    2.88
     * of which allowances to persons 25,000 + 48,000 + 128,000 = 201,000; induction/networking 1,000 + 2,250 + 6,400 = 9,650.
     */
    private static final List<MemberSchool> TEN_SCHOOLS = List.of(
            school("1001", 1500, "80"),
            school("1002", 800, "40"),
            school("1003", 600, "33.5"),
            school("1004", 500, "26.125"),
            school("1005", 450, "23.075"),
            school("1006", 400, "20.3"),
            school("1007", 250, "11.5"),
            school("1008", 160, "8"),
            school("1009", 90, "5"),
            school("1010", 50, "2.5"));
    private static final EndorsedCommunity NORTHCOTE_LIKE = community("1002", SchoolType.PRIMARY, TEN_SCHOOLS);

    @Test
    void theWorkedExampleReleasesOneLeaderThreeAcrossSixteenWithinAndTenSchoolsInquiryHours() {
        List<ReleasedRole> released = RoleFunding.forEndorsement(FIXTURE, NORTHCOTE_LIKE, Optional.empty());

        List<String> keys = new ArrayList<>(List.of("LEADER", "ACROSS_SCHOOL#1", "ACROSS_SCHOOL#2", "ACROSS_SCHOOL#3"));
        IntStream.rangeClosed(1, 16).forEach(n -> keys.add("WITHIN_SCHOOL#" + n));
        IntStream.rangeClosed(1001, 1010).forEach(n -> keys.add("INQUIRY_HOURS#" + n));
        assertThat(released).extracting(ReleasedRole::key).containsExactlyElementsOf(keys);
        assertThat(released).hasSize(30);

        List<FundingLine> lines = released.stream().map(ReleasedRole::line).toList();
        assertThat(count(lines, FundingKind.COMMUNITY_LEADER_ROLE)).isEqualTo(1);
        assertThat(count(lines, FundingKind.ACROSS_SCHOOL_TEACHER_ROLE)).isEqualTo(3);
        assertThat(count(lines, FundingKind.WITHIN_SCHOOL_TEACHER_ROLE)).isEqualTo(16);
        assertThat(count(lines, FundingKind.INQUIRY_HOURS)).isEqualTo(10);

        // money by kind, as GET /communities/{id}/funding totals it
        assertThat(money(lines, FundingKind.COMMUNITY_LEADER_ROLE)).hasToString("26000.00 NZD");
        assertThat(money(lines, FundingKind.ACROSS_SCHOOL_TEACHER_ROLE)).hasToString("50250.00 NZD");
        assertThat(money(lines, FundingKind.WITHIN_SCHOOL_TEACHER_ROLE)).hasToString("134400.00 NZD");
        assertThat(money(lines, null)).hasToString("210650.00 NZD");
        // the parts, from the itemised inputs
        assertThat(sumInput(lines, "allowance")).isEqualByComparingTo("201000");
        assertThat(sumInput(lines, "inductionAndNetworking")).isEqualByComparingTo("9650");

        // release time by kind
        assertThat(quantity(lines, FundingKind.COMMUNITY_LEADER_ROLE, "FTTE")).isEqualByComparingTo("0.40");
        assertThat(quantity(lines, FundingKind.ACROSS_SCHOOL_TEACHER_ROLE, "FTTE")).isEqualByComparingTo("1.20");
        assertThat(quantity(lines, FundingKind.WITHIN_SCHOOL_TEACHER_ROLE, "FTTE")).isEqualByComparingTo("1.28");
        assertThat(quantity(lines, null, "FTTE")).isEqualByComparingTo("2.88");

        // inquiry hours per school, the four small schools at the 50-hour minimum
        Map<String, String> hours = new LinkedHashMap<>();
        lines.stream().filter(l -> l.kind() == FundingKind.INQUIRY_HOURS)
                .forEach(l -> hours.put(l.recipientSchoolNumber(), l.quantity().toPlainString()));
        assertThat(hours).containsExactly(
                Map.entry("1001", "320"), Map.entry("1002", "160"), Map.entry("1003", "134"),
                Map.entry("1004", "105"), Map.entry("1005", "92"), Map.entry("1006", "81"),
                Map.entry("1007", "50"), Map.entry("1008", "50"), Map.entry("1009", "50"), Map.entry("1010", "50"));
        assertThat(quantity(lines, FundingKind.INQUIRY_HOURS, "HOURS")).isEqualByComparingTo("1092");

        assertThat(lines).allSatisfy(line -> {
            assertThat(line.policyId()).isEqualTo("kahui-ako-funding-test-fixture");
            assertThat(line.policyVersion()).isEqualTo("2");
            assertThat(line.period()).isEqualTo("YEAR");
        });
    }

    @Test
    void theLeaderLineIsTheLeadersSchoolWithAllowanceInductionAndReleaseItemised() {
        FundingLine leader = RoleFunding.forEndorsement(FIXTURE, NORTHCOTE_LIKE, Optional.empty()).getFirst().line();

        assertThat(leader.kind()).isEqualTo(FundingKind.COMMUNITY_LEADER_ROLE);
        assertThat(leader.recipientSchoolNumber()).as("the leader's employing board").isEqualTo("1002");
        assertThat(leader.amount()).hasToString("26000.00 NZD");
        assertThat(leader.quantity()).isEqualTo(new BigDecimal("0.40"));
        assertThat(leader.units()).isEqualTo("FTTE");
        assertThat(leader.inputs())
                .containsEntry("setting", "rules.roles.communityLeader")
                .containsEntry("count", "1")
                .containsEntry("leaderSchoolNumber", "1002")
                .containsEntry("leaderSchoolType", "PRIMARY")
                .containsEntry("allowanceSetting", "rules.roles.communityLeader.allowance.PRIMARY")
                .containsEntry("allowance", "25000.00")
                .containsEntry("allowancePaidTo", "PERSON")
                .containsEntry("inductionAndNetworking", "1000.00")
                .containsEntry("inductionAndNetworkingPaidTo", "EMPLOYING_BOARD")
                .containsEntry("releaseFtte", "0.40")
                .containsEntry("releaseFttePaidTo", "EMPLOYING_BOARD")
                .containsEntry("currency", "NZD")
                .containsKey("formula");
        assertThat(FundingJson.line(leader).get("quantity").textValue()).isEqualTo("0.40");
        assertThat(FundingJson.line(leader).get("amount").toString()).isEqualTo("{\"value\":\"26000.00\",\"currency\":\"NZD\"}");
    }

    @Test
    void teacherRoleLinesNameTheFormulaAndItsInputsAndNoSchool() {
        List<ReleasedRole> released = RoleFunding.forEndorsement(FIXTURE, NORTHCOTE_LIKE, Optional.empty());
        FundingLine across2 = line(released, "ACROSS_SCHOOL#2");
        FundingLine within16 = line(released, "WITHIN_SCHOOL#16");

        assertThat(across2.kind()).isEqualTo(FundingKind.ACROSS_SCHOOL_TEACHER_ROLE);
        assertThat(across2.recipientSchoolNumber()).as("recruited after release").isNull();
        assertThat(across2.amount()).hasToString("16750.00 NZD");
        assertThat(across2.quantity()).isEqualTo(new BigDecimal("0.40"));
        assertThat(across2.inputs())
                .containsEntry("setting", "rules.roles.acrossSchoolTeacher")
                .containsEntry("formula", "count = FLOOR(communityRoll / pupilsPerRole); amount = allowance + inductionAndNetworking; quantity = releaseFtte")
                .containsEntry("roleNumber", "2")
                .containsEntry("count", "3")
                .containsEntry("basis", "COMMUNITY_ROLL")
                .containsEntry("communityRoll", "4800")
                .containsEntry("pupilsPerRole", "1500")
                .containsEntry("rounding", "FLOOR")
                .containsEntry("memberSchools", "1001,1002,1003,1004,1005,1006,1007,1008,1009,1010")
                .containsEntry("allowance", "16000.00")
                .containsEntry("inductionAndNetworking", "750.00")
                .containsEntry("releaseFtte", "0.40");
        assertThat(across2.inputs().get("merge")).startsWith("not applied: ").contains("community's request");

        assertThat(within16.kind()).isEqualTo(FundingKind.WITHIN_SCHOOL_TEACHER_ROLE);
        assertThat(within16.recipientSchoolNumber()).isNull();
        assertThat(within16.amount()).hasToString("8400.00 NZD");
        assertThat(within16.quantity()).isEqualTo(new BigDecimal("0.08"));
        assertThat(within16.inputs())
                .containsEntry("formula", "count = FLOOR(communityTeacherFte / teacherFtePerRole); amount = allowance + inductionAndNetworking; quantity = releaseFtte")
                .containsEntry("roleNumber", "16")
                .containsEntry("count", "16")
                .containsEntry("basis", "COMMUNITY_TEACHER_FTE")
                .containsEntry("communityTeacherFte", "250")
                .containsEntry("teacherFtePerRole", "15")
                .containsEntry("allowance", "8000.00")
                .containsEntry("inductionAndNetworking", "400.00")
                .containsEntry("releaseFtte", "0.08");
    }

    @Test
    void anAuditorCanRecomputeEachRoleLineFromThePolicyVersionAndInputsItNames() {
        for (ReleasedRole a : RoleFunding.forEndorsement(FIXTURE, NORTHCOTE_LIKE, Optional.empty())) {
            FundingLine line = a.line();
            if (line.kind() == FundingKind.INQUIRY_HOURS) {
                continue; // InquiryHoursUnitTest recomputes those
            }
            Map<String, String> in = line.inputs();
            assertThat(FIXTURE.policyId() + "/" + FIXTURE.version()).isEqualTo(line.policyId() + "/" + line.policyVersion());
            String role = in.get("setting");
            Money allowance = FIXTURE.money(in.get("allowanceSetting"));
            Money induction = FIXTURE.money(role + ".inductionAndNetworking");
            assertThat(allowance.value()).isEqualTo(in.get("allowance"));
            assertThat(induction.value()).isEqualTo(in.get("inductionAndNetworking"));
            assertThat(line.amount()).isEqualTo(allowance.plus(induction));
            assertThat(line.quantity()).isEqualTo(FIXTURE.decimal(role + ".releaseFtte"));
            if (in.containsKey("basis")) {
                String divisorKey = in.get("basis").equals("COMMUNITY_ROLL") ? "pupilsPerRole" : "teacherFtePerRole";
                String baseKey = in.get("basis").equals("COMMUNITY_ROLL") ? "communityRoll" : "communityTeacherFte";
                assertThat(new BigDecimal(in.get(divisorKey))).isEqualByComparingTo(FIXTURE.decimal(role + ".count." + divisorKey));
                int count = new BigDecimal(in.get(baseKey)).divide(new BigDecimal(in.get(divisorKey)), 0, RoundingMode.FLOOR).intValue();
                assertThat(in.get("count")).isEqualTo(Integer.toString(count));
            }
        }
    }

    @ParameterizedTest(name = "leader at a {0} school: {1} + 1,000 induction")
    @CsvSource({
            "PRIMARY,   25000.00, 26000.00",
            "AREA,      30000.00, 31000.00",
            "SECONDARY, 12345.00, 13345.00",   // the fixture's made-up value: the shipped policy has none
    })
    void theLeadersAllowanceFollowsTheLeadersSchoolType(SchoolType type, String allowance, String amount) {
        FundingLine leader = RoleFunding.forEndorsement(FIXTURE, community("1001", type, TEN_SCHOOLS), Optional.empty()).getFirst().line();
        assertThat(leader.inputs()).containsEntry("allowance", allowance)
                .containsEntry("leaderSchoolType", type.name())
                .containsEntry("allowanceSetting", "rules.roles.communityLeader.allowance." + type.name());
        assertThat(leader.amount()).isEqualTo(Money.of(amount, "NZD"));
        assertThat(leader.recipientSchoolNumber()).isEqualTo("1001");
    }

    @Test
    void aSecondaryLeaderIsRefusedWhileTheSecondaryAllowanceIsUnset() {
        FundingPolicy unsetSecondary = fixtureWith("secondary unset", doc -> {
            ObjectNode s = figure(doc, SECONDARY);
            s.putNull("amount");
            s.put("status", "MUST_BE_SET");
            s.put("reason", "secondary figure not found");
        });

        PolicySettingMissingException e = catchThrowableOfType(PolicySettingMissingException.class,
                () -> RoleFunding.forEndorsement(unsetSecondary, community("1001", SchoolType.SECONDARY, TEN_SCHOOLS), Optional.empty()));
        assertThat(e.path()).isEqualTo(SECONDARY);
        assertThat(e).hasMessageStartingWith("funding policy setting '" + SECONDARY + "' in ")
                .hasMessageContaining("is MUST_BE_SET and has no value: secondary figure not found")
                .hasMessageNotContaining("also needs");
        // the same policy still releases the roles of a community led from a primary or area school
        assertThat(RoleFunding.forEndorsement(unsetSecondary, community("1001", SchoolType.AREA, TEN_SCHOOLS), Optional.empty())).hasSize(30);
    }

    @Test
    void theShippedPolicyRefusesNamingTheSettingsItStillNeeds() {
        PolicySettingMissingException primary = catchThrowableOfType(PolicySettingMissingException.class,
                () -> RoleFunding.forEndorsement(SHIPPED, NORTHCOTE_LIKE, Optional.empty()));
        assertThat(primary.path()).isEqualTo(ACROSS_DIVISOR);
        assertThat(primary.resource()).isEqualTo("policies/kahui-ako.json");
        assertThat(primary).hasMessageStartingWith("funding policy setting 'rules.roles.acrossSchoolTeacher.count.pupilsPerRole' "
                        + "in policies/kahui-ako.json (kahui-ako-funding v1) is MUST_BE_SET and has no value: ")
                .hasMessageContaining("Role funding also needs 'rules.roles.withinSchoolTeacher.count.teacherFtePerRole', MUST_BE_SET as well.")
                .hasMessageNotContaining(SECONDARY);

        PolicySettingMissingException secondary = catchThrowableOfType(PolicySettingMissingException.class,
                () -> RoleFunding.forEndorsement(SHIPPED, community("1001", SchoolType.SECONDARY, TEN_SCHOOLS), Optional.empty()));
        assertThat(secondary.path()).isEqualTo(SECONDARY);
        assertThat(secondary).hasMessageStartingWith("funding policy setting 'rules.roles.communityLeader.allowance.SECONDARY' "
                        + "in policies/kahui-ako.json (kahui-ako-funding v1) is MUST_BE_SET and has no value: ")
                .hasMessageContaining("Role funding also needs 'rules.roles.acrossSchoolTeacher.count.pupilsPerRole', "
                        + "'rules.roles.withinSchoolTeacher.count.teacherFtePerRole', MUST_BE_SET as well.");
    }

    @Test
    void schoolImprovementReleasesNothing() {
        EndorsedCommunity cluster = community("1001", SchoolType.SECONDARY, TEN_SCHOOLS.subList(0, 3));
        assertThat(RoleFunding.forEndorsement(SCHOOL_IMPROVEMENT, cluster, Optional.empty())).isEmpty();
        assertThat(RoleFunding.rolesApply(SCHOOL_IMPROVEMENT)).isFalse();
        assertThat(RoleFunding.rolesApply(FIXTURE)).isTrue();
    }

    @Test
    void aSmallCommunityGeneratesNoTeacherRolesButItsLeaderAndInquiryHours() {
        // roll 180 + 120 = 300: floor(300 / 1500) = 0 across; FTE 9 + 6 = 15: floor(15 / 15) = 1 within
        EndorsedCommunity small = community("2001", SchoolType.AREA,
                List.of(school("2001", 180, "9"), school("2002", 120, "6")));

        List<ReleasedRole> released = RoleFunding.forEndorsement(FIXTURE, small, Optional.empty());

        assertThat(released).extracting(ReleasedRole::key)
                .containsExactly("LEADER", "WITHIN_SCHOOL#1", "INQUIRY_HOURS#2001", "INQUIRY_HOURS#2002");
        assertThat(released.getFirst().line().amount()).hasToString("31000.00 NZD");
        assertThat(line(released, "WITHIN_SCHOOL#1").inputs()).containsEntry("count", "1");
        // 4 x 9 = 36 and 4 x 6 = 24: both at the minimum
        assertThat(released.subList(2, 4)).extracting(a -> a.line().quantity().toPlainString()).containsExactly("50", "50");
    }

    @Test
    void theSameCommunityAlwaysGetsTheSameKeysAndLines() {
        List<ReleasedRole> first = RoleFunding.forEndorsement(FIXTURE, NORTHCOTE_LIKE, Optional.empty());
        List<ReleasedRole> again = RoleFunding.forEndorsement(FIXTURE, NORTHCOTE_LIKE, Optional.empty());
        assertThat(again).isEqualTo(first);
        assertThat(first).extracting(ReleasedRole::key).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0} = {1} is rejected on load")
    @CsvSource({
            "rules.roles.acrossSchoolTeacher.count.pupilsPerRole,                0,    0",
            "rules.roles.acrossSchoolTeacher.count.pupilsPerRole,                -1500, -1500",
            "rules.roles.withinSchoolTeacher.count.teacherFtePerRole,            '\"0\"', 0",
            "rules.roles.withinSchoolTeacher.count.teacherFtePerRole,            '\"0.0\"', 0.0",
            "rules.roles.withinSchoolTeacher.count.teacherFtePerRole,            '\"-15\"', -15",
            "rules.roles.merge.withinSchoolRolesPerExtraAcrossSchoolRole,        '\"0\"', 0",
    })
    void aDivisorOfZeroOrLessIsRejectedOnLoad(String path, String json, String shown) {
        ObjectNode doc = (ObjectNode) FIXTURE.document();
        figure(doc, path).set("value", parseJson(json));

        PolicyDocumentException e = catchThrowableOfType(PolicyDocumentException.class,
                () -> FundingPolicies.parse("policies-test/zero-divisor.json", doc.toString()));
        assertThat(e).isNotNull();
        assertThat(e.problems()).containsExactly(path + ".value: divides a role count, so must be greater than 0, got " + shown);
    }

    @Test
    void aDivisorThatIsNotANumberIsRejectedOnLoad() {
        ObjectNode doc = (ObjectNode) FIXTURE.document();
        figure(doc, ACROSS_DIVISOR).put("value", "many");
        assertThatThrownBy(() -> FundingPolicies.parse("policies-test/text-divisor.json", doc.toString()))
                .isInstanceOf(PolicyDocumentException.class)
                .hasMessageContaining(ACROSS_DIVISOR + ".value: divides a role count, so must be a number, got \"many\"");
    }

    @Test
    void aPolicyThatWouldMergeAutomaticallyIsRefusedRatherThanIgnored() {
        FundingPolicy automatic = fixtureWith("automatic merge",
                doc -> ((ObjectNode) doc.at("/rules/roles/merge")).put("atCommunityRequest", false));
        assertThat(automatic.flag("rules.roles.merge.atCommunityRequest")).isFalse();
        assertThat(FIXTURE.flag("rules.roles.merge.atCommunityRequest")).isTrue();
        assertThatThrownBy(() -> RoleFunding.forEndorsement(automatic, NORTHCOTE_LIKE, Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not merge automatically");
    }

    @Test
    void aLeaderSchoolTypeThePolicyDoesNotStateIsRefused() {
        assertThatThrownBy(() -> RoleFunding.forEndorsement(FIXTURE, community("1001", SchoolType.INTERMEDIATE, TEN_SCHOOLS), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("states no community leader allowance for a leader whose school type is INTERMEDIATE "
                        + "(it states PRIMARY, AREA, SECONDARY)");
    }

    @Test
    void theCommunityMustBeConsistent() {
        assertThatThrownBy(() -> community("9999", SchoolType.PRIMARY, TEN_SCHOOLS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the leader's school 9999 is not a member of community c-1");
        List<MemberSchool> twice = List.of(TEN_SCHOOLS.get(0), TEN_SCHOOLS.get(1), TEN_SCHOOLS.get(0));
        assertThatThrownBy(() -> community("1001", SchoolType.PRIMARY, twice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("school 1001 is listed more than once");
        FundingLine hours = InquiryHours.forSchool(FIXTURE, TEN_SCHOOLS.getFirst());
        assertThatThrownBy(() -> new ReleasedRole("ACROSS_SCHOOL#0", hours))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a role allocation key");
    }

    @Test
    void theFixtureSetsOnlyTheThreeMissingSettingsAndSaysSo() {
        assertThat(FIXTURE.settingsToSet()).isEmpty();
        for (String path : List.of(SECONDARY, ACROSS_DIVISOR, WITHIN_DIVISOR)) {
            PolicySetting s = FIXTURE.setting(path);
            assertThat(s.status()).as(path).isEqualTo(SettingStatus.CHOSEN);
            assertThat(s.reason()).as(path).startsWith("test fixture");
            assertThat(s.sources()).as(path).containsExactly("test-fixture");
            assertThat(SHIPPED.setting(path).status()).as(path).isEqualTo(SettingStatus.MUST_BE_SET);
        }
        assertThat(FIXTURE.policyId()).isEqualTo("kahui-ako-funding-test-fixture");
    }

    // ------------------------------------------------------------------ helpers: arithmetic only, no rule code

    private static MemberSchool school(String number, int roll, String fte) {
        return new MemberSchool(number, "Example School " + number, SchoolType.PRIMARY, roll, new BigDecimal(fte));
    }

    private static EndorsedCommunity community(String leaderSchool, SchoolType type, List<MemberSchool> schools) {
        return new EndorsedCommunity("c-1", leaderSchool, type, schools);
    }

    private static FundingLine line(List<ReleasedRole> released, String key) {
        return released.stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow().line();
    }

    private static long count(List<FundingLine> lines, FundingKind kind) {
        return lines.stream().filter(l -> l.kind() == kind).count();
    }

    /** Money of one kind, or of every line with money when kind is null. */
    private static Money money(List<FundingLine> lines, FundingKind kind) {
        return lines.stream().filter(l -> (kind == null || l.kind() == kind) && l.amount() != null)
                .map(FundingLine::amount).reduce(Money.zero("NZD"), Money::plus);
    }

    private static BigDecimal quantity(List<FundingLine> lines, FundingKind kind, String units) {
        return lines.stream().filter(l -> (kind == null || l.kind() == kind) && units.equals(l.units()))
                .map(FundingLine::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal sumInput(List<FundingLine> lines, String input) {
        return lines.stream().filter(l -> l.inputs().containsKey(input))
                .map(l -> new BigDecimal(l.inputs().get(input))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static FundingPolicy fixtureWith(String change, Consumer<ObjectNode> edit) {
        ObjectNode doc = (ObjectNode) FIXTURE.document();
        edit.accept(doc);
        return FundingPolicies.parse("policies-test/kahui-ako.json (" + change + ")", doc.toString());
    }

    private static ObjectNode figure(ObjectNode doc, String path) {
        return (ObjectNode) doc.at("/" + path.replace('.', '/'));
    }

    private static JsonNode parseJson(String json) {
        try {
            return Json.parse(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
