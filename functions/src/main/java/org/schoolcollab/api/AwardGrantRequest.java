package org.schoolcollab.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.grant.AwardGrant;
import org.schoolcollab.grant.GrantRules;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.kernel.Rejection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the body of POST /communities/{id}/grants against the community's grant rules, every field at once. */
public final class AwardGrantRequest {
    private static final Set<String> FIELDS = Set.of("purpose", "amount", "description");
    private static final Set<String> AMOUNT_FIELDS = Set.of("value", "currency");
    private static final Pattern DECIMAL = Pattern.compile("^[0-9]{1,15}(\\.[0-9]{1,2})?$");

    private AwardGrantRequest() {}

    public static AwardGrant read(JsonNode root, GrantRules rules) {
        List<String> purposes = rules.purposes();
        List<FieldError> errors = new ArrayList<>();
        JsonBody.rejectUnknown(root, FIELDS, "", errors);
        String purpose = null;
        JsonNode p = root.get("purpose");
        if (p == null || p.isNull()) {
            errors.add(new FieldError("purpose", "is required: one of " + String.join(", ", purposes)));
        } else if (!p.isTextual() || !purposes.contains(p.textValue())) {
            errors.add(new FieldError("purpose", "must be one of " + String.join(", ", purposes)));
        } else {
            purpose = p.textValue();
        }
        Money amount = amount(root.get("amount"), rules.currency(), errors);
        String description = JsonBody.optionalText(root, "description", AwardGrant.MAX_DESCRIPTION, errors);
        if (!errors.isEmpty()) {
            throw Rejection.invalid(errors);
        }
        return new AwardGrant(purpose, amount, description);
    }

    private static Money amount(JsonNode node, String currency, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError("amount", "is required: {\"value\": \"12000.00\", \"currency\": \"" + currency + "\"}"));
            return null;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("amount", "must be an object with value and currency"));
            return null;
        }
        int before = errors.size();
        JsonBody.rejectUnknown(node, AMOUNT_FIELDS, "amount.", errors);
        JsonNode v = node.get("value");
        JsonNode c = node.get("currency");
        if (v == null || v.isNull()) {
            errors.add(new FieldError("amount.value", "is required"));
        } else if (!v.isTextual()) {
            errors.add(new FieldError("amount.value", "must be a decimal string such as \"12000.00\" (never a JSON number)"));
        } else if (!DECIMAL.matcher(v.textValue()).matches()) {
            errors.add(new FieldError("amount.value", "must be a positive decimal with at most 2 decimal places"));
        } else {
            BigDecimal value = new BigDecimal(v.textValue());
            if (value.signum() <= 0) {
                errors.add(new FieldError("amount.value", "must be more than zero"));
            } else if (value.compareTo(GrantRules.MAX_AMOUNT) > 0) {
                errors.add(new FieldError("amount.value", "must be at most " + GrantRules.MAX_AMOUNT.toPlainString()));
            }
        }
        if (c == null || c.isNull()) {
            errors.add(new FieldError("amount.currency", "is required"));
        } else if (!c.isTextual() || !c.textValue().equals(currency)) {
            errors.add(new FieldError("amount.currency", "must be " + currency + ", the programme's currency"));
        }
        return errors.size() == before ? Money.of(v.textValue(), currency) : null;
    }
}
