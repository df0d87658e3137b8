package org.jiandu.monitor.internal;

import static org.jiandu.api.event.CoreEventTypes.TRANSFERRED_TO_ENFORCEMENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.jiandu.api.config.ConfigReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's first start: the case evaluation updated the deadlines of several cases in one transaction while the
 * first sweep claimed them row by row in due order, and Derby killed one after its deadlock timeout. Here an
 * "evaluation" transaction locks the deadline the sweep claims last, the sweep claims, the evaluation then touches
 * the deadline the sweep claimed first: the sweep must not hold a row while it waits, so both finish.
 */
class SweeperLockOrderTest {
    private static final String A = "（2024）京0105执1001号";
    private static final String B = "（2024）京0105执1002号";
    private Harness h;

    @AfterEach
    void close() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void aSweepAndACaseEvaluationTouchingTheSameDeadlinesInOppositeOrderBothFinish() throws Exception {
        h = new Harness("2024-10-12T10:00:00+08:00");
        h.event(A, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        h.event(B, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        List<Long> due = new ArrayList<>();
        try (Connection c = h.dataSource.getConnection(); Statement s = c.createStatement()) {
            // a deadlock is reported after 2 s rather than Derby's default 20 s, a plain wait after 10 s
            s.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.deadlockTimeout', '2')");
            s.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '10')");
            try (ResultSet rs = s.executeQuery("SELECT ID FROM JD_MON_DEADLINE ORDER BY NEXT_ALERT_AT, ID")) {
                while (rs.next()) {
                    due.add(rs.getLong(1));
                }
            }
        }
        assertEquals(2, due.size(), "two due deadlines");
        long first = due.get(0);
        long last = due.get(1);

        CountDownLatch claimStarts = new CountDownLatch(1);
        CountDownLatch lastLocked = new CountDownLatch(1);
        AtomicReference<Throwable> evaluationFailed = new AtomicReference<>();
        Thread evaluation = new Thread(() -> {
            try (Connection c = h.dataSource.getConnection()) {
                c.setAutoCommit(false);
                if (!claimStarts.await(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("the sweep never claimed");
                }
                touch(c, last);
                lastLocked.countDown();
                // give the sweep the time to claim the first row; then take it too, as an evaluation of both does
                TimeUnit.MILLISECONDS.sleep(300);
                touch(c, first);
                c.commit();
            } catch (Throwable t) {
                evaluationFailed.set(t);
                lastLocked.countDown();
            }
        }, "evaluation");
        evaluation.start();
        // the sweep's connection: when it prepares its claim, the evaluation gets its chance to lock first
        DataSource hooked = hook(h.dataSource, () -> {
            claimStarts.countDown();
            // bounded: when the sweep already holds the table, the evaluation waits for it and cannot signal
            lastLocked.await(2, TimeUnit.SECONDS);
        });
        Sweeper sweeper = new Sweeper(hooked, h.emf, h.rules, h.clock, h.eventAdmin,
                ConfigReader.propertiesOf(h.config));
        Sweeper.Result r = sweeper.sweep();
        evaluation.join(30_000);
        assertNull(evaluationFailed.get(), () -> "the evaluation failed: " + evaluationFailed.get());
        assertEquals(2, r.claimed() + r.lostRaces(), "the sweep read both deadlines: " + r);
    }

    private static void touch(Connection c, long id) throws Exception {
        try (PreparedStatement s = c.prepareStatement("UPDATE JD_MON_DEADLINE SET UPDATED_AT = UPDATED_AT + 1 "
                + "WHERE ID = ?")) {
            s.setLong(1, id);
            assertEquals(1, s.executeUpdate());
        }
    }

    interface Hook {
        void run() throws Exception;
    }

    /** A data source whose connections run {@code beforeClaim} when the sweep prepares its claim statement. */
    private static DataSource hook(DataSource ds, Hook beforeClaim) {
        return (DataSource) Proxy.newProxyInstance(SweeperLockOrderTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (p, m, a) -> {
                    Object result = invoke(ds, m, a);
                    if (!"getConnection".equals(m.getName())) {
                        return result;
                    }
                    Connection c = (Connection) result;
                    return Proxy.newProxyInstance(SweeperLockOrderTest.class.getClassLoader(),
                            new Class<?>[] {Connection.class}, (p2, m2, a2) -> {
                                if ("prepareStatement".equals(m2.getName())
                                        && ((String) a2[0]).startsWith("UPDATE JD_MON_DEADLINE SET FIRED")) {
                                    beforeClaim.run();
                                }
                                return invoke(c, m2, a2);
                            });
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
