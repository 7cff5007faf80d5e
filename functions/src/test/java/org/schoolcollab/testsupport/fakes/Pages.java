package org.schoolcollab.testsupport.fakes;

import org.schoolcollab.kernel.Page;
import org.schoolcollab.kernel.PageRequest;
import org.schoolcollab.kernel.Rejection;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Paging for the in-memory stores, with tokens as opaque as the DynamoDB adapters' (the list's name and the key of
 * the last item returned) and refused the same way: another list's token or a forged one is the caller's 400.
 */
final class Pages {
    private Pages() {}

    /** The page of {@code sorted} after the token's position, with a token when more items follow. */
    static <T> Page<T> of(String list, List<T> sorted, Function<T, String> key, PageRequest page) {
        int from = 0;
        if (page.nextToken().isPresent()) {
            String after = decode(list, page.nextToken().get());
            from = sorted.size();
            for (int i = 0; i < sorted.size(); i++) {
                if (key.apply(sorted.get(i)).compareTo(after) > 0) {
                    from = i;
                    break;
                }
            }
        }
        List<T> items = sorted.subList(from, Math.min(sorted.size(), from + page.limit()));
        boolean more = from + items.size() < sorted.size();
        return new Page<>(items, more ? Optional.of(encode(list, key.apply(items.getLast()))) : Optional.empty());
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
