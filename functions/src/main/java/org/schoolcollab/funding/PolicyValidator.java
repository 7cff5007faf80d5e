package org.schoolcollab.funding;

import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.kernel.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a policy document must be before any rule reads it: checked once on load, every problem reported at
 * once with its path. Amounts are decimal strings (a JSON number with a fraction is read as a float by most
 * tools, so the document has none at all), the currency is ISO 4217, and every figure names its source.
 */
final class PolicyValidator {
    private static final Set<String> TOP_FIELDS = Set.of("programme", "policyId", "version", "currency",
            "effectiveFrom", "notes", "sources", "rules");
    private static final Set<String> FIGURE_MARKERS = Set.of("status", "amount", "value");
    private static final Pattern PROGRAMME = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern AMOUNT = Pattern.compile("^-?[0-9]{1,15}(\\.[0-9]{1,2})?$");
    private static final Pattern DECIMAL = Pattern.compile("^-?[0-9]+(\\.[0-9]+)?$");
    private static final Pattern DATE_LIKE_VERSION = Pattern.compile("^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$");
    /** A figure under rules.roles that divides into a role count: pupilsPerRole, withinSchoolRolesPerExtraAcrossSchoolRole. */
    private static final Pattern ROLE_COUNT_DIVISOR = Pattern.compile("^[A-Za-z]+Per[A-Za-z]*Role$");

    private final List<String> problems = new ArrayList<>();
    private Set<String> sourceKeys = Set.of();

    private PolicyValidator() {}

    /** Throws {@link PolicyDocumentException} listing every problem; returns quietly for a valid document. */
    static void validate(String resource, JsonNode root) {
        PolicyValidator v = new PolicyValidator();
        v.check(root);
        if (!v.problems.isEmpty()) {
            throw new PolicyDocumentException(resource, v.problems);
        }
    }

    private void check(JsonNode root) {
        if (root == null || !root.isObject()) {
            problem("(document)", "must be a JSON object");
            return;
        }
        root.properties().forEach(e -> {
            if (!TOP_FIELDS.contains(e.getKey())) {
                problem(e.getKey(), "is not a known field; known: " + String.join(", ", TOP_FIELDS.stream().sorted().toList()));
            }
        });
        noFloats(root, "");

        JsonNode programme = root.get("programme");
        if (programme == null || !programme.isTextual() || !PROGRAMME.matcher(programme.textValue()).matches()) {
            problem("programme", "is required: the programme id in lower case with dashes, e.g. \"kahui-ako\"");
        }
        JsonNode policyId = root.get("policyId");
        if (policyId == null || !policyId.isTextual() || policyId.textValue().isBlank()) {
            problem("policyId", "is required text");
        }
        version(root.get("version"));
        JsonNode currency = root.get("currency");
        if (currency == null || !currency.isTextual() || !Money.isIsoCurrency(currency.textValue())) {
            problem("currency", "must be an ISO 4217 code of 3 capital letters (NZD, GBP), got " + currency);
        }
        JsonNode from = root.get("effectiveFrom");
        if (from == null || !from.isTextual() || !isDate(from.textValue())) {
            problem("effectiveFrom", "must be a date, yyyy-mm-dd, got " + from);
        }
        notes(root.get("notes"));
        sources(root.get("sources"));
        rules(root.get("rules"));
    }

    private void version(JsonNode version) {
        if (version != null && version.isIntegralNumber() && version.canConvertToInt() && version.intValue() >= 1) {
            return;
        }
        if (version != null && version.isTextual() && DATE_LIKE_VERSION.matcher(version.textValue()).matches()
                && (isDate(version.textValue()) || isYearMonth(version.textValue()))) {
            return;
        }
        problem("version", "must be a whole number from 1 or a date-like string (\"2026-11\", \"2026-11-23\"), got " + version);
    }

    private void notes(JsonNode notes) {
        if (notes == null) {
            return;
        }
        if (!notes.isArray()) {
            problem("notes", "must be a list of text");
            return;
        }
        for (int i = 0; i < notes.size(); i++) {
            if (!notes.get(i).isTextual()) {
                problem("notes[" + i + "]", "must be text");
            }
        }
    }

