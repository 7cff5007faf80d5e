package org.schoolcollab.funding;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.schoolcollab.kernel.Contact;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.kernel.School;
import org.schoolcollab.kernel.SchoolType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.schoolcollab.testsupport.WorldSetUp.refused;

/**
 * The check made when staff record a community's roles (with the endorsement, or on their own afterwards), so that
 * their release never stalls: each refusal names the field at fault, under the name the request gave the
 * allocation ("roleAllocation" in an endorsement, the body itself on its own).
 */
class RoleReleaseUnitTest {
    private static final FundingPolicy SHIPPED = FundingPolicies.shipped().forProgramme("kahui-ako");
    private static final FundingPolicy FIXTURE = new FundingPolicies("policies-test").forProgramme("kahui-ako");
    private static final List<School> MEMBERS = List.of(
            new School("9101", "Ōtaki School", SchoolType.PRIMARY, 182, new BigDecimal("11.5"), true),
            new School("9102", "Waitohu School", SchoolType.PRIMARY, 341, new BigDecimal("19.2"), true),
            new School("9103", "Ōtaki College", SchoolType.SECONDARY, 512, new BigDecimal("38"), true),
            new School("9104", "Te Horo Special School", SchoolType.SPECIAL, 40, new BigDecimal("6"), true));
    private static final RoleAllocation SAMPLE = new RoleAllocation(List.of(roles("9103", 1)),
            List.of(roles("9101", 1), roles("9102", 2), roles("9103", 3)), 0);

    private static RoleAllocation.SchoolRoles roles(String school, int roles) {
        return new RoleAllocation.SchoolRoles(school, roles);
    }

    private static RolesRecorded recorded(String leader, Optional<RoleAllocation> allocation) {
        return new RolesRecorded("c-1", Programme.KAHUI_AKO, "Kāhui Ako o Ōtaki",
                new Contact("Mere Rāwiri", "principal@otaki.example.school.nz", null), MEMBERS, leader, allocation,
                "p-1", "staff-1", "reviewer@programme-office.example.govt.nz", Instant.parse("2026-03-02T21:14:05Z"));
    }

    @Test
    void rolesTheShippedPolicyCanReleaseAsRecordedPass() {
        assertThatCode(() -> RoleRelease.check(SHIPPED, recorded("9101", Optional.of(SAMPLE)), "roleAllocation"))
                .doesNotThrowAnyException();
        assertThatCode(() -> RoleRelease.check(SHIPPED, recorded("9103", Optional.of(SAMPLE)), ""))
                .as("a secondary principal's allowance is published in version 2").doesNotThrowAnyException();
        assertThatCode(() -> RoleRelease.check(FIXTURE, recorded("9101", Optional.empty()), "roleAllocation"))
                .as("the fixture counts the roles itself").doesNotThrowAnyException();
    }

    @Test
    void withoutAnAllocationAPolicyWithNoCountFormulaRefusesNamingTheAllocation() {
        Rejection.Invalid inEndorsement = refused(Rejection.Invalid.class,
                () -> RoleRelease.check(SHIPPED, recorded("9101", Optional.empty()), "roleAllocation"));
        Rejection.Invalid onItsOwn = refused(Rejection.Invalid.class,
                () -> RoleRelease.check(SHIPPED, recorded("9101", Optional.empty()), ""));

        assertThat(inEndorsement.errors()).containsExactly(new FieldError("roleAllocation", "is required: the "
                + "Ministry's staffing system generates each school's across-school and within-school roles, and the "
                + "funding policy has no formula for them, so record the roles each member school generated"));
        assertThat(onItsOwn.errors()).extracting(FieldError::field).containsExactly("body");
    }

