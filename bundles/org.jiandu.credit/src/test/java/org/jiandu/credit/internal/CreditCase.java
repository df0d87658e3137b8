package org.jiandu.credit.internal;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.calendar.WorkingCalendar;
import org.jiandu.api.event.Actor;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.Payload;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.calendar.internal.CalendarConfiguration;
import org.jiandu.calendar.internal.WorkingCalendarService;

/** A case's ledger built in tests, entry by entry, with payloads as the ledger stores them; and the fixtures. */
final class CreditCase {
    static final CaseNumber CASE = CaseNumber.parse("（2025）京0105执88号");
    /** A debtor born 1980-01-01. */
    static final String ADULT = "110105198001011238";
    /** A debtor born 2010-05-05: a minor until 2028-05-05. */
    static final String MINOR = "110105201005051231";
    static final String UNIT = "91110000802100433B";
    static final String SHA = "a".repeat(64);
    /** The real working-day calendar, with the State Council notices the calendar bundle ships. */
    static final WorkingCalendar CALENDAR = WorkingCalendarService.of(defaults(CalendarConfiguration.class));
    static final CreditSettings.Policy POLICY = CreditSettings.Policy.DEFAULT;
    /** What the tests' EventAdmin was asked to post, in order. */
    static final List<org.osgi.service.event.Event> POSTED = new java.util.concurrent.CopyOnWriteArrayList<>();
    static final org.osgi.service.event.EventAdmin EVENTS = (org.osgi.service.event.EventAdmin) Proxy.newProxyInstance(
            CreditCase.class.getClassLoader(), new Class<?>[] {org.osgi.service.event.EventAdmin.class}, (p, m, args) -> {
                if (m.getName().equals("postEvent") || m.getName().equals("sendEvent")) {
                    POSTED.add((org.osgi.service.event.Event) args[0]);
                    return null;
                }
                throw new UnsupportedOperationException(m.getName());
            });
    static final java.time.Clock CLOCK = java.time.Clock.fixed(java.time.Instant.parse("2025-06-16T02:00:00Z"),
            CaseEvent.ZONE);

    private final CaseNumber caseNumber;
    private final List<LedgerEntry> entries = new ArrayList<>();

    private CreditCase(CaseNumber caseNumber) {
        this.caseNumber = caseNumber;
    }

    static CreditCase newCase() {
        return new CreditCase(CASE);
    }

    static CreditCase of(String caseNumber) {
        return new CreditCase(CaseNumber.parse(caseNumber));
    }

    /** Appends an event on {@code day} with payload pairs name, value, name, value … */
    CreditCase on(String day, String type, Object... pairs) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            p.put((String) pairs[i], pairs[i + 1]);
        }
        long seq = entries.size() + 1;
        CaseEvent e = new CaseEvent("H-" + seq, caseNumber, type,
                LocalDate.parse(day).atTime(LocalTime.of(10, 0)).atOffset(ZoneOffset.ofHours(8)), null,
                new Actor("京0105-ZXY01", "执行员", "京0105"), Payload.of(p), null);
        entries.add(new LedgerEntry(seq, e, "0".repeat(64), "h" + seq));
        return this;
    }

    List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    LedgerEntry last() {
        return entries.get(entries.size() - 1);
    }

    /** The fold of the whole case. */
    Map<String, MeasureFacts> measures() {
        return MeasureFacts.fold(entries, null);
    }

    MeasureFacts measure(String id) {
        return measures().get(id);
    }

    static List<Map<String, String>> person(String id) {
        return List.of(Map.of("kind", id.startsWith("9") ? "CREDIT_CODE" : "RESIDENT_ID", "value", id));
    }

    /** The payload pairs of a decision document signed by {@code role}. */
    static Object[] signed(String number, String role, Object... more) {
        Object[] base = {"documentNumber", number, "signedBy", "张院长", "signerRole", role, "documentSha256", SHA,
            "documentUri", "oss://court/" + number + ".ofd"};
        Object[] all = new Object[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    /** A restriction order on {@code id} decided on {@code day}, signed by the president. */
    CreditCase restricted(String day, String measureId, String id) {
        return on(day, "CONSUMPTION_RESTRICTED", signed("（2025）京0105执88号之一", "PRESIDENT", "measureId", measureId,
                "personIdentifiers", person(id), "personName", "李四", "items", List.of("FLIGHT_SOFT_SLEEPER_SHIP_BERTH"),
                "period", "至履行完毕之日止", "consequences", "违反的，依法予以罚款、拘留"));
    }

    /** A listing on ground (1) of {@code id} decided on {@code day}, signed by the president. */
    CreditCase listed(String day, String measureId, String id, Object... more) {
        Object[] base = signed("（2025）京0105执88号之二", "PRESIDENT", "measureId", measureId, "personIdentifiers",
                person(id), "personName", "李四", "grounds", List.of("ABLE_BUT_REFUSES"));
        Object[] all = new Object[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return on(day, "DEFAULTER_LISTED", all);
    }

    static <A> A defaults(Class<A> type) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            switch (m.getName()) {
                case "annotationType":
                    return type;
                case "hashCode":
                    return 0;
                case "equals":
                    return p == args[0];
                case "toString":
                    return type.getSimpleName();
                default:
                    return m.getDefaultValue();
            }
        });
        return type.cast(proxy);
    }
}
