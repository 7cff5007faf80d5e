package org.schoolcollab.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.community.CommunityFormation;
import org.schoolcollab.community.DecideEoi;
import org.schoolcollab.community.EoiDecision;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Rejection;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the body of POST /expressions-of-interest/{id}/decision, every field at once. */
public final class DecideEoiRequest {
    private static final Set<String> FIELDS = Set.of("decision", "wave", "reason");

    private DecideEoiRequest() {}

    public static DecideEoi read(String eoiId, JsonNode root) {
        List<FieldError> errors = new ArrayList<>();
        JsonBody.rejectUnknown(root, FIELDS, "", errors);
        EoiDecision.Outcome outcome = null;
        JsonNode d = root.get("decision");
        if (d == null || d.isNull()) {
            errors.add(new FieldError("decision", "is required: APPROVED or DECLINED"));
        } else if (!d.isTextual() || !(d.textValue().equals("APPROVED") || d.textValue().equals("DECLINED"))) {
            errors.add(new FieldError("decision", "must be APPROVED or DECLINED"));
        } else {
            outcome = EoiDecision.Outcome.valueOf(d.textValue());
        }
        String wave = JsonBody.optionalText(root, "wave", CommunityFormation.MAX_WAVE, errors);
        String reason = JsonBody.optionalText(root, "reason", CommunityFormation.MAX_REASON, errors);
        if (outcome == EoiDecision.Outcome.DECLINED && reason == null
                && errors.stream().noneMatch(e -> e.field().equals("reason"))) {
            errors.add(new FieldError("reason", "is required when declining: the schools are told why"));
        }
        if (!errors.isEmpty()) {
            throw Rejection.invalid(errors);
        }
        return new DecideEoi(eoiId, outcome, wave, reason);
    }
}
