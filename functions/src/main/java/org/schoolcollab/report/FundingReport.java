package org.schoolcollab.report;

import org.schoolcollab.funding.FundingKind;
import org.schoolcollab.funding.FundingRecord;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.kernel.Programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A programme's funding records across its communities for finance, oldest first, each with the names people know
 * (the community's, the paid school's), and the money totals by kind and currency, so an import can be reconciled.
 *
 * @param from the first day included, in the programme's time zone; empty: from the first record
 * @param to   the last day included; empty: up to now
 */
public record FundingReport(Programme programme, Optional<LocalDate> from, Optional<LocalDate> to, List<Row> rows,
                            List<Total> totals) {
    public FundingReport {
        rows = List.copyOf(rows);
        totals = List.copyOf(totals);
    }

    /** @param schoolName the paid school's name, or "" where the record pays the community as a whole */
    public record Row(FundingRecord record, String communityName, String schoolName) {}

    public record Total(FundingKind kind, Money total, int records) {}
}
