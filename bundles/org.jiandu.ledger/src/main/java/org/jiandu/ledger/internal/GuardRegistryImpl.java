package org.jiandu.ledger.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.ValidationException;
import org.jiandu.api.event.Payload;
import org.jiandu.api.guard.Decision;
import org.jiandu.api.guard.GuardCheck;
import org.jiandu.api.guard.GuardRegistry;
import org.jiandu.api.guard.Operation;
import org.jiandu.api.guard.OperationGuard;
import org.jiandu.api.guard.OperationTypes;
import org.jiandu.api.guard.RecordedCheck;
import org.jiandu.api.guard.Verdict;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Consults every installed {@link OperationGuard} (whiteboard: guards come and go at runtime) and records each
 * check in {@code JD_GUARD_CHECK} before answering; details or verdicts too large for their column are recorded as
 * their SHA-256 with a preview ({@link CheckRecordForm}), never failing the check. A guard that throws answers DENY for itself (fail closed),
 * except when it throws {@link ValidationException}: that reports bad operation details (a negative amount, a
 * missing field), not a defect, so it reaches the caller — HTTP 400 naming the field — and no check is recorded.
 * An operation type that is neither in {@link OperationTypes#ALL} nor declared by an installed guard
 * ({@link OperationTypes#SERVICE_PROPERTY}) is refused the same way ({@code UNKNOWN_OPERATION_TYPE}): otherwise a
 * misspelt type would pass every guard as ALLOW.
 */
@Component(service = GuardRegistry.class)
public class GuardRegistryImpl implements GuardRegistry {
    /** The tables exist at the version this code expects before this component touches them (docs/MIGRATIONS.md). */
    @Reference
    private LedgerSchema schema;

    private static final Logger LOG = LoggerFactory.getLogger(GuardRegistryImpl.class);
    static final String REGISTRY = "jiandu.guard-registry";
    /** Reads stored checks back: decimals exact, whole numbers as Long, as the canonical JSON wrote them. */
    private static final ObjectMapper READER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private final List<OperationGuard> guards = new CopyOnWriteArrayList<>();
    /** The operation types each installed guard declares ({@link OperationTypes#SERVICE_PROPERTY}). */
    private final Map<OperationGuard, Set<String>> declared = new ConcurrentHashMap<>();
    private final EntityManagerFactory emf;
    private final Clock clock;

    @Activate
    public GuardRegistryImpl(@Reference(target = "(osgi.unit.name=jiandu-ledger)") EntityManagerFactory emf,
            @Reference(target = "(jiandu.clock=true)") Clock clock) {
        this.emf = emf;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addGuard(OperationGuard guard, Map<String, Object> properties) {
        declared.put(guard, declaredTypes(guard, properties.get(OperationTypes.SERVICE_PROPERTY)));
        guards.add(guard);
    }

    void removeGuard(OperationGuard guard, Map<String, Object> properties) {
        guards.remove(guard);
        declared.remove(guard);
    }

    /** The operation types a guard declares beyond {@link OperationTypes#ALL}; a malformed name is logged and left out. */
    private static Set<String> declaredTypes(OperationGuard guard, Object property) {
        List<String> names = new ArrayList<>();
        if (property instanceof String one) {
            names.add(one);
        } else if (property instanceof String[] many) {
            names.addAll(List.of(many));
        } else if (property instanceof Collection<?> many) {
            many.forEach(n -> names.add(String.valueOf(n)));
        } else if (property != null) {
            LOG.error("Guard {} declares {} as {}, which is no String or String[]; it declares no operation type",
                    guard.id(), OperationTypes.SERVICE_PROPERTY, property.getClass().getName());
        }
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            if (GuardResource.OPERATION.matcher(n).matches()) {
                out.add(n);
            } else {
                LOG.error("Guard {} declares the operation type \"{}\", which is no operation name; it is ignored",
                        guard.id(), n);
            }
        }
        return Set.copyOf(out);
    }

    /** The operation types checks may name: {@link OperationTypes#ALL} and those every installed guard declares. */
    Set<String> registeredTypes() {
        Set<String> all = new TreeSet<>(OperationTypes.ALL);
        declared.values().forEach(all::addAll);
        return all;
    }

    /**
     * @throws ValidationException {@code UNKNOWN_OPERATION_TYPE} when no one registered the operation's type; the
     *         message suggests the registered type that differs only in case ({@code dispose} → {@code DISPOSE})
     */
    private void requireRegistered(String type) {
        Set<String> known = registeredTypes();
        if (known.contains(type)) {
            return;
        }
        String hint = known.stream().filter(k -> k.equalsIgnoreCase(type)).findFirst()
                .map(k -> " (did you mean " + k + "?)").orElse("");
        throw new ValidationException("UNKNOWN_OPERATION_TYPE", "operationType", "Unknown operation type \"" + type
                + "\"" + hint + "; the registered types are " + String.join(", ", known));
    }

    @Override
    public GuardCheck check(Operation asked) {
        requireRegistered(asked.type());
        // the one check of text in ids and details (NUL, invisible characters), for REST and in-process callers alike
        @SuppressWarnings("unchecked")
        Map<String, Object> checkedDetails = (Map<String, Object>) EventValidator.plain(asked.details().asMap(),
                "details");
        Operation operation = new Operation(asked.type(), asked.caseNumber(), Payload.of(checkedDetails),
                asked.requestedBy());
        List<Verdict> verdicts = new ArrayList<>();
        Decision decision = Decision.ALLOW;
        for (OperationGuard guard : guards) {
            Verdict v;
            try {
                v = guard.check(operation);
                if (v == null) {
                    throw new IllegalStateException("the guard answered nothing");
                }
            } catch (ValidationException e) {
                // the caller's input is at fault, not the guard: answer 400 with the field, record nothing
                throw e;
            } catch (RuntimeException e) {
                LOG.error("Guard {} failed on {} for {}; counted as DENY", guard.id(), operation.type(),
                        operation.caseNumber(), e);
                v = Verdict.deny(guard.id(), "法〔2021〕322号 第12条",
                        "校验程序出错，操作被拦截，请联系技术人员：" + e.getMessage(), Map.of("error", String.valueOf(e)));
            }
            verdicts.add(v);
            decision = decision.combine(v.decision());
        }
        Instant at = clock.instant();
        long id = record(at, operation, decision, verdicts);
        return new GuardCheck(id, at, operation, decision, verdicts.size(), verdicts);
    }

    private long record(Instant at, Operation op, Decision decision, List<Verdict> verdicts) {
        List<Map<String, Object>> vs = new ArrayList<>();
        for (Verdict v : verdicts) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("guard", v.guard());
            m.put("decision", v.decision().name());
            m.put("article", v.article());
            m.put("reason", v.reason());
            m.put("details", v.details());
            vs.add(m);
        }
        GuardCheckEntity row = new GuardCheckEntity(at.toString(),
                op.requestedBy() == null ? null : op.requestedBy().user(),
                op.requestedBy() == null ? null : op.requestedBy().organisation(), op.type(),
                op.caseNumber().canonical(), CheckRecordForm.fit(op.details().asMap(), CheckRecordForm.DETAILS_MAX),
                decision.name(), verdicts.size(), CheckRecordForm.verdicts(vs, CheckRecordForm.VERDICTS_MAX));
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            em.persist(row);
            em.getTransaction().commit();
            return row.getId();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    @Override
    public List<RecordedCheck> history(CaseNumber caseNumber, int limit) {
        if (limit < 1 || limit > MAX_HISTORY) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_HISTORY + ", not " + limit);
        }
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("SELECT g FROM GuardCheckEntity g WHERE g.caseNumber = :cn ORDER BY g.id DESC",
                    GuardCheckEntity.class).setParameter("cn", caseNumber.canonical()).setMaxResults(limit)
                    .getResultList().stream().map(row -> recorded(row, caseNumber)).toList();
        } finally {
            em.close();
        }
    }

    private static RecordedCheck recorded(GuardCheckEntity row, CaseNumber caseNumber) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Object o : (List<?>) read(row.getVerdicts())) {
            Map<?, ?> v = (Map<?, ?>) o;
            @SuppressWarnings("unchecked")
            Map<String, Object> details = v.get("details") == null ? Map.of() : (Map<String, Object>) v.get("details");
            verdicts.add(new Verdict(text(v.get("guard")), Decision.valueOf(text(v.get("decision"))),
                    text(v.get("article")), text(v.get("reason")), details));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) read(row.getDetails());
        return new RecordedCheck(row.getId(), Instant.parse(row.getCheckedAt()), row.getUser(), row.getOrganisation(),
                row.getOperationType(), caseNumber, Decision.valueOf(row.getDecision()), row.getGuardsConsulted(),
                Payload.of(details), verdicts);
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private static Object read(String json) {
        try {
            return READER.readValue(json, Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A stored guard check is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
