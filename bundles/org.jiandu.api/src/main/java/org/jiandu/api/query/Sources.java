package org.jiandu.api.query;

import java.util.List;

/**
 * Which producers an aggregated answer comes from.
 *
 * @param contributed  the sources that answered (possibly with nothing)
 * @param notInstalled the expected sources with no query service registered: their part of the answer is unknown,
 *                     not empty
 * @param failed       the sources whose service threw, with the error's message: their part is unknown too
 */
public record Sources(List<String> contributed, List<String> notInstalled, List<Failure> failed) {
    public Sources {
        contributed = List.copyOf(contributed);
        notInstalled = List.copyOf(notInstalled);
        failed = List.copyOf(failed);
    }

    /** A source that failed to answer. */
    public record Failure(String source, String message) {
    }

    /** Whether every expected source answered. */
    public boolean complete() {
        return notInstalled.isEmpty() && failed.isEmpty();
    }
}
