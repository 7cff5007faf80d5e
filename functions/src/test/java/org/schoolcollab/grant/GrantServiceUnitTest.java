package org.schoolcollab.grant;

import org.junit.jupiter.api.Test;
import org.schoolcollab.api.AwardGrantRequest;
import org.schoolcollab.api.JsonBody;
import org.schoolcollab.community.Community;
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolcollab.testsupport.WorldSetUp.CLUSTER;
import static org.schoolcollab.testsupport.WorldSetUp.CLUSTER_MEMBER;
import static org.schoolcollab.testsupport.WorldSetUp.MEMBER;
import static org.schoolcollab.testsupport.WorldSetUp.STAFF;
import static org.schoolcollab.testsupport.WorldSetUp.cluster;
import static org.schoolcollab.testsupport.WorldSetUp.fields;
import static org.schoolcollab.testsupport.WorldSetUp.kahuiAko;
import static org.schoolcollab.testsupport.WorldSetUp.neverRead;
import static org.schoolcollab.testsupport.WorldSetUp.refused;

/** Staff award grants over the in-memory world: purposes and currency from the programme's funding policy. */
class GrantServiceUnitTest {
    static final String EMPLOYER_ENGAGEMENT = "{\"purpose\":\"EMPLOYER_ENGAGEMENT\",\"amount\":{\"value\":\"12000.00\","
            + "\"currency\":\"GBP\"},\"description\":\"Year 10 work placements with Weymouth employers.\"}";

    private final InMemoryWorld world = new InMemoryWorld();
    private final GrantService service = world.grantService();
    private final Community cluster = cluster(world);

    private Grant award(String body) {
        return Requests.award(service, STAFF, cluster.id(), body);
    }

    private static String amount(String value) {
        return "{\"purpose\":\"COURSES\",\"amount\":{\"value\":" + value + ",\"currency\":\"GBP\"}}";
    }

    @Test
    void staffAwardAClusterAGrantRecordedWithWhatItsReactionNeeds() {
        Grant grant = award(EMPLOYER_ENGAGEMENT);

        assertThat(grant).isEqualTo(new Grant(grant.id(), cluster.id(), Programme.SCHOOL_IMPROVEMENT,
                "EMPLOYER_ENGAGEMENT", Money.of("12000.00", "GBP"), "Year 10 work placements with Weymouth employers.",
                STAFF.sub(), STAFF.email(), world.clock.instant(), CLUSTER, cluster.contact()));
        assertThat(grant.id()).matches("[0-9a-f-]{36}");
        assertThat(world.grants.all()).containsExactly(grant);
        assertThat(world.funding.all()).as("the funding record follows from the stream").isEmpty();
        assertThat(world.mail.attempts()).isZero();
    }

    @Test
    void thePurposesAndTheCurrencyAreThoseOfTheProgrammesPolicy() {
        AtomicReference<GrantRules> seen = new AtomicReference<>();
        service.award(STAFF, cluster.id(), rules -> {
            seen.set(rules);
            return AwardGrantRequest.read(JsonBody.object(EMPLOYER_ENGAGEMENT), rules);
        });
        assertThat(seen.get()).isEqualTo(new GrantRules(cluster, List.of("COURSES", "EMPLOYER_ENGAGEMENT", "OTHER"), "GBP"));

        Rejection.Invalid invalid = refused(Rejection.Invalid.class,
                () -> award("{\"purpose\":\"PARTY\",\"amount\":{\"value\":\"10.00\",\"currency\":\"NZD\"}}"));

        assertThat(invalid.errors()).containsExactly(
                new FieldError("purpose", "must be one of COURSES, EMPLOYER_ENGAGEMENT, OTHER"),
                new FieldError("amount.currency", "must be GBP, the programme's currency"));
        assertThat(world.grants.all()).hasSize(1);
    }

    @Test
    void anAmountIsAPositiveDecimalStringOfAtMostTwoPlacesAndAtMostTenMillion() {
        for (String bad : List.of("12000", "\"12000.005\"", "\"0.00\"", "\"-5.00\"", "\"1e5\"", "\"10000000.01\"")) {
            Rejection.Invalid invalid = refused(Rejection.Invalid.class, () -> award(amount(bad)));
            assertThat(fields(invalid)).as(bad).containsExactly("amount.value");
        }

        assertThat(List.of("\"0.01\"", "\"7\"", "\"10000000.00\"")).map(v -> award(amount(v)).amount())
                .containsExactly(Money.of("0.01", "GBP"), Money.of("7.00", "GBP"), Money.of("10000000.00", "GBP"));
        assertThat(world.grants.all()).hasSize(3);
    }

    @Test
    void aKahuiAkoCommunityHasNoGrantsWhateverTheBody() {
        Community kahuiAko = kahuiAko(world);

        Rejection.NotApplicable notApplicable = refused(Rejection.NotApplicable.class,
                () -> service.award(STAFF, kahuiAko.id(), neverRead()));

        assertThat(notApplicable.code()).isEqualTo("no-grants");
        assertThat(notApplicable.getMessage()).isEqualTo("the kahui-ako-funding funding policy (version 2) names no "
                + "grant purposes, so no grant can be recorded for this community");
        assertThat(world.grants.all()).isEmpty();
    }

    @Test
    void whetherAProgrammeHasGrantsIsItsPolicysSay() {
        InMemoryWorld fixture = new InMemoryWorld(new FundingPolicies("policies-test"));
        Community kahuiAko = kahuiAko(fixture);

        Rejection.NotApplicable notApplicable = refused(Rejection.NotApplicable.class,
                () -> fixture.grantService().award(STAFF, kahuiAko.id(), neverRead()));

        assertThat(notApplicable.getMessage()).startsWith("the kahui-ako-funding-test-fixture funding policy (version 3)");
    }

    @Test
    void onlyStaffAwardAndOnlyToACommunityThatExists() {
        for (Actor school : List.of(CLUSTER_MEMBER, MEMBER)) {
            Rejection.Forbidden forbidden = refused(Rejection.Forbidden.class,
                    () -> service.award(school, cluster.id(), neverRead()));
            assertThat(forbidden.getMessage()).isEqualTo("this action is for programme staff");
        }
        for (String id : List.of("00000000-0000-4000-8000-000000000999", "COMMUNITY#" + cluster.id())) {
            Rejection.NotFound notFound = refused(Rejection.NotFound.class, () -> service.award(STAFF, id, neverRead()));
            assertThat(notFound.getMessage()).isEqualTo("no community " + id);
        }
        assertThat(world.grants.all()).isEmpty();
    }
}
