package org.jiandu.api.query;

import java.util.List;

/**
 * One source's answer to a paged or feed query: the items in the order asked for, and after each item the cursor
 * that continues right after it (opaque to the caller, meaningful to the source that made it).
 *
 * @param items     the items
 * @param positions {@code positions.get(i)} continues after {@code items.get(i)}; same size as {@code items}
 * @param more      whether the source holds more items beyond the last one (a page cut at its limit)
 */
public record Batch<T>(List<T> items, List<String> positions, boolean more) {
    public Batch {
        items = List.copyOf(items);
        positions = List.copyOf(positions);
        if (items.size() != positions.size()) {
            throw new IllegalArgumentException("A batch needs one position per item: " + items.size() + " items, "
                    + positions.size() + " positions");
        }
    }

    /** An empty batch. */
    public static <T> Batch<T> empty() {
        return new Batch<>(List.of(), List.of(), false);
    }

    /** The cursor after the last item, or {@code given} when there is none. */
    public String next(String given) {
        return positions.isEmpty() ? given : positions.get(positions.size() - 1);
    }
}
