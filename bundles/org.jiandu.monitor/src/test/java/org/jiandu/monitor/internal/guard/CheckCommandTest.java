package org.jiandu.monitor.internal.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.ValidationException;
import org.jiandu.api.guard.Decision;
import org.jiandu.api.guard.GuardCheck;
import org.jiandu.api.guard.GuardRegistry;
import org.jiandu.api.guard.RecordedCheck;
import org.jiandu.api.guard.Operation;
import org.jiandu.api.guard.Verdict;
import org.jiandu.api.rest.Caller;
import org.junit.jupiter.api.Test;

/** jiandu:check — arguments to an operation, the registry's answer to lines. */
class CheckCommandTest {

    /** A registry whose check answers {@code check}; the command never reads the history. */
    private static GuardRegistry registry(java.util.function.Function<Operation, GuardCheck> check) {
        return new GuardRegistry() {
            @Override
            public GuardCheck check(Operation operation) {
                return check.apply(operation);
            }

            @Override
            public List<RecordedCheck> history(CaseNumber caseNumber, int limit) {
                throw new AssertionError("the command does not read the history");
            }
        };
    }

    @Test
    void pairsBecomeDetailsWithTypesObjectsAndJson() {
        Map<String, Object> d = CheckCommand.parse(List.of("method=ONLINE_AUCTION", "queued=true",
                "undisposedReasons.A-CAR-1=车辆未能实际扣押", "undisposedReasons.A-HOUSE-2=首封法院未移送",
                "firstSeizingCourtRequest=[\"A-HOUSE-2\"]", "text=a=b"));
        assertEquals("ONLINE_AUCTION", d.get("method"));
        assertEquals(Boolean.TRUE, d.get("queued"));
        assertEquals(Map.of("A-CAR-1", "车辆未能实际扣押", "A-HOUSE-2", "首封法院未移送"), d.get("undisposedReasons"));
        assertEquals(List.of("A-HOUSE-2"), d.get("firstSeizingCourtRequest"));
        assertEquals("a=b", d.get("text"));
    }

    @Test
    void aPairWithoutEqualsIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> CheckCommand.parse(List.of("method")));
        assertEquals("INVALID_DETAIL", e.code());
    }

    @Test
    void badJsonIsRefused() {
        assertThrows(ValidationException.class, () -> CheckCommand.parse(List.of("reasons={oops")));
    }

    @Test
    void theCommandAsksTheRegistryAndPrintsEveryVerdict() {
        AtomicReference<Operation> asked = new AtomicReference<>();
        CheckCommand c = new CheckCommand();
        c.registry = registry(op -> {
            asked.set(op);
            List<Verdict> vs = List.of(Verdict.deny("monitor.disposal", "法〔2021〕322号 第17条", "不得准许自行处置：超过90日。",
                    Map.of("periodDays", 120L)), Verdict.allow("monitor.case-money", "法〔2021〕322号 第12条", "不涉及"));
            return new GuardCheck(7, Instant.parse("2026-07-01T02:00:00Z"), op, Decision.DENY, 2, vs);
        });
        c.operationType = "SELF_DISPOSAL";
        c.caseNumber = "(2026)京0105执501号";
        c.details = List.of("periodDays=120");
        List<String> lines = c.lines(new Caller("shell:karaf", Set.of("admin"), null));
        assertEquals("120", asked.get().details().raw("periodDays"));
        assertEquals("shell:karaf", asked.get().requestedBy().user());
        assertEquals("SELF_DISPOSAL （2026）京0105执501号: DENY (2 guard(s) consulted, check #7)", lines.get(0));
        assertTrue(lines.get(1).contains("DENY") && lines.get(1).contains("monitor.disposal")
                && lines.get(1).contains("第17条"), lines.get(1));
        assertTrue(lines.get(2).contains("超过90日"), lines.get(2));
        assertTrue(lines.get(3).contains("\"periodDays\":120"), lines.get(3));
        assertTrue(lines.get(4).contains("ALLOW"), lines.get(4));
    }

    @Test
    void aBadCaseNumberIsRefusedNamingTheArgument() {
        CheckCommand c = new CheckCommand();
        c.registry = registry(op -> {
            throw new AssertionError("not asked");
        });
        c.operationType = "DISPOSE";
        c.caseNumber = "2026-501";
        ValidationException e = assertThrows(ValidationException.class, () -> c.lines(null));
        assertEquals("case", e.field());
    }
}
