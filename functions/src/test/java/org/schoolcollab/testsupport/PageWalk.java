package org.schoolcollab.testsupport;

import org.schoolcollab.kernel.Page;
import org.schoolcollab.kernel.PageRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Reads a list to its end a page at a time, passing each page's token to the next, as a client would. */
public final class PageWalk {
    /** More pages than any test list has: a list that never ends fails instead of hanging. */
    private static final int MAX_PAGES = 50;

    private PageWalk() {}

    /** Every page, each as the items' {@code id}s; the last is the one without a token. */
    public static <T, I> List<List<I>> pages(int limit, Function<PageRequest, Page<T>> list, Function<T, I> id) {
        List<List<I>> pages = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            Page<T> page = list.apply(new PageRequest(limit, token));
            if (page.items().size() > limit) {
                throw new AssertionError("a page of " + page.items().size() + " items, over the limit of " + limit);
            }
            pages.add(page.items().stream().map(id).toList());
            token = page.nextToken();
        } while (token.isPresent() && pages.size() < MAX_PAGES);
        if (token.isPresent()) {
            throw new AssertionError("the list did not end within " + MAX_PAGES + " pages");
        }
        return pages;
    }

    /** Every item's {@code id}, in list order, across all the pages. */
    public static <T, I> List<I> all(int limit, Function<PageRequest, Page<T>> list, Function<T, I> id) {
        return pages(limit, list, id).stream().flatMap(List::stream).toList();
    }
}
