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
 * The roles and inquiry hours a community's recorded roles release (issues 4 and 10), on worked examples whose
 * figures are computed here by hand, not by the rule. Each role is two lines with the role's key: the allowance a
 * year, paid to the person (with the release time, paid to the employing board, as its quantity), and the induction
 * and networking money, paid to the employing board.
 *
 * <p>The counts come from the allocation staff record from the Ministry's staffing system. The shipped kahui-ako
 * policy has no count formula (the Staffing Order's is not public), so the formula's worked example uses
 * {@code policies-test/kahui-ako.json}: the shipped document with its two role-count divisors set to illustrative
 * values, marked CHOSEN with the source "test-fixture".
 */
class RoleFundingUnitTest {
    private static final FundingPolicy FIXTURE = new FundingPolicies("policies-test").forProgramme("kahui-ako");
    private static final FundingPolicy SHIPPED = FundingPolicies.shipped().forProgramme("kahui-ako");
    private static final FundingPolicy SCHOOL_IMPROVEMENT = FundingPolicies.shipped().forProgramme("school-improvement");
    private static final String ACROSS_DIVISOR = "rules.roles.acrossSchoolTeacher.count.pupilsPerRole";
    private static final String WITHIN_DIVISOR = "rules.roles.withinSchoolTeacher.count.teacherFtePerRole";
    private static final String SECONDARY = "rules.roles.communityLeader.allowance.SECONDARY";

    /*
     * Worked example 1, the count formula: a Northcote-like community of 10 schools (the sources report 3
     * across-school and 16 within-school roles for Northcote; the roll and FTE here are made up to fit). Fixture
     * divisors: 1,500 pupils per across-school role, 15 teacher FTE per within-school role, counts rounded down.
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
     * NZD a year                 allowance  roles  allowances   induction  inductions   release FTTE
     *                            (person)                       (board)
     * leader (primary principal)  25,000      1      25,000      1,000       1,000      0.40
     * across-school teacher       16,000      3      48,000        750       2,250      3 x 0.40 = 1.20
     * within-school teacher        8,000     16     128,000        400       6,400      16 x 0.08 = 1.28
     * total                                  20     201,000                  9,650      2.88
     * all money: 201,000 + 9,650 = 210,650, in 20 role lines and 20 induction lines.
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

    /*
     * Worked example 2, an allocation under the shipped policy: six area schools, the leader at 3002.
     *
     *   school  FTE     4 x FTE  inquiry hours   across  within (as the staffing system generated them)
     *   3001    18      72       72              1       2
     *   3002    13.125  52.5     53 (half up)            1      <- the leader's school, an area school
     *   3003     9      36       50 (minimum)    1
     *   3004     8.5    34       50 (minimum)            1
     *   3005     6      24       50 (minimum)
     *   3006     4.2    16.8     50 (minimum)            1
     *                                            2       5
     *
     * NZD a year                 allowance  roles  allowances   induction  inductions   release FTTE
     * leader (area principal)     30,000      1      30,000      1,000       1,000      0.40
     * across-school teacher       16,000      2      32,000        750       1,500      2 x 0.40 = 0.80
     * within-school teacher        8,000      5      40,000        400       2,000      5 x 0.08 = 0.40
     * total                                   8     102,000                  4,500      1.60
     */
    private static final List<MemberSchool> SIX_AREA_SCHOOLS = List.of(
            area("3001", "18"), area("3002", "13.125"), area("3003", "9"),
            area("3004", "8.5"), area("3005", "6"), area("3006", "4.2"));
    private static final EndorsedCommunity SIX_AREA = community("3002", SchoolType.AREA, SIX_AREA_SCHOOLS);
    private static final RoleAllocation TWO_ACROSS_FIVE_WITHIN = allocation(
            List.of(roles("3001", 1), roles("3003", 1)),
            List.of(roles("3001", 2), roles("3002", 1), roles("3004", 1), roles("3006", 1)), 0);

    // ------------------------------------------------------------------ with an allocation (the shipped policy)

    @Test
    void anAllocationOfTwoAcrossAndFiveWithinSchoolRolesReleasesThemEachWithItsInductionLine() {
        List<ReleasedRole> released = RoleFunding.forEndorsement(SHIPPED, SIX_AREA, Optional.of(TWO_ACROSS_FIVE_WITHIN));

        assertThat(released).extracting(r -> r.key() + " " + r.line().kind() + " " + r.line().recipientSchoolNumber()
                + " " + r.line().amount()).containsExactly(
                "LEADER COMMUNITY_LEADER_ROLE 3002 30000.00 NZD",
                "LEADER ROLE_INDUCTION_AND_NETWORKING 3002 1000.00 NZD",
                "ACROSS_SCHOOL#1 ACROSS_SCHOOL_TEACHER_ROLE 3001 16000.00 NZD",
                "ACROSS_SCHOOL#1 ROLE_INDUCTION_AND_NETWORKING 3001 750.00 NZD",
                "ACROSS_SCHOOL#2 ACROSS_SCHOOL_TEACHER_ROLE 3003 16000.00 NZD",
                "ACROSS_SCHOOL#2 ROLE_INDUCTION_AND_NETWORKING 3003 750.00 NZD",
                "WITHIN_SCHOOL#1 WITHIN_SCHOOL_TEACHER_ROLE 3001 8000.00 NZD",
                "WITHIN_SCHOOL#1 ROLE_INDUCTION_AND_NETWORKING 3001 400.00 NZD",
                "WITHIN_SCHOOL#2 WITHIN_SCHOOL_TEACHER_ROLE 3001 8000.00 NZD",
                "WITHIN_SCHOOL#2 ROLE_INDUCTION_AND_NETWORKING 3001 400.00 NZD",
                "WITHIN_SCHOOL#3 WITHIN_SCHOOL_TEACHER_ROLE 3002 8000.00 NZD",
                "WITHIN_SCHOOL#3 ROLE_INDUCTION_AND_NETWORKING 3002 400.00 NZD",
                "WITHIN_SCHOOL#4 WITHIN_SCHOOL_TEACHER_ROLE 3004 8000.00 NZD",
                "WITHIN_SCHOOL#4 ROLE_INDUCTION_AND_NETWORKING 3004 400.00 NZD",
                "WITHIN_SCHOOL#5 WITHIN_SCHOOL_TEACHER_ROLE 3006 8000.00 NZD",
                "WITHIN_SCHOOL#5 ROLE_INDUCTION_AND_NETWORKING 3006 400.00 NZD",
                "INQUIRY_HOURS#3001 INQUIRY_HOURS 3001 null",
                "INQUIRY_HOURS#3002 INQUIRY_HOURS 3002 null",
                "INQUIRY_HOURS#3003 INQUIRY_HOURS 3003 null",
                "INQUIRY_HOURS#3004 INQUIRY_HOURS 3004 null",
                "INQUIRY_HOURS#3005 INQUIRY_HOURS 3005 null",
                "INQUIRY_HOURS#3006 INQUIRY_HOURS 3006 null");

        List<FundingLine> lines = released.stream().map(ReleasedRole::line).toList();
        assertThat(money(lines, FundingKind.COMMUNITY_LEADER_ROLE)).hasToString("30000.00 NZD");
        assertThat(money(lines, FundingKind.ACROSS_SCHOOL_TEACHER_ROLE)).hasToString("32000.00 NZD");
        assertThat(money(lines, FundingKind.WITHIN_SCHOOL_TEACHER_ROLE)).hasToString("40000.00 NZD");
        assertThat(money(lines, FundingKind.ROLE_INDUCTION_AND_NETWORKING)).hasToString("4500.00 NZD");
        assertThat(money(lines, null)).hasToString("106500.00 NZD");
        assertThat(quantity(lines, null, "FTTE")).isEqualByComparingTo("1.60");
        assertThat(lines).filteredOn(l -> l.kind() == FundingKind.ROLE_INDUCTION_AND_NETWORKING)
                .as("money to the board, no time").allSatisfy(l -> {
                    assertThat(l.quantity()).isNull();
                    assertThat(l.units()).isNull();
                    assertThat(l.inputs()).containsEntry("paidTo", "EMPLOYING_BOARD");
                });
        assertThat(lines.stream().filter(l -> l.kind() == FundingKind.INQUIRY_HOURS)
                .map(l -> l.quantity().toPlainString()).toList()).containsExactly("72", "53", "50", "50", "50", "50");
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.policyId()).isEqualTo("kahui-ako-funding");
            assertThat(line.policyVersion()).isEqualTo("2");
            assertThat(line.period()).isEqualTo("YEAR");
        });
    }

    @Test
    void anAllocatedRoleNamesItsEmployingSchoolAndTheAllocationItCameFrom() {
        List<ReleasedRole> released = RoleFunding.forEndorsement(SHIPPED, SIX_AREA, Optional.of(TWO_ACROSS_FIVE_WITHIN));
        FundingLine across2 = line(released, "ACROSS_SCHOOL#2", FundingKind.ACROSS_SCHOOL_TEACHER_ROLE);
        FundingLine within4 = line(released, "WITHIN_SCHOOL#4", FundingKind.WITHIN_SCHOOL_TEACHER_ROLE);
        FundingLine within4Induction = line(released, "WITHIN_SCHOOL#4", FundingKind.ROLE_INDUCTION_AND_NETWORKING);

        assertThat(across2.quantity()).isEqualTo(new BigDecimal("0.40"));
        assertThat(across2.units()).isEqualTo("FTTE");
        assertThat(across2.inputs()).containsExactly(
                Map.entry("setting", "rules.roles.acrossSchoolTeacher"),
                Map.entry("roleNumber", "2"),
                Map.entry("count", "2"),
                Map.entry("countFrom", "ALLOCATION"),
                Map.entry("basis", "generated by school 3003"),
                Map.entry("acrossSchoolGenerated", "2"),
                Map.entry("withinSchoolGenerated", "5"),
                Map.entry("mergedForExtraAcrossSchool", "0"),
                Map.entry("employingSchoolNumber", "3003"),
                Map.entry("allowanceSetting", "rules.roles.acrossSchoolTeacher.allowance"),
                Map.entry("allowance", "16000.00"),
                Map.entry("allowancePaidTo", "PERSON"),
                Map.entry("releaseFtte", "0.40"),
                Map.entry("releaseFttePaidTo", "EMPLOYING_BOARD"),
                Map.entry("currency", "NZD"));
        assertThat(within4.recipientSchoolNumber()).isEqualTo("3004");
        assertThat(within4.quantity()).isEqualTo(new BigDecimal("0.08"));
        assertThat(within4.inputs()).containsEntry("count", "5").containsEntry("basis", "generated by school 3004");
        assertThat(within4Induction.recipientSchoolNumber()).isEqualTo("3004");
        assertThat(within4Induction.inputs()).containsExactly(
                Map.entry("setting", "rules.roles.withinSchoolTeacher.inductionAndNetworking"),
                Map.entry("role", "WITHIN_SCHOOL#4"),
                Map.entry("amount", "400.00"),
                Map.entry("paidTo", "EMPLOYING_BOARD"),
                Map.entry("currency", "NZD"),
                Map.entry("employingSchoolNumber", "3004"));
    }

    @Test
    void anEarlyLearningServiceOrATertiaryProviderGetsNoInquiryHours() {
        List<MemberSchool> members = new ArrayList<>(SIX_AREA_SCHOOLS);
        members.add(new MemberSchool("3007", "Kōhanga 3007", SchoolType.EARLY_LEARNING, 30, new BigDecimal("4")));
        members.add(new MemberSchool("3008", "Polytechnic 3008", SchoolType.TERTIARY, 900, new BigDecimal("60")));

        List<ReleasedRole> released = RoleFunding.forEndorsement(SHIPPED, community("3002", SchoolType.AREA, members),
                Optional.of(TWO_ACROSS_FIVE_WITHIN));

        assertThat(released).filteredOn(r -> r.line().kind() == FundingKind.INQUIRY_HOURS).extracting(ReleasedRole::key)
                .containsExactly("INQUIRY_HOURS#3001", "INQUIRY_HOURS#3002", "INQUIRY_HOURS#3003",
                        "INQUIRY_HOURS#3004", "INQUIRY_HOURS#3005", "INQUIRY_HOURS#3006");
        assertThat(released).extracting(r -> r.line().recipientSchoolNumber()).doesNotContain("3007", "3008");
    }

    @Test
    void mergingOneExtraAcrossSchoolRoleTakesThreePointThreeWithinSchoolRolesRoundedDownFromTheLastSchools() {
        // 2 across + 1 extra = 3 across-school roles; floor(7 - 3.3) = floor(3.7) = 3 within-school roles, taken
        // from the schools in the order listed: 3001 (2), then 3002 (1); 3004 and 3006 give theirs up.
        RoleAllocation merged = allocation(List.of(roles("3001", 1), roles("3003", 1)),
                List.of(roles("3001", 2), roles("3002", 1), roles("3004", 3), roles("3006", 1)), 1);

        List<ReleasedRole> released = RoleFunding.forEndorsement(SHIPPED, SIX_AREA, Optional.of(merged));

        assertThat(released).filteredOn(r -> r.line().kind() == FundingKind.ACROSS_SCHOOL_TEACHER_ROLE)
                .extracting(r -> r.key() + " " + r.line().recipientSchoolNumber())
                .containsExactly("ACROSS_SCHOOL#1 3001", "ACROSS_SCHOOL#2 3003", "ACROSS_SCHOOL#3 null");
        assertThat(released).filteredOn(r -> r.line().kind() == FundingKind.WITHIN_SCHOOL_TEACHER_ROLE)
                .extracting(r -> r.key() + " " + r.line().recipientSchoolNumber())
                .containsExactly("WITHIN_SCHOOL#1 3001", "WITHIN_SCHOOL#2 3001", "WITHIN_SCHOOL#3 3002");
        FundingLine extra = line(released, "ACROSS_SCHOOL#3", FundingKind.ACROSS_SCHOOL_TEACHER_ROLE);
        assertThat(extra.amount()).hasToString("16000.00 NZD");
        assertThat(extra.inputs()).containsEntry("count", "3")
                .containsEntry("basis", "an extra across-school role from merging 3.3 within-school roles, at the "
                        + "community's request")
                .containsEntry("mergeSetting", "rules.roles.merge.withinSchoolRolesPerExtraAcrossSchoolRole")
                .containsEntry("mergedForExtraAcrossSchool", "1")
                .doesNotContainKey("employingSchoolNumber");
        assertThat(line(released, "WITHIN_SCHOOL#3", FundingKind.WITHIN_SCHOOL_TEACHER_ROLE).inputs())
                .containsEntry("count", "3").containsEntry("withinSchoolGenerated", "7");
        assertThat(RoleFunding.withinAfterMerge(SHIPPED, merged)).isEqualTo(3);
        // merging two of the same seven: floor(7 - 6.6) = 0 within-school roles, 4 across-school roles
        RoleAllocation mergedTwice = allocation(merged.acrossSchool(), merged.withinSchool(), 2);
        assertThat(count(lines(SHIPPED, mergedTwice), FundingKind.ACROSS_SCHOOL_TEACHER_ROLE)).isEqualTo(4);
        assertThat(count(lines(SHIPPED, mergedTwice), FundingKind.WITHIN_SCHOOL_TEACHER_ROLE)).isZero();
    }

    @Test
    void aMergeThatNeedsMoreWithinSchoolRolesThanWereGeneratedIsRefused() {
        RoleAllocation tooFew = allocation(List.of(roles("3001", 1)), List.of(roles("3001", 2), roles("3002", 1)), 1);
        RoleAllocation twiceFromSix = allocation(List.of(), List.of(roles("3001", 6)), 2);

        assertThatThrownBy(() -> RoleFunding.forEndorsement(SHIPPED, SIX_AREA, Optional.of(tooFew)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("merging 1 extra across-school role(s) needs 3.3 within-school roles; the allocation has 3");
        assertThatThrownBy(() -> RoleFunding.forEndorsement(SHIPPED, SIX_AREA, Optional.of(twiceFromSix)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("merging 2 extra across-school role(s) needs 6.6 within-school roles; the allocation has 6");
        assertThat(RoleFunding.withinAfterMerge(SHIPPED, tooFew)).as("refused, not rounded to none").isEqualTo(-1);
    }

    @Test
    void anAllocationNamingASchoolThatIsNotAMemberIsRefused() {
        RoleAllocation stranger = allocation(List.of(roles("9999", 1)), List.of(), 0);

        assertThatThrownBy(() -> RoleFunding.forEndorsement(SHIPPED, SIX_AREA, Optional.of(stranger)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the allocation names school 9999, which is not a member of community c-1");
    }

    @Test
    void withAnAllocationTheShippedPolicyNeedsNoCountFormula() {
        assertThat(RoleFunding.countsRolesItself(SHIPPED)).isFalse();
        assertThat(RoleFunding.countsRolesItself(FIXTURE)).isTrue();
        RoleAllocation none = allocation(List.of(), List.of(), 0);

        assertThat(RoleFunding.forEndorsement(SHIPPED, NORTHCOTE_LIKE, Optional.of(none)))
                .as("the leader and its induction line, and ten schools' inquiry hours").hasSize(12);
    }

    @ParameterizedTest(name = "a leader at a {0} school: {1} a year")
    @CsvSource({
            "PRIMARY,      25000.00",
            "INTERMEDIATE, 25000.00",   // CHOSEN: the primary rate
            "AREA,         30000.00",
            "COMPOSITE,    30000.00",   // CHOSEN: the area rate
            "SECONDARY,    30000.00",   // PUBLISHED in version 2
    })
    void theLeadersAllowanceFollowsTheLeadersSchoolType(SchoolType type, String allowance) {
        List<ReleasedRole> released = RoleFunding.forEndorsement(SHIPPED, community("1001", type, TEN_SCHOOLS),
                Optional.of(allocation(List.of(), List.of(), 0)));
        FundingLine leader = released.getFirst().line();

        assertThat(leader.amount()).as("the allowance only").isEqualTo(Money.of(allowance, "NZD"));
        assertThat(leader.inputs()).containsEntry("allowance", allowance)
                .containsEntry("leaderSchoolType", type.name())
                .containsEntry("allowanceSetting", "rules.roles.communityLeader.allowance." + type.name());
        assertThat(leader.recipientSchoolNumber()).isEqualTo("1001");
        assertThat(released.get(1).line().amount()).as("induction, the same whatever the type")
                .isEqualTo(Money.of("1000.00", "NZD"));
    }

    @Test
    void aLeaderFromASchoolTypeThePolicyStatesNoRateForIsRefused() {
        assertThatThrownBy(() -> RoleFunding.forEndorsement(SHIPPED, community("1001", SchoolType.SPECIAL, TEN_SCHOOLS),
                Optional.of(allocation(List.of(), List.of(), 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("states no community leader allowance for a leader whose school type is SPECIAL "
                        + "(it states PRIMARY, AREA, SECONDARY, INTERMEDIATE, COMPOSITE)");
    }

    // ------------------------------------------------------------------ without an allocation (the count formula)

    @Test
    void theWorkedExampleReleasesOneLeaderThreeAcrossSixteenWithinAndTenSchoolsInquiryHours() {
        List<ReleasedRole> released = RoleFunding.forEndorsement(FIXTURE, NORTHCOTE_LIKE, Optional.empty());

        List<String> keys = new ArrayList<>(List.of("LEADER", "LEADER"));
        IntStream.rangeClosed(1, 3).forEach(n -> keys.addAll(List.of("ACROSS_SCHOOL#" + n, "ACROSS_SCHOOL#" + n)));
        IntStream.rangeClosed(1, 16).forEach(n -> keys.addAll(List.of("WITHIN_SCHOOL#" + n, "WITHIN_SCHOOL#" + n)));
        IntStream.rangeClosed(1001, 1010).forEach(n -> keys.add("INQUIRY_HOURS#" + n));
        assertThat(released).extracting(ReleasedRole::key).containsExactlyElementsOf(keys);
        assertThat(released).hasSize(50);

        List<FundingLine> lines = released.stream().map(ReleasedRole::line).toList();
        assertThat(count(lines, FundingKind.COMMUNITY_LEADER_ROLE)).isEqualTo(1);
        assertThat(count(lines, FundingKind.ACROSS_SCHOOL_TEACHER_ROLE)).isEqualTo(3);
        assertThat(count(lines, FundingKind.WITHIN_SCHOOL_TEACHER_ROLE)).isEqualTo(16);
        assertThat(count(lines, FundingKind.ROLE_INDUCTION_AND_NETWORKING)).isEqualTo(20);
        assertThat(count(lines, FundingKind.INQUIRY_HOURS)).isEqualTo(10);

        // money by kind, as GET /communities/{id}/funding totals it
        assertThat(money(lines, FundingKind.COMMUNITY_LEADER_ROLE)).hasToString("25000.00 NZD");
        assertThat(money(lines, FundingKind.ACROSS_SCHOOL_TEACHER_ROLE)).hasToString("48000.00 NZD");
        assertThat(money(lines, FundingKind.WITHIN_SCHOOL_TEACHER_ROLE)).hasToString("128000.00 NZD");
        assertThat(money(lines, FundingKind.ROLE_INDUCTION_AND_NETWORKING)).hasToString("9650.00 NZD");
        assertThat(money(lines, null)).hasToString("210650.00 NZD");
        // the allowances to persons, from the itemised inputs of the role lines
        assertThat(sumInput(lines, "allowance")).isEqualByComparingTo("201000");

        // release time by kind: on the role lines only
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
            assertThat(line.policyVersion()).isEqualTo("3");
            assertThat(line.period()).isEqualTo("YEAR");
        });
    }

    @Test
    void theLeaderIsTwoLinesTheAllowanceWithItsReleaseTimeAndTheInductionMoneyToTheBoard() {
        List<ReleasedRole> released = RoleFunding.forEndorsement(FIXTURE, NORTHCOTE_LIKE, Optional.empty());
        FundingLine leader = released.get(0).line();
        FundingLine induction = released.get(1).line();

        assertThat(leader.kind()).isEqualTo(FundingKind.COMMUNITY_LEADER_ROLE);
        assertThat(leader.recipientSchoolNumber()).as("the leader's employing board").isEqualTo("1002");
        assertThat(leader.amount()).hasToString("25000.00 NZD");
        assertThat(leader.quantity()).isEqualTo(new BigDecimal("0.40"));
        assertThat(leader.units()).isEqualTo("FTTE");
        assertThat(leader.inputs()).containsExactly(
                Map.entry("setting", "rules.roles.communityLeader"),
                Map.entry("formula", "amount = allowance[leaderSchoolType]; quantity = releaseFtte"),
                Map.entry("count", "1"),
                Map.entry("leaderSchoolNumber", "1002"),
                Map.entry("leaderSchoolType", "PRIMARY"),
                Map.entry("allowanceSetting", "rules.roles.communityLeader.allowance.PRIMARY"),
                Map.entry("allowance", "25000.00"),
                Map.entry("allowancePaidTo", "PERSON"),
                Map.entry("releaseFtte", "0.40"),
                Map.entry("releaseFttePaidTo", "EMPLOYING_BOARD"),
                Map.entry("currency", "NZD"));
        assertThat(FundingJson.line(leader).get("quantity").textValue()).isEqualTo("0.40");
        assertThat(FundingJson.line(leader).get("amount").toString()).isEqualTo("{\"value\":\"25000.00\",\"currency\":\"NZD\"}");

        assertThat(induction.kind()).isEqualTo(FundingKind.ROLE_INDUCTION_AND_NETWORKING);
        assertThat(induction.recipientSchoolNumber()).isEqualTo("1002");
        assertThat(induction.amount()).hasToString("1000.00 NZD");
        assertThat(induction.quantity()).isNull();
        assertThat(induction.period()).isEqualTo("YEAR");
        assertThat(induction.inputs()).containsEntry("setting", "rules.roles.communityLeader.inductionAndNetworking")
                .containsEntry("role", "LEADER").containsEntry("paidTo", "EMPLOYING_BOARD");
        assertThat(FundingJson.line(induction).get("quantity").isNull()).isTrue();
    }

    @Test
    void countedTeacherRolesNameTheFormulaAndItsInputsAndNoSchool() {
        List<ReleasedRole> released = RoleFunding.forEndorsement(FIXTURE, NORTHCOTE_LIKE, Optional.empty());
        FundingLine across2 = line(released, "ACROSS_SCHOOL#2", FundingKind.ACROSS_SCHOOL_TEACHER_ROLE);
        FundingLine within16 = line(released, "WITHIN_SCHOOL#16", FundingKind.WITHIN_SCHOOL_TEACHER_ROLE);

        assertThat(across2.recipientSchoolNumber()).as("no allocation names the employing school").isNull();
        assertThat(across2.amount()).hasToString("16000.00 NZD");
        assertThat(across2.quantity()).isEqualTo(new BigDecimal("0.40"));
        assertThat(across2.inputs())
                .containsEntry("setting", "rules.roles.acrossSchoolTeacher")
                .containsEntry("countFrom", "POLICY_FORMULA")
                .containsEntry("formula", "count = FLOOR(communityRoll / pupilsPerRole)")
                .containsEntry("roleNumber", "2")
                .containsEntry("count", "3")
                .containsEntry("basis", "COMMUNITY_ROLL")
                .containsEntry("communityRoll", "4800")
                .containsEntry("pupilsPerRole", "1500")
                .containsEntry("rounding", "FLOOR")
                .containsEntry("memberSchools", "1001,1002,1003,1004,1005,1006,1007,1008,1009,1010")
                .containsEntry("allowance", "16000.00")
                .containsEntry("releaseFtte", "0.40")
                .doesNotContainKey("employingSchoolNumber");
        assertThat(line(released, "ACROSS_SCHOOL#2", FundingKind.ROLE_INDUCTION_AND_NETWORKING).amount())
                .hasToString("750.00 NZD");

        assertThat(within16.recipientSchoolNumber()).isNull();
        assertThat(within16.amount()).hasToString("8000.00 NZD");
        assertThat(within16.quantity()).isEqualTo(new BigDecimal("0.08"));
        assertThat(within16.inputs())
                .containsEntry("formula", "count = FLOOR(communityTeacherFte / teacherFtePerRole)")
                .containsEntry("roleNumber", "16")
                .containsEntry("count", "16")
                .containsEntry("basis", "COMMUNITY_TEACHER_FTE")
                .containsEntry("communityTeacherFte", "250")
                .containsEntry("teacherFtePerRole", "15")
                .containsEntry("allowance", "8000.00")
                .containsEntry("releaseFtte", "0.08");
        assertThat(line(released, "WITHIN_SCHOOL#16", FundingKind.ROLE_INDUCTION_AND_NETWORKING).amount())
                .hasToString("400.00 NZD");
    }

    @Test
    void anAuditorCanRecomputeEachRoleLineFromThePolicyVersionAndInputsItNames() {
        List<ReleasedRole> all = new ArrayList<>(RoleFunding.forEndorsement(FIXTURE, NORTHCOTE_LIKE, Optional.empty()));
        all.addAll(RoleFunding.forEndorsement(SHIPPED, SIX_AREA, Optional.of(TWO_ACROSS_FIVE_WITHIN)));
        for (ReleasedRole r : all) {
            FundingLine line = r.line();
            if (line.kind() == FundingKind.INQUIRY_HOURS) {
                continue; // InquiryHoursUnitTest recomputes those
            }
            FundingPolicy policy = line.policyId().equals(FIXTURE.policyId()) ? FIXTURE : SHIPPED;
            assertThat(policy.version()).isEqualTo(line.policyVersion());
            Map<String, String> in = line.inputs();
            if (line.kind() == FundingKind.ROLE_INDUCTION_AND_NETWORKING) {
                assertThat(line.amount()).isEqualTo(policy.money(in.get("setting")));
                assertThat(in.get("role")).isEqualTo(r.key());
                continue;
            }
            String role = in.get("setting");
            assertThat(line.amount()).isEqualTo(policy.money(in.get("allowanceSetting")));
            assertThat(line.amount().value()).isEqualTo(in.get("allowance"));
            assertThat(line.quantity()).isEqualTo(policy.decimal(role + ".releaseFtte"));
            if ("POLICY_FORMULA".equals(in.get("countFrom"))) {
                String divisorKey = in.get("basis").equals("COMMUNITY_ROLL") ? "pupilsPerRole" : "teacherFtePerRole";
                String baseKey = in.get("basis").equals("COMMUNITY_ROLL") ? "communityRoll" : "communityTeacherFte";
                assertThat(new BigDecimal(in.get(divisorKey))).isEqualByComparingTo(policy.decimal(role + ".count." + divisorKey));
                int count = new BigDecimal(in.get(baseKey)).divide(new BigDecimal(in.get(divisorKey)), 0, RoundingMode.FLOOR).intValue();
                assertThat(in.get("count")).isEqualTo(Integer.toString(count));
            }
        }
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
        assertThat(RoleFunding.forEndorsement(unsetSecondary, community("1001", SchoolType.AREA, TEN_SCHOOLS), Optional.empty())).hasSize(50);
    }

    @Test
    void withoutAnAllocationTheShippedPolicyRefusesNamingBothCountSettingsItLacks() {
        for (SchoolType leader : List.of(SchoolType.PRIMARY, SchoolType.SECONDARY)) {
            PolicySettingMissingException missing = catchThrowableOfType(PolicySettingMissingException.class,
                    () -> RoleFunding.forEndorsement(SHIPPED, community("1002", leader, TEN_SCHOOLS), Optional.empty()));
            assertThat(missing.path()).isEqualTo(ACROSS_DIVISOR);
            assertThat(missing.resource()).isEqualTo("policies/kahui-ako.json");
            assertThat(missing).hasMessageStartingWith("funding policy setting 'rules.roles.acrossSchoolTeacher.count.pupilsPerRole' "
                            + "in policies/kahui-ako.json (kahui-ako-funding v2) is MUST_BE_SET and has no value: ")
                    .hasMessageContaining("Role funding also needs 'rules.roles.withinSchoolTeacher.count.teacherFtePerRole', MUST_BE_SET as well.")
                    .hasMessageNotContaining(SECONDARY);
        }
    }

    @Test
    void schoolImprovementReleasesNothing() {
        EndorsedCommunity cluster = community("1001", SchoolType.SECONDARY, TEN_SCHOOLS.subList(0, 3));
        assertThat(RoleFunding.forEndorsement(SCHOOL_IMPROVEMENT, cluster, Optional.empty())).isEmpty();
        assertThat(RoleFunding.forEndorsement(SCHOOL_IMPROVEMENT, cluster, Optional.of(allocation(List.of(roles("1001", 1)),
                List.of(), 0)))).isEmpty();
        assertThat(RoleFunding.rolesApply(SCHOOL_IMPROVEMENT)).isFalse();
        assertThat(RoleFunding.rolesApply(FIXTURE)).isTrue();
        assertThat(RoleFunding.rolesApply(SHIPPED)).isTrue();
    }

    @Test
    void aSmallCommunityGeneratesNoTeacherRolesButItsLeaderAndInquiryHours() {
        // roll 180 + 120 = 300: floor(300 / 1500) = 0 across; FTE 9 + 6 = 15: floor(15 / 15) = 1 within
        EndorsedCommunity small = community("2001", SchoolType.AREA,
                List.of(school("2001", 180, "9"), school("2002", 120, "6")));

        List<ReleasedRole> released = RoleFunding.forEndorsement(FIXTURE, small, Optional.empty());

        assertThat(released).extracting(ReleasedRole::key).containsExactly("LEADER", "LEADER", "WITHIN_SCHOOL#1",
                "WITHIN_SCHOOL#1", "INQUIRY_HOURS#2001", "INQUIRY_HOURS#2002");
        assertThat(released.getFirst().line().amount()).hasToString("30000.00 NZD");
        assertThat(line(released, "WITHIN_SCHOOL#1", FundingKind.WITHIN_SCHOOL_TEACHER_ROLE).inputs()).containsEntry("count", "1");
        // 4 x 9 = 36 and 4 x 6 = 24: both at the minimum
        assertThat(released.subList(4, 6)).extracting(a -> a.line().quantity().toPlainString()).containsExactly("50", "50");
    }

    @Test
    void theSameCommunityAlwaysGetsTheSameKeysAndLinesAndEachRecordItsOwnKey() {
        List<ReleasedRole> first = RoleFunding.forEndorsement(FIXTURE, NORTHCOTE_LIKE, Optional.empty());
        List<ReleasedRole> again = RoleFunding.forEndorsement(FIXTURE, NORTHCOTE_LIKE, Optional.empty());
        assertThat(again).isEqualTo(first);
        // a role's two lines share its key; the store keys each by kind too, so none overwrites another
        assertThat(first).extracting(r -> FundingRecord.role("c-1", "kahui-ako", r.key(), r.line(),
                java.time.Instant.EPOCH).key()).doesNotHaveDuplicates().hasSize(50)
                .contains("FUNDING#COMMUNITY_LEADER_ROLE#ROLES#LEADER",
                        "FUNDING#ROLE_INDUCTION_AND_NETWORKING#ROLES#LEADER",
                        "FUNDING#INQUIRY_HOURS#ROLES#INQUIRY_HOURS#1001");
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
        assertThatThrownBy(() -> RoleFunding.forEndorsement(automatic, SIX_AREA, Optional.of(TWO_ACROSS_FIVE_WITHIN)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not merge automatically");
    }

    @Test
    void aLeaderSchoolTypeTheFixtureDoesNotStateIsRefused() {
        FundingPolicy noIntermediate = fixtureWith("no intermediate rate",
                doc -> ((ObjectNode) doc.at("/rules/roles/communityLeader/allowance")).remove("INTERMEDIATE"));
        assertThatThrownBy(() -> RoleFunding.forEndorsement(noIntermediate, community("1001", SchoolType.INTERMEDIATE, TEN_SCHOOLS), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("states no community leader allowance for a leader whose school type is INTERMEDIATE "
                        + "(it states PRIMARY, AREA, SECONDARY, COMPOSITE)");
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
        assertThatThrownBy(() -> allocation(List.of(roles("1001", 1), roles("1001", 2)), List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("school 1001 is listed twice");
        assertThatThrownBy(() -> roles("1001", 51)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("roles must be 0 to 50, got 51");
        assertThatThrownBy(() -> allocation(List.of(), List.of(), 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mergedForExtraAcrossSchool must be 0 to 2");
    }

    @Test
    void theFixtureIsTheShippedPolicyWithOnlyTheTwoCountDivisorsSet() {
        assertThat(FIXTURE.settingsToSet()).isEmpty();
        assertThat(SHIPPED.settingsToSet()).extracting(PolicySetting::path)
                .containsExactlyInAnyOrder(ACROSS_DIVISOR, WITHIN_DIVISOR);
        for (String path : List.of(ACROSS_DIVISOR, WITHIN_DIVISOR)) {
            PolicySetting s = FIXTURE.setting(path);
            assertThat(s.status()).as(path).isEqualTo(SettingStatus.CHOSEN);
            assertThat(s.reason()).as(path).startsWith("test fixture");
            assertThat(s.sources()).as(path).containsExactly("test-fixture");
        }
        ObjectNode fixtureRules = (ObjectNode) FIXTURE.document().get("rules");
        ObjectNode shippedRules = (ObjectNode) SHIPPED.document().get("rules");
        for (ObjectNode rules : List.of(fixtureRules, shippedRules)) {
            ((ObjectNode) rules.at("/roles/acrossSchoolTeacher/count")).remove("pupilsPerRole");
            ((ObjectNode) rules.at("/roles/withinSchoolTeacher/count")).remove("teacherFtePerRole");
        }
        assertThat(fixtureRules).as("every other figure is the shipped one").isEqualTo(shippedRules);
        assertThat(FIXTURE.policyId()).isEqualTo("kahui-ako-funding-test-fixture");
    }

    // ------------------------------------------------------------------ helpers: arithmetic only, no rule code

    private static MemberSchool school(String number, int roll, String fte) {
        return new MemberSchool(number, "Example School " + number, SchoolType.PRIMARY, roll, new BigDecimal(fte));
    }

    private static MemberSchool area(String number, String fte) {
        return new MemberSchool(number, "Area School " + number, SchoolType.AREA, 100, new BigDecimal(fte));
    }

    private static EndorsedCommunity community(String leaderSchool, SchoolType type, List<MemberSchool> schools) {
        return new EndorsedCommunity("c-1", leaderSchool, type, schools);
    }

    private static RoleAllocation.SchoolRoles roles(String school, int roles) {
        return new RoleAllocation.SchoolRoles(school, roles);
    }

    private static RoleAllocation allocation(List<RoleAllocation.SchoolRoles> across,
                                             List<RoleAllocation.SchoolRoles> within, int merged) {
        return new RoleAllocation(across, within, merged);
    }

    private static List<FundingLine> lines(FundingPolicy policy, RoleAllocation allocation) {
        return RoleFunding.forEndorsement(policy, SIX_AREA, Optional.of(allocation)).stream().map(ReleasedRole::line).toList();
    }

    private static FundingLine line(List<ReleasedRole> released, String key, FundingKind kind) {
        return released.stream().filter(a -> a.key().equals(key) && a.line().kind() == kind).findFirst().orElseThrow().line();
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
