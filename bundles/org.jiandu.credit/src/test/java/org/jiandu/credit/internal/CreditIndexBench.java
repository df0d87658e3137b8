package org.jiandu.credit.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.jiandu.api.CaseNumber;
import org.jiandu.api.credit.CreditMeasure;
import org.jiandu.api.query.CourtScope;

/**
 * Benchmark of the cross-case credit views on an index of N measures (default 1,000,000) in a file-based embedded
 * Derby, as the distribution runs it: a person's measures ({@code CreditQueries.person}: the index row read, its
 * facts parsed, the status computed with the calendar) and the overdue lifts of one court ({@code overdueLifts},
 * 50 rows). The baseline, in the same run and on the same database: the same rows read by plain JDBC without
 * parsing or computing (what the database alone costs), so the ratio shows what Jiandu adds.
 *
 * <p>Data: N/2 cases over 120 courts of 6 provinces, each with a restriction and a listing on its debtor; 1 debtor
 * in 5 has a second case; the debtor of 1 case in 47 performed 10–30 days ago and waits for the lift, 1 in 3 was
 * lifted and deleted long ago. Build it once (kept under
 * {@code target/credit-bench-db}; {@code -Dbench.rebuild=true} builds it again).
 *
 * <pre>
 * mvn -B install -DskipTests && mvn -B -pl bundles/org.jiandu.credit \
 *     -Pbench -DskipTests verify            # -Dbench.measures=1000000 -Dbench.queries=2000
 * </pre>
 */
public final class CreditIndexBench {
    private static final String[] PROVINCES = {"京", "沪", "粤", "浙", "苏", "川"};

    private CreditIndexBench() {
    }

