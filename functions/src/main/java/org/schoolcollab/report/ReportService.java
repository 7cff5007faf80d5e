package org.schoolcollab.report;

import org.schoolcollab.community.Community;
import org.schoolcollab.eoi.EoiStatus;
import org.schoolcollab.funding.FundingLine;
import org.schoolcollab.funding.FundingRecord;
import org.schoolcollab.funding.FundingStore;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.kernel.Programme;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Staff see a programme in numbers, or one approval wave of it: applications, communities, schools, pupils and
 * funding. What each figure counts, and what a wave narrows, is on {@link ProgrammeSummary}.
 */
public final class ReportService {
    private final ReportStore store;
    private final FundingStore funding;
    private final Clock clock;

    public ReportService(ReportStore store, FundingStore funding, Clock clock) {
        this.store = store;
        this.funding = funding;
        this.clock = clock;
    }

    /** The programme in numbers, or one approval wave of it, for staff. */
    public ProgrammeSummary summary(Actor actor, Programme programme, Optional<String> wave) {
        actor.requireStaff();
        Map<EoiStatus, ReportStore.ApplicationCount> counts = new TreeMap<>();
        for (EoiStatus status : EoiStatus.values()) {
            counts.put(status, store.applications(programme, status, wave));
        }
        long received = counts.values().stream().mapToLong(ReportStore.ApplicationCount::all).sum();
        var applications = new ProgrammeSummary.Applications(received,
                counts.get(EoiStatus.APPROVED).inWave(), counts.get(EoiStatus.DECLINED).inWave(),
                counts.get(EoiStatus.SUBMITTED).all(), counts.get(EoiStatus.WITHDRAWN).all());

        List<Community> communities = store.communities(programme, wave);
        long schools = 0;
        long pupils = 0;
        // Money only (time such as inquiry hours has no currency), by kind then currency.
        Map<String, Map<String, Money>> money = new TreeMap<>();
        for (Community c : communities) {
            schools += c.members().size();
            pupils += c.totalRoll();
            for (FundingRecord r : funding.forCommunity(c.id())) {
                FundingLine line = r.line();
                if (line.amount() != null) {
                    money.computeIfAbsent(line.kind().name(), k -> new TreeMap<>())
                            .merge(line.amount().currency(), line.amount(), Money::plus);
                }
            }
        }
        List<ProgrammeSummary.FundingTotal> totals = new ArrayList<>();
        money.forEach((kind, byCurrency) -> byCurrency.values()
                .forEach(total -> totals.add(new ProgrammeSummary.FundingTotal(kind, total))));
        return new ProgrammeSummary(programme, wave.orElse(null), applications, communities.size(), schools, pupils,
                totals, clock.instant());
    }
}
