package org.jiandu.api.query;

import java.util.List;

/**
 * An aggregated answer: the items of every source that answered, in the order asked for, the cursor to continue
 * with, and which sources answered.
 *
 * @param items   the items
 * @param cursor  for a page: continues after the last item, {@code null} when no source has more; for a feed: the
 *                position to pass as {@code since} next time (never {@code null}; unchanged when nothing was new)
 * @param sources which producers contributed, are not installed, or failed
 */
public record Answer<T>(List<T> items, String cursor, Sources sources) {
    public Answer {
        items = List.copyOf(items);
    }
}
