package org.schoolcollab.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.report.ProgrammeSummary;

/** The API's representation of a report (openapi.yaml: ProgrammeSummary). */
public final class ReportJson {
    private ReportJson() {}

    public static ObjectNode summary(ProgrammeSummary s) {
        ObjectNode o = Json.object();
        o.put("programme", s.programme().id());
        if (s.wave() == null) {
            o.putNull("wave");
        } else {
            o.put("wave", s.wave());
        }
        o.putObject("applications")
                .put("received", s.applications().received())
                .put("approved", s.applications().approved())
                .put("declined", s.applications().declined())
                .put("pending", s.applications().pending())
                .put("withdrawn", s.applications().withdrawn());
        o.put("communities", s.communities());
        o.put("schools", s.schools());
        o.put("pupils", s.pupils());
        ArrayNode funding = o.putArray("funding");
        s.funding().forEach(t -> funding.addObject()
                .put("kind", t.kind())
                .put("currency", t.total().currency())
                .put("value", t.total().value()));
        o.put("generatedAt", s.generatedAt().toString());
        return o;
    }
}
