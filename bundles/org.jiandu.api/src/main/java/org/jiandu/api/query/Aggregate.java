package org.jiandu.api.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Combines the answers of the query services a reader has collected (a whiteboard of {@link AlertQuery},
 * {@link FindingQuery} …, keyed by their {@code source()}), and says in {@link Sources} which expected producers
 * answered, which are not installed and which failed.
 *
 * <p>A merged page or feed has one cursor for all sources: it holds each source's own position, so that every
 * source resumes exactly after the last of its items the reader was given. It is opaque (URL-safe Base64) and
 * stays valid when a source comes or goes: a source absent now keeps its position for when it returns.
 *
 * <p>Runs on the caller's thread and calls the services one after the other.
 */
public final class Aggregate {
    private Aggregate() {
    }

    /** Which of {@code expected} (and any other registered source) answered, and which are not installed. */
    public static Sources sources(Collection<String> expected, Collection<String> answered,
            List<Sources.Failure> failed) {
        TreeSet<String> missing = new TreeSet<>(expected);
        missing.removeAll(answered);
        for (Sources.Failure f : failed) {
            missing.remove(f.source());
        }
        return new Sources(new ArrayList<>(new TreeSet<>(answered)), new ArrayList<>(missing), failed);
    }

    /**
     * Asks every service a question without paging (a case's deadlines) and concatenates the answers in source
     * order. A service that throws is reported in {@link Sources#failed()}; the others still answer.
     */
    public static <S, T> Answer<T> collect(Map<String, S> services, Collection<String> expected,
            Function<S, List<T>> call) {
        List<T> items = new ArrayList<>();
        List<String> answered = new ArrayList<>();
        List<Sources.Failure> failed = new ArrayList<>();
        for (Map.Entry<String, S> e : new TreeMap<>(services).entrySet()) {
            try {
                items.addAll(call.apply(e.getValue()));
                answered.add(e.getKey());
            } catch (RuntimeException ex) {
                failed.add(new Sources.Failure(e.getKey(), String.valueOf(ex.getMessage())));
            }
        }
        return new Answer<>(items, null, sources(expected, answered, failed));
    }

    /**
     * A page or a feed merged from every service: each is asked for up to {@code limit} items after its own position
     * in {@code cursor} ({@code null} for the first page or the start of the feed); the items are merged in
     * {@code order} (which must agree with each source's own order) and cut at {@code limit}.
     *
     * @param feed whether this is a feed: then the answer's cursor is never {@code null} (it is where to read on
     *             next time); for a page it is {@code null} when no source has more
     * @throws IllegalArgumentException when {@code cursor} is not a cursor this class made
     */
    public static <S, T> Answer<T> merge(Map<String, S> services, Collection<String> expected, String cursor,
            int limit, Comparator<? super T> order, BiFunction<S, String, Batch<T>> call, boolean feed) {
        Map<String, String> positions = decode(cursor);
        List<String> answered = new ArrayList<>();
        List<Sources.Failure> failed = new ArrayList<>();
        Map<String, Batch<T>> batches = new TreeMap<>();
        for (Map.Entry<String, S> e : new TreeMap<>(services).entrySet()) {
            try {
                batches.put(e.getKey(), call.apply(e.getValue(), positions.get(e.getKey())));
                answered.add(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("The cursor is not valid for " + e.getKey() + ": "
                        + ex.getMessage(), ex);
            } catch (RuntimeException ex) {
                failed.add(new Sources.Failure(e.getKey(), String.valueOf(ex.getMessage())));
            }
        }
        Map<String, Integer> taken = new TreeMap<>();
        batches.keySet().forEach(s -> taken.put(s, 0));
        List<T> out = new ArrayList<>();
        while (out.size() < limit) {
            String best = null;
            T bestItem = null;
            for (Map.Entry<String, Batch<T>> b : batches.entrySet()) {
                int i = taken.get(b.getKey());
                if (i < b.getValue().items().size()) {
                    T item = b.getValue().items().get(i);
                    if (best == null || order.compare(item, bestItem) < 0) {
                        best = b.getKey();
                        bestItem = item;
                    }
                }
            }
            if (best == null) {
                break;
            }
            out.add(bestItem);
            int i = taken.merge(best, 1, Integer::sum);
            positions.put(best, batches.get(best).positions().get(i - 1));
        }
        boolean more = false;
        for (Map.Entry<String, Batch<T>> b : batches.entrySet()) {
            more |= taken.get(b.getKey()) < b.getValue().items().size() || b.getValue().more();
        }
        String next = feed || more ? encode(positions) : null;
        return new Answer<>(out, next, sources(expected, answered, failed));
    }

    /** The merged cursor holding each source's position. */
    public static String encode(Map<String, String> positions) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(positions).entrySet()) {
            if (e.getValue() != null) {
                sb.append(e.getKey()).append('\t').append(e.getValue()).append('\n');
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Each source's position in a merged cursor ({@code null} or empty: none). */
    public static Map<String, String> decode(String cursor) {
        Map<String, String> out = new TreeMap<>();
        if (cursor == null || cursor.isEmpty()) {
            return out;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a cursor of this list: " + shorten(cursor), e);
        }
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0 || tab == line.length() - 1) {
                throw new IllegalArgumentException("Not a cursor of this list: " + shorten(cursor));
            }
            out.put(line.substring(0, tab), line.substring(tab + 1));
        }
        return out;
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
