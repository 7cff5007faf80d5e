package org.schoolcollab.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.schoolcollab.eoi.EoiApplication;
import org.schoolcollab.kernel.ChallengeArea;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.School;
import org.schoolcollab.kernel.SchoolType;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.Problem;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every bad input issue 2 lists, one row each: a 400 naming exactly the field at fault. */
class SubmitEoiRequestUnitTest {

    // ------------------------------------------------------------------ rejected

    static Stream<Arguments> rejected() {
        return Stream.of(
                // malformed JSON
                raw("unclosed object", "{", "body"),
                raw("trailing comma", "{\"programme\": \"kahui-ako\",}", "body"),
                raw("empty body", "", "body"),
                raw("not JSON at all", "programme=kahui-ako", "body"),
                raw("array instead of object", "[]", "body"),
                raw("string instead of object", "\"kahui-ako\"", "body"),
                raw("JSON null", "null", "body"),
                raw("duplicate key", "{\"programme\": \"kahui-ako\", \"programme\": \"school-improvement\"}", "body"),
                raw("trailing tokens after the object", EoiBodies.text(EoiBodies.valid()) + " {}", "body"),
                raw("nesting deeper than the parser allows", "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000), "body"),
                raw("a number of 2000 digits", EoiBodies.text(EoiBodies.valid())
                        .replace("\"roll\":182", "\"roll\":" + "9".repeat(2_000)), "body"),

                // wrong types
                row("programme is a number", b -> b.put("programme", 42), "programme"),
                row("communityName is a number", b -> b.put("communityName", 7), "communityName"),
                row("region is a boolean", b -> b.put("region", true), "region"),
                row("contact is a string", b -> b.put("contact", "Mere Rāwiri"), "contact"),
                row("contact.email is a number", b -> contact(b).put("email", 12), "contact.email"),
                row("schools is an object", b -> b.putObject("schools"), "schools"),
                row("a school is a string", b -> schools(b).set(0, b.textNode("9101")), "schools[0]"),
                row("schoolNumber is a number", b -> school(b, 0).put("schoolNumber", 9101), "schools[0].schoolNumber"),
                row("school type is a number", b -> school(b, 0).put("type", 1), "schools[0].type"),
                row("roll is a string", b -> school(b, 0).put("roll", "182"), "schools[0].roll"),
                row("roll is a boolean", b -> school(b, 0).put("roll", true), "schools[0].roll"),
                row("teacherFte is a string", b -> school(b, 0).put("teacherFte", "11.5"), "schools[0].teacherFte"),
                row("boardEndorsed is a string", b -> school(b, 0).put("boardEndorsed", "yes"), "schools[0].boardEndorsed"),
                row("proposedChallenges is a string", b -> b.put("proposedChallenges", "ATTENDANCE"), "proposedChallenges"),
                row("a challenge is a number", b -> challenges(b).set(0, b.numberNode(1)), "proposedChallenges[0]"),
                row("rationale is a number", b -> b.put("rationale", 5), "rationale"),

                // missing fields
                row("programme missing", b -> b.remove("programme"), "programme"),
                row("programme null", b -> b.putNull("programme"), "programme"),
                row("communityName missing", b -> b.remove("communityName"), "communityName"),
                row("contact missing", b -> b.remove("contact"), "contact"),
                row("contact name missing", b -> contact(b).remove("name"), "contact.name"),
                row("contact name blank", b -> contact(b).put("name", "  "), "contact.name"),
                row("contact email missing", b -> contact(b).remove("email"), "contact.email"),
                row("schools missing", b -> b.remove("schools"), "schools"),
                row("schoolNumber missing", b -> school(b, 0).remove("schoolNumber"), "schools[0].schoolNumber"),
                row("school name missing", b -> school(b, 1).remove("name"), "schools[1].name"),
                row("school type missing", b -> school(b, 2).remove("type"), "schools[2].type"),
                row("roll missing", b -> school(b, 0).remove("roll"), "schools[0].roll"),
                row("teacherFte missing", b -> school(b, 0).remove("teacherFte"), "schools[0].teacherFte"),
                row("boardEndorsed missing", b -> school(b, 0).remove("boardEndorsed"), "schools[0].boardEndorsed"),
                row("proposedChallenges missing", b -> b.remove("proposedChallenges"), "proposedChallenges"),

                // unknown fields, at every level
                row("unknown top-level field", b -> b.put("colour", "blue"), "colour"),
                row("submitter in the body", b -> b.put("submittedBy", "someone-else"), "submittedBy"),
                row("unknown contact field", b -> contact(b).put("fax", "+64 6 000 0000"), "contact.fax"),
                row("unknown school field", b -> school(b, 0).put("decile", 4), "schools[0].decile"),

                // programme
                row("unknown programme", b -> b.put("programme", "kahui_ako"), "programme"),
                row("programme in capitals", b -> b.put("programme", "KAHUI-AKO"), "programme"),

                // community name length, counted in characters
                row("community name of 2 characters", b -> b.put("communityName", "Ōt"), "communityName"),
                row("community name of 121 characters", b -> b.put("communityName", "Ō".repeat(121)), "communityName"),
                row("community name blank", b -> b.put("communityName", "   "), "communityName"),
                row("region of 101 characters", b -> b.put("region", "r".repeat(101)), "region"),

                // contact email and phone
                row("email without @", b -> contact(b).put("email", "not-an-email"), "contact.email"),
                row("email without a dot in the domain", b -> contact(b).put("email", "principal@localhost"), "contact.email"),
                row("email with a space", b -> contact(b).put("email", "mere rawiri@example.school.nz"), "contact.email"),
                row("email with two @", b -> contact(b).put("email", "a@b@example.school.nz"), "contact.email"),
                row("phone with letters", b -> contact(b).put("phone", "call the office"), "contact.phone"),

                // number of schools, state schools
                row("1 school", b -> keepSchools(b, 1), "schools"),
                row("no schools", b -> keepSchools(b, 0), "schools"),
                row("31 schools", b -> manySchools(b, 31), "schools"),
                row("only 1 state school (EARLY_LEARNING, TERTIARY)", b -> {
                    school(b, 1).put("type", "EARLY_LEARNING");
                    school(b, 2).put("type", "TERTIARY");
                }, "schools"),
                row("2 schools, one of them EARLY_LEARNING", b -> {
                    keepSchools(b, 2);
                    school(b, 1).put("type", "EARLY_LEARNING");
                }, "schools"),
                row("unknown school type", b -> school(b, 0).put("type", "KURA"), "schools[0].type"),

                // school numbers
                row("duplicate school number", b -> school(b, 2).put("schoolNumber", "9101"), "schools[2].schoolNumber"),
                row("school number with a letter", b -> school(b, 0).put("schoolNumber", "91O1"), "schools[0].schoolNumber"),
                row("negative school number", b -> school(b, 0).put("schoolNumber", "-9101"), "schools[0].schoolNumber"),
                row("school number with a space", b -> school(b, 0).put("schoolNumber", "91 01"), "schools[0].schoolNumber"),
                row("school number of 11 digits", b -> school(b, 0).put("schoolNumber", "12345678901"), "schools[0].schoolNumber"),
                row("school number empty", b -> school(b, 0).put("schoolNumber", ""), "schools[0].schoolNumber"),
                row("school name of 201 characters", b -> school(b, 0).put("name", "n".repeat(201)), "schools[0].name"),

                // roll
                row("negative roll", b -> school(b, 0).put("roll", -1), "schools[0].roll"),
                row("roll 10001", b -> school(b, 0).put("roll", 10_001), "schools[0].roll"),
                row("fractional roll", b -> school(b, 0).put("roll", new BigDecimal("182.5")), "schools[0].roll"),
                row("roll beyond int", b -> school(b, 0).put("roll", 99_999_999_999L), "schools[0].roll"),
                raw("roll with a huge exponent", EoiBodies.text(EoiBodies.valid())
                        .replace("\"roll\":182", "\"roll\":1e999999999"), "schools[0].roll"),

                // teacher FTE
                row("teacherFte -1", b -> school(b, 0).put("teacherFte", -1), "schools[0].teacherFte"),
                row("teacherFte 1000.5", b -> school(b, 0).put("teacherFte", new BigDecimal("1000.5")), "schools[0].teacherFte"),
                row("teacherFte with 3 decimal places", b -> school(b, 0).put("teacherFte", new BigDecimal("11.125")),
                        "schools[0].teacherFte"),
                row("teacherFte with 39 significant digits", b -> school(b, 0).put("teacherFte",
                        new BigDecimal("12.0000000000000000000000000000000000001")), "schools[0].teacherFte"),
                row("teacherFte below DynamoDB's smallest number", b -> school(b, 0).put("teacherFte",
                        new BigDecimal("1E-400")), "schools[0].teacherFte"),

                // board endorsement (kahui-ako)
                row("a board has not endorsed a kahui-ako application", b -> school(b, 1).put("boardEndorsed", false),
                        "schools[1].boardEndorsed"),

                // challenges
                row("0 challenges", b -> b.putArray("proposedChallenges"), "proposedChallenges"),
                row("6 challenges", b -> b.putArray("proposedChallenges").add("ATTENDANCE").add("ENGAGEMENT")
                        .add("ACHIEVEMENT").add("TRANSITIONS").add("WELLBEING").add("ATTENDANCE"), "proposedChallenges"),
                row("duplicate challenge", b -> b.putArray("proposedChallenges").add("ATTENDANCE").add("ATTENDANCE"),
                        "proposedChallenges[1]"),
                row("unknown challenge", b -> b.putArray("proposedChallenges").add("HOMEWORK"), "proposedChallenges[0]"),
                row("challenge in lower case", b -> b.putArray("proposedChallenges").add("attendance"),
                        "proposedChallenges[0]"),

                // rationale
                row("rationale of 4001 characters", b -> b.put("rationale", "r".repeat(4001)), "rationale"));
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @MethodSource("rejected")
    void rejectsWith400NamingTheField(String body, String field) {
        Problem e = Problem.of(catchThrowable(() -> SubmitEoiRequest.parse(body)));

        assertThat(e).as("should have been rejected").isNotNull();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.type()).isEqualTo("/problems/validation");
        assertThat(e.errors()).extracting(FieldError::field).containsExactly(field);
        assertThat(e.errors().getFirst().message()).isNotBlank();
        assertThat(e.getMessage()).startsWith(field + ": ");
    }

    @Test
    void reportsEveryFieldAtFaultInOneAnswer() {
        ObjectNode b = EoiBodies.valid();
        b.put("communityName", "Ōt");
        contact(b).put("email", "nope");
        school(b, 0).put("roll", -5);
        b.put("colour", "blue");

        Problem e = Problem.of(catchThrowable(() -> SubmitEoiRequest.parse(EoiBodies.text(b))));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errors()).extracting(FieldError::field)
                .containsExactly("colour", "communityName", "contact.email", "schools[0].roll");
        assertThat(e.getMessage()).isEqualTo("4 fields are invalid");
    }

