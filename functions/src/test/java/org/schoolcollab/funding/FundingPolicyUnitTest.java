package org.schoolcollab.funding;

import org.junit.jupiter.api.Test;
import org.schoolcollab.kernel.Money;

import java.math.BigDecimal;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The figures the funding rules read, as the shipped documents (kahui-ako version 2) state them. */
class FundingPolicyUnitTest {
    private static final FundingPolicy KAHUI_AKO = FundingPolicies.shipped().forProgramme("kahui-ako");
    private static final FundingPolicy SCHOOL_IMPROVEMENT = FundingPolicies.shipped().forProgramme("school-improvement");
    private static final String LEADER = "rules.roles.communityLeader.";
    private static final String ACROSS = "rules.roles.acrossSchoolTeacher.";
    private static final String WITHIN = "rules.roles.withinSchoolTeacher.";

    @Test
    void roleFiguresAreThePublishedOnes() {
        assertThat(KAHUI_AKO.integer(LEADER + "count")).isEqualTo(1);
        assertThat(KAHUI_AKO.money(LEADER + "allowance.PRIMARY")).hasToString("25000.00 NZD");
        assertThat(KAHUI_AKO.money(LEADER + "allowance.AREA")).hasToString("30000.00 NZD");
        assertThat(KAHUI_AKO.decimal(LEADER + "releaseFtte")).isEqualByComparingTo("0.40");
        assertThat(KAHUI_AKO.money(LEADER + "inductionAndNetworking")).hasToString("1000.00 NZD");

        assertThat(KAHUI_AKO.money(ACROSS + "allowance")).hasToString("16000.00 NZD");
        assertThat(KAHUI_AKO.decimal(ACROSS + "releaseFtte")).isEqualByComparingTo("0.40");
        assertThat(KAHUI_AKO.money(ACROSS + "inductionAndNetworking")).hasToString("750.00 NZD");

        assertThat(KAHUI_AKO.money(WITHIN + "allowance")).hasToString("8000.00 NZD");
        assertThat(KAHUI_AKO.decimal(WITHIN + "releaseFtte")).isEqualByComparingTo("0.08");
        assertThat(KAHUI_AKO.money(WITHIN + "inductionAndNetworking")).hasToString("400.00 NZD");

        assertThat(KAHUI_AKO.decimal("rules.roles.merge.withinSchoolRolesPerExtraAcrossSchoolRole")).isEqualByComparingTo("3.3");
        assertThat(KAHUI_AKO.integer("rules.roles.merge.maxExtraAcrossSchoolRoles")).isEqualTo(2);
        assertThat(KAHUI_AKO.text("rules.roles.releasedOn")).isEqualTo("ENDORSEMENT");

        assertThat(KAHUI_AKO.decimal("rules.inquiryTime.hoursPerTeacherFte")).isEqualByComparingTo("4");
        assertThat(KAHUI_AKO.integer("rules.inquiryTime.minimumHoursPerSchool")).isEqualTo(50);
    }

    @Test
    void version2PublishesTheSecondaryPrincipalsAllowanceAndChoosesTheIntermediateAndCompositeRates() {
        assertThat(KAHUI_AKO.version()).isEqualTo("2");
        assertThat(KAHUI_AKO.money(LEADER + "allowance.SECONDARY")).hasToString("30000.00 NZD");
        assertThat(KAHUI_AKO.setting(LEADER + "allowance.SECONDARY").status()).isEqualTo(SettingStatus.PUBLISHED);
        assertThat(KAHUI_AKO.setting(LEADER + "allowance.SECONDARY").sources()).containsExactly("ppta-2014-release");
        // a primary-sector intermediate school is paid the primary rate, a Years 1-13 composite the area rate
        assertThat(KAHUI_AKO.money(LEADER + "allowance.INTERMEDIATE")).hasToString("25000.00 NZD");
        assertThat(KAHUI_AKO.setting(LEADER + "allowance.INTERMEDIATE").status()).isEqualTo(SettingStatus.CHOSEN);
        assertThat(KAHUI_AKO.money(LEADER + "allowance.COMPOSITE")).hasToString("30000.00 NZD");
        assertThat(KAHUI_AKO.setting(LEADER + "allowance.COMPOSITE").status()).isEqualTo(SettingStatus.CHOSEN);
        assertThat(KAHUI_AKO.setting(LEADER + "allowance.COMPOSITE").reason()).contains("area rate");
        // no rate is stated for a leader from a special school, an early learning service or a tertiary provider
        assertThat(KAHUI_AKO.has(LEADER + "allowance.SPECIAL")).isFalse();
        assertThat(KAHUI_AKO.has(LEADER + "allowance.EARLY_LEARNING")).isFalse();
    }

    @Test
    void theRoleCountFormulasAreReportedByNameNotGuessed() {
        assertThatThrownBy(() -> KAHUI_AKO.decimal(ACROSS + "count.pupilsPerRole"))
                .isInstanceOf(PolicySettingMissingException.class)
                .hasMessageContaining("'rules.roles.acrossSchoolTeacher.count.pupilsPerRole'");
        assertThatThrownBy(() -> KAHUI_AKO.decimal(WITHIN + "count.teacherFtePerRole"))
                .isInstanceOf(PolicySettingMissingException.class)
                .hasMessageContaining("'rules.roles.withinSchoolTeacher.count.teacherFtePerRole'");
        // the shape around them is a stated choice, not a fact
        assertThat(KAHUI_AKO.setting(ACROSS + "count.basis").status()).isEqualTo(SettingStatus.CHOSEN);
        assertThat(KAHUI_AKO.text(ACROSS + "count.basis")).isEqualTo("COMMUNITY_ROLL");
        assertThat(KAHUI_AKO.text(WITHIN + "count.basis")).isEqualTo("COMMUNITY_TEACHER_FTE");
        assertThat(KAHUI_AKO.text(ACROSS + "count.rounding")).isEqualTo("FLOOR");
    }

