package org.jiandu.api.calendar;

/**
 * The version of one calendar year's data: which State Council notice (国务院办公厅关于部分节假日安排的通知) it
 * transcribes, a digest of the exact dates used, and where the data came from. Every computed deadline lists the
 * versions it relied on, so a stored due date can be traced to the data that produced it.
 *
 * @param year   the calendar year the notice arranges (its New Year block may start in late December before)
 * @param notice the notice as named by whoever supplied the data, e.g. {@code 国办发明电〔2026〕7号}; for the data
 *               shipped in the bundle {@code bundled}
 * @param digest the first 12 hex digits of the SHA-256 of the year's entries in canonical form
 *               ({@code date,kind,name} lines sorted by date): changes whenever any listed day changes
 * @param source {@code bundled} (the CSV inside the bundle) or {@code config:<pid>} (a Config Admin
 *               configuration, e.g. from {@code etc/org.jiandu.calendar.year-2027.cfg})
 */
public record CalendarVersion(int year, String notice, String digest, String source) {

    /** One-line identifier to store with a result, e.g. {@code 2024:bundled@3f9a0c12d4e5}. */
    public String id() {
        return year + ":" + notice + "@" + digest;
    }
}
