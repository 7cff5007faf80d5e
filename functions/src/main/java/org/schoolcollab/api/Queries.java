package org.schoolcollab.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import org.schoolcollab.community.CommunityFormation;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Ids;
import org.schoolcollab.kernel.PageRequest;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.Rejection;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The query parameters the lists and reports share, read into domain values (a bad one is a 400 naming it). */
public final class Queries {
    private Queries() {}

    /** {@code limit} (1 to 100, default 20) and {@code nextToken}, as sent. */
    public static PageRequest page(APIGatewayV2HTTPEvent event) {
        return page(HttpApi.queryParam(event, "limit"), HttpApi.queryParam(event, "nextToken"));
    }

    public static PageRequest page(Optional<String> limitParam, Optional<String> nextToken) {
        int limit = limitParam.map(l -> {
            try {
                int n = Integer.parseInt(l);
                if (n >= 1 && n <= PageRequest.MAX_LIMIT) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw Rejection.invalid("limit", "must be a whole number from 1 to " + PageRequest.MAX_LIMIT);
        }).orElse(PageRequest.DEFAULT_LIMIT);
        return new PageRequest(limit, nextToken);
    }

    /** {@code programme}, required. */
    public static Programme programme(APIGatewayV2HTTPEvent event) {
        Optional<String> value = HttpApi.queryParam(event, "programme");
        programmeProblem(value).ifPresent(p -> {
            throw Rejection.invalid("programme", p);
        });
        return Programme.byId(value.orElseThrow()).orElseThrow();
    }

    /** What is wrong with a {@code programme} parameter, if anything. */
    static Optional<String> programmeProblem(Optional<String> value) {
        if (value.isEmpty()) {
            return Optional.of("is required (kahui-ako or school-improvement)");
        }
        return Programme.byId(value.get()).isPresent() ? Optional.empty()
                : Optional.of("unknown programme '" + value.get() + "'; known: kahui-ako, school-improvement");
    }

    /** {@code communityId}, a community's id when given. */
    public static Optional<String> communityId(APIGatewayV2HTTPEvent event) {
        Optional<String> id = HttpApi.queryParam(event, "communityId");
        id.ifPresent(c -> {
            if (!Ids.isId(c)) {
                throw Rejection.invalid("communityId", "must be a community id (a UUID)");
            }
        });
        return id;
    }

    /** What a programme summary is asked for: a programme (required) and optionally one approval wave of it. */
    public record Summary(Programme programme, Optional<String> wave) {}

    /** {@code programme} and {@code wave} of a summary, both checked before either is refused. */
    public static Summary summary(APIGatewayV2HTTPEvent event) {
        return summary(HttpApi.queryParam(event, "programme"), HttpApi.queryParam(event, "wave"));
    }

    public static Summary summary(Optional<String> programme, Optional<String> wave) {
        List<FieldError> errors = new ArrayList<>();
        programmeProblem(programme).ifPresent(p -> errors.add(new FieldError("programme", p)));
        wave.ifPresent(w -> {
            int length = w.codePointCount(0, w.length());
            if (w.isBlank() || length > CommunityFormation.MAX_WAVE) {
                errors.add(new FieldError("wave", "must be 1 to " + CommunityFormation.MAX_WAVE
                        + " characters, not blank (got " + length + ")"));
            }
        });
        if (!errors.isEmpty()) {
            throw Rejection.invalid(errors);
        }
        return new Summary(Programme.byId(programme.orElseThrow()).orElseThrow(), wave);
    }

    /** What a funding report is asked for: a programme, and the first and last days (both optional). */
    public record FundingPeriod(Programme programme, Optional<LocalDate> from, Optional<LocalDate> to) {}

    /** {@code programme}, {@code from} and {@code to} (dates, 2026-01-31), all checked before any is refused. */
    public static FundingPeriod fundingPeriod(APIGatewayV2HTTPEvent event) {
        List<FieldError> errors = new ArrayList<>();
        Optional<String> programme = HttpApi.queryParam(event, "programme");
        programmeProblem(programme).ifPresent(p -> errors.add(new FieldError("programme", p)));
        Optional<LocalDate> from = date(HttpApi.queryParam(event, "from"), "from", errors);
        Optional<LocalDate> to = date(HttpApi.queryParam(event, "to"), "to", errors);
        if (!errors.isEmpty()) {
            throw Rejection.invalid(errors);
        }
        return new FundingPeriod(Programme.byId(programme.orElseThrow()).orElseThrow(), from, to);
    }

    private static Optional<LocalDate> date(Optional<String> value, String field, List<FieldError> errors) {
        try {
            return value.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date such as 2026-01-31"));
            return Optional.empty();
        }
    }

    /** {@code status}, one of the enum's names when given. */
    public static <E extends Enum<E>> Optional<E> status(APIGatewayV2HTTPEvent event, Class<E> type) {
        return status(HttpApi.queryParam(event, "status"), type);
    }

    public static <E extends Enum<E>> Optional<E> status(Optional<String> value, Class<E> type) {
        return value.map(v -> {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(v)) {
                    return e;
                }
            }
            throw Rejection.invalid("status", "unknown status '" + v + "'; one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        });
    }
}
