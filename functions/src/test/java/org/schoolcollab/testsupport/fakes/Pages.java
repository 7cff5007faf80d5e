package org.schoolcollab.testsupport.fakes;

import org.schoolcollab.kernel.Page;
import org.schoolcollab.kernel.PageRequest;
import org.schoolcollab.kernel.Rejection;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Paging for the in-memory stores as the DynamoDB adapters page: by the index's own sort key, read forwards or
 * backwards, with tokens as opaque as theirs (the list's name and the key of the last item returned) and refused
 * the same way: another list's token or a forged one is the caller's 400.
 */
final class Pages {
    /** The adapters' fixed-width time in sort keys (nanoseconds always written), so text order is time order. */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Pages() {}

    static String sortable(Instant at) {
        return SORTABLE.format(at);
    }

    /** How the adapter reads its index, which decides when a page carries a token. */
    enum Reading {
        /**
         * One Query with Limit (the application lists, the communities): DynamoDB returns LastEvaluatedKey whenever
         * it stopped at the limit, so a full page always has a token, and the page after an exactly full last page
         * is empty.
         */
        QUERY,
        /** Asking for one item more than the page (the notification log): a token only when more items follow. */
        LOOK_AHEAD
    }

    /** The page after the token's position, the items sorted by {@code key} ascending (ScanIndexForward true). */
    static <T> Page<T> forwards(String list, Collection<T> items, Function<T, String> key, Reading reading,
                                PageRequest page) {
        return of(list, items, key, Comparator.naturalOrder(), reading, page);
    }

    /** The page after the token's position, the items sorted by {@code key} descending (ScanIndexForward false). */
    static <T> Page<T> backwards(String list, Collection<T> items, Function<T, String> key, Reading reading,
                                 PageRequest page) {
        return of(list, items, key, Comparator.reverseOrder(), reading, page);
    }

    private static <T> Page<T> of(String list, Collection<T> items, Function<T, String> key,
                                  Comparator<String> order, Reading reading, PageRequest page) {
        List<T> sorted = items.stream().sorted(Comparator.comparing(key, order)).toList();
        int from = 0;
        if (page.nextToken().isPresent()) {
            String after = decode(list, page.nextToken().get());
            from = sorted.size();
            for (int i = 0; i < sorted.size(); i++) {
                if (order.compare(key.apply(sorted.get(i)), after) > 0) {
                    from = i;
                    break;
                }
            }
        }
        List<T> found = sorted.subList(from, Math.min(sorted.size(), from + page.limit()));
        boolean token = switch (reading) {
            case QUERY -> found.size() == page.limit();
            case LOOK_AHEAD -> from + found.size() < sorted.size();
        };
        return new Page<>(found, token ? Optional.of(encode(list, key.apply(found.getLast()))) : Optional.empty());
    }

    private static String encode(String list, String lastKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((list + "\n" + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String list, String token) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("nextToken", "is not a token this list issued");
        }
        int nl = text.indexOf('\n');
        if (nl < 0 || nl == text.length() - 1) {
            throw Rejection.invalid("nextToken", "is not a token this list issued");
        }
        if (!text.substring(0, nl).equals(list)) {
            throw Rejection.invalid("nextToken", "belongs to another list");
        }
        return text.substring(nl + 1);
    }
}
