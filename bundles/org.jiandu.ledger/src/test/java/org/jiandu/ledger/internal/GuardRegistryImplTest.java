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
        registry.addGuard(guard("ok", op -> Verdict.allow("ok", "a", "fine")), java.util.Map.of());
        registry.addGuard(guard("strict", op -> {
            throw bad;
        }), java.util.Map.of());
        ValidationException thrown = assertThrows(ValidationException.class, () -> registry.check(FREEZE));
        assertSame(bad, thrown);
        assertEquals("details.amount", thrown.field());
        assertTrue(persisted.isEmpty(), "a refused request is not a check");
    }

    @Test
    void anyOtherExceptionFromAGuardIsADenyForThatGuardAndIsRecorded() {
        registry.addGuard(guard("ok", op -> Verdict.allow("ok", "a", "fine")), java.util.Map.of());
        registry.addGuard(guard("broken", op -> {
            throw new IllegalStateException("database gone");
        }), java.util.Map.of());
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
        registry.addGuard(guard("silent", op -> null), java.util.Map.of());
        assertEquals(Decision.DENY, registry.check(FREEZE).decision());
    }

    @Test
    void anAnnouncementOfSixteenThousandCharactersIsCheckedAndRecordedAsItsDigestAndAPreview() {
        String text = "本院定于2025年6月1日在淘宝网司法拍卖网络平台公开拍卖被执行人名下房产。".repeat(500);
        assertTrue(text.length() > 16_000, "longer than the details column");
        Operation announce = new Operation("PUBLISH_AUCTION_ANNOUNCEMENT", FREEZE.caseNumber(),
                org.jiandu.api.event.Payload.of(java.util.Map.of("text", text)), null);
        registry.addGuard(guard("reader", op -> Verdict.allow("reader", "a", "read " + op.details().asMap().size())),
                java.util.Map.of());

        GuardCheck check = registry.check(announce);

        assertEquals(Decision.ALLOW, check.decision());
        assertEquals(text, check.operation().details().asMap().get("text"), "the answer keeps what was checked");
        GuardCheckEntity row = (GuardCheckEntity) persisted.get(0);
        assertTrue(row.getDetails().length() <= CheckRecordForm.DETAILS_MAX, row.getDetails().length() + " chars");
        assertTrue(row.getDetails().contains("\"truncated\":true"), row.getDetails());
        assertTrue(row.getDetails().contains("\"sha256\":\"" + CheckRecordForm.sha256(Canonical.json(
                java.util.Map.of("text", text))) + "\""), "the digest of the full canonical details");
    }

    @Test
    void verdictsWithLongDetailsAreRecordedWithinTheirColumnKeepingEachGuardsDecision() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add("ASSET-" + "0".repeat(480) + i);
        }
        for (int g = 0; g < 3; g++) {
            String id = "guard-" + g;
            registry.addGuard(guard(id, op -> Verdict.deny(id, "第15条", "候选财产" + ids,
                    java.util.Map.of("candidates", ids, "ranking", ids))), java.util.Map.of());
        }

        GuardCheck check = registry.check(FREEZE);

        assertEquals(Decision.DENY, check.decision());
        GuardCheckEntity row = (GuardCheckEntity) persisted.get(0);
        assertTrue(row.getVerdicts().length() <= CheckRecordForm.VERDICTS_MAX, row.getVerdicts().length() + " chars");
        for (int g = 0; g < 3; g++) {
            assertTrue(row.getVerdicts().contains("\"guard\":\"guard-" + g + "\""), "guard " + g + " is on record");
        }
        assertTrue(row.getVerdicts().contains("\"decision\":\"DENY\""));
    }

    @Test
    void anUnknownOperationTypeIsRefusedNamingTheFieldAndTheTypeItDiffersFromOnlyInCase() {
        registry.addGuard(guard("ok", op -> Verdict.allow("ok", "a", "fine")), java.util.Map.of());
        Operation lower = new Operation("dispose", FREEZE.caseNumber(), null, null);
        ValidationException e = assertThrows(ValidationException.class, () -> registry.check(lower));
        assertEquals(List.of("UNKNOWN_OPERATION_TYPE", "operationType"), List.of(e.code(), e.field()));
        assertTrue(e.getMessage().contains("did you mean DISPOSE?"), e.getMessage());
        assertTrue(persisted.isEmpty(), "a refused request is not a check");
    }

    @Test
    void aTypeAnInstalledGuardDeclaresIsCheckedAndForgottenWhenTheGuardGoes() {
        OperationGuard partition = guard("third.partition", op -> Verdict.deny("third.partition", "a", "no", java.util.Map.of()));
        java.util.Map<String, Object> props = java.util.Map.of(
                org.jiandu.api.guard.OperationTypes.SERVICE_PROPERTY, new String[] {"PARTITION_SALE"});
        Operation sale = new Operation("PARTITION_SALE", FREEZE.caseNumber(), null, null);
        assertThrows(ValidationException.class, () -> registry.check(sale));

        registry.addGuard(partition, props);
        assertEquals(Decision.DENY, registry.check(sale).decision());

        registry.removeGuard(partition, props);
        assertThrows(ValidationException.class, () -> registry.check(sale));
    }

    @Test
    void detailsWithAZeroWidthCharacterAreRefusedNamingTheField() {
        registry.addGuard(guard("ok", op -> Verdict.allow("ok", "a", "fine")), java.util.Map.of());
        Operation op = new Operation("PUBLISH_AUCTION_ANNOUNCEMENT", FREEZE.caseNumber(), org.jiandu.api.event.Payload
                .of(java.util.Map.of("text", List.of("不负责\u200B腾退交付"))), null);
        ValidationException e = assertThrows(ValidationException.class, () -> registry.check(op));
        assertEquals("details.text[0]", e.field());
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
                refuseValuesLongerThanTheirColumn(args[0]);
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

    /** As the database does (Derby: "A truncation error was encountered trying to shrink VARCHAR …"). */
    private static void refuseValuesLongerThanTheirColumn(Object entity) {
        for (java.lang.reflect.Field f : entity.getClass().getDeclaredFields()) {
            javax.persistence.Column column = f.getAnnotation(javax.persistence.Column.class);
            if (column == null || f.getType() != String.class) {
                continue;
            }
            try {
                f.setAccessible(true);
                String value = (String) f.get(entity);
                if (value != null && value.length() > column.length()) {
                    throw new javax.persistence.PersistenceException("A truncation error was encountered trying to "
                            + "shrink VARCHAR of length " + value.length() + " to length " + column.length()
                            + " (" + column.name() + ")");
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
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
