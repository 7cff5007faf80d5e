package org.schoolcollab.funding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.schoolcollab.api.FundingJson;
import org.schoolcollab.kernel.SchoolType;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InquiryHoursUnitTest {
    private static final FundingPolicy KAHUI_AKO = FundingPolicies.shipped().forProgramme("kahui-ako");

    @Test
    void fourteenAndAHalfFteGetFiftyEightHours() {
        // max(50, 4 × 14.5 = 58) = 58
        FundingLine line = InquiryHours.forSchool(KAHUI_AKO, new MemberSchool("9101", "Big School", SchoolType.PRIMARY, 300, new BigDecimal("14.5")));

        assertThat(line.kind()).isEqualTo(FundingKind.INQUIRY_HOURS);
        assertThat(line.recipientSchoolNumber()).isEqualTo("9101");
        assertThat(line.amount()).as("time, not money").isNull();
        assertThat(line.quantity()).isEqualByComparingTo("58");
        assertThat(line.units()).isEqualTo("HOURS");
        assertThat(line.period()).isEqualTo("YEAR");
        assertThat(line.policyId()).isEqualTo("kahui-ako-funding");
        assertThat(line.policyVersion()).isEqualTo("2");
        assertThat(line.inputs()).containsEntry("schoolNumber", "9101")
                .containsEntry("teacherFte", "14.5")
                .containsEntry("hoursPerTeacherFte", "4")
                .containsEntry("minimumHoursPerSchool", "50")
                .containsEntry("rounding", "HALF_UP")
                .containsKey("formula");
    }

    @Test
    void threeFteGetTheFiftyHourMinimum() {
        // max(50, 4 × 3 = 12) = 50
        FundingLine line = InquiryHours.forSchool(KAHUI_AKO, new MemberSchool("9102", "Small School", SchoolType.PRIMARY, 40, new BigDecimal("3")));
        assertThat(line.quantity()).isEqualByComparingTo("50");
        assertThat(FundingJson.line(line).get("quantity").textValue()).isEqualTo("50");
        assertThat(FundingJson.line(line).get("amount").isNull()).isTrue();
    }

    @ParameterizedTest(name = "{0} FTE → {1} hours")
    @CsvSource({
            "0,      50",   // no teachers: the per-school minimum still applies
            "12.5,   50",   // 4 × 12.5 = 50: exactly the minimum
            "12.6,   50",   // 50.4 rounds half up to 50
            "12.63,  51",   // 50.52 rounds to 51
            "14.55,  58",   // 58.2 rounds to 58 (HALF_UP, not CEILING)
            "14.625, 59",   // 58.5 rounds half up to 59
            "40,     160",
    })
    void roundsToAWholeHourHalfUpThenAppliesTheMinimum(String fte, String hours) {
        assertThat(InquiryHours.hours(KAHUI_AKO, new BigDecimal(fte))).isEqualByComparingTo(hours);
    }

    @Test
    void theRoundingIsAStatedSettingOfThePolicy() {
        PolicySetting rounding = KAHUI_AKO.setting("rules.inquiryTime.rounding");
        assertThat(rounding.status()).isEqualTo(SettingStatus.CHOSEN);
        assertThat(rounding.value().textValue()).isEqualTo("HALF_UP");
        assertThat(rounding.reason()).isNotBlank();
        assertThat(KAHUI_AKO.setting("rules.inquiryTime.hoursPerTeacherFte").sources()).containsExactly("ppta-col");
    }

    @Test
    void schoolImprovementHasNoInquiryTime() {
        FundingPolicy si = FundingPolicies.shipped().forProgramme("school-improvement");
        assertThat(InquiryHours.appliesTo(si)).isFalse();
        assertThat(InquiryHours.appliesTo(KAHUI_AKO)).isTrue();
        assertThatThrownBy(() -> InquiryHours.hours(si, BigDecimal.TEN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("school-improvement-funding v1 ")
                .hasMessageEndingWith(" has no inquiry time rule");
    }

    @Test
    void negativeFteIsRefused() {
        assertThatThrownBy(() -> InquiryHours.hours(KAHUI_AKO, new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
