package org.schoolcollab.funding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.kernel.Programme;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Loading and validating the documents: the shipped ones pass, malformed ones fail with every problem named. */
class FundingPoliciesUnitTest {

    @ParameterizedTest
    @EnumSource(Programme.class)
    void everyProgrammeHasAValidPolicyInItsCurrency(Programme programme) {
        FundingPolicy policy = FundingPolicies.shipped().forProgramme(programme.id());

        assertThat(policy.programme()).isEqualTo(programme.id());
        assertThat(policy.currency()).isEqualTo(programme.currency());
        assertThat(policy.resource()).isEqualTo("policies/" + programme.id() + ".json");
        assertThat(policy.policyId()).isNotBlank();
        assertThat(policy.version()).as("kahui-ako raised to 2 in issue 10").isEqualTo(programme == Programme.KAHUI_AKO ? "2" : "1");
        assertThat(policy.sources()).isNotEmpty();
    }

    @Test
    void kahuiAkoLoadsWithItsHeadline() {
        FundingPolicy policy = FundingPolicies.shipped().forProgramme("kahui-ako");
        assertThat(policy.policyId()).isEqualTo("kahui-ako-funding");
        assertThat(policy.currency()).isEqualTo("NZD");
        assertThat(policy.effectiveFrom()).isEqualTo(LocalDate.of(2014, 12, 1));
        assertThat(policy.formationAllowancePerSchool()).contains(Money.of("1000.00", "NZD"));
        assertThat(policy.sources().get("moe-col-about")).contains("education.govt.nz communities-of-learning/about");
        assertThat(policy).hasToString("kahui-ako-funding v2 (kahui-ako, NZD, policies/kahui-ako.json)");
    }

    @Test
    void schoolImprovementLoadsInPounds() {
        FundingPolicy policy = FundingPolicies.shipped().forProgramme("school-improvement");
        assertThat(policy.policyId()).isEqualTo("school-improvement-funding");
        assertThat(policy.currency()).isEqualTo("GBP");
        assertThat(policy.formationAllowancePerSchool()).isEmpty();
    }

    @Test
    void documentsAreLoadedOnceAndCached() {
        FundingPolicies policies = new FundingPolicies(FundingPolicies.FOLDER);
        assertThat(policies.forProgramme("kahui-ako")).isSameAs(policies.forProgramme("kahui-ako"));
        assertThat(FundingPolicies.shipped()).isSameAs(FundingPolicies.shipped());
    }

    @Test
    void anUnknownProgrammeHasNoPolicy() {
        assertThatThrownBy(() -> FundingPolicies.shipped().forProgramme("no-such-programme"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("policies/no-such-programme.json not found");
        assertThatThrownBy(() -> FundingPolicies.shipped().forProgramme("../policies-bad/float-amount"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a programme id");
    }

    // ------------------------------------------------------------------ malformed documents

    @Test
    void aFloatAmountIsRejected() {
        PolicyDocumentException e = rejected("policies-bad/float-amount.json");
        assertThat(e.problems()).containsExactlyInAnyOrder(
                "rules.formationAllowance.amount: write amounts as decimal strings, e.g. \"1000.00\", not JSON numbers",
                "rules.inquiryTime.hoursPerTeacherFte.value: is a JSON number with a fraction; write decimals as strings, e.g. \"4\", so no float is ever involved");
        assertThat(e).hasMessageStartingWith("policies-bad/float-amount.json is not a valid funding policy (2 problems): ");
    }

    @Test
    void aFigureOrRuleWithoutASourceIsRejected() {
        PolicyDocumentException e = rejected("policies-bad/missing-source.json");
        assertThat(e.problems()).containsExactlyInAnyOrder(
                "rules.inquiryTime.minimumHoursPerSchool: has no source: give \"source\": [keys of \"sources\"] saying where the figure comes from",
                "rules.inquiryTime.hoursPerTeacherFte.source: names \"ppta-col\", which is not a key of \"sources\"",
                "rules.notes: has no source: a rule needs at least one figure with a status and a source");
    }

    @Test
    void aCurrencyThatIsNotIso4217AndBadHeaderFieldsAreRejected() {
        PolicyDocumentException e = rejected("policies-bad/bad-currency.json");
        assertThat(e.problems()).containsExactlyInAnyOrder(
                "version: must be a whole number from 1 or a date-like string (\"2026-11\", \"2026-11-23\"), got \"first\"",
                "currency: must be an ISO 4217 code of 3 capital letters (NZD, GBP), got \"NZ$\"",
                "effectiveFrom: must be a date, yyyy-mm-dd, got \"1 December 2014\"");
    }

    @Test
    void aGuessMarkedMustBeSetAndOtherContradictionsAreRejected() {
        PolicyDocumentException e = rejected("policies-bad/contradictory-statuses.json");
        assertThat(e.problems()).containsExactlyInAnyOrder(
                "rules.formationAllowance.amount: must be a decimal string with at most 2 decimal places, got \"1000.001\"",
                "rules.roles.guessed: is MUST_BE_SET but has a value; once set, mark it PUBLISHED or CHOSEN with its source",
                "rules.roles.unset: is PUBLISHED but has no value",
                "rules.roles.chosenWithoutReason: is CHOSEN and needs a \"reason\"",
                "rules.roles.rounding.value: must name a rounding mode (HALF_UP, CEILING, FLOOR, …), got \"ROUND_NICELY\"",
                "rules.roles.typo.status: unknown status 'PUBLISHD'; one of PUBLISHED, CHOSEN, MUST_BE_SET, OPTIONAL, INFORMATIONAL, NOT_APPLICABLE");
    }

    @Test
    void textThatIsNotJsonIsRejected() {
        PolicyDocumentException e = rejected("policies-bad/not-json.json");
        assertThat(e.problems()).singleElement().asString().startsWith("not valid JSON: ");
    }

    @Test
    void aDocumentFiledUnderAnotherProgrammeIsRejected() {
        FundingPolicies policies = new FundingPolicies("policies-bad");
        assertThatThrownBy(() -> policies.forProgramme("wrong-programme"))
                .isInstanceOf(PolicyDocumentException.class)
                .hasMessageContaining("policies-bad/wrong-programme.json")
                .hasMessageContaining("programme: is 'kahui-ako' but the document is the policy of 'wrong-programme'");
    }

    @Test
    void aDuplicateKeyIsRejected() {
        String text = "{\"programme\": \"x\", \"programme\": \"y\"}";
        assertThatThrownBy(() -> FundingPolicies.parse("test/duplicate.json", text))
                .isInstanceOf(PolicyDocumentException.class)
                .hasMessageContaining("test/duplicate.json")
                .hasMessageContaining("Duplicate field 'programme'");
    }

    private static PolicyDocumentException rejected(String resource) {
        PolicyDocumentException e = catchThrowableOfType(PolicyDocumentException.class, () -> FundingPolicies.load(resource));
        assertThat(e).as(resource + " should be rejected").isNotNull();
        assertThat(e.resource()).isEqualTo(resource);
        assertThat(e).hasMessageContaining(resource);
        return e;
    }
}
