package org.schoolcollab.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.testsupport.Problem;
import org.schoolcollab.testsupport.Problems;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ActorsUnitTest {

    static Stream<Arguments> groupClaims() {
        return Stream.of(
                // API Gateway's HTTP API flattens an array claim to "[a b]"
                arguments("[school staff]", Set.of("school", "staff")),
                arguments("[school]", Set.of("school")),
                arguments("[staff]", Set.of("staff")),
                arguments("staff", Set.of("staff")),
                arguments(" [ staff ] ", Set.of("staff")),
                // JSON-array forms, as other authorizers or hand-written events send them
                arguments("[\"school\",\"staff\"]", Set.of("school", "staff")),
                arguments("school,staff", Set.of("school", "staff")),
                arguments("[]", Set.of()),
                arguments("", Set.of()),
                arguments("   ", Set.of()),
                arguments(null, Set.of()));
    }

    @ParameterizedTest(name = "cognito:groups {0} -> {1}")
    @MethodSource("groupClaims")
    void parsesTheGroupsClaim(String raw, Set<String> expected) {
        assertThat(Actors.parseGroups(raw)).isEqualTo(expected);
    }

    @Test
    void readsAllClaimsTheHandlersUse() {
        Actor caller = Actors.from(event(Map.of("sub", "abc-123", "email", "p@example.school.nz",
                "cognito:groups", "[school]", "custom:schoolNumber", "9101")));

        assertThat(caller.sub()).isEqualTo("abc-123");
        assertThat(caller.email()).isEqualTo("p@example.school.nz");
        assertThat(caller.groups()).containsExactly("school");
        assertThat(caller.schoolNumber()).contains("9101");
        assertThat(caller.isSchoolUser()).isTrue();
        assertThat(caller.isStaff()).isFalse();
    }

    @Test
    void aSchoolGroupWithoutASchoolNumberIsNotASchoolUser() {
        Actor caller = Actors.from(event(Map.of("sub", "abc-123", "cognito:groups", "[school]",
                "custom:schoolNumber", " ")));

        assertThat(caller.schoolNumber()).isEqualTo(Optional.empty());
        assertThat(caller.isSchoolUser()).isFalse();
        Rejection e = catchThrowableOfType(Rejection.class, caller::requireSchoolUser);
        assertThat(HttpApi.status(e)).isEqualTo(403);
    }

    @Test
    void staffOnlyActionsRefuseSchoolUsersWith403() {
        Actor caller = Actors.from(event(Map.of("sub", "abc-123", "cognito:groups", "[school]",
                "custom:schoolNumber", "9101")));

        Rejection e = catchThrowableOfType(Rejection.class, caller::requireStaff);

        assertThat(HttpApi.status(e)).isEqualTo(403);
        assertThat(Problems.type(e)).isEqualTo("/problems/forbidden");
    }

    @Test
    void noVerifiedIdentityIs401() {
        Problem noClaims = Problem.of(catchThrowable(() -> Actors.from(event(Map.of()))));
        Problem blankSub = Problem.of(catchThrowable(() -> Actors.from(event(Map.of("sub", " ", "cognito:groups", "[staff]")))));
        Problem noAuthorizer = Problem.of(catchThrowable(() -> Actors.from(new APIGatewayV2HTTPEvent())));

        assertThat(noClaims.status()).isEqualTo(401);
        assertThat(blankSub.status()).isEqualTo(401);
        assertThat(noAuthorizer.status()).isEqualTo(401);
    }

    private static APIGatewayV2HTTPEvent event(Map<String, String> claims) {
        var jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(new HashMap<>(claims));
        var authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setJwt(jwt);
        var context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setAuthorizer(authorizer);
        var event = new APIGatewayV2HTTPEvent();
        event.setRequestContext(context);
        return event;
    }
}
