package org.jiandu.monitor.internal.guard;

import java.security.AccessController;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jiandu.api.CaseNumber;
import org.jiandu.api.Roles;
import org.jiandu.api.ValidationException;
import org.jiandu.api.event.Payload;
import org.jiandu.api.guard.GuardCheck;
import org.jiandu.api.guard.GuardRegistry;
import org.jiandu.api.guard.Operation;
import org.jiandu.api.guard.Verdict;
import org.jiandu.api.rest.Caller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code jiandu:check <operationType> <case> [key=value …]}: asks every installed guard, exactly as
 * {@code POST /api/v1/guard/check} does (the check is recorded with the shell user), and prints the combined
 * decision and each verdict. A value is text, {@code true}/{@code false}, or JSON when it starts with {@code {} or
 * {@code [}; a dotted key fills an object: {@code undisposedReasons.A-CAR-1=车辆未能实际扣押}.
 */
@Service
@Command(scope = "jiandu", name = "check",
        description = "Asks every installed guard whether an operation may go ahead (Art. 12 违规操作自动拦截)")
public class CheckCommand implements Action {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Reference
    GuardRegistry registry;

    @Argument(index = 0, name = "operationType", required = true,
            description = "e.g. TERMINATE_ROUND, FILE_CASE, DEDUCT, DISBURSE, HOLD, DISPOSE, SELF_DISPOSAL,"
                    + " PUBLISH_AUCTION_ANNOUNCEMENT, START_VALUATION, FREEZE")
    String operationType;

    @Argument(index = 1, name = "case", required = true, description = "Case number, e.g. (2024)京0105执1234号")
    String caseNumber;

    @Argument(index = 2, name = "details", multiValued = true,
            description = "key=value pairs of the operation's details; a dotted key (a.b=v) fills an object,"
                    + " a value starting with { or [ is JSON")
    List<String> details;

    @Override
    public Object execute() {
        lines(shellCaller()).forEach(System.out::println);
        return null;
    }

    List<String> lines(Caller caller) {
        if (operationType == null || !operationType.matches("[A-Za-z][A-Za-z0-9_.-]{0,63}")) {
            throw new ValidationException("INVALID_FIELD", "operationType",
                    "operationType must be a name such as TERMINATE_ROUND, FREEZE, DISBURSE");
        }
        CaseNumber cn = CaseNumber.parse(caseNumber, "case");
        GuardCheck check = registry.check(new Operation(operationType, cn, Payload.of(parse(details)), caller));
        return format(check);
    }

    static List<String> format(GuardCheck check) {
        List<String> out = new ArrayList<>();
        out.add(check.operation().type() + " " + check.operation().caseNumber().canonical() + ": "
                + check.decision() + " (" + check.guardsConsulted() + " guard(s) consulted, check #"
                + check.checkId() + ")");
        if (check.guardsConsulted() == 0) {
            out.add("  No guard is installed: nothing was checked.");
        }
        for (Verdict v : check.verdicts()) {
            out.add(String.format("  %-5s %s  [%s]", v.decision(), v.guard(), v.article()));
            out.add("        " + v.reason());
            if (!v.details().isEmpty()) {
                out.add("        " + json(v.details()));
            }
        }
        return out;
    }

    /** {@code key=value} arguments as a details object. */
    static Map<String, Object> parse(List<String> pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (pairs == null) {
            return out;
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ValidationException("INVALID_DETAIL", "details",
                        "Write each detail as key=value (e.g. method=ONLINE_AUCTION), not " + pair);
            }
            put(out, pair.substring(0, eq).trim(), value(pair.substring(eq + 1)), pair);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> into, String key, Object value, String pair) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            into.put(key, value);
            return;
        }
        Object inner = into.computeIfAbsent(key.substring(0, dot), k -> new LinkedHashMap<String, Object>());
        if (!(inner instanceof Map<?, ?>)) {
            throw new ValidationException("INVALID_DETAIL", "details." + key.substring(0, dot),
                    key.substring(0, dot) + " is given both as a value and as an object (" + pair + ")");
        }
        put((Map<String, Object>) inner, key.substring(dot + 1), value, pair);
    }

    private static Object value(String text) {
        String t = text.trim();
        if (t.equals("true") || t.equals("false")) {
            return Boolean.valueOf(t);
        }
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                return JSON.readValue(t, Object.class);
            } catch (JsonProcessingException e) {
                throw new ValidationException("INVALID_DETAIL", "details", "Not JSON: " + t + " ("
                        + e.getOriginalMessage() + ")");
            }
        }
        return t;
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A verdict's details do not serialise: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The shell user, as a caller (the check is recorded with it, Art. 10 留痕): Karaf runs commands as the
     * session's JAAS subject, whose principals are the user, the roles and the {@code org:} organisation role.
     */
    @SuppressWarnings("removal")
    private static Caller shellCaller() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        String user = "karaf-shell";
        Set<String> roles = new LinkedHashSet<>();
        String organisation = null;
        if (subject != null) {
            for (Principal p : subject.getPrincipals()) {
                String kind = p.getClass().getSimpleName();
                if (kind.equals("UserPrincipal")) {
                    user = p.getName();
                } else if (kind.equals("RolePrincipal") && p.getName().startsWith(Roles.ORGANISATION_PREFIX)) {
                    organisation = p.getName().substring(Roles.ORGANISATION_PREFIX.length());
                } else if (kind.equals("RolePrincipal")) {
                    roles.add(p.getName());
                }
            }
        }
        return new Caller("shell:" + user, Set.copyOf(roles), organisation);
    }
}
