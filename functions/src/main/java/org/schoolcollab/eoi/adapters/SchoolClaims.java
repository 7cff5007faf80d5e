package org.schoolcollab.eoi.adapters;

import org.schoolcollab.eoi.ExpressionOfInterest;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.adapters.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

import static org.schoolcollab.kernel.adapters.Items.str;

/**
 * A school's claim in a programme: pk CLAIM#&lt;programme&gt;#&lt;schoolNumber&gt;, sk CLAIM. Its existence holds the
 * school for one application (and then its community); writing it on condition that it is absent is what keeps a
 * school in at most one of them.
 */
public final class SchoolClaims {
    public static final String TYPE = "SCHOOL_CLAIM";

    private SchoolClaims() {}

    public static String pk(Programme programme, String schoolNumber) {
        return "CLAIM#" + programme.id() + "#" + schoolNumber;
    }

    public static Map<String, AttributeValue> key(Programme programme, String schoolNumber) {
        return Map.of(Keys.PK, str(pk(programme, schoolNumber)), Keys.SK, str("CLAIM"));
    }

    /** The claim an application makes on one of its schools as it is submitted. */
    public static Map<String, AttributeValue> item(ExpressionOfInterest eoi, String schoolNumber) {
        Map<String, AttributeValue> claim = new HashMap<>(key(eoi.application().programme(), schoolNumber));
        claim.put(Keys.TYPE, str(TYPE));
        claim.put("programme", str(eoi.application().programme().id()));
        claim.put("schoolNumber", str(schoolNumber));
        claim.put("eoiId", str(eoi.id()));
        claim.put("claimedAt", str(eoi.submittedAt().toString()));
        return claim;
    }
}
