package org.schoolcollab.grant;

import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.api.ApiException;
import org.schoolcollab.api.Caller;
import org.schoolcollab.api.FieldError;
import org.schoolcollab.api.JsonBody;
import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.funding.FundingPolicy;
import org.schoolcollab.funding.Money;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Staff award a grant to a community. The purposes a programme accepts and its currency come from its funding
 * policy document; the amount is a decimal string, positive, at most two decimals, never a float.
 */
public final class GrantService {
    public static final int MAX_DESCRIPTION = 2_000;
    /** A sanity bound on one grant, far above any real programme's figure (Dorset's whole fund was £100,000). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000.00");
    private static final Set<String> FIELDS = Set.of("purpose", "amount", "description");
    private static final Set<String> AMOUNT_FIELDS = Set.of("value", "currency");
    private static final Pattern DECIMAL = Pattern.compile("^[0-9]{1,15}(\\.[0-9]{1,2})?$");

    private final CommunityService communities;
    private final GrantStore store;
    private final FundingPolicies policies;
    private final Clock clock;
    private final Supplier<String> ids;

    public GrantService(CommunityService communities, GrantStore store, FundingPolicies policies, Clock clock) {
        this(communities, store, policies, clock, () -> UUID.randomUUID().toString());
    }

    public GrantService(CommunityService communities, GrantStore store, FundingPolicies policies, Clock clock,
                        Supplier<String> ids) {
        this.communities = communities;
        this.store = store;
        this.policies = policies;
        this.clock = clock;
        this.ids = ids;
    }

    public Grant award(Caller caller, String communityId, String body) {
        caller.requireStaff();
        JsonNode root = JsonBody.object(body);
        Community community = communities.get(caller, communityId);
        FundingPolicy policy = policies.forProgramme(community.programme().id());
        List<String> purposes = policy.grantPurposes();
        if (purposes.isEmpty()) {
            throw ApiException.unprocessable("/problems/no-grants", "This programme awards no grants",
                    "the " + policy.policyId() + " funding policy (version " + policy.version()
                            + ") names no grant purposes, so no grant can be recorded for this community");
        }
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
        Money amount = amount(root.get("amount"), policy.currency(), errors);
        String description = null;
        JsonNode d = root.get("description");
        if (d != null && !d.isNull()) {
            if (!d.isTextual() || d.textValue().isBlank()) {
                errors.add(new FieldError("description", "must be a non-blank string"));
            } else if (d.textValue().codePointCount(0, d.textValue().length()) > MAX_DESCRIPTION) {
                errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
            } else {
                description = d.textValue();
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Grant grant = new Grant(ids.get(), community.id(), community.programme(), purpose, amount, description,
                caller.sub(), caller.email(), clock.instant(), community.name(), community.contact());
        store.create(grant);
        return grant;
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
            } else if (value.compareTo(MAX_AMOUNT) > 0) {
                errors.add(new FieldError("amount.value", "must be at most " + MAX_AMOUNT.toPlainString()));
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
