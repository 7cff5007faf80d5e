package org.schoolcollab.testsupport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.kernel.Json;

import java.math.BigDecimal;

/** Request bodies for POST /expressions-of-interest: a valid one to start from, for tests to change one thing. */
public final class EoiBodies {
    private EoiBodies() {}

    /** The body of events/submit-eoi.json: kahui-ako, three schools (9101, 9102, 9103), macrons in the names. */
    public static ObjectNode valid() {
        ObjectNode body = Json.object();
        body.put("programme", "kahui-ako");
        body.put("communityName", "Kāhui Ako o Ōtaki");
        body.put("region", "Wellington");
        body.putObject("contact")
                .put("name", "Mere Rāwiri")
                .put("email", "principal@otaki.example.school.nz")
                .put("phone", "+64 6 364 0000");
        ArrayNode schools = body.putArray("schools");
        schools.add(school("9101", "Ōtaki School", "PRIMARY", 182, "11.5"));
        schools.add(school("9102", "Waitohu School", "PRIMARY", 341, "19.2"));
        schools.add(school("9103", "Ōtaki College", "SECONDARY", 512, "38"));
        body.putArray("proposedChallenges").add("ATTENDANCE").add("ACHIEVEMENT").add("WELLBEING");
        body.put("rationale", "Our three schools share whānau and want smoother transitions from primary school to college.");
        return body;
    }

    /** A valid body naming the given schools (all PRIMARY, roll 100 each), under the given community name. */
    public static ObjectNode withSchools(String communityName, String... schoolNumbers) {
        ObjectNode body = valid();
        body.put("communityName", communityName);
        ArrayNode schools = body.putArray("schools");
        for (String number : schoolNumbers) {
            schools.add(school(number, "School " + number, "PRIMARY", 100, "6.5"));
        }
        return body;
    }

    public static ObjectNode school(String number, String name, String type, int roll, String teacherFte) {
        ObjectNode s = Json.object();
        s.put("schoolNumber", number);
        s.put("name", name);
        s.put("type", type);
        s.put("roll", roll);
        s.put("teacherFte", new BigDecimal(teacherFte));
        s.put("boardEndorsed", true);
        return s;
    }

    public static String text(ObjectNode body) {
        return Json.write(body);
    }
}
