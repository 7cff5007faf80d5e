package org.schoolcollab.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.eoi.EoiApplication;
import org.schoolcollab.eoi.SubmitEoi;
import org.schoolcollab.kernel.ChallengeArea;
import org.schoolcollab.kernel.Contact;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.kernel.School;
import org.schoolcollab.kernel.SchoolType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an expression of interest, checking the rules it must meet all at once so the school sees every
 * field at fault in one answer. Hand-written over Jackson's tree: the cross-field rules (unique numbers, state
 * schools, endorsement by programme) need code anyway, and this keeps reflection off the cold start.
 */
public final class SubmitEoiRequest {
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");
    private static final Set<String> TOP_FIELDS = Set.of("programme", "communityName", "region", "contact",
            "schools", "proposedChallenges", "rationale");
    private static final Set<String> CONTACT_FIELDS = Set.of("name", "email", "phone");
    private static final Set<String> SCHOOL_FIELDS = Set.of("schoolNumber", "name", "type", "roll", "teacherFte",
            "boardEndorsed");
    // Deliberately plain: one @, no spaces, a dot in the domain. Deliverability is proven by the mail itself.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()\\-]{5,30}$");
    private static final Pattern SCHOOL_NUMBER = Pattern.compile("^[0-9]{1,10}$");

    private final List<FieldError> errors = new ArrayList<>();

    private SubmitEoiRequest() {}

    /**
     * The submission a request carries: its body's application and, when sent, its Idempotency-Key (with a hash of
     * the body, so the key's reuse with another body is told apart).
     */
    public static SubmitEoi read(APIGatewayV2HTTPEvent event) {
        return read(HttpApi.jsonBody(event), HttpApi.header(event, "Idempotency-Key"));
    }

    /** The submission of this body text, with this Idempotency-Key header if one was sent. */
    public static SubmitEoi read(String body, Optional<String> idempotencyKey) {
        EoiApplication application = parse(body);
        Optional<SubmitEoi.IdempotencyKey> key = idempotencyKey.map(k -> {
            if (!IDEMPOTENCY_KEY.matcher(k).matches()) {
                throw Rejection.invalid("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
            }
            return new SubmitEoi.IdempotencyKey(k, sha256(body));
        });
        return new SubmitEoi(application, key);
    }

    /** Parses and validates a body; a 400 lists every field at fault. */
    public static EoiApplication parse(String body) {
        return new SubmitEoiRequest().validate(JsonBody.object(body));
    }

    public static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private EoiApplication validate(JsonNode root) {
        rejectUnknown(root, TOP_FIELDS, "");
        Programme programme = programme(root.get("programme"));
        String communityName = text(root, "communityName", "communityName", 3, 120, true);
        String region = text(root, "region", "region", 1, 100, false);
        Contact contact = contact(root.get("contact"));
        List<School> schools = schools(root.get("schools"), programme);
        List<ChallengeArea> challenges = challenges(root.get("proposedChallenges"));
        String rationale = text(root, "rationale", "rationale", 0, EoiApplication.MAX_RATIONALE, false);
        if (!errors.isEmpty()) {
            throw Rejection.invalid(errors);
        }
        return new EoiApplication(programme, communityName, region, contact, schools, challenges, rationale);
    }

    private Programme programme(JsonNode node) {
        if (node == null || node.isNull()) {
            error("programme", "is required");
            return null;
        }
        if (!node.isTextual()) {
            error("programme", "must be a string");
            return null;
        }
        return Programme.byId(node.textValue()).orElseGet(() -> {
            error("programme", "unknown programme '" + node.textValue() + "'; known: kahui-ako, school-improvement");
            return null;
        });
    }

    private Contact contact(JsonNode node) {
        if (node == null || node.isNull()) {
            error("contact", "is required");
            return null;
        }
        if (!node.isObject()) {
            error("contact", "must be an object");
            return null;
        }
        rejectUnknown(node, CONTACT_FIELDS, "contact.");
        String name = text(node, "name", "contact.name", 1, 200, true);
        String email = text(node, "email", "contact.email", 3, 254, true);
        if (email != null && !EMAIL.matcher(email).matches()) {
            error("contact.email", "is not a valid email address");
        }
        String phone = text(node, "phone", "contact.phone", 1, 30, false);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            error("contact.phone", "may hold only digits, spaces, brackets, dashes and a leading +");
        }
        return new Contact(name, email, phone);
    }

