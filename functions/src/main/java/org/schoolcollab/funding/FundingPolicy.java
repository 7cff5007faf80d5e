package org.schoolcollab.funding;

import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.kernel.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A programme's funding policy document, parsed and validated (see {@link FundingPolicies}). Rules read figures
 * through it by dotted path from the document root ({@code rules.inquiryTime.minimumHoursPerSchool}); a figure
 * marked {@code MUST_BE_SET} is never read as a value: asking for it throws {@link PolicySettingMissingException}.
 */
public final class FundingPolicy {
    private final String resource;
    private final JsonNode root;
    private final String programme;
    private final String policyId;
    private final String version;
    private final String currency;
    private final LocalDate effectiveFrom;
    private final Map<String, String> sources;

    /** Only from a document {@link PolicyValidator} has passed: the accessors rely on its shape. */
    FundingPolicy(String resource, JsonNode root) {
        this.resource = resource;
        this.root = root.deepCopy();
        this.programme = root.get("programme").textValue();
        this.policyId = root.get("policyId").textValue();
        JsonNode v = root.get("version");
        this.version = v.isIntegralNumber() ? v.asText() : v.textValue();
        this.currency = root.get("currency").textValue();
        this.effectiveFrom = LocalDate.parse(root.get("effectiveFrom").textValue());
        Map<String, String> s = new LinkedHashMap<>();
        root.get("sources").properties().forEach(e -> s.put(e.getKey(), e.getValue().textValue()));
        this.sources = Collections.unmodifiableMap(s);
    }

    /** The classpath resource it was loaded from, e.g. {@code policies/kahui-ako.json}. */
    public String resource() { return resource; }
    public String programme() { return programme; }
    public String policyId() { return policyId; }
    /** An integer ("1") or a date-like string ("2026-11"), as the document writes it. */
    public String version() { return version; }
    public String currency() { return currency; }
    public LocalDate effectiveFrom() { return effectiveFrom; }
    /** Source key to where the figures come from, e.g. {@code ppta-col} to "ppta.org.nz communities-of-learning …". */
    public Map<String, String> sources() { return sources; }

    /** The whole document (a copy), for display and audit. */
    public JsonNode document() {
        return root.deepCopy();
    }

    // ------------------------------------------------------------------ what exists today

    /** The allowance each member school receives on approval; empty where the programme has none. */
    public Optional<Money> formationAllowancePerSchool() {
        return optionalMoney("rules.formationAllowance");
    }

    /** When the formation allowance applies, as the document words it ("ON_APPROVAL"). */
    public String formationAllowancePeriod() {
        return label("rules.formationAllowance.period");
    }

    /** Grant purposes the programme accepts; empty where the document names none. */
    public List<String> grantPurposes() {
        if (!has("rules.grants.purposes")) {
            return List.of();
        }
        PolicySetting s = required("rules.grants.purposes");
        if (!s.value().isArray()) {
            throw new IllegalStateException("setting 'rules.grants.purposes' in " + resource + " is not a list");
        }
        List<String> purposes = new ArrayList<>();
        s.value().forEach(p -> purposes.add(p.asText()));
        return List.copyOf(purposes);
    }

    /** A cap on the total of grants, enforced only where a deployment has set one. */
    public Optional<Money> grantTotalCap() {
        return has("rules.grants.totalCap") ? optionalMoney("rules.grants.totalCap") : Optional.empty();
    }

    /** Every setting that must be set before the rules using it can run, for a start-up report or the README. */
    public List<PolicySetting> settingsToSet() {
        List<PolicySetting> missing = new ArrayList<>();
        PolicyTree.forEachFigure(root.get("rules"), "rules", (path, node) -> {
            PolicySetting s = toSetting(path, node);
            if (s.status() == SettingStatus.MUST_BE_SET) {
                missing.add(s);
            }
        });
        return List.copyOf(missing);
    }

    // ------------------------------------------------------------------ any setting, by path

    /** Whether the document has a node at {@code path} (a figure or a plain field). */
    public boolean has(String path) {
        return PolicyTree.at(root, path) != null;
    }

    /** Whether {@code path} is a figure the document states as NOT_APPLICABLE (the programme has no such rule). */
    public boolean isNotApplicable(String path) {
        JsonNode node = PolicyTree.at(root, path);
        return PolicyTree.isFigure(node) && toSetting(path, node).status() == SettingStatus.NOT_APPLICABLE;
    }

