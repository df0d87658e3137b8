package org.jiandu.bench.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code jiandu:jdbc-baseline [rows] [batch]}: the database engine's own limit, for the ingestion benchmark. Inserts
 * rows shaped like ledger entries (same columns and sizes) into a scratch table with plain JDBC batches, one
 * transaction per batch as batch ingestion does, then drops the table. Embedded Derby can be opened by one JVM
 * only, so this has to run inside Karaf to measure the same database the ledger writes to.
 */
@Command(scope = "jiandu", name = "jdbc-baseline",
        description = "Benchmark: raw JDBC batch insert of ledger-shaped rows into the Jiandu database")
@Service
public class JdbcBaselineCommand implements Action {
    @Reference(filter = "(osgi.jndi.service.name=jiandu)")
    private DataSource dataSource;

    @Argument(index = 0, name = "rows", description = "rows to insert (default 100000)")
    private int rows = 100_000;

    @Argument(index = 1, name = "batch", description = "rows per transaction (default 1000)")
    private int batch = 1000;

    @Override
    public Object execute() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE JD_BENCH_BASELINE (CASE_NUMBER VARCHAR(64) NOT NULL, SEQ BIGINT NOT NULL, "
                        + "HOST_EVENT_ID VARCHAR(128) NOT NULL UNIQUE, EVENT_TYPE VARCHAR(100) NOT NULL, "
                        + "OCCURRED_AT VARCHAR(40) NOT NULL, RECORDED_AT VARCHAR(40) NOT NULL, ACTOR_PERSON VARCHAR(128), "
                        + "ACTOR_ROLE VARCHAR(64), ACTOR_ORG VARCHAR(64), PAYLOAD VARCHAR(16000) NOT NULL, "
                        + "CORRECTS VARCHAR(128), APPROVER VARCHAR(128), REASON VARCHAR(1000), "
                        + "PREV_HASH VARCHAR(64) NOT NULL, HASH VARCHAR(64) NOT NULL, PRIMARY KEY (CASE_NUMBER, SEQ))");
            }
            c.setAutoCommit(false);
            String hash = "0".repeat(64);
            long start = System.nanoTime();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO JD_BENCH_BASELINE VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    p.setString(1, "（2025）京0105执" + (i / 20 + 1) + "号");
                    p.setLong(2, i % 20 + 1);
                    p.setString(3, "BASELINE-" + i);
                    p.setString(4, "MONEY_RECEIVED");
                    p.setString(5, "2025-03-04T10:15:00+08:00");
                    p.setString(6, "2025-03-04T02:15:00.123456Z");
                    p.setString(7, "京0105-ZXY12");
                    p.setString(8, "执行员");
                    p.setString(9, "京0105");
                    p.setString(10, "{\"account\":\"法院案款专户\",\"amount\":125000.00}");
                    p.setString(11, null);
                    p.setString(12, null);
                    p.setString(13, null);
                    p.setString(14, hash);
                    p.setString(15, hash);
                    p.addBatch();
                    if ((i + 1) % batch == 0 || i == rows - 1) {
                        p.executeBatch();
                        c.commit();
                    }
                }
            } finally {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE JD_BENCH_BASELINE");
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("jdbc-baseline: %d rows in %.2f s = %.0f rows/s (batches of %d, one commit each)%n",
                    rows, seconds, rows / seconds, batch);
        }
        return null;
    }
}
