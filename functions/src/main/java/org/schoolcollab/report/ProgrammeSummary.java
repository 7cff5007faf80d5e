package org.schoolcollab.report;

import org.schoolcollab.kernel.Money;
import org.schoolcollab.kernel.Programme;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A programme in numbers (GET /reports/summary), optionally for one approval wave.
 *
 * <p>What each figure counts, with and without a wave:
 * <ul>
 *   <li>{@code applications.received}: every application of the programme, whatever its status. Waves are an
 *       approval concept (an application is submitted into no wave), so a wave does not narrow it.</li>
 *   <li>{@code applications.approved}, {@code declined}: decisions made; with a wave, only those made in it.</li>
 *   <li>{@code applications.pending}: applications currently {@code SUBMITTED} (undecided), in no wave yet.</li>
 *   <li>{@code applications.withdrawn}: applications currently {@code WITHDRAWN}; not narrowed by a wave.</li>
 *   <li>{@code communities}, {@code schools} (member schools), {@code pupils} (sum of member rolls),
 *       {@code funding} (money totals by kind and currency of the communities' funding records): the
 *       programme's communities in every status; with a wave, those formed in it.</li>
 * </ul>
 */
public record ProgrammeSummary(Programme programme, String wave, Applications applications, long communities,
                               long schools, long pupils, List<FundingTotal> funding, Instant generatedAt) {
    public ProgrammeSummary {
        Objects.requireNonNull(programme, "programme");
        Objects.requireNonNull(applications, "applications");
        funding = List.copyOf(funding);
        Objects.requireNonNull(generatedAt, "generatedAt");
    }

    /** Application counts; see the class comment for what a wave narrows. */
    public record Applications(long received, long approved, long declined, long pending, long withdrawn) {}

    /** The sum of one kind of funding in one currency. */
    public record FundingTotal(String kind, Money total) {}
}