    /** The figure as written, whatever its status. Throws if there is no figure at {@code path}. */
    public PolicySetting setting(String path) {
        JsonNode node = PolicyTree.at(root, path);
        if (!PolicyTree.isFigure(node)) {
            throw new IllegalArgumentException("no setting '" + path + "' in " + resource
                    + (node == null ? "" : " (there is a node there, but not a figure with a status and source)"));
        }
        return toSetting(path, node);
    }

    /** A money figure in the policy's currency. */
    public Money money(String path) {
        PolicySetting s = required(path);
        requireAmount(path);
        return Money.of(s.value().textValue(), currency);
    }

    /** A money figure that may be absent (OPTIONAL or NOT_APPLICABLE without a value); MUST_BE_SET still throws. */
    public Optional<Money> optionalMoney(String path) {
        PolicySetting s = setting(path);
        requireAmount(path);
        if (s.status() == SettingStatus.MUST_BE_SET) {
            throw missing(s);
        }
        return s.hasValue() ? Optional.of(Money.of(s.value().textValue(), currency)) : Optional.empty();
    }

    /** A decimal figure, written as a decimal string ("0.40") or a whole number (50). */
    public BigDecimal decimal(String path) {
        JsonNode v = required(path).value();
        if (v.isIntegralNumber()) {
            return new BigDecimal(v.bigIntegerValue());
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.textValue());
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw new IllegalStateException("setting '" + path + "' in " + resource + " is not a decimal: " + v);
    }

    /** A whole-number figure (a count, a minimum). */
    public int integer(String path) {
        JsonNode v = required(path).value();
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalStateException("setting '" + path + "' in " + resource + " is not a whole number: " + v);
        }
        return v.intValue();
    }

    /** A text figure (a rounding mode, a basis). */
    public String text(String path) {
        JsonNode v = required(path).value();
        if (!v.isTextual()) {
            throw new IllegalStateException("setting '" + path + "' in " + resource + " is not text: " + v);
        }
        return v.textValue();
    }

    /** A plain descriptive field beside the figures ("period": "YEAR"), which needs no source of its own. */
    public String label(String path) {
        JsonNode node = PolicyTree.at(root, path);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException("no text field '" + path + "' in " + resource);
        }
        return node.textValue();
    }

    /** A plain yes/no field beside the figures ({@code "atCommunityRequest": true}), which needs no source of its own. */
    public boolean flag(String path) {
        JsonNode node = PolicyTree.at(root, path);
        if (node == null || !node.isBoolean()) {
            throw new IllegalArgumentException("no yes/no field '" + path + "' in " + resource);
        }
        return node.booleanValue();
    }

    /** The figure, with a value: MUST_BE_SET throws {@link PolicySettingMissingException} naming it. */
    private PolicySetting required(String path) {
        PolicySetting s = setting(path);
        if (s.status() == SettingStatus.MUST_BE_SET) {
            throw missing(s);
        }
        if (!s.hasValue()) {
            throw new IllegalStateException("setting '" + path + "' in " + resource + " has no value (status "
                    + s.status() + ": " + s.reason() + ")");
        }
        return s;
    }

    private void requireAmount(String path) {
        if (!PolicyTree.at(root, path).has("amount")) {
            throw new IllegalArgumentException("setting '" + path + "' in " + resource + " is not an amount of money");
        }
    }

    private PolicySettingMissingException missing(PolicySetting s) {
        return new PolicySettingMissingException(resource, policyId, version, s.path(), s.reason());
    }

    private static PolicySetting toSetting(String path, JsonNode node) {
        JsonNode value = node.has("amount") ? node.get("amount") : node.get("value");
        List<String> sourceKeys = new ArrayList<>();
        node.path("source").forEach(k -> sourceKeys.add(k.asText()));
        JsonNode reason = node.get("reason");
        return new PolicySetting(path, SettingStatus.valueOf(node.get("status").textValue()),
                value == null ? null : value.deepCopy(), sourceKeys,
                reason == null || reason.isNull() ? null : reason.asText());
    }

    @Override
    public String toString() {
        return policyId + " v" + version + " (" + programme + ", " + currency + ", " + resource + ")";
    }
}
