package org.schoolcollab.kernel;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

/**
 * The programmes the product serves (see shared/DESIGN.md). Per-programme money rules live in the funding
 * policy documents; what is here decides what an application must carry.
 */
public enum Programme {
    /** New Zealand Communities of Learning: each school board's endorsement is recorded on the EOI. */
    KAHUI_AKO("kahui-ako", "NZD", true, ZoneId.of("Pacific/Auckland")),
    /** Dorset-style improvement clusters: registration by head teachers, no board endorsement step. */
    SCHOOL_IMPROVEMENT("school-improvement", "GBP", false, ZoneId.of("Europe/London"));

    private final String id;
    private final String currency;
    private final boolean requiresBoardEndorsement;
    private final ZoneId zone;

    Programme(String id, String currency, boolean requiresBoardEndorsement, ZoneId zone) {
        this.id = id;
        this.currency = currency;
        this.requiresBoardEndorsement = requiresBoardEndorsement;
        this.zone = zone;
    }

    /** Where the programme's schools are: its dates, "today" and its school years are this zone's. */
    public ZoneId zone() { return zone; }

    /** The school year (a calendar year in both programmes) an instant falls in, where the schools are. */
    public int schoolYear(Instant at) {
        return at.atZone(zone).getYear();
    }

    public String id() { return id; }
    public String currency() { return currency; }
    public boolean requiresBoardEndorsement() { return requiresBoardEndorsement; }

    public static Optional<Programme> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}