    @Test
    void aLeaderFromASchoolTypeWithNoAllowanceIsRefusedNamingTheLeadersSchool() {
        Rejection.Invalid invalid = refused(Rejection.Invalid.class,
                () -> RoleRelease.check(SHIPPED, recorded("9104", Optional.empty()), "roleAllocation"));

        assertThat(invalid.errors()).containsExactly(
                new FieldError("leaderSchoolNumber", "the funding policy states no community leader allowance for a "
                        + "leader from a special school; name a leader from a primary, intermediate, area, composite "
                        + "or secondary school"),
                new FieldError("roleAllocation", "is required: the Ministry's staffing system generates each "
                        + "school's across-school and within-school roles, and the funding policy has no formula for "
                        + "them, so record the roles each member school generated"));
    }

    @Test
    void aMergeNeedsThreePointThreeWithinSchoolRolesForEachExtraAcrossSchoolRole() {
        RoleAllocation sixWithinMergedTwice = new RoleAllocation(SAMPLE.acrossSchool(), SAMPLE.withinSchool(), 2);
        RoleAllocation sixWithinMergedOnce = new RoleAllocation(SAMPLE.acrossSchool(), SAMPLE.withinSchool(), 1);

        Rejection.Invalid inEndorsement = refused(Rejection.Invalid.class,
                () -> RoleRelease.check(SHIPPED, recorded("9101", Optional.of(sixWithinMergedTwice)), "roleAllocation"));
        Rejection.Invalid onItsOwn = refused(Rejection.Invalid.class,
                () -> RoleRelease.check(SHIPPED, recorded("9101", Optional.of(sixWithinMergedTwice)), ""));

        assertThat(inEndorsement.errors()).containsExactly(new FieldError("roleAllocation.mergedForExtraAcrossSchool",
                "merging 2 extra across-school role(s) takes 6.6 within-school roles, and the allocation has 6"));
        assertThat(onItsOwn.errors()).extracting(FieldError::field).containsExactly("mergedForExtraAcrossSchool");
        assertThatCode(() -> RoleRelease.check(SHIPPED, recorded("9101", Optional.of(sixWithinMergedOnce)), ""))
                .as("6 - 3.3 leaves 2").doesNotThrowAnyException();
    }

    @Test
    void aMergeBeyondThePolicysMaximumIsRefused() {
        ObjectNode doc = (ObjectNode) SHIPPED.document();
        ((ObjectNode) doc.at("/rules/roles/merge/maxExtraAcrossSchoolRoles")).put("value", 1);
        FundingPolicy atMostOne = FundingPolicies.parse("policies/kahui-ako.json (at most one merge)", doc.toString());

        Rejection.Invalid invalid = refused(Rejection.Invalid.class, () -> RoleRelease.check(atMostOne,
                recorded("9101", Optional.of(new RoleAllocation(SAMPLE.acrossSchool(), SAMPLE.withinSchool(), 2))),
                "roleAllocation"));

        assertThat(invalid.errors()).containsExactly(
                new FieldError("roleAllocation.mergedForExtraAcrossSchool", "must be at most 1"));
    }

    @Test
    void aSettingTheReleaseNeedsThatIsNotSetIsA422NamingIt() {
        ObjectNode doc = (ObjectNode) SHIPPED.document();
        ObjectNode allowance = (ObjectNode) doc.at("/rules/roles/withinSchoolTeacher/allowance");
        allowance.putNull("amount");
        allowance.put("status", "MUST_BE_SET");
        allowance.put("reason", "the within-school allowance is under negotiation");
        FundingPolicy unset = FundingPolicies.parse("policies/kahui-ako.json (within unset)", doc.toString());

        Rejection.NotApplicable notApplicable = refused(Rejection.NotApplicable.class,
                () -> RoleRelease.check(unset, recorded("9101", Optional.of(SAMPLE)), "roleAllocation"));

        assertThat(notApplicable.code()).isEqualTo("policy-setting-missing");
        assertThat(notApplicable.getMessage()).startsWith("the roles cannot be released until the funding policy sets "
                + "'rules.roles.withinSchoolTeacher.allowance': ")
                .contains("the within-school allowance is under negotiation");
    }
}
