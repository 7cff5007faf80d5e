package org.schoolcollab.funding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.kernel.SchoolType;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The yearly maintenance allowance as the shipped policies state it: kahui-ako pays it, school-improvement does not. */
class MaintenanceAllowanceUnitTest {
    private static final FundingPolicy KAHUI_AKO = FundingPolicies.shipped().forProgramme("kahui-ako");
    private static final FundingPolicy SCHOOL_IMPROVEMENT = FundingPolicies.shipped().forProgramme("school-improvement");
    private static final List<MemberSchool> TWO = List.of(
            new MemberSchool("9101", "Ōtaki School", SchoolType.PRIMARY, 182, new BigDecimal("11.5")),
            new MemberSchool("9110", "Te Kōhanga Reo o Ōtaki", SchoolType.EARLY_LEARNING, 30, new BigDecimal("3")));

    @ParameterizedTest(name = "the {0} school year: {1}")
    @CsvSource({
            "2018, 1000.00",
            "2019, 2000.00",   // the dated alternative: 1 January 2019 to 31 December 2020
            "2020, 2000.00",
            "2021, 1000.00",
            "2027, 1000.00",
    })
    void theRateIsTheStandingOneOutsideTheDatedAlternative(int year, String rate) {
        assertThat(MaintenanceAllowance.rateFor(KAHUI_AKO, year)).isEqualTo(Money.of(rate, "NZD"));
    }

    @Test
    void everyMemberIsPaidItsBoardsAllowanceOneLineEachInTheOrderGiven() {
        List<FundingLine> lines = MaintenanceAllowance.forYear(KAHUI_AKO, TWO, 2020);

        assertThat(lines).extracting(l -> l.kind() + " " + l.recipientSchoolNumber() + " " + l.amount())
                .as("an early learning service is a member school like any other here")
                .containsExactly("MAINTENANCE_ALLOWANCE 9101 2000.00 NZD", "MAINTENANCE_ALLOWANCE 9110 2000.00 NZD");
        assertThat(lines.getFirst().inputs()).containsEntry("setting", "rules.maintenanceAllowance")
                .containsEntry("schoolNumber", "9101").containsEntry("schoolYear", "2020")
                .containsEntry("rate", "2000.00").containsEntry("currency", "NZD");
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.period()).isEqualTo("YEAR");
            assertThat(l.quantity()).isNull();
            assertThat(l.policyVersion()).isEqualTo("2");
        });
    }

    @Test
    void schoolImprovementPaysNone() {
        assertThat(MaintenanceAllowance.appliesTo(SCHOOL_IMPROVEMENT)).isFalse();
        assertThat(MaintenanceAllowance.forYear(SCHOOL_IMPROVEMENT, TWO, 2027)).isEmpty();
        assertThat(MaintenanceAllowance.appliesTo(KAHUI_AKO)).isTrue();
    }
}
