package org.jiandu.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.ValidationException;
import org.jiandu.api.guard.Decision;
import org.jiandu.api.guard.GuardCheck;
import org.jiandu.api.guard.Operation;
import org.jiandu.api.guard.OperationGuard;
import org.jiandu.api.guard.Verdict;
import org.junit.jupiter.api.Test;

/** The registry's handling of what guards throw: bad input reaches the caller, any other failure is a DENY. */
class GuardRegistryImplTest {
    private static final Operation FREEZE = new Operation("FREEZE", CaseNumber.parse("（2025）京0105执77号"), null, null);
    private final List<Object> persisted = new ArrayList<>();
    private final GuardRegistryImpl registry = new GuardRegistryImpl(fakeEntityManagerFactory(),
            Clock.fixed(Instant.parse("2025-05-08T02:00:00Z"), ZoneOffset.UTC));

    @Test
    void aValidationExceptionFromAGuardReachesTheCallerAndNothingIsRecorded() {
        ValidationException bad = new ValidationException("NEGATIVE_AMOUNT", "details.amount", "negative");
        registry.addGuard(guard("ok", op -> Verdict.allow("ok", "a", "fine")));
        registry.addGuard(guard("strict", op -> {
            throw bad;
        }));
        ValidationException thrown = assertThrows(ValidationException.class, () -> registry.check(FREEZE));
        assertSame(bad, thrown);
        assertEquals("details.amount", thrown.field());
        assertTrue(persisted.isEmpty(), "a refused request is not a check");
    }

    @Test
    void anyOtherExceptionFromAGuardIsADenyForThatGuardAndIsRecorded() {
        registry.addGuard(guard("ok", op -> Verdict.allow("ok", "a", "fine")));
        registry.addGuard(guard("broken", op -> {
            throw new IllegalStateException("database gone");
        }));
        GuardCheck check = registry.check(FREEZE);
        assertEquals(Decision.DENY, check.decision());
        assertEquals(2, check.guardsConsulted());
        Verdict broken = check.verdicts().get(1);
        assertEquals("broken", broken.guard());
        assertEquals(Decision.DENY, broken.decision());
        assertTrue(broken.reason().contains("database gone"), broken.reason());
        assertEquals(1, persisted.size());
    }

    @Test
    void aGuardAnsweringNothingIsADeny() {
        registry.addGuard(guard("silent", op -> null));
        assertEquals(Decision.DENY, registry.check(FREEZE).decision());
    }

    private static OperationGuard guard(String id, java.util.function.Function<Operation, Verdict> check) {
        return new OperationGuard() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Verdict check(Operation operation) {
                return check.apply(operation);
            }
        };
    }

    /** Just enough JPA to persist a row in memory and give it an id. */
    private EntityManagerFactory fakeEntityManagerFactory() {
        boolean[] active = {false};
        EntityTransaction tx = proxy(EntityTransaction.class, (name, args) -> switch (name) {
            case "begin" -> {
                active[0] = true;
                yield null;
            }
            case "commit", "rollback" -> {
                active[0] = false;
                yield null;
            }
            case "isActive" -> active[0];
            default -> throw new UnsupportedOperationException(name);
        });
        EntityManager em = proxy(EntityManager.class, (name, args) -> switch (name) {
            case "getTransaction" -> tx;
            case "persist" -> {
                setId(args[0], (long) persisted.size() + 1);
                persisted.add(args[0]);
                yield null;
            }
            case "close" -> null;
            default -> throw new UnsupportedOperationException(name);
        });
        return proxy(EntityManagerFactory.class, (name, args) -> {
            if ("createEntityManager".equals(name)) {
                return em;
            }
            throw new UnsupportedOperationException(name);
        });
    }

    private static void setId(Object entity, long id) {
        try {
            java.lang.reflect.Field f = entity.getClass().getDeclaredField("id");
            f.setAccessible(true);
            f.set(entity, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Handler {
        Object handle(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Handler handler) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> handler.handle(m.getName(), args));
    }

}
