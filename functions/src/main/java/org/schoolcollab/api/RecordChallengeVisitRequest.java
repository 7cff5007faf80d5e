package org.schoolcollab.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Ids;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.visit.RecordChallengeVisit;
import org.schoolcollab.visit.VisitOutcome;
import org.schoolcollab.visit.VisitRules;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the body of POST /communities/{id}/challenge-visits against the cluster's visit rules, every field at once. */
public final class RecordChallengeVisitRequest {
    private static final Set<String> FIELDS = Set.of("visitDate", "planId", "outcome", "notes");
    private static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");

    private RecordChallengeVisitRequest() {}

    public static RecordChallengeVisit read(JsonNode root, VisitRules rules) {
        List<FieldError> errors = new ArrayList<>();
        JsonBody.rejectUnknown(root, FIELDS, "", errors);
        LocalDate visitDate = visitDate(root.get("visitDate"), rules, errors);
        String planId = planId(root.get("planId"), rules, errors);
        VisitOutcome outcome = null;
        JsonNode o = root.get("outcome");
        if (o == null || o.isNull()) {
            errors.add(new FieldError("outcome", "is required: ON_TRACK or CHANGES_REQUIRED"));
        } else if (!o.isTextual() || !(o.textValue().equals("ON_TRACK") || o.textValue().equals("CHANGES_REQUIRED"))) {
            errors.add(new FieldError("outcome", "must be ON_TRACK or CHANGES_REQUIRED"));
        } else {
            outcome = VisitOutcome.valueOf(o.textValue());
        }
        String notes = JsonBody.optionalText(root, "notes", RecordChallengeVisit.MAX_NOTES, errors);
        if (!errors.isEmpty()) {
            throw Rejection.invalid(errors);
        }
        return new RecordChallengeVisit(visitDate, planId, outcome, notes);
    }

    /** An ISO date (yyyy-MM-dd) the cluster's rules accept. */
    private static LocalDate visitDate(JsonNode node, VisitRules rules, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError("visitDate", "is required: the date of the visit, yyyy-MM-dd"));
            return null;
        }
        if (!node.isTextual() || !DATE.matcher(node.textValue()).matches()) {
            errors.add(new FieldError("visitDate", "must be a date as yyyy-MM-dd"));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(node.textValue());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("visitDate", "is not a calendar date: " + node.textValue()));
            return null;
        }
        Optional<String> problem = rules.dateProblem(date);
        problem.ifPresent(p -> errors.add(new FieldError("visitDate", p)));
        return problem.isEmpty() ? date : null;
    }

    /** The id of a plan version of the cluster that the rules accept for review. */
    private static String planId(JsonNode node, VisitRules rules, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError("planId", "is required: the id of the action plan version reviewed"));
            return null;
        }
        if (!node.isTextual() || !Ids.isId(node.textValue())) {
            errors.add(new FieldError("planId", "must be the id of a plan of this community"));
            return null;
        }
        Optional<String> problem = rules.planProblem(node.textValue());
        problem.ifPresent(p -> errors.add(new FieldError("planId", p)));
        return problem.isEmpty() ? node.textValue() : null;
    }
}
