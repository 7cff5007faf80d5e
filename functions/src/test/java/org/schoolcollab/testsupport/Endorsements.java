package org.schoolcollab.testsupport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.kernel.Json;

/**
 * Bodies for POST /communities/{id}/plans/{planId}/decision that endorse, with the role allocation the shipped
 * policy needs (it has no count formula): one across-school role at the leader's school, one within-school role at
 * each school named.
 */
public final class Endorsements {
    private Endorsements() {}

    public static ObjectNode allocation(String leaderSchool, String... schools) {
        ObjectNode a = Json.object();
        a.putArray("acrossSchool").addObject().put("schoolNumber", leaderSchool).put("roles", 1);
        ArrayNode within = a.putArray("withinSchool");
        for (String s : schools) {
            within.addObject().put("schoolNumber", s).put("roles", 1);
        }
        a.put("mergedForExtraAcrossSchool", 0);
        return a;
    }

    public static ObjectNode object(String leaderSchool, String... schools) {
        ObjectNode body = Json.object().put("decision", "ENDORSED").put("leaderSchoolNumber", leaderSchool);
        body.set("roleAllocation", allocation(leaderSchool, schools));
        return body;
    }

    public static String body(String leaderSchool, String... schools) {
        return Json.write(object(leaderSchool, schools));
    }
}
