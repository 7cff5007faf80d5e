package org.schoolcollab.funding;

import org.junit.jupiter.api.Test;
import org.schoolcollab.api.FundingJson;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.kernel.SchoolType;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormationAllowanceUnitTest {
    private static final FundingPolicy KAHUI_AKO = FundingPolicies.shipped().forProgramme("kahui-ako");
    private static final FundingPolicy SCHOOL_IMPROVEMENT = FundingPolicies.shipped().forProgramme("school-improvement");

    /** Six area schools, as in the first southern community (shared/seeds/000). */
    private static final List<MemberSchool> SIX_SCHOOLS = IntStream.rangeClosed(1, 6)
            .mapToObj(i -> new MemberSchool("910" + i, "Area School " + i, SchoolType.AREA, 150 + i, new BigDecimal("9.5")))
            .toList();

    @Test
    void sixMemberSchoolsGetOneThousandEachInSixLines() {
        List<FundingLine> lines = FormationAllowance.forApproval(KAHUI_AKO, SIX_SCHOOLS);

        assertThat(lines).hasSize(6);
        assertThat(lines).extracting(FundingLine::recipientSchoolNumber)
                .containsExactly("9101", "9102", "9103", "9104", "9105", "9106");
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.kind()).isEqualTo(FundingKind.FORMATION_ALLOWANCE);
            assertThat(line.amount()).isEqualTo(Money.of("1000.00", "NZD"));
            assertThat(line.quantity()).isNull();
            assertThat(line.units()).isNull();
            assertThat(line.period()).isEqualTo("ON_APPROVAL");
            assertThat(line.policyId()).isEqualTo("kahui-ako-funding");
            assertThat(line.policyVersion()).isEqualTo("2");
            assertThat(line.inputs()).containsEntry("setting", "rules.formationAllowance")
                    .containsEntry("rate", "1000.00")
                    .containsEntry("currency", "NZD")
                    .containsEntry("schoolNumber", line.recipientSchoolNumber());
        });
        Money total = lines.stream().map(FundingLine::amount).reduce(Money.zero("NZD"), Money::plus);
        assertThat(total).hasToString("6000.00 NZD");
    }

    @Test
    void anAuditorCanRecomputeEachLineFromItsInputs() {
        for (FundingLine line : FormationAllowance.forApproval(KAHUI_AKO, SIX_SCHOOLS)) {
            FundingPolicy policy = FundingPolicies.shipped().forProgramme("kahui-ako");
            assertThat(policy.policyId() + "/" + policy.version()).isEqualTo(line.policyId() + "/" + line.policyVersion());
            Money rate = policy.money(line.inputs().get("setting"));
            assertThat(rate).isEqualTo(Money.of(line.inputs().get("rate"), line.inputs().get("currency")));
            assertThat(line.amount()).isEqualTo(rate.times(1));
        }
    }

    @Test
    void theLineSerialisesWithTheAmountAsADecimalString() {
        FundingLine line = FormationAllowance.forApproval(KAHUI_AKO, SIX_SCHOOLS.subList(0, 1)).getFirst();
        assertThat(FundingJson.line(line).toString()).isEqualTo("{\"kind\":\"FORMATION_ALLOWANCE\",\"recipientSchoolNumber\":\"9101\","
                + "\"amount\":{\"value\":\"1000.00\",\"currency\":\"NZD\"},\"quantity\":null,\"units\":null,"
                + "\"period\":\"ON_APPROVAL\",\"policyId\":\"kahui-ako-funding\",\"policyVersion\":\"2\","
                + "\"inputs\":{\"setting\":\"rules.formationAllowance\",\"formula\":\"rate per member school\","
                + "\"schoolNumber\":\"9101\",\"rate\":\"1000.00\",\"currency\":\"NZD\"}}");
    }

    @Test
    void schoolImprovementHasNoFormationAllowance() {
        assertThat(FormationAllowance.forApproval(SCHOOL_IMPROVEMENT, SIX_SCHOOLS)).isEmpty();
        assertThat(SCHOOL_IMPROVEMENT.setting("rules.formationAllowance").status()).isEqualTo(SettingStatus.NOT_APPLICABLE);
    }

    @Test
    void noSchoolsNoLines() {
        assertThat(FormationAllowance.forApproval(KAHUI_AKO, List.of())).isEmpty();
    }

    @Test
    void aSchoolListedTwiceIsRefusedRatherThanPaidTwice() {
        List<MemberSchool> twice = List.of(SIX_SCHOOLS.get(0), SIX_SCHOOLS.get(1), SIX_SCHOOLS.get(0));
        assertThatThrownBy(() -> FormationAllowance.forApproval(KAHUI_AKO, twice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("school 9101 is listed more than once");
    }

    @Test
    void anAllowanceMarkedMustBeSetStopsTheRuleAndIsNamed() {
        String text = KAHUI_AKO.document().toString()
                .replace("\"amount\":\"1000.00\",\"status\":\"PUBLISHED\",\"per\":\"MEMBER_SCHOOL\",\"period\":\"ON_APPROVAL\"",
                        "\"amount\":null,\"status\":\"MUST_BE_SET\",\"reason\":\"not yet announced\","
                                + "\"per\":\"MEMBER_SCHOOL\",\"period\":\"ON_APPROVAL\"");
        assertThat(text).contains("not yet announced");
        FundingPolicy unset = FundingPolicies.parse("test/unset-formation.json", text);

        assertThatThrownBy(() -> FormationAllowance.forApproval(unset, SIX_SCHOOLS))
                .isInstanceOf(PolicySettingMissingException.class)
                .hasMessageContaining("'rules.formationAllowance'")
                .hasMessageContaining("test/unset-formation.json")
                .hasMessageContaining("MUST_BE_SET")
                .hasMessageContaining("not yet announced");
    }
}