    private void sources(JsonNode sources) {
        if (sources == null || !sources.isObject() || sources.isEmpty()) {
            problem("sources", "is required: an object from source key to where the figures come from");
            return;
        }
        sourceKeys = new HashSet<>();
        for (Map.Entry<String, JsonNode> e : sources.properties()) {
            if (!e.getValue().isTextual() || e.getValue().textValue().isBlank()) {
                problem("sources." + e.getKey(), "must say where the figures come from (non-blank text)");
            }
            sourceKeys.add(e.getKey());
        }
    }

    private void rules(JsonNode rules) {
        if (rules == null || !rules.isObject()) {
            problem("rules", "is required: an object of rules");
            return;
        }
        figures(rules, "rules", null);
        for (Map.Entry<String, JsonNode> e : rules.properties()) {
            if (!containsFigure(e.getValue())) {
                problem("rules." + e.getKey(), "has no source: a rule needs at least one figure with a status and a source");
            }
        }
        JsonNode formation = rules.get("formationAllowance");
        if (formation == null) {
            problem("rules.formationAllowance", "is required: state the allowance, or NOT_APPLICABLE with a reason");
        } else if (isFigure(formation)) {
            formationAllowance(formation);
        } else {
            problem("rules.formationAllowance", "must be a figure with an amount, a status and a source");
        }
    }

    /** The formation rule's shape the code relies on: money per member school, with a period. */
    private void formationAllowance(JsonNode formation) {
        if (!formation.has("amount")) {
            problem("rules.formationAllowance", "must give an \"amount\" (null where NOT_APPLICABLE)");
        }
        JsonNode amount = formation.get("amount");
        if (amount != null && !amount.isNull()) {
            if (!"MEMBER_SCHOOL".equals(formation.path("per").asText(null))) {
                problem("rules.formationAllowance.per", "must be \"MEMBER_SCHOOL\", the only basis the rule computes");
            }
            if (!formation.path("period").isTextual()) {
                problem("rules.formationAllowance.period", "is required text, e.g. \"ON_APPROVAL\"");
            }
        }
    }