    // ------------------------------------------------------------------ accepted

    static Stream<Arguments> accepted() {
        return Stream.of(
                row("the sample body", b -> { }, null),
                row("community name of 3 characters", b -> b.put("communityName", "Ōta"), null),
                row("community name of 120 characters", b -> b.put("communityName", "K".repeat(120)), null),
                row("community name of 120 macrons", b -> b.put("communityName", "Ō".repeat(120)), null),
                row("community name of 120 emoji (counted as characters, not UTF-16 units)",
                        b -> b.put("communityName", "🏫".repeat(120)), null),
                row("2 schools", b -> keepSchools(b, 2), null),
                row("30 schools", b -> manySchools(b, 30), null),
                row("early learning and tertiary beside 2 state schools", b -> {
                    keepSchools(b, 2);
                    schools(b).add(EoiBodies.school("70001", "Ōtaki Kindergarten", "EARLY_LEARNING", 40, "3"));
                    schools(b).add(EoiBodies.school("80001", "Te Wānanga o Raukawa", "TERTIARY", 900, "60"));
                }, null),
                row("roll 0 and 10000", b -> {
                    school(b, 0).put("roll", 0);
                    school(b, 1).put("roll", 10_000);
                }, null),
                row("teacherFte 0 and 1000", b -> {
                    school(b, 0).put("teacherFte", 0);
                    school(b, 1).put("teacherFte", 1000);
                }, null),
                row("teacherFte with 2 decimal places", b -> school(b, 0).put("teacherFte", new BigDecimal("11.25")), null),
                row("boardEndorsed false under school-improvement", b -> {
                    b.put("programme", "school-improvement");
                    school(b, 1).put("boardEndorsed", false);
                }, null),
                row("1 challenge", b -> b.putArray("proposedChallenges").add("WELLBEING"), null),
                row("all 5 challenges", b -> b.putArray("proposedChallenges").add("ATTENDANCE").add("ENGAGEMENT")
                        .add("ACHIEVEMENT").add("TRANSITIONS").add("WELLBEING"), null),
                row("rationale of 4000 characters", b -> b.put("rationale", "r".repeat(4000)), null),
                row("optional region, phone and rationale left out", b -> {
                    b.remove("region");
                    b.remove("rationale");
                    contact(b).remove("phone");
                }, null),
                row("optional fields null", b -> {
                    b.putNull("region");
                    b.putNull("rationale");
                    contact(b).putNull("phone");
                }, null));
    }

