package org.schoolcollab.community;

import java.util.Objects;

/**
 * Staff's decision on an application: approve (forming the community, optionally in a wave) or decline (with the
 * reason the schools are told).
 */
public record DecideEoi(String eoiId, EoiDecision.Outcome decision, String wave, String reason) {
    public DecideEoi {
        Objects.requireNonNull(eoiId, "eoiId");
        Objects.requireNonNull(decision, "decision");
        if (decision == EoiDecision.Outcome.DECLINED && reason == null) {
            throw new IllegalArgumentException("a decline says why");
        }
    }
}