    /** Checks every figure under {@code node}; {@code key} is the field name {@code node} sits under. */
    private void figures(JsonNode node, String path, String key) {
        if (node.isObject()) {
            if (isFigure(node)) {
                figure(node, path, key);
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                figures(e.getValue(), path + "." + e.getKey(), e.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                figures(node.get(i), path + "[" + i + "]", key);
            }
        }
    }

    private void figure(JsonNode node, String path, String key) {
        SettingStatus status = status(node.get("status"), path);
        JsonNode source = node.get("source");
        if (source == null || !source.isArray() || source.isEmpty()) {
            problem(path, "has no source: give \"source\": [keys of \"sources\"] saying where the figure comes from");
        } else {
            for (JsonNode k : source) {
                if (!k.isTextual() || !sourceKeys.contains(k.textValue())) {
                    problem(path + ".source", "names " + k + ", which is not a key of \"sources\"");
                }
            }
        }
        boolean hasAmount = node.has("amount");
        boolean hasValue = node.has("value");
        if (hasAmount == hasValue) {
            problem(path, hasAmount ? "has both \"amount\" and \"value\"; money goes in amount, anything else in value"
                    : "needs an \"amount\" (money) or a \"value\"");
            return;
        }
        JsonNode value = hasAmount ? node.get("amount") : node.get("value");
        if (hasAmount && !value.isNull()) {
            if (value.isNumber()) {
                problem(path + ".amount", "write amounts as decimal strings, e.g. \"" + asAmount(value) + "\", not JSON numbers");
            } else if (!value.isTextual() || !AMOUNT.matcher(value.textValue()).matches()) {
                problem(path + ".amount", "must be a decimal string with at most 2 decimal places, got " + value);
            }
        }
        if (!hasAmount && value.isTextual() && startsLikeNumber(value.textValue())
                && !DECIMAL.matcher(value.textValue()).matches()) {
            problem(path + ".value", "looks like a number but is not a plain decimal: " + value);
        }
        if ("rounding".equals(key) && !value.isNull()) {
            rounding(value, path);
        }
        if (path.startsWith("rules.roles.") && key != null && ROLE_COUNT_DIVISOR.matcher(key).matches() && !value.isNull()) {
            roleCountDivisor(value, path);
        }
        if (status == null) {
            return;
        }
        if (status.requiresValue() && value.isNull()) {
            problem(path, "is " + status + " but has no value");
        }
        if (status == SettingStatus.MUST_BE_SET && !value.isNull()) {
            problem(path, "is MUST_BE_SET but has a value; once set, mark it PUBLISHED or CHOSEN with its source");
        }
        JsonNode reason = node.get("reason");
        if (status != SettingStatus.PUBLISHED && (reason == null || !reason.isTextual() || reason.textValue().isBlank())) {
            problem(path, "is " + status + " and needs a \"reason\"");
        }
    }

    private SettingStatus status(JsonNode status, String path) {
        List<String> known = Arrays.stream(SettingStatus.values()).map(Enum::name).toList();
        if (status == null || !status.isTextual()) {
            problem(path, "needs a \"status\", one of " + String.join(", ", known));
            return null;
        }
        if (!known.contains(status.textValue())) {
            problem(path + ".status", "unknown status '" + status.textValue() + "'; one of " + String.join(", ", known));
            return null;
        }
        return SettingStatus.valueOf(status.textValue());
    }

    private void rounding(JsonNode value, String path) {
        boolean ok = value.isTextual() && !"UNNECESSARY".equals(value.textValue())
                && Arrays.stream(RoundingMode.values()).anyMatch(m -> m.name().equals(value.textValue()));
        if (!ok) {
            problem(path + ".value", "must name a rounding mode (HALF_UP, CEILING, FLOOR, …), got " + value);
        }
    }

    /** A role count is a total divided by this figure: zero would divide by zero, less than zero give a negative count. */
    private void roleCountDivisor(JsonNode value, String path) {
        BigDecimal divisor = null;
        if (value.isIntegralNumber()) {
            divisor = value.decimalValue();
        } else if (value.isTextual() && DECIMAL.matcher(value.textValue()).matches()) {
            divisor = new BigDecimal(value.textValue());
        } else if (!value.isFloatingPointNumber()) { // a float is reported on its own
            problem(path + ".value", "divides a role count, so must be a number, got " + value);
        }
        if (divisor != null && divisor.signum() <= 0) {
            problem(path + ".value", "divides a role count, so must be greater than 0, got " + divisor.toPlainString());
        }
    }

    /** A JSON number with a fraction anywhere in the document, amounts aside (they get their own message). */
    private void noFloats(JsonNode node, String path) {
        if (node.isFloatingPointNumber() && !path.endsWith(".amount")) {
            problem(path, "is a JSON number with a fraction; write decimals as strings, e.g. \"" + plain(node)
                    + "\", so no float is ever involved");
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                noFloats(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                noFloats(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private static boolean isFigure(JsonNode node) {
        if (!node.isObject()) {
            return false;
        }
        for (String marker : FIGURE_MARKERS) {
            if (node.has(marker)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsFigure(JsonNode node) {
        if (isFigure(node)) {
            return true;
        }
        for (JsonNode child : node) {
            if (containsFigure(child)) {
                return true;
            }
        }
        return false;
    }

    private static String plain(JsonNode number) {
        return number.decimalValue().stripTrailingZeros().toPlainString();
    }

    /** The number as the amount string to write instead: two places where that loses nothing. */
    private static String asAmount(JsonNode number) {
        BigDecimal d = number.decimalValue();
        return d.stripTrailingZeros().scale() <= 2 ? d.setScale(2, RoundingMode.UNNECESSARY).toPlainString()
                : d.toPlainString();
    }

    private static boolean startsLikeNumber(String text) {
        return !text.isEmpty() && (Character.isDigit(text.charAt(0)) || text.charAt(0) == '-' || text.charAt(0) == '.');
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isYearMonth(String text) {
        try {
            YearMonth.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private void problem(String path, String message) {
        problems.add(path + ": " + message);
    }
}
