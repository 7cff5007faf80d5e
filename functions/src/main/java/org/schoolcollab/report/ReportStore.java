package org.schoolcollab.report;

import org.schoolcollab.community.Community;
import org.schoolcollab.eoi.EoiStatus;
import org.schoolcollab.kernel.Programme;

import java.util.List;
import java.util.Optional;

/** What a programme report reads: applications by status and wave, and communities by programme. */
public interface ReportStore {

    /**
     * The programme's applications now in this status: how many in all, and how many of those were decided in
     * the wave (the wave the decision named; equal to {@code all} when no wave is given).
     */
    ApplicationCount applications(Programme programme, EoiStatus status, Optional<String> wave);

    /** The programme's communities in every status; with a wave, only those formed in it. */
    List<Community> communities(Programme programme, Optional<String> wave);

    record ApplicationCount(long all, long inWave) {
        public ApplicationCount {
            if (all < 0 || inWave < 0 || inWave > all) {
                throw new IllegalArgumentException("counts out of range: all " + all + ", in wave " + inWave);
            }
        }
    }
}
