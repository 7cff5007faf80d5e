package org.schoolcollab.funding;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One figure of a policy document as written: where it is, how far it can be trusted, and where it comes from.
 *
 * @param path    dotted path from the document root, e.g. {@code rules.inquiryTime.minimumHoursPerSchool}
 * @param value   the {@code amount} or {@code value} node (a copy); a JSON null when there is none
 * @param sources keys into the document's {@code sources}
 * @param reason  why it is chosen, missing or not applicable; null for a plain published figure
 */
public record PolicySetting(String path, SettingStatus status, JsonNode value, List<String> sources, String reason) {
    public PolicySetting {
        sources = List.copyOf(sources);
    }

    public boolean hasValue() {
        return value != null && !value.isNull();
    }
}
