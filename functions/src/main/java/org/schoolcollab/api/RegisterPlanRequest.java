package org.schoolcollab.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.kernel.ChallengeArea;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.plan.AchievementChallenge;
import org.schoolcollab.plan.PlanFileType;
import org.schoolcollab.plan.RegisterPlan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a plan registration, checking its rules all at once so the school sees every field at fault: the file's
 * name, declared type and size (the presigned upload is bound to them, and the stored file is checked against
 * them), and the achievement challenges (kahui-ako: 3 to 5) or improvement priorities (school-improvement: 1 or
 * more) the plan commits to.
 */
public final class RegisterPlanRequest {
    private static final Set<String> FIELDS = Set.of("fileName", "contentType", "sizeBytes", "achievementChallenges");
    private static final Set<String> CHALLENGE_FIELDS = Set.of("area", "description", "measure");
    private static final String AREAS = Arrays.stream(ChallengeArea.values()).map(Enum::name)
            .collect(Collectors.joining(", "));
    private static final String TYPES = Arrays.stream(PlanFileType.values()).map(PlanFileType::contentType)
            .collect(Collectors.joining(" or "));

    private final List<FieldError> errors = new ArrayList<>();

    private RegisterPlanRequest() {}

    /** Reads a body (JsonBody.object) for a plan of a community of this programme; a 400 lists every field at fault. */
    public static RegisterPlan read(JsonNode root, Programme programme) {
        return new RegisterPlanRequest().check(root, programme);
    }

    private RegisterPlan check(JsonNode root, Programme programme) {
        JsonBody.rejectUnknown(root, FIELDS, "", errors);
        PlanFileType type = contentType(root.get("contentType"));
        String fileName = fileName(root.get("fileName"), type);
        long size = sizeBytes(root.get("sizeBytes"));
        List<AchievementChallenge> challenges = challenges(root.get("achievementChallenges"), programme);
        if (!errors.isEmpty()) {
            throw Rejection.invalid(errors);
        }
        return new RegisterPlan(fileName, type, size, challenges);
    }

    private PlanFileType contentType(JsonNode node) {
        if (node == null || node.isNull()) {
            error("contentType", "is required: " + TYPES);
            return null;
        }
        if (!node.isTextual()) {
            error("contentType", "must be a string: " + TYPES);
            return null;
        }
        return PlanFileType.byContentType(node.textValue()).orElseGet(() -> {
            error("contentType", "must be " + TYPES + " (a PDF or a Word .docx document)");
            return null;
        });
    }

    private String fileName(JsonNode node, PlanFileType type) {
        if (node == null || node.isNull()) {
            error("fileName", "is required");
            return null;
        }
        if (!node.isTextual()) {
            error("fileName", "must be a string");
            return null;
        }
        String name = node.textValue();
        int length = name.codePointCount(0, name.length());
        if (name.isBlank()) {
            error("fileName", "must not be blank");
        } else if (length > RegisterPlan.MAX_FILE_NAME) {
            error("fileName", "must be at most " + RegisterPlan.MAX_FILE_NAME + " characters");
        } else if (name.chars().anyMatch(c -> Character.isISOControl(c)) || name.contains("/") || name.contains("\\")) {
            error("fileName", "must be a file name without folders or control characters");
        } else if (type != null && !name.toLowerCase(Locale.ROOT).endsWith(type.extension())) {
            error("fileName", "must end in " + type.extension() + " for " + type.contentType());
        } else {
            return name;
        }
        return null;
    }

    private long sizeBytes(JsonNode node) {
        if (node == null || node.isNull()) {
            error("sizeBytes", "is required: the file's size in bytes");
        } else if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            error("sizeBytes", "must be a whole number of bytes");
        } else if (node.longValue() < 1 || node.longValue() > RegisterPlan.MAX_SIZE_BYTES) {
            error("sizeBytes", "must be 1 to " + RegisterPlan.MAX_SIZE_BYTES + " (25 MiB)");
        } else {
            return node.longValue();
        }
        return 0;
    }

    private List<AchievementChallenge> challenges(JsonNode node, Programme programme) {
        List<AchievementChallenge> out = new ArrayList<>();
        boolean kahuiAko = programme == Programme.KAHUI_AKO;
        int min = RegisterPlan.minChallenges(programme);
        int max = RegisterPlan.maxChallenges(programme);
        String what = kahuiAko ? "a kahui-ako plan names " + min + " to " + max + " achievement challenges"
                : "a " + programme.id() + " plan names " + min + " to " + max + " priorities";
        if (node == null || node.isNull()) {
            error("achievementChallenges", "is required: " + what);
            return out;
        }
        if (!node.isArray()) {
            error("achievementChallenges", "must be an array: " + what);
            return out;
        }
        if (node.size() < min || node.size() > max) {
            error("achievementChallenges", what + " (got " + node.size() + ")");
        }
        for (int i = 0; i < node.size(); i++) {
            AchievementChallenge c = challenge(node.get(i), "achievementChallenges[" + i + "]");
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private AchievementChallenge challenge(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            error(path, "must be an object with area, description and measure");
            return null;
        }
        int before = errors.size();
        JsonBody.rejectUnknown(node, CHALLENGE_FIELDS, path + ".", errors);
        ChallengeArea area = null;
        JsonNode a = node.get("area");
        if (a == null || a.isNull()) {
            error(path + ".area", "is required: one of " + AREAS);
        } else if (!a.isTextual()) {
            error(path + ".area", "must be one of " + AREAS);
        } else {
            try {
                area = ChallengeArea.valueOf(a.textValue());
            } catch (IllegalArgumentException e) {
                error(path + ".area", "must be one of " + AREAS);
            }
        }
        String description = text(node.get("description"), path + ".description", RegisterPlan.MAX_DESCRIPTION);
        String measure = text(node.get("measure"), path + ".measure", RegisterPlan.MAX_MEASURE);
        return errors.size() == before ? new AchievementChallenge(area, description, measure) : null;
    }

    private String text(JsonNode node, String path, int max) {
        if (node == null || node.isNull()) {
            error(path, "is required");
        } else if (!node.isTextual()) {
            error(path, "must be a string");
        } else if (node.textValue().isBlank()) {
            error(path, "must not be blank");
        } else if (node.textValue().codePointCount(0, node.textValue().length()) > max) {
            error(path, "must be at most " + max + " characters");
        } else {
            return node.textValue();
        }
        return null;
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
