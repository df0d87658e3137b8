package org.jiandu.api.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jiandu.api.rest.Caller;
import org.junit.jupiter.api.Test;

class AggregateTest {
    /** A source of numbers: its items are its numbers above the position, ascending. */
    record Source(List<Integer> numbers) {
        Batch<Integer> after(String position, int limit) {
            int after = position == null ? Integer.MIN_VALUE : Integer.parseInt(position);
            List<Integer> out = numbers.stream().filter(n -> n > after).sorted().limit(limit).toList();
            boolean more = numbers.stream().filter(n -> n > after).count() > limit;
            return new Batch<>(out, out.stream().map(String::valueOf).toList(), more);
        }
    }

    private static final List<String> EXPECTED = List.of("a", "b", "c");

    @Test
    void aFeedMergedFromTwoSourcesReadsEveryItemOnceAcrossPages() {
        Map<String, Source> services = new TreeMap<>(Map.of("a", new Source(List.of(1, 4, 5, 9)),
                "b", new Source(List.of(2, 3, 10))));
        List<Integer> all = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            Answer<Integer> a = Aggregate.merge(services, EXPECTED, cursor, 2, Comparator.naturalOrder(),
                    (s, pos) -> s.after(pos, 2), true);
            all.addAll(a.items());
            cursor = a.cursor();
            if (a.items().isEmpty()) {
                break;
            }
        }
        assertEquals(List.of(1, 2, 3, 4, 5, 9, 10), all);
        // a source installed later starts from its beginning; the others resume where they were
        services.put("c", new Source(List.of(0, 11)));
        Answer<Integer> late = Aggregate.merge(services, EXPECTED, cursor, 10, Comparator.naturalOrder(),
                (s, pos) -> s.after(pos, 10), true);
        assertEquals(List.of(0, 11), late.items());
    }

    @Test
    void anAbsentProducerIsNotInstalledAndAFailingOneIsNamed() {
        Map<String, Source> services = Map.of("a", new Source(List.of(1)));
        Answer<Integer> a = Aggregate.merge(services, EXPECTED, null, 5, Comparator.naturalOrder(),
                (s, pos) -> s.after(pos, 5), false);
        assertEquals(List.of("a"), a.sources().contributed());
        assertEquals(List.of("b", "c"), a.sources().notInstalled());
        assertNull(a.cursor(), "a page with nothing more has no next cursor");
        Answer<Integer> failed = Aggregate.collect(Map.<String, Source>of("a", new Source(List.of(1)), "b",
                new Source(null)), EXPECTED, s -> s.numbers().stream().toList());
        assertEquals(List.of(1), failed.items());
        assertEquals("b", failed.sources().failed().get(0).source());
        assertEquals(List.of("c"), failed.sources().notInstalled());
        assertTrue(!failed.sources().complete());
    }

    @Test
    void aSourceKeepsItsPositionWhileItIsAway() {
        String cursor = Aggregate.encode(Map.of("a", "4", "b", "3"));
        Answer<Integer> a = Aggregate.merge(Map.of("a", new Source(List.of(1, 4, 5))), EXPECTED, cursor, 5,
                Comparator.naturalOrder(), (s, pos) -> s.after(pos, 5), true);
        assertEquals(List.of(5), a.items());
        assertEquals(Map.of("a", "5", "b", "3"), Aggregate.decode(a.cursor()));
        assertThrows(IllegalArgumentException.class, () -> Aggregate.decode("%%%"));
    }

    @Test
    void aCallersOrganisationGivesTheCourtsCallerCoversDecides() {
        for (String org : List.of("京0105", "京", "最高法", "沪01")) {
            CourtScope scope = CourtScope.forOrganisation(org, false);
            for (String court : List.of("京0105", "京01", "沪0101", "沪01", "最高法")) {
                assertEquals(Caller.covers(org, court), scope.covers(court), org + " / " + court);
            }
        }
        assertTrue(CourtScope.forOrganisation(null, false).none());
        assertTrue(CourtScope.forOrganisation(null, true).any());
    }
}
