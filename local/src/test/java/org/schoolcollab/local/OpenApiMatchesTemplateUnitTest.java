package org.schoolcollab.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.schoolcollab.api.CommunityJson;
import org.schoolcollab.api.DecideEoiRequest;
import org.schoolcollab.api.EoiJson;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.api.JsonBody;
import org.schoolcollab.api.PlanJson;
import org.schoolcollab.api.SubmitEoiRequest;
import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityFormation;
import org.schoolcollab.community.CommunityStatus;
import org.schoolcollab.community.DecisionStore;
import org.schoolcollab.community.EoiDecision;
import org.schoolcollab.eoi.EoiApplication;
import org.schoolcollab.eoi.EoiStatus;
import org.schoolcollab.eoi.EoiStore;
import org.schoolcollab.funding.FundingKind;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.ChallengeArea;
import org.schoolcollab.kernel.Contact;
import org.schoolcollab.kernel.PageRequest;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.kernel.School;
import org.schoolcollab.kernel.SchoolType;
import org.schoolcollab.local.template.HttpRoute;
import org.schoolcollab.local.template.SamTemplate;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanDecision;
import org.schoolcollab.plan.PlanFileType;
import org.schoolcollab.plan.PlanStatus;
import org.schoolcollab.plan.PlanWithReview;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * openapi.yaml stays true to the application: its paths and methods are exactly the HttpApi routes of
 * template.yaml (the source of truth), every operation is secured and documents its errors, the request schemas
 * carry the code's limits, the request examples pass the real validators, the decision and community examples are
 * what the code writes, and (when com.networknt:json-schema-validator is on the test classpath) every example
 * satisfies the schema it illustrates.
 */
class OpenApiMatchesTemplateUnitTest {
    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String REQUEST_SCHEMA = "ExpressionOfInterestRequest";
    private static final String DECISION_REQUEST_SCHEMA = "DecisionRequest";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static Map<String, Object> spec;
    private static JsonNode specJson;
    private static SamTemplate template;

    @BeforeAll
    static void load() throws IOException {
        Path openApi = ROOT.resolve("openapi.yaml");
        assertThat(openApi).as("openapi.yaml at the repository root (project.root=%s)", ROOT).isRegularFile();
        try (Reader reader = Files.newBufferedReader(openApi, StandardCharsets.UTF_8)) {
            spec = map(jsonCompatibleYaml().load(reader), "openapi.yaml");
        }
        specJson = JSON.readTree(JSON.writeValueAsString(spec));
        template = SamTemplate.load(ROOT.resolve("template.yaml"));
    }

    // ------------------------------------------------------------------ the spec and the template

    @Test
    void isOpenApi31() {
        assertThat(String.valueOf(spec.get("openapi"))).as("openapi version").startsWith("3.1");
        Map<String, Object> info = map(spec.get("info"), "info");
        assertThat(info).containsKeys("title", "version", "description");
        assertThat(String.valueOf(info.get("description")))
                .contains("kahui-ako", "school-improvement", "ID token", "{\"message\": \"Unauthorized\"}");
    }