    private List<School> schools(JsonNode node, Programme programme) {
        List<School> schools = new ArrayList<>();
        if (node == null || node.isNull()) {
            error("schools", "is required");
            return schools;
        }
        if (!node.isArray()) {
            error("schools", "must be an array");
            return schools;
        }
        if (node.size() < EoiApplication.MIN_SCHOOLS || node.size() > EoiApplication.MAX_SCHOOLS) {
            error("schools", "must list " + EoiApplication.MIN_SCHOOLS + " to " + EoiApplication.MAX_SCHOOLS + " schools (got " + node.size() + ")");
            if (node.size() > EoiApplication.MAX_SCHOOLS) {
                return schools;
            }
        }
        Set<String> seen = new HashSet<>();
        int stateSchools = 0;
        for (int i = 0; i < node.size(); i++) {
            String at = "schools[" + i + "]";
            JsonNode s = node.get(i);
            if (!s.isObject()) {
                error(at, "must be an object");
                continue;
            }
            rejectUnknown(s, SCHOOL_FIELDS, at + ".");
            String number = text(s, "schoolNumber", at + ".schoolNumber", 1, 10, true);
            if (number != null) {
                if (!SCHOOL_NUMBER.matcher(number).matches()) {
                    error(at + ".schoolNumber", "must be digits only");
                } else if (!seen.add(number)) {
                    error(at + ".schoolNumber", "school " + number + " is listed more than once");
                }
            }
            String name = text(s, "name", at + ".name", 1, 200, true);
            SchoolType type = enumValue(s.get("type"), at + ".type", SchoolType.class);
            Integer roll = wholeNumber(s.get("roll"), at + ".roll", 0, EoiApplication.MAX_ROLL);
            BigDecimal fte = decimal(s.get("teacherFte"), at + ".teacherFte", BigDecimal.ZERO, EoiApplication.MAX_TEACHER_FTE,
                    EoiApplication.MAX_TEACHER_FTE_DECIMALS);
            Boolean endorsed = bool(s.get("boardEndorsed"), at + ".boardEndorsed");
            if (programme != null && programme.requiresBoardEndorsement() && Boolean.FALSE.equals(endorsed)) {
                error(at + ".boardEndorsed", "every school board must endorse a " + programme.id() + " application");
            }
            if (type != null && type.isStateSchool()) {
                stateSchools++;
            }
            if (number != null && name != null && type != null && roll != null && fte != null && endorsed != null) {
                schools.add(new School(number, name, type, roll, fte, endorsed));
            }
        }
        if (node.size() >= EoiApplication.MIN_SCHOOLS && stateSchools < EoiApplication.MIN_STATE_SCHOOLS) {
            error("schools", "at least " + EoiApplication.MIN_STATE_SCHOOLS
                    + " must be state schools (not EARLY_LEARNING or TERTIARY)");
        }
        return schools;
    }

    private List<ChallengeArea> challenges(JsonNode node) {
        List<ChallengeArea> areas = new ArrayList<>();
        if (node == null || node.isNull()) {
            error("proposedChallenges", "is required");
            return areas;
        }
        if (!node.isArray()) {
            error("proposedChallenges", "must be an array");
            return areas;
        }
        if (node.isEmpty() || node.size() > EoiApplication.MAX_CHALLENGES) {
            error("proposedChallenges", "must name 1 to " + EoiApplication.MAX_CHALLENGES + " areas (got " + node.size() + ")");
            return areas;
        }
        Set<ChallengeArea> seen = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            ChallengeArea area = enumValue(node.get(i), "proposedChallenges[" + i + "]", ChallengeArea.class);
            if (area != null && !seen.add(area)) {
                error("proposedChallenges[" + i + "]", area + " is named more than once");
            }
        }
        areas.addAll(seen);
        return areas;
    }

    private String text(JsonNode parent, String name, String field, int min, int max, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            error(field, "must be a string");
            return null;
        }
        String value = node.textValue();
        int length = value.codePointCount(0, value.length());
        if (required && value.isBlank()) {
            error(field, "must not be blank");
            return null;
        }
        if (length < min || length > max) {
            error(field, "must be " + min + " to " + max + " characters (got " + length + ")");
            return null;
        }
        return value;
    }

    private <E extends Enum<E>> E enumValue(JsonNode node, String field, Class<E> type) {
        if (node == null || node.isNull()) {
            error(field, "is required");
            return null;
        }
        if (!node.isTextual()) {
            error(field, "must be a string");
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(node.textValue())) {
                return e;
            }
        }
        List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        error(field, "unknown value '" + node.textValue() + "'; one of " + String.join(", ", names));
        return null;
    }

    private Integer wholeNumber(JsonNode node, String field, int min, int max) {
        if (node == null || node.isNull()) {
            error(field, "is required");
            return null;
        }
        if (!node.isIntegralNumber()) {
            error(field, node.isNumber() ? "must be a whole number" : "must be a number");
            return null;
        }
        if (!node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            error(field, "must be between " + min + " and " + max);
            return null;
        }
        return node.intValue();
    }

    private BigDecimal decimal(JsonNode node, String field, BigDecimal min, BigDecimal max, int maxDecimals) {
        if (node == null || node.isNull()) {
            error(field, "is required");
            return null;
        }
        if (!node.isNumber()) {
            error(field, "must be a number");
            return null;
        }
        BigDecimal value = node.decimalValue();
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            error(field, "must be between " + min.toPlainString() + " and " + max.toPlainString());
            return null;
        }
        if (value.stripTrailingZeros().scale() > maxDecimals) {
            error(field, "may have at most " + maxDecimals + " decimal places");
            return null;
        }
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    private Boolean bool(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            error(field, "is required");
            return null;
        }
        if (!node.isBoolean()) {
            error(field, "must be true or false");
            return null;
        }
        return node.booleanValue();
    }

    private void rejectUnknown(JsonNode object, Set<String> allowed, String prefix) {
        JsonBody.rejectUnknown(object, allowed, prefix, errors);
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
