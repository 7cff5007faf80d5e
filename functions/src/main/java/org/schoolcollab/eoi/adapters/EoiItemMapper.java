package org.schoolcollab.eoi.adapters;

import org.schoolcollab.eoi.EoiApplication;
import org.schoolcollab.eoi.EoiStatus;
import org.schoolcollab.eoi.ExpressionOfInterest;
import org.schoolcollab.kernel.ChallengeArea;
import org.schoolcollab.kernel.Contact;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.School;
import org.schoolcollab.kernel.adapters.Items;
import org.schoolcollab.kernel.adapters.Keys;
import org.schoolcollab.kernel.adapters.SchoolAttributes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.schoolcollab.kernel.adapters.Items.num;
import static org.schoolcollab.kernel.adapters.Items.s;
import static org.schoolcollab.kernel.adapters.Items.str;

/** Hand-written mapping between an expression of interest and its item: no reflection, every attribute named. */
public final class EoiItemMapper {
    public static final String TYPE = "EOI";
    /** One per school an application names: pk SCHOOL#&lt;schoolNumber&gt;, sk EOI#&lt;submittedAt&gt;#&lt;id&gt;. */
    public static final String SCHOOL_INDEX_TYPE = "SCHOOL_EOI";
    public static final String SCHOOL_INDEX_SK_PREFIX = "EOI#";

    private EoiItemMapper() {}

    public static String pk(String id) {
        return "EOI#" + id;
    }

    public static String queuePk(EoiStatus status) {
        return "EOI_STATUS#" + status.name();
    }

    public static Map<String, AttributeValue> key(String id) {
        return Map.of(Keys.PK, str(pk(id)), Keys.SK, str(TYPE));
    }

    /** The partition of a school's applications (index items only: the application itself stays under EOI#). */
    public static String schoolPk(String schoolNumber) {
        return "SCHOOL#" + schoolNumber;
    }

    /**
     * The index item that lists the application under one of its schools, written with the application and never
     * changed: it names the application, whose current status is read from the application itself.
     */
    public static Map<String, AttributeValue> schoolIndexItem(ExpressionOfInterest eoi, String schoolNumber) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, str(schoolPk(schoolNumber)));
        item.put(Keys.SK, str(SCHOOL_INDEX_SK_PREFIX + Keys.sortable(eoi.submittedAt()) + "#" + eoi.id()));
        item.put(Keys.TYPE, str(SCHOOL_INDEX_TYPE));
        item.put("schoolNumber", str(schoolNumber));
        item.put("eoiId", str(eoi.id()));
        item.put("programme", str(eoi.application().programme().id()));
        item.put("submittedAt", str(eoi.submittedAt().toString()));
        return item;
    }

    /** The application an index item names. */
    public static String eoiIdOfSchoolIndexItem(Map<String, AttributeValue> item) {
        String type = Items.optS(item, Keys.TYPE).orElse("");
        if (!SCHOOL_INDEX_TYPE.equals(type)) {
            throw new IllegalArgumentException("not a school's application index item (type '" + type + "')");
        }
        return s(item, "eoiId");
    }

    public static Map<String, AttributeValue> toItem(ExpressionOfInterest eoi) {
        EoiApplication app = eoi.application();
        Map<String, AttributeValue> item = new HashMap<>(key(eoi.id()));
        item.put(Keys.TYPE, str(TYPE));
        item.put(Keys.GSI1_PK, str(queuePk(eoi.status())));
        item.put(Keys.GSI1_SK, str(Keys.sortable(eoi.submittedAt()) + "#" + eoi.id()));
        item.put("id", str(eoi.id()));
        item.put("programme", str(app.programme().id()));
        item.put("communityName", str(app.communityName()));
        Items.putIfPresent(item, "region", app.region());
        item.put("contact", SchoolAttributes.contact(app.contact()));
        item.put("schools", SchoolAttributes.schools(app.schools()));
        item.put("proposedChallenges", AttributeValue.fromL(
                app.proposedChallenges().stream().map(c -> str(c.name())).toList()));
        Items.putIfPresent(item, "rationale", app.rationale());
        item.put("totalRoll", num(app.totalRoll()));
        item.put("status", str(eoi.status().name()));
        item.put("submittedBySub", str(eoi.submittedBySub()));
        item.put("submittedByEmail", str(eoi.submittedByEmail()));
        item.put("submittedAt", str(eoi.submittedAt().toString()));
        item.put("history", AttributeValue.fromL(eoi.history().stream().map(EoiItemMapper::historyEntry).toList()));
        Items.putIfPresent(item, "communityId", eoi.communityId());
        return item;
    }

    public static AttributeValue historyEntry(ExpressionOfInterest.HistoryEntry h) {
        Map<String, AttributeValue> entry = new HashMap<>();
        entry.put("at", str(h.at().toString()));
        entry.put("event", str(h.event()));
        entry.put("by", str(h.by()));
        Items.putIfPresent(entry, "wave", h.wave());
        Items.putIfPresent(entry, "reason", h.reason());
        return AttributeValue.fromM(entry);
    }

    public static ExpressionOfInterest fromItem(Map<String, AttributeValue> item) {
        String type = Items.optS(item, Keys.TYPE).orElse("");
        if (!TYPE.equals(type)) {
            throw new IllegalArgumentException("not an EOI item (type '" + type + "')");
        }
        Programme programme = Programme.byId(s(item, "programme"))
                .orElseThrow(() -> new IllegalArgumentException("unknown programme on item"));
        Contact contact = SchoolAttributes.contactFrom(item);
        List<School> schools = SchoolAttributes.schoolsFrom(item, "schools");
        List<ChallengeArea> challenges = SchoolAttributes.list(item, "proposedChallenges").stream()
                .map(v -> ChallengeArea.valueOf(v.s())).toList();
        EoiApplication app = new EoiApplication(programme, s(item, "communityName"),
                Items.optS(item, "region").orElse(null), contact, schools, challenges,
                Items.optS(item, "rationale").orElse(null));
        List<ExpressionOfInterest.HistoryEntry> history = SchoolAttributes.list(item, "history").stream()
                // wave and reason: only on decision entries, and not on those written before entries carried them.
                .map(v -> new ExpressionOfInterest.HistoryEntry(Instant.parse(s(v.m(), "at")), s(v.m(), "event"),
                        s(v.m(), "by"), Items.optS(v.m(), "wave").orElse(null), Items.optS(v.m(), "reason").orElse(null)))
                .toList();
        return new ExpressionOfInterest(s(item, "id"), app, EoiStatus.valueOf(s(item, "status")),
                s(item, "submittedBySub"), s(item, "submittedByEmail"), Instant.parse(s(item, "submittedAt")),
                history, Items.optS(item, "communityId").orElse(null));
    }

}