    @Test
    void pathsAndMethodsAreExactlyTheTemplateRoutes() {
        Set<String> templateRoutes = template.functions().stream()
                .flatMap(f -> f.routes().stream())
                .map(HttpRoute::routeKey)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> specRoutes = new TreeSet<>(operations().keySet());
        assertThat(templateRoutes).as("HttpApi routes in template.yaml").isNotEmpty();

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(difference(templateRoutes, specRoutes))
                    .as("routes in template.yaml that openapi.yaml does not document (add them under paths:)")
                    .isEmpty();
            softly.assertThat(difference(specRoutes, templateRoutes))
                    .as("operations in openapi.yaml that template.yaml has no HttpApi route for")
                    .isEmpty();
        });
    }

    @Test
    void everyPathParameterIsDeclared() {
        map(spec.get("paths"), "paths").forEach((path, rawItem) -> {
            Map<String, Object> item = map(resolve(rawItem), path);
            Set<String> inPath = new TreeSet<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
            while (m.find()) {
                inPath.add(m.group(1));
            }
            item.forEach((method, op) -> {
                if (!HTTP_METHODS.contains(method)) {
                    return;
                }
                List<Object> params = new ArrayList<>(list(item.getOrDefault("parameters", List.of())));
                params.addAll(list(map(op, method).getOrDefault("parameters", List.of())));
                Set<String> declared = params.stream()
                        .map(p -> map(resolve(p), "parameter"))
                        .filter(p -> "path".equals(p.get("in")))
                        .peek(p -> assertThat(p.get("required")).as("%s %s path parameter %s required",
                                method, path, p.get("name")).isEqualTo(true))
                        .map(p -> String.valueOf(p.get("name")))
                        .collect(Collectors.toCollection(TreeSet::new));
                assertThat(declared).as("path parameters of %s %s", method.toUpperCase(), path).isEqualTo(inPath);
            });
        });
    }

    @Test
    void everyOperationHasAUniqueOperationId() {
        List<String> ids = operations().values().stream().map(op -> (String) op.get("operationId")).toList();
        assertThat(ids).as("operationIds").doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void everyOperationIsSecuredByTheBearerJwtScheme() {
        Map<String, Object> schemes = map(map(spec.get("components"), "components")
                .getOrDefault("securitySchemes", Map.of()), "securitySchemes");
        Set<String> authorized = template.functions().stream()
                .flatMap(f -> f.routes().stream())
                .filter(HttpRoute::authorized)
                .map(HttpRoute::routeKey)
                .collect(Collectors.toSet());
        operations().forEach((route, op) -> {
            Object security = op.containsKey("security") ? op.get("security") : spec.get("security");
            assertThat(security).as("%s: security (global or its own)", route).isNotNull();
            List<Object> requirements = list(security);
            assertThat(requirements).as("%s: security requirements", route).isNotEmpty();
            for (Object r : requirements) {
                Map<String, Object> requirement = map(r, route + " security requirement");
                // {} would make authentication optional, which API Gateway's authorizer does not allow.
                assertThat(requirement).as("%s: a security requirement naming a scheme", route).isNotEmpty();
                for (String name : requirement.keySet()) {
                    assertThat(schemes).as("%s: security scheme %s is defined", route, name).containsKey(name);
                    Map<String, Object> scheme = map(schemes.get(name), name);
                    assertThat(scheme).as("security scheme %s", name)
                            .containsEntry("type", "http").containsEntry("scheme", "bearer")
                            .containsEntry("bearerFormat", "JWT");
                }
            }
            assertThat(authorized).as("%s is behind the template's JWT authorizer", route).contains(route);
        });
    }

    @Test
    void everyOperationDocumentsTheGateways401AndAProblemFor400Or404() {
        operations().forEach((route, op) -> {
            Map<String, Object> responses = map(op.get("responses"), route + " responses");
            assertThat(responses).as("%s responses", route).containsKey("401");
            Map<String, Object> unauthorized = map(resolve(responses.get("401")), route + " 401");
            Map<String, Object> content401 = map(unauthorized.get("content"), route + " 401 content");
            assertThat(content401).as("%s: 401 is API Gateway's own application/json body", route)
                    .containsKey("application/json");
            assertThat(schemaName(map(content401.get("application/json"), "401 json").get("schema")))
                    .as("%s: 401 application/json schema", route).isEqualTo("GatewayError");

            List<String> problems = new ArrayList<>();
            for (String status : List.of("400", "404")) {
                if (responses.containsKey(status)) {
                    Map<String, Object> response = map(resolve(responses.get(status)), route + " " + status);
                    Map<String, Object> content = map(response.getOrDefault("content", Map.of()), "content");
                    if (content.containsKey(PROBLEM_JSON)) {
                        problems.add(status);
                    }
                }
            }
            assertThat(problems).as("%s: a 400 or 404 response with %s", route, PROBLEM_JSON).isNotEmpty();

            responses.forEach((status, raw) -> {
                Map<String, Object> response = map(resolve(raw), route + " " + status);
                assertThat(response).as("%s %s has a description", route, status).containsKey("description");
                if (status.startsWith("4") || status.startsWith("5")) {
                    Map<String, Object> content = map(response.getOrDefault("content", Map.of()), "content");
                    assertThat(content.keySet()).as("%s %s media types", route, status)
                            .isNotEmpty().isSubsetOf(PROBLEM_JSON, "application/json");
                }
            });
        });
    }

    // ------------------------------------------------------------------ the spec and the code

    @Test
    void requestSchemaCarriesTheValidatorsRules() {
        JsonNode schemas = specJson.at("/components/schemas");
        JsonNode request = schemas.get(REQUEST_SCHEMA);
        assertThat(request.path("additionalProperties").asBoolean(true)).as("unknown fields are rejected").isFalse();
        assertThat(texts(request.path("required")))
                .containsExactlyInAnyOrder("programme", "communityName", "contact", "schools", "proposedChallenges");

        JsonNode schools = request.at("/properties/schools");
        assertThat(schools.path("minItems").asInt()).isEqualTo(EoiApplication.MIN_SCHOOLS);
        assertThat(schools.path("maxItems").asInt()).isEqualTo(EoiApplication.MAX_SCHOOLS);
        assertThat(schools.path("minContains").asInt()).isEqualTo(EoiApplication.MIN_STATE_SCHOOLS);
        assertThat(texts(schools.at("/contains/properties/type/enum"))).as("state school types")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(SchoolType.values())
                        .filter(SchoolType::isStateSchool).map(Enum::name).toList());

        JsonNode school = schemas.get("School");
        assertThat(school.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(school.at("/properties/roll/type").asText()).isEqualTo("integer");
        assertThat(school.at("/properties/roll/maximum").asInt()).isEqualTo(EoiApplication.MAX_ROLL);
        assertThat(school.at("/properties/teacherFte/maximum").decimalValue())
                .isEqualByComparingTo(EoiApplication.MAX_TEACHER_FTE);

        JsonNode challenges = request.at("/properties/proposedChallenges");
        assertThat(challenges.path("maxItems").asInt()).isEqualTo(EoiApplication.MAX_CHALLENGES);
        assertThat(challenges.path("uniqueItems").asBoolean()).isTrue();
        assertThat(request.at("/properties/rationale/maxLength").asInt()).isEqualTo(EoiApplication.MAX_RATIONALE);
        assertThat(schemas.get("Contact").path("additionalProperties").asBoolean(true)).isFalse();

        assertThat(texts(schemas.at("/SchoolType/enum"))).containsExactlyElementsOf(names(SchoolType.values()));
        assertThat(texts(schemas.at("/ChallengeArea/enum"))).containsExactlyElementsOf(names(ChallengeArea.values()));
        assertThat(texts(schemas.at("/EoiStatus/enum"))).containsExactlyElementsOf(names(EoiStatus.values()));
        assertThat(texts(schemas.at("/Programme/enum")))
                .containsExactlyElementsOf(Arrays.stream(Programme.values()).map(Programme::id).toList());
        assertThat(request.at("/if/properties/programme/const").asText()).as("the programme needing board endorsement")
                .isEqualTo(Arrays.stream(Programme.values()).filter(Programme::requiresBoardEndorsement)
                        .map(Programme::id).findFirst().orElseThrow());

        JsonNode parameters = specJson.at("/components/parameters");
        assertThat(parameters.at("/Limit/schema/maximum").asInt()).isEqualTo(PageRequest.MAX_LIMIT);
        assertThat(parameters.at("/Limit/schema/default").asInt()).isEqualTo(PageRequest.DEFAULT_LIMIT);
        assertThat(parameters.at("/Status/schema/default").asText()).isEqualTo(EoiStatus.SUBMITTED.name());
        assertThat(parameters.at("/IdempotencyKey/name").asText()).isEqualTo("Idempotency-Key");
        assertThat(parameters.at("/IdempotencyKey/schema/maxLength").asInt()).isEqualTo(255);
        assertThat(String.valueOf(map(resolve(Map.of("$ref", "#/components/responses/PayloadTooLarge")), "413")
                .get("description"))).contains(HttpApi.MAX_BODY_BYTES / 1024 + " KiB");
    }

    @Test
    void requestExamplesPassTheRealValidator() {
        Map<String, JsonNode> examples = requestExamples();
        assertThat(examples).as("request body examples").hasSizeGreaterThanOrEqualTo(2);
        assertThat(examples.values().stream().map(e -> e.path("programme").asText()).toList())
                .as("an example for each programme")
                .containsAll(Arrays.stream(Programme.values()).map(Programme::id).toList());
        examples.forEach((where, value) -> assertThatCode(() -> SubmitEoiRequest.parse(JSON.writeValueAsString(value)))
                .as("the example at %s is accepted by SubmitEoiRequest", where)
                .doesNotThrowAnyException());
    }

    @Test
    void theValidatorAcceptsAndRejectsWhatTheRequestSchemaSays() throws Exception {
        JsonNode base = kahuiAkoRequestExample();
        for (Case c : cases()) {
            String text = JSON.writeValueAsString(c.apply(base));
            if (c.valid()) {
                assertThatCode(() -> SubmitEoiRequest.parse(text)).as("SubmitEoiRequest accepts: %s", c.name())
                        .doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> SubmitEoiRequest.parse(text)).as("SubmitEoiRequest rejects: %s", c.name())
                        .isInstanceOfSatisfying(Rejection.class, e -> assertThat(HttpApi.status(e)).isEqualTo(400));
            }
        }
    }

    @Test
    void theRequestSchemaAcceptsAndRejectsWhatTheValidatorDoes() throws Exception {
        Optional<SchemaValidator> validator = SchemaValidator.load();
        Assumptions.assumeTrue(validator.isPresent(),
                "com.networknt:json-schema-validator is not on the test classpath: request schema not exercised");
        JsonNode schema = schemaRoot(Map.of("$ref", "#/components/schemas/" + REQUEST_SCHEMA));
        JsonNode base = kahuiAkoRequestExample();
        for (Case c : cases()) {
            List<String> errors = validator.get().validate(schema, c.apply(base));
            if (c.valid()) {
                assertThat(errors).as("%s accepts: %s", REQUEST_SCHEMA, c.name()).isEmpty();
            } else {
                assertThat(errors).as("%s rejects: %s", REQUEST_SCHEMA, c.name()).isNotEmpty();
            }
        }
    }

    @Test
    void everyExampleSatisfiesItsSchema() throws Exception {
        Optional<SchemaValidator> validator = SchemaValidator.load();
        Assumptions.assumeTrue(validator.isPresent(),
                "com.networknt:json-schema-validator is not on the test classpath: examples not checked against their schemas");
        List<Example> examples = allExamples();
        assertThat(examples).as("examples in openapi.yaml").hasSizeGreaterThan(10);
        List<String> failures = new ArrayList<>();
        for (Example e : examples) {
            List<String> errors = validator.get().validate(schemaRoot(e.schema()), JSON.valueToTree(e.value()));
            if (!errors.isEmpty()) {
                failures.add(e.where() + ": " + errors);
            }
        }
        assertThat(failures).as("examples that do not satisfy their schema").isEmpty();
    }

    // ------------------------------------------------------------------ decisions and communities

    @Test
    void decisionAndCommunitySchemasCarryTheCodesRules() {
        JsonNode schemas = specJson.at("/components/schemas");
        JsonNode request = schemas.get(DECISION_REQUEST_SCHEMA);
        assertThat(request.path("additionalProperties").asBoolean(true)).as("unknown fields are rejected").isFalse();
        assertThat(texts(request.path("required"))).containsExactly("decision");
        assertThat(request.at("/properties/decision/$ref").asText()).isEqualTo("#/components/schemas/DecisionOutcome");
        assertThat(texts(schemas.at("/DecisionOutcome/enum"))).containsExactlyElementsOf(names(EoiDecision.Outcome.values()));
        assertThat(request.at("/properties/wave/maxLength").asInt()).isEqualTo(CommunityFormation.MAX_WAVE);
        assertThat(request.at("/properties/reason/maxLength").asInt()).isEqualTo(CommunityFormation.MAX_REASON);
        assertThat(request.at("/if/properties/decision/const").asText()).as("the decision needing a reason")
                .isEqualTo(EoiDecision.Outcome.DECLINED.name());
        assertThat(texts(request.at("/then/required"))).containsExactly("reason");
        assertThat(texts(schemas.at("/CommunityStatus/enum"))).containsExactlyElementsOf(names(CommunityStatus.values()));

        Map<String, Map<String, Object>> params = parameters(operations().get("GET /communities"));
        assertThat(params.keySet()).as("GET /communities query parameters")
                .containsExactlyInAnyOrder("programme", "status", "limit", "nextToken");
        assertThat(params.get("programme")).as("programme").containsEntry("required", true);
        assertThat(schemaName(params.get("programme").get("schema"))).isEqualTo("Programme");
        assertThat(params.get("status").getOrDefault("required", false)).as("status required").isEqualTo(false);
        assertThat(schemaName(params.get("status").get("schema"))).isEqualTo("CommunityStatus");
        JsonNode limit = JSON.valueToTree(params.get("limit").get("schema"));
        assertThat(limit.path("minimum").asInt()).isEqualTo(1);
        assertThat(limit.path("maximum").asInt()).isEqualTo(PageRequest.MAX_LIMIT);
        assertThat(limit.path("default").asInt()).isEqualTo(PageRequest.DEFAULT_LIMIT);
    }

    @Test
    void decisionRequestExamplesPassTheRealService() {
        Map<String, JsonNode> examples = examplesOf(DECISION_REQUEST_SCHEMA);
        assertThat(examples.values().stream().map(e -> e.path("decision").asText()).toList())
                .as("a request example for each decision")
                .containsAll(names(EoiDecision.Outcome.values()));
        examples.forEach((where, value) -> assertThat(decisionStatus(value))
                .as("the example at %s is accepted by CommunityFormation (it reaches the store: 404)", where)
                .isEqualTo(404));
    }

    @Test
    void theDecisionServiceAndTheDecisionSchemaAgree() throws Exception {
        Optional<SchemaValidator> validator = SchemaValidator.load();
        JsonNode schema = schemaRoot(Map.of("$ref", "#/components/schemas/" + DECISION_REQUEST_SCHEMA));
        for (Case c : decisionCases()) {
            JsonNode body = c.apply(JSON.createObjectNode());
            assertThat(decisionStatus(body)).as("CommunityFormation %s: %s", c.valid() ? "accepts" : "rejects", c.name())
                    .isEqualTo(c.valid() ? 404 : 400);
            if (validator.isPresent()) {
                List<String> errors = validator.get().validate(schema, body);
                if (c.valid()) {
                    assertThat(errors).as("%s accepts: %s", DECISION_REQUEST_SCHEMA, c.name()).isEmpty();
                } else {
                    assertThat(errors).as("%s rejects: %s", DECISION_REQUEST_SCHEMA, c.name()).isNotEmpty();
                }
            }
        }
    }

    @Test
    void decisionAndCommunityExamplesAreWhatTheCodeWrites() {
        Map<String, JsonNode> decisions = examplesOf("Decision");
        assertThat(decisions.values().stream().map(e -> e.path("decision").asText()).toList())
                .as("a decision example for each decision")
                .containsAll(names(EoiDecision.Outcome.values()));
        decisions.forEach((where, e) -> {
            EoiDecision d = new EoiDecision(e.path("eoiId").asText(), EoiDecision.Outcome.valueOf(e.path("decision").asText()),
                    optionalText(e, "wave"), optionalText(e, "reason"), e.at("/decidedBy/sub").asText(),
                    e.at("/decidedBy/email").asText(), Instant.parse(e.path("decidedAt").asText()),
                    optionalText(e, "communityId"), Programme.KAHUI_AKO, "Ōtaki Kāhui Ako",
                    new Contact("Mere Rāwiri", "tumuaki@otaki.example.school.nz", null), List.of());
            assertThat(normalised(EoiJson.decision(d))).as("EoiJson.decision for the example at %s", where)
                    .isEqualTo(normalised(e));
        });

        Map<String, JsonNode> communities = examplesOf("Community");
        assertThat(communities).as("community examples").isNotEmpty();
        communities.forEach((where, e) -> {
            List<School> members = new ArrayList<>();
            e.path("members").forEach(m -> members.add(new School(m.path("schoolNumber").asText(),
                    m.path("name").asText(), SchoolType.valueOf(m.path("type").asText()), m.path("roll").asInt(),
                    m.path("teacherFte").decimalValue(), true)));
            Community c = new Community(e.path("id").asText(), Programme.byId(e.path("programme").asText()).orElseThrow(),
                    e.path("name").asText(), optionalText(e, "region"),
                    new Contact(e.at("/contact/name").asText(), e.at("/contact/email").asText(),
                            optionalText(e.path("contact"), "phone")),
                    members, CommunityStatus.valueOf(e.path("status").asText()), e.path("eoiId").asText(),
                    optionalText(e, "wave"), Instant.parse(e.path("formedAt").asText()));
            // GetCommunityHandler adds the plans: each example plan is what PlanJson writes for that plan and review.
            ObjectNode written = CommunityJson.full(c);
            written.set("plans", PlanJson.summaries(plansOf(e.path("plans"), c)));
            assertThat(normalised(written)).as("CommunityJson.full and PlanJson.summaries for the example at %s", where)
                    .isEqualTo(normalised(e));
        });
    }

    @Test
    void planSchemasCarryTheCodesStatusesAndDecisions() {
        JsonNode schemas = specJson.at("/components/schemas");
        assertThat(texts(schemas.at("/PlanStatus/enum"))).containsExactlyElementsOf(names(PlanStatus.values()));
        assertThat(texts(schemas.at("/PlanReview/properties/decision/enum")))
                .containsExactlyElementsOf(names(org.schoolcollab.plan.PlanDecision.Outcome.values()));
    }

    @Test
    void fundingRecordKindsAreTheCodes() {
        assertThat(texts(specJson.at("/components/schemas/FundingKind/enum")))
                .containsExactlyElementsOf(names(org.schoolcollab.funding.FundingKind.values()));
    }

    /** The plans (and their reviews) an example's `plans` describes. */
    private static List<PlanWithReview> plansOf(JsonNode plans, Community c) {
        List<PlanWithReview> out = new ArrayList<>();
        plans.forEach(p -> {
            Plan plan = new Plan(p.path("planId").asText(), c.id(), c.programme(), c.name(), p.path("version").asInt(),
                    PlanStatus.valueOf(p.path("status").asText()), p.path("fileName").asText(),
                    PlanFileType.byContentType(p.path("contentType").asText()).orElseThrow(), p.path("sizeBytes").asLong(),
                    "plans/" + c.id() + "/" + p.path("planId").asText() + "/plan", List.of(), "sub", "email",
                    Instant.parse(p.path("registeredAt").asText()), optionalInstant(p, "receivedAt"),
                    optionalInstant(p, "rejectedAt"), optionalText(p, "rejectionReason"), null, null, null);
            JsonNode r = p.path("review");
            Optional<PlanDecision> review = r.isObject()
                    ? Optional.of(new PlanDecision(c.id(), plan.planId(), plan.version(), c.programme(),
                            PlanDecision.Outcome.valueOf(r.path("decision").asText()), optionalText(r, "comments"),
                            optionalText(r, "leaderSchoolNumber"), "sub", "email", Instant.parse(r.path("decidedAt").asText()),
                            c.name(), c.contact(), c.members(), false))
                    : Optional.empty();
            out.add(new PlanWithReview(plan, review));
        });
        return out;
    }

    private static Instant optionalInstant(JsonNode object, String field) {
        String text = optionalText(object, field);
        return text == null ? null : Instant.parse(text);
    }

    /** What CommunityFormation makes of a body from staff: 404 (no such application) means the body was accepted. */
    private static int decisionStatus(JsonNode body) {
        EoiStore empty = (EoiStore) Proxy.newProxyInstance(EoiStore.class.getClassLoader(), new Class<?>[]{EoiStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("find")) {
                        return Optional.empty();
                    }
                    throw new UnsupportedOperationException("EoiStore." + method.getName());
                });
        Actor staff = Actor.staff("0c9e4b7a-2f1d-4a6e-8b3c-5d7f1e2a9c64", "kaitohutohu@programme.example.govt.nz");
        DecisionStore never = (eoi, decision, community) -> {
            throw new UnsupportedOperationException("no application, so no decision to record");
        };
        try {
            new CommunityFormation(empty, never, Clock.systemUTC()).decide(staff, DecideEoiRequest.read(
                    "3f0c9d2e-7b4a-4c1e-9a55-2d8e6f1b0c47", JsonBody.object(JSON.writeValueAsString(body))));
        } catch (Rejection e) {
            return HttpApi.status(e);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("CommunityFormation decided with an empty store: " + body);
    }

    private static List<Case> decisionCases() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return List.of(
                valid("approve, nothing else", b -> b.put("decision", "APPROVED")),
                valid("approve in a wave", b -> b.put("decision", "APPROVED").put("wave", "2014-12")),
                valid("approve with a reason", b -> b.put("decision", "APPROVED").put("reason", "Kua tutuki ngā paearu.")),
                valid("approve with wave and reason null", b -> b.put("decision", "APPROVED").putNull("wave").putNull("reason")),
                valid("wave of 50 characters (Unicode)", b -> b.put("decision", "APPROVED").put("wave", "ā".repeat(50))),
                valid("wave of 50 code points outside the BMP", b -> b.put("decision", "APPROVED").put("wave", "🏫".repeat(50))),
                valid("decline with a reason", b -> b.put("decision", "DECLINED").put("reason", "Kāore anō kia whakaae ngā poari.")),
                valid("decline with a reason of 2000 characters", b -> b.put("decision", "DECLINED").put("reason", "ō".repeat(2000))),
                valid("decline in a wave", b -> b.put("decision", "DECLINED").put("wave", "2014-12").put("reason", "Not yet.")),
                new Case("not an object", false, n -> f.arrayNode().add("APPROVED")),
                new Case("a string", false, n -> f.textNode("APPROVED")),
                invalid("empty object", b -> {}),
                invalid("decision null", b -> b.putNull("decision")),
                invalid("decision in lower case", b -> b.put("decision", "approved")),
                invalid("decision WITHDRAWN", b -> b.put("decision", "WITHDRAWN")),
                invalid("decision as a boolean", b -> b.put("decision", true)),
                invalid("unknown field", b -> b.put("decision", "APPROVED").put("notes", "ka pai")),
                invalid("wave empty", b -> b.put("decision", "APPROVED").put("wave", "")),
                invalid("wave blank", b -> b.put("decision", "APPROVED").put("wave", "   ")),
                invalid("wave as a number", b -> b.put("decision", "APPROVED").put("wave", 2014)),
                invalid("wave of 51 characters", b -> b.put("decision", "APPROVED").put("wave", "ā".repeat(51))),
                invalid("reason blank on an approval", b -> b.put("decision", "APPROVED").put("reason", " ")),
                invalid("reason of 2001 characters", b -> b.put("decision", "DECLINED").put("reason", "x".repeat(2001))),
                invalid("decline without a reason", b -> b.put("decision", "DECLINED")),
                invalid("decline with reason null", b -> b.put("decision", "DECLINED").putNull("reason")),
                invalid("decline with a blank reason", b -> b.put("decision", "DECLINED").put("reason", "\t\n ")));
    }

    // ------------------------------------------------------------------ boundary cases for the request body

    private record Case(String name, boolean valid, java.util.function.Function<JsonNode, JsonNode> change) {
        JsonNode apply(JsonNode base) {
            return change.apply(base.deepCopy());
        }
    }

    private static Case valid(String name, Consumer<ObjectNode> change) {
        return new Case(name, true, n -> { change.accept((ObjectNode) n); return n; });
    }

    private static Case invalid(String name, Consumer<ObjectNode> change) {
        return new Case(name, false, n -> { change.accept((ObjectNode) n); return n; });
    }

    private static ObjectNode school(ObjectNode body, int i) {
        return (ObjectNode) body.withArray("/schools").get(i);
    }

    private static List<Case> cases() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return List.of(
                valid("the example as given", b -> {}),
                valid("optional fields left out", b -> {
                    b.remove(List.of("region", "rationale"));
                    b.withObject("/contact").remove("phone");
                }),
                valid("optional fields null", b -> {
                    b.putNull("region");
                    b.putNull("rationale");
                    b.withObject("/contact").putNull("phone");
                }),
                valid("community name of 3 characters (Unicode)", b -> b.put("communityName", "Ōtā")),
                valid("community name of 120 characters", b -> b.put("communityName", "ā".repeat(120))),
                valid("rationale of 4000 characters", b -> b.put("rationale", "ō".repeat(4000))),
                valid("empty rationale", b -> b.put("rationale", "")),
                valid("roll 0 and 10000", b -> {
                    school(b, 0).put("roll", 0);
                    school(b, 1).put("roll", 10_000);
                }),
                valid("teacherFte 0, 1000 and two decimals", b -> {
                    school(b, 0).put("teacherFte", 0);
                    school(b, 1).put("teacherFte", 1000);
                    school(b, 2).put("teacherFte", new BigDecimal("12.25"));
                }),
                valid("30 schools", b -> {
                    ArrayNode schools = b.putArray("schools");
                    IntStream.rangeClosed(1, 30).forEach(i -> schools.addObject()
                            .put("schoolNumber", String.valueOf(9000 + i)).put("name", "Kura " + i)
                            .put("type", "PRIMARY").put("roll", 100).put("teacherFte", 5).put("boardEndorsed", true));
                }),
                valid("five challenges", b -> {
                    ArrayNode all = b.putArray("proposedChallenges");
                    Arrays.stream(ChallengeArea.values()).forEach(a -> all.add(a.name()));
                }),
                valid("school-improvement without board endorsement", b -> {
                    b.put("programme", "school-improvement");
                    school(b, 1).put("boardEndorsed", false);
                }),
                new Case("not an object", false, n -> f.arrayNode().add(n)),
                invalid("unknown top-level field", b -> b.put("nickname", "x")),
                invalid("unknown contact field", b -> b.withObject("/contact").put("fax", "04 000 0000")),
                invalid("unknown school field", b -> school(b, 0).put("ward", "Ōtaki")),
                invalid("programme missing", b -> b.remove("programme")),
                invalid("programme unknown", b -> b.put("programme", "kura-kaupapa")),
                invalid("community name of 2 characters", b -> b.put("communityName", "Ōt")),
                invalid("community name of 121 characters", b -> b.put("communityName", "a".repeat(121))),
                invalid("community name blank", b -> b.put("communityName", "     ")),
                invalid("community name null", b -> b.putNull("communityName")),
                invalid("region empty", b -> b.put("region", "")),
                invalid("region of 101 characters", b -> b.put("region", "r".repeat(101))),
                invalid("contact missing", b -> b.remove("contact")),
                invalid("contact name blank", b -> b.withObject("/contact").put("name", " ")),
                invalid("contact email without a domain dot", b -> b.withObject("/contact").put("email", "tumuaki@otaki")),
                invalid("contact email missing", b -> b.withObject("/contact").remove("email")),
                invalid("phone with letters", b -> b.withObject("/contact").put("phone", "call the office")),
                invalid("one school", b -> {
                    ArrayNode schools = b.withArray("/schools");
                    while (schools.size() > 1) {
                        schools.remove(1);
                    }
                }),
                invalid("31 schools", b -> {
                    ArrayNode schools = b.putArray("schools");
                    IntStream.rangeClosed(1, 31).forEach(i -> schools.addObject()
                            .put("schoolNumber", String.valueOf(9000 + i)).put("name", "Kura " + i)
                            .put("type", "PRIMARY").put("roll", 100).put("teacherFte", 5).put("boardEndorsed", true));
                }),
                invalid("only one state school", b -> {
                    ArrayNode schools = b.withArray("/schools");
                    for (int i = 1; i < schools.size(); i++) {
                        school(b, i).put("type", i % 2 == 0 ? "TERTIARY" : "EARLY_LEARNING");
                    }
                }),
                invalid("school number with a letter", b -> school(b, 0).put("schoolNumber", "91O1")),
                invalid("school number of 11 digits", b -> school(b, 0).put("schoolNumber", "12345678901")),
                invalid("school number as a number", b -> school(b, 0).put("schoolNumber", 9101)),
                invalid("school name missing", b -> school(b, 0).remove("name")),
                invalid("school type unknown", b -> school(b, 0).put("type", "KURA")),
                invalid("negative roll", b -> school(b, 0).put("roll", -1)),
                invalid("roll over 10000", b -> school(b, 0).put("roll", 10_001)),
                invalid("fractional roll", b -> school(b, 0).put("roll", new BigDecimal("182.5"))),
                invalid("roll as a string", b -> school(b, 0).put("roll", "182")),
                invalid("negative teacherFte", b -> school(b, 0).put("teacherFte", new BigDecimal("-0.5"))),
                invalid("teacherFte over 1000", b -> school(b, 0).put("teacherFte", new BigDecimal("1000.01"))),
                invalid("teacherFte with three decimals", b -> school(b, 0).put("teacherFte", new BigDecimal("11.555"))),
                invalid("boardEndorsed as a string", b -> school(b, 0).put("boardEndorsed", "yes")),
                invalid("a kahui-ako school board has not endorsed", b -> school(b, 1).put("boardEndorsed", false)),
                invalid("no challenges", b -> b.putArray("proposedChallenges")),
                invalid("six challenges", b -> {
                    ArrayNode all = b.putArray("proposedChallenges");
                    Arrays.stream(ChallengeArea.values()).forEach(a -> all.add(a.name()));
                    all.add(ChallengeArea.WELLBEING.name());
                }),
                invalid("a challenge named twice", b -> b.putArray("proposedChallenges").add("ATTENDANCE").add("ATTENDANCE")),
                invalid("an unknown challenge", b -> b.putArray("proposedChallenges").add("LITERACY")),
                invalid("rationale of 4001 characters", b -> b.put("rationale", "x".repeat(4001))));
    }

    // ------------------------------------------------------------------ reading the spec

    /** "METHOD /path" to the operation object. */
    private static Map<String, Map<String, Object>> operations() {
        Map<String, Map<String, Object>> ops = new LinkedHashMap<>();
        map(spec.getOrDefault("paths", Map.of()), "paths").forEach((path, rawItem) ->
                map(resolve(rawItem), path).forEach((method, op) -> {
                    if (HTTP_METHODS.contains(method)) {
                        ops.put(method.toUpperCase() + " " + path, map(op, method + " " + path));
                    }
                }));
        return ops;
    }

    private record Example(String where, Object schema, Object value) {}

    /** Every example of a media type, parameter or header, with the schema it illustrates. */
    private static List<Example> allExamples() {
        List<Example> out = new ArrayList<>();
        operations().forEach((route, op) -> {
            if (op.containsKey("requestBody")) {
                mediaExamples(route + " request", map(resolve(op.get("requestBody")), "requestBody"), out);
            }
            for (Object p : list(op.getOrDefault("parameters", List.of()))) {
                Map<String, Object> parameter = map(resolve(p), "parameter");
                withExamples(route + " parameter " + parameter.get("name"), parameter, parameter.get("schema"), out);
            }
            map(op.get("responses"), "responses").forEach((status, raw) -> {
                Map<String, Object> response = map(resolve(raw), status);
                mediaExamples(route + " " + status, response, out);
                map(response.getOrDefault("headers", Map.of()), "headers").forEach((name, h) -> {
                    Map<String, Object> header = map(resolve(h), name);
                    withExamples(route + " " + status + " header " + name, header, header.get("schema"), out);
                });
            });
        });
        return out;
    }

    private static void mediaExamples(String where, Map<String, Object> owner, List<Example> out) {
        map(owner.getOrDefault("content", Map.of()), where + " content").forEach((mediaType, raw) -> {
            Map<String, Object> media = map(raw, mediaType);
            withExamples(where + " " + mediaType, media, media.get("schema"), out);
        });
    }

    private static void withExamples(String where, Map<String, Object> owner, Object schema, List<Example> out) {
        if (owner.containsKey("example")) {
            out.add(new Example(where + " example", schema, owner.get("example")));
        }
        map(owner.getOrDefault("examples", Map.of()), where + " examples").forEach((name, raw) -> {
            Map<String, Object> example = map(resolve(raw), name);
            if (example.containsKey("value")) {
                out.add(new Example(where + " examples." + name, schema, example.get("value")));
            }
        });
    }

    /** The request body examples of the operations whose body is ExpressionOfInterestRequest. */
    private static Map<String, JsonNode> requestExamples() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Example e : allExamples()) {
            if (e.where().contains(" request ") && REQUEST_SCHEMA.equals(schemaName(e.schema()))) {
                out.put(e.where(), JSON.valueToTree(e.value()));
            }
        }
        return out;
    }

    /** The examples (request or response) of every media type whose schema is the named component. */
    private static Map<String, JsonNode> examplesOf(String schema) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Example e : allExamples()) {
            if (schema.equals(schemaName(e.schema()))) {
                out.put(e.where(), normalised(e.value()));
            }
        }
        assertThat(out).as("examples of %s", schema).isNotEmpty();
        return out;
    }

    /** An operation's parameters by name, $refs resolved. */
    private static Map<String, Map<String, Object>> parameters(Map<String, Object> op) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Object p : list(op.getOrDefault("parameters", List.of()))) {
            Map<String, Object> parameter = map(resolve(p), "parameter");
            out.put(String.valueOf(parameter.get("name")), parameter);
        }
        return out;
    }

    /** The JSON as a client reads it (numbers with a fraction as decimals), so YAML values and code output compare. */
    private static JsonNode normalised(Object value) {
        try {
            return JSON.readTree(JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String optionalText(JsonNode object, String field) {
        JsonNode n = object.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static JsonNode kahuiAkoRequestExample() {
        return requestExamples().values().stream()
                .filter(e -> e.path("programme").asText().equals("kahui-ako")).findFirst().orElseThrow();
    }

    /** A standalone JSON Schema (2020-12) for a schema of the spec: its $refs resolve inside components. */
    private static JsonNode schemaRoot(Object schema) {
        ObjectNode root = ((JsonNode) JSON.valueToTree(schema)).deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", specJson.get("components"));
        return root;
    }

    private static String schemaName(Object schema) {
        if (schema instanceof Map<?, ?> m && m.get("$ref") instanceof String ref
                && ref.startsWith("#/components/schemas/")) {
            return ref.substring("#/components/schemas/".length());
        }
        return null;
    }

    /** Follows local $refs ("#/a/b") to the object they name. */
    private static Object resolve(Object node) {
        Object current = node;
        for (int hops = 0; current instanceof Map<?, ?> m && m.get("$ref") instanceof String ref; hops++) {
            assertThat(hops).as("$ref chain from %s", node).isLessThan(10);
            assertThat(ref).as("only local $refs are used").startsWith("#/");
            Object target = spec;
            for (String part : ref.substring(2).split("/")) {
                String key = part.replace("~1", "/").replace("~0", "~");
                assertThat(target).as("$ref %s resolves", ref).isInstanceOf(Map.class);
                target = ((Map<?, ?>) target).get(key);
            }
            assertThat(target).as("$ref %s resolves", ref).isNotNull();
            current = target;
        }
        return current;
    }

    private static <T> Set<T> difference(Set<T> a, Set<T> b) {
        Set<T> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String what) {
        assertThat(o).as("%s is a mapping", what).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        assertThat(o).as("a list").isInstanceOf(List.class);
        return (List<Object>) o;
    }

    /** YAML read as JSON would read it: an unquoted date stays a string (SnakeYAML would make it a Date). */
    private static Yaml jsonCompatibleYaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()) {
            {
                this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
            }
        });
    }

    /**
     * com.networknt:json-schema-validator, reached by reflection so that this test compiles and runs without it:
     * with it on the test classpath the schema checks run, without it they are skipped (and say so).
     */
    private static final class SchemaValidator {
        private final Object factory;
        private final Method getSchema;

        private SchemaValidator(Object factory, Method getSchema) {
            this.factory = factory;
            this.getSchema = getSchema;
        }

        static Optional<SchemaValidator> load() throws ReflectiveOperationException {
            Class<?> factoryType;
            try {
                factoryType = Class.forName("com.networknt.schema.JsonSchemaFactory");
            } catch (ClassNotFoundException e) {
                return Optional.empty();
            }
            @SuppressWarnings({"unchecked", "rawtypes"})
            Class<Enum> flagType = (Class<Enum>) Class.forName("com.networknt.schema.SpecVersion$VersionFlag");
            @SuppressWarnings("unchecked")
            Object v202012 = Enum.valueOf(flagType, "V202012");
            Object factory = factoryType.getMethod("getInstance", flagType).invoke(null, v202012);
            return Optional.of(new SchemaValidator(factory, factoryType.getMethod("getSchema", JsonNode.class)));
        }

        /** The validation messages; empty when the instance is valid. */
        List<String> validate(JsonNode schema, JsonNode instance) throws ReflectiveOperationException {
            try {
                Object compiled = getSchema.invoke(factory, schema);
                Object messages = compiled.getClass().getMethod("validate", JsonNode.class).invoke(compiled, instance);
                return ((Collection<?>) messages).stream().map(String::valueOf).toList();
            } catch (InvocationTargetException e) {
                throw new AssertionError("json-schema-validator failed on " + schema, e.getCause());
            }
        }
    }
}