    @ParameterizedTest(name = "accepts {0}")
    @MethodSource("accepted")
    void accepts(String body, String ignored) {
        EoiApplication app = SubmitEoiRequest.parse(body);

        assertThat(app.schools()).isNotEmpty();
        assertThat(app.proposedChallenges()).isNotEmpty();
    }

    @Test
    void keepsUnicodeNamesExactly() {
        EoiApplication app = SubmitEoiRequest.parse(EoiBodies.text(EoiBodies.valid()));

        assertThat(app.programme()).isEqualTo(Programme.KAHUI_AKO);
        assertThat(app.communityName()).isEqualTo("Kāhui Ako o Ōtaki");
        assertThat(app.contact().name()).isEqualTo("Mere Rāwiri");
        assertThat(app.schools()).extracting(School::name)
                .containsExactly("Ōtaki School", "Waitohu School", "Ōtaki College");
        assertThat(app.schools()).extracting(School::schoolNumber).containsExactly("9101", "9102", "9103");
        assertThat(app.schools()).extracting(School::type)
                .containsExactly(SchoolType.PRIMARY, SchoolType.PRIMARY, SchoolType.SECONDARY);
        assertThat(app.schools()).extracting(School::roll).containsExactly(182, 341, 512);
        assertThat(app.schools()).extracting(School::teacherFte)
                .containsExactly(new BigDecimal("11.5"), new BigDecimal("19.2"), new BigDecimal("38"));
        assertThat(app.totalRoll()).isEqualTo(1035);
        assertThat(app.proposedChallenges())
                .containsExactly(ChallengeArea.ATTENDANCE, ChallengeArea.ACHIEVEMENT, ChallengeArea.WELLBEING);
        assertThat(app.rationale()).contains("whānau");
    }

