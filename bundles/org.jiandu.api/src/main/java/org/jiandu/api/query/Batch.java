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

    /**
     * The page of {@code rows} a producer read with one row more than {@code limit} (so it knows whether there are
     * more): at most {@code limit} items, each with its {@code position}, and {@code more} when the extra row came.
     *
     * @since query package 1.1.0
     */
    public static <T> Batch<T> page(List<T> rows, int limit, java.util.function.Function<T, String> position) {
        boolean more = rows.size() > limit;
        List<T> kept = more ? rows.subList(0, limit) : rows;
        return new Batch<>(kept, kept.stream().map(position).toList(), more);
    }

    /** The cursor after the last item, or {@code given} when there is none. */
    public String next(String given) {
        return positions.isEmpty() ? given : positions.get(positions.size() - 1);
    }
}