    public static void main(String[] args) throws Exception {
        int measures = Integer.getInteger("bench.measures", 1_000_000);
        int queries = Integer.getInteger("bench.queries", 2_000);
        Path dir = Path.of(System.getProperty("bench.dir", "target/credit-bench-db")).toAbsolutePath();
        boolean rebuild = Boolean.getBoolean("bench.rebuild") || !Files.exists(dir.resolve("service.properties"));
        System.setProperty("derby.system.home", dir.getParent().toString());
        EmbeddedDataSource db = new EmbeddedDataSource();
        db.setDatabaseName(dir.toString());
        db.setCreateDatabase("create");
        new CreditSchema(db);
        MeasureIndex index = new MeasureIndex(db, null, CreditCase.CALENDAR, new CreditSettings(new HashMap<>()),
                CreditCase.EVENTS, CreditCase.CLOCK);
        LocalDate today = LocalDate.parse("2026-06-30");
        int cases = measures / 2;
        if (rebuild) {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM JD_CREDIT_MEASURE");
            }
            long t0 = System.nanoTime();
            Map<CaseNumber, Collection<MeasureFacts>> batch = new LinkedHashMap<>();
            for (int i = 0; i < cases; i++) {
                CaseNumber cn = caseNumber(i);
                batch.put(cn, generate(cn, i, today).values());
                if (batch.size() == 500) {
                    index.write(batch);
                    batch.clear();
                }
                if (i % 100_000 == 0 && i > 0) {
                    System.out.printf("  %,d cases indexed, %.0f s%n", i, (System.nanoTime() - t0) / 1e9);
                }
            }
            index.write(batch);
            System.out.printf("indexed %,d measures in %.0f s%n", index.size(), (System.nanoTime() - t0) / 1e9);
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'JD_CREDIT_MEASURE', NULL)");
            }
        }
        System.out.printf("index holds %,d measures%n", index.size());
        CreditQueries q = new CreditQueries(null, index, CreditCase.CALENDAR, new CreditSettings(new HashMap<>()));
        Random random = new Random(7);
        CourtScope court = CourtScope.court("京0105");
        // warm-up: the JIT and Derby's page cache, as a node that has served for a while
        for (int i = 0; i < queries; i++) {
            q.person(person(random.nextInt(cases)), CourtScope.all(), today);
            q.overdueLifts(court, today, 50);
            raw(db, "SELECT FACTS, COURT FROM JD_CREDIT_MEASURE WHERE PERSON_KEY = ?", person(random.nextInt(cases)));
        }
        long[] person = new long[queries];
        long[] personRaw = new long[queries];
        long[] overdue = new long[queries];
        long[] overdueRaw = new long[queries];
        int rows = 0;
        int late = 0;
        for (int i = 0; i < queries; i++) {
            String key = person(random.nextInt(cases));
            long t = System.nanoTime();
            List<CreditMeasure> found = q.person(key, CourtScope.all(), today);
            person[i] = System.nanoTime() - t;
            rows += found.size();
            t = System.nanoTime();
            raw(db, "SELECT FACTS, COURT FROM JD_CREDIT_MEASURE WHERE PERSON_KEY = ? ORDER BY CASE_NUMBER,"
                    + " MEASURE_ID", key);
            personRaw[i] = System.nanoTime() - t;
            t = System.nanoTime();
            late = q.overdueLifts(court, today, 50).size();
            overdue[i] = System.nanoTime() - t;
            t = System.nanoTime();
            raw(db, "SELECT FACTS, COURT FROM JD_CREDIT_MEASURE --DERBY-PROPERTIES index=JD_CREDIT_MEASURE_COURT_LIFT\n"
                    + " WHERE ENDED = 0 AND LIFT_DUE < ? AND (COURT IN (?))"
                    + " ORDER BY LIFT_DUE, CASE_NUMBER, MEASURE_ID", java.sql.Date.valueOf(today), "京0105");
            overdueRaw[i] = System.nanoTime() - t;
        }
        System.out.printf("%n%d queries each; a person has %.1f measures on average; the court's overdue list %d rows%n",
                queries, rows / (double) queries, late);
        System.out.println("| query | p50 ms | p90 ms | p99 ms | max ms | baseline p99 ms (plain JDBC) | ratio p99 |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        line("person's measures (GET /credit/persons/{id})", person, personRaw);
        line("overdue lifts of one court, 50 (GET /credit/overdue-lifts?court=)", overdue, overdueRaw);
    }

    private static void raw(javax.sql.DataSource db, String sql, Object... args) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.setMaxRows(50);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
    }

    private static void line(String what, long[] ns, long[] baseline) {
        long[] s = ns.clone();
        long[] b = baseline.clone();
        Arrays.sort(s);
        Arrays.sort(b);
        double p99 = at(s, 0.99);
        double b99 = at(b, 0.99);
        System.out.printf("| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", what, at(s, 0.5), at(s, 0.9), p99,
                s[s.length - 1] / 1e6, b99, p99 / b99);
    }

    private static double at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    static CaseNumber caseNumber(int i) {
        String province = PROVINCES[i % PROVINCES.length];
        int court = (i / PROVINCES.length) % 20;
        return CaseNumber.parse("（2025）" + province + "01" + String.format("%02d", court + 1) + "执" + (i + 1) + "号");
    }

    /** A debtor per case; every fifth case's debtor is the previous case's (a person with two cases). */
    static String person(int caseIndex) {
        int p = caseIndex % 5 == 4 ? caseIndex - 1 : caseIndex;
        return residentId(19_000_000 + p);
    }

    /** A valid 18-digit resident id, unique per serial: region 11xxxx, born 1980, sequence, check character. */
    private static String residentId(int serial) {
        String b = "11" + String.format("%04d", (serial / 1000) % 10_000) + "1980"
                + String.format("%02d%02d", 1 + serial % 12, 1 + serial % 28) + String.format("%03d", serial % 1000);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (b.charAt(i) - '0') * w[i];
        }
        return b + "10X98765432".charAt(sum % 11);
    }

    private static Map<String, MeasureFacts> generate(CaseNumber cn, int i, LocalDate today) {
        String id = person(i);
        LocalDate decided = today.minusDays(30 + i % 600);
        CreditCase c = CreditCase.of(cn.canonical()).restricted(decided.toString(), "XF-" + i, id)
                .listed(decided.toString(), "SX-" + i, id)
                .on(decided.plusDays(1).toString(), "credit.DECISION_SERVED", "measureId", "SX-" + i)
                .on(decided.plusDays(2).toString(), "credit.MEASURE_PUBLISHED", "measureId", "SX-" + i);
        if (i % 47 == 0) {
            c.on(today.minusDays(10 + i % 20).toString(), "PERFORMANCE_COMPLETED");
        } else if (i % 3 == 0) {
            c.on(decided.plusDays(20).toString(), "PERFORMANCE_COMPLETED")
                    .on(decided.plusDays(22).toString(), "CONSUMPTION_RESTRICTION_LIFTED", "measureId", "XF-" + i)
                    .on(decided.plusDays(22).toString(), "DEFAULTER_DELISTED", "measureId", "SX-" + i);
        }
        return c.measures();
    }
}