    @Test
    void doesNotNormaliseUnicode() {
        // "Ōtaki" written with a combining macron (NFD) stays in that form: kept exactly, not normalised.
        String decomposed = Normalizer.normalize("Kāhui Ako o Ōtaki", Normalizer.Form.NFD);
        ObjectNode b = EoiBodies.valid();
        b.put("communityName", decomposed);

        assertThat(SubmitEoiRequest.parse(EoiBodies.text(b)).communityName()).isEqualTo(decomposed)
                .isNotEqualTo("Kāhui Ako o Ōtaki");
    }

    @Test
    void normalisesTeacherFteWithoutChangingItsValue() {
        ObjectNode b = EoiBodies.valid();
        school(b, 0).put("teacherFte", new BigDecimal("12.50"));
        school(b, 1).put("teacherFte", new BigDecimal("1E+2"));

        List<School> schools = SubmitEoiRequest.parse(EoiBodies.text(b)).schools();

        assertThat(schools.get(0).teacherFte().toPlainString()).isEqualTo("12.5");
        assertThat(schools.get(1).teacherFte().toPlainString()).isEqualTo("100");
    }

    // ------------------------------------------------------------------ helpers

    private static Arguments raw(String description, String body, String field) {
        return arguments(Named.of(description, body), field);
    }

    private static Arguments row(String description, Consumer<ObjectNode> change, String field) {
        ObjectNode body = EoiBodies.valid();
        change.accept(body);
        return arguments(Named.of(description, EoiBodies.text(body)), field);
    }

    private static ObjectNode contact(ObjectNode body) {
        return (ObjectNode) body.get("contact");
    }

    private static ArrayNode schools(ObjectNode body) {
        return (ArrayNode) body.get("schools");
    }

    private static ObjectNode school(ObjectNode body, int index) {
        return (ObjectNode) schools(body).get(index);
    }

    private static ArrayNode challenges(ObjectNode body) {
        return (ArrayNode) body.get("proposedChallenges");
    }

    private static void keepSchools(ObjectNode body, int count) {
        ArrayNode schools = schools(body);
        while (schools.size() > count) {
            schools.remove(schools.size() - 1);
        }
    }

    private static void manySchools(ObjectNode body, int count) {
        ArrayNode schools = body.putArray("schools");
        for (int i = 0; i < count; i++) {
            schools.add(EoiBodies.school(String.valueOf(5000 + i), "School " + i, "PRIMARY", 100, "6"));
        }
    }
}
