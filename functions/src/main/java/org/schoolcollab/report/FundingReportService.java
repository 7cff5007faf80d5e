package org.schoolcollab.report;

import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.funding.FundingRecord;
import org.schoolcollab.funding.FundingStore;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.kernel.School;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finance's view: a programme's funding records from one day to another, with names and totals. */
public final class FundingReportService {
    /** More rows than a finance import needs at once, and about what one response can carry: narrow the dates. */
    public static final int MAX_ROWS = 10_000;
    /** Where a report without {@code from} begins and one without {@code to} ends: every record this product holds. */
    private static final Instant EARLIEST = Instant.parse("2014-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    private final CommunityService communities;
    private final FundingStore funding;

    public FundingReportService(CommunityService communities, FundingStore funding) {
        this.communities = communities;
        this.funding = funding;
    }

    public FundingReport report(Actor actor, Programme programme, Optional<LocalDate> from, Optional<LocalDate> to) {
        actor.requireStaff();
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw Rejection.invalid(List.of(new FieldError("to", "must be on or after from (" + from.get() + ")")));
        }
        Instant start = from.map(d -> d.atStartOfDay(programme.zone()).toInstant()).orElse(EARLIEST);
        Instant end = to.map(d -> d.plusDays(1).atStartOfDay(programme.zone()).toInstant())
                .orElse(LATEST); // a yearly allowance is dated when its schedule fired, which may be a run ahead of time
        List<FundingRecord> records = funding.forProgramme(programme.id(), start, end);
        if (records.size() > MAX_ROWS) {
            throw Rejection.notApplicable("report-too-large", "Too many records for one report",
                    "the period holds " + records.size() + " funding records, more than " + MAX_ROWS
                            + " in one report: choose a shorter period with from and to");
        }
        Map<String, Community> byId = communities.every(actor, programme).stream()
                .collect(Collectors.toMap(Community::id, Function.identity()));
        List<FundingReport.Row> rows = new ArrayList<>(records.size());
        Map<String, FundingReport.Total> totals = new TreeMap<>();
        for (FundingRecord r : records) {
            Optional<Community> c = Optional.ofNullable(byId.get(r.communityId()));
            String school = r.line().recipientSchoolNumber();
            String schoolName = school == null ? "" : c.flatMap(x -> x.members().stream()
                    .filter(s -> s.schoolNumber().equals(school)).findFirst()).map(School::name).orElse("");
            rows.add(new FundingReport.Row(r, c.map(Community::name).orElse(""), schoolName));
            if (r.line().amount() != null) {
                totals.merge(r.line().kind() + "|" + r.line().amount().currency(),
                        new FundingReport.Total(r.line().kind(), r.line().amount(), 1),
                        (a, b) -> new FundingReport.Total(a.kind(), a.total().plus(b.total()), a.records() + 1));
            }
        }
        return new FundingReport(programme, from, to, rows, new ArrayList<>(totals.values()));
    }
}
