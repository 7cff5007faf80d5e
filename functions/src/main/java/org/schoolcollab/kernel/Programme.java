package org.schoolcollab.kernel;

import java.util.Arrays;
import java.util.Optional;

/**
 * The programmes the product serves (see shared/DESIGN.md). Per-programme money rules live in the funding
 * policy documents; what is here decides what an application must carry.
 */
public enum Programme {
    /** New Zealand Communities of Learning: each school board's endorsement is recorded on the EOI. */
    KAHUI_AKO("kahui-ako", "NZD", true),
    /** Dorset-style improvement clusters: registration by head teachers, no board endorsement step. */
    SCHOOL_IMPROVEMENT("school-improvement", "GBP", false);

    private final String id;
    private final String currency;
    private final boolean requiresBoardEndorsement;

    Programme(String id, String currency, boolean requiresBoardEndorsement) {
        this.id = id;
        this.currency = currency;
        this.requiresBoardEndorsement = requiresBoardEndorsement;
    }

    public String id() { return id; }
    public String currency() { return currency; }
    public boolean requiresBoardEndorsement() { return requiresBoardEndorsement; }

    public static Optional<Programme> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}