    @Test
    void everySettingLeftToSetIsListed() {
        assertThat(KAHUI_AKO.settingsToSet()).extracting(PolicySetting::path).containsExactlyInAnyOrder(
                "rules.roles.acrossSchoolTeacher.count.pupilsPerRole",
                "rules.roles.withinSchoolTeacher.count.teacherFtePerRole");
        assertThat(KAHUI_AKO.settingsToSet()).allSatisfy(s -> {
            assertThat(s.hasValue()).isFalse();
            assertThat(s.reason()).isNotBlank();
            assertThat(s.sources()).isNotEmpty();
        });
        assertThat(SCHOOL_IMPROVEMENT.settingsToSet()).isEmpty();
    }

    @Test
    void theFormationAllowanceIsPaidOnceAndTheMaintenanceAllowanceYearlyWithItsDated2019And2020Rate() {
        assertThat(KAHUI_AKO.formationAllowancePerSchool()).contains(Money.of("1000", "NZD"));
        assertThat(KAHUI_AKO.has("rules.formationAllowance.datedAlternatives"))
                .as("the $2,000 is the yearly allowance's, not the formation allowance's").isFalse();
        assertThat(KAHUI_AKO.setting("rules.formationAllowance").sources())
                .containsExactly("moe-col-about", "nzsta-plan-and-form");

        assertThat(KAHUI_AKO.money("rules.maintenanceAllowance")).hasToString("1000.00 NZD");
        assertThat(KAHUI_AKO.setting("rules.maintenanceAllowance").status()).isEqualTo(SettingStatus.PUBLISHED);
        assertThat(KAHUI_AKO.label("rules.maintenanceAllowance.period")).isEqualTo("YEAR");
        PolicySetting dated = KAHUI_AKO.setting("rules.maintenanceAllowance.datedAlternatives[0]");
        assertThat(dated.status()).isEqualTo(SettingStatus.PUBLISHED);
        assertThat(dated.value().textValue()).isEqualTo("2000.00");
        assertThat(KAHUI_AKO.label("rules.maintenanceAllowance.datedAlternatives[0].from")).isEqualTo("2019-01-01");
        assertThat(KAHUI_AKO.label("rules.maintenanceAllowance.datedAlternatives[0].to")).isEqualTo("2020-12-31");
        assertThat(MaintenanceAllowance.appliesTo(KAHUI_AKO)).isTrue();
        assertThat(MaintenanceAllowance.appliesTo(SCHOOL_IMPROVEMENT)).isFalse();
    }

    @Test
    void schoolImprovementGrantsAndTheFundAreStatedButNotEnforced() {
        assertThat(SCHOOL_IMPROVEMENT.grantPurposes()).containsExactly("COURSES", "EMPLOYER_ENGAGEMENT", "OTHER");
        PolicySetting fund = SCHOOL_IMPROVEMENT.setting("rules.grants.strategicSchoolImprovementFund");
        assertThat(fund.status()).isEqualTo(SettingStatus.INFORMATIONAL);
        assertThat(SCHOOL_IMPROVEMENT.money("rules.grants.strategicSchoolImprovementFund")).hasToString("100000.00 GBP");
        assertThat(SCHOOL_IMPROVEMENT.setting("rules.grants.totalCap").status()).isEqualTo(SettingStatus.OPTIONAL);
        assertThat(SCHOOL_IMPROVEMENT.grantTotalCap()).as("not enforced unless set").isEmpty();
        assertThat(KAHUI_AKO.grantPurposes()).isEmpty();
        assertThat(KAHUI_AKO.grantTotalCap()).isEmpty();
    }

    @Test
    void everyFigureInTheShippedDocumentsNamesAKnownSource() {
        for (FundingPolicy policy : new FundingPolicy[]{KAHUI_AKO, SCHOOL_IMPROVEMENT}) {
            Set<String> known = policy.sources().keySet();
            PolicyTree.forEachFigure(policy.document().get("rules"), "rules", (path, node) ->
                    assertThat(policy.setting(path).sources()).as(path).isNotEmpty().allMatch(known::contains));
        }
    }

    @Test
    void askingForSomethingThatIsNotThereIsAProgrammingError() {
        assertThatThrownBy(() -> KAHUI_AKO.money("rules.roles.principalBonus"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no setting 'rules.roles.principalBonus' in policies/kahui-ako.json");
        assertThatThrownBy(() -> KAHUI_AKO.money(LEADER + "releaseFtte"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an amount of money");
        assertThatThrownBy(() -> KAHUI_AKO.integer(LEADER + "releaseFtte"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not a whole number");
    }

    @Test
    void theDocumentHandedOutIsACopy() {
        ((com.fasterxml.jackson.databind.node.ObjectNode) KAHUI_AKO.document()).put("currency", "GBP");
        assertThat(KAHUI_AKO.document().get("currency").textValue()).isEqualTo("NZD");
        assertThat(KAHUI_AKO.decimal(LEADER + "releaseFtte")).isEqualTo(new BigDecimal("0.40"));
    }
}
