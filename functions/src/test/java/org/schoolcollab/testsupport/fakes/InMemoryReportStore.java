package org.schoolcollab.testsupport.fakes;

import org.schoolcollab.community.Community;
import org.schoolcollab.community.EoiDecision;
import org.schoolcollab.eoi.EoiStatus;
import org.schoolcollab.eoi.ExpressionOfInterest;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.report.ReportStore;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a report reads, counted from the in-memory applications, their decisions' waves and the communities. */
public final class InMemoryReportStore implements ReportStore {
    private final InMemoryEoiStore eois;
    private final InMemoryCommunityStore communities;
    private final InMemoryDecisionStore decisions;

    public InMemoryReportStore(InMemoryEoiStore eois, InMemoryCommunityStore communities,
                               InMemoryDecisionStore decisions) {
        this.eois = eois;
        this.communities = communities;
        this.decisions = decisions;
    }

    @Override
    public ApplicationCount applications(Programme programme, EoiStatus status, Optional<String> wave) {
        List<ExpressionOfInterest> inStatus = eois.all().stream()
                .filter(e -> e.application().programme() == programme && e.status() == status).toList();
        long inWave = inStatus.stream().filter(e -> wave.isEmpty() || wave.get().equals(waveOf(e))).count();
        return new ApplicationCount(inStatus.size(), inWave);
    }

    @Override
    public List<Community> communities(Programme programme, Optional<String> wave) {
        return communities.all().stream().filter(c -> c.programme() == programme)
                .filter(c -> wave.isEmpty() || wave.get().equals(c.wave())).toList();
    }

    /** The wave the application's decision named, if it was decided in one. */
    private String waveOf(ExpressionOfInterest eoi) {
        return decisions.recorded().stream().filter(d -> d.eoiId().equals(eoi.id())).map(EoiDecision::wave)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }
}
