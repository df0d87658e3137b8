package org.jiandu.demo.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.event.Actor;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.CoreEventTypes;
import org.jiandu.api.event.Correction;
import org.jiandu.api.event.Payload;

/**
 * A deterministic set of realistic enforcement cases for the demo distribution: three courts, forty cases filed
 * around the 2024 National Day and 2025 Spring Festival holidays, each with a node history (transfer, notice,
 * network query, control, valuation, money received and paid, restrictions, 终本 …). Some run late, some leave a
 * property type out of the network query, one carries an approved correction, so that supervisors see something
 * worth looking at. The same seed always gives the same events (and so the same host event ids).
 */
final class DemoCases {
    static final String PREFIX = "DEMO-";
    private static final String[] COURTS = {"京0105", "沪0115", "粤0304"};
    private static final LocalDate[] FILING_DAYS = {
        LocalDate.of(2024, 9, 23), LocalDate.of(2024, 9, 26), LocalDate.of(2024, 9, 27), LocalDate.of(2024, 9, 30),
        LocalDate.of(2025, 1, 20), LocalDate.of(2025, 1, 24), LocalDate.of(2025, 1, 26), LocalDate.of(2025, 1, 27)};
    private static final String[] DEBTORS = {"北京某某科技有限公司", "上海某某贸易有限公司", "深圳某某实业有限公司", "王某", "李某", "张某"};

    private DemoCases() {
    }

    static List<CaseEvent> generate(int count) {
        Random random = new Random(20211206L);
        List<CaseEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String court = COURTS[i % COURTS.length];
            LocalDate filed = FILING_DAYS[i % FILING_DAYS.length];
            CaseNumber cn = CaseNumber.parse("（" + filed.getYear() + "）" + court + "执" + (1001 + i) + "号");
            new CaseBuilder(cn, court, filed, random, events).build(i);
        }
        return events;
    }

    private static final class CaseBuilder {
        private final CaseNumber cn;
        private final String court;
        private final Random random;
        private final List<CaseEvent> out;
        private final Actor officer;
        private LocalDate day;
        private int n;

        CaseBuilder(CaseNumber cn, String court, LocalDate filed, Random random, List<CaseEvent> out) {
            this.cn = cn;
            this.court = court;
            this.day = filed;
            this.random = random;
            this.out = out;
            this.officer = new Actor(court + "-ZXY" + (10 + random.nextInt(20)), "执行员", court);
        }

        void build(int index) {
            BigDecimal principal = BigDecimal.valueOf(20_000 + random.nextInt(2_000_000)).setScale(2);
            Map<String, Object> filing = new LinkedHashMap<>();
            filing.put("claimPrincipal", principal);
            filing.put("performanceDeadline", day.minusDays(20 + random.nextInt(40)).toString());
            filing.put("applicants", List.of("申请执行人" + (index + 1)));
            filing.put("respondents", List.of(DEBTORS[index % DEBTORS.length]));
            filing.put("source", "FIRST");
            if (index % 7 != 3) {
                filing.put("applicantPayeeAccount", "6222 0200 " + (1000 + index) + " 0001");
                filing.put("applicantPaymentMethod", "BANK_TRANSFER");
            }
            event(0, CoreEventTypes.CASE_FILED, filing, new Actor(court + "-LA01", "立案庭法官", court));
            event(1 + random.nextInt(2), CoreEventTypes.TRANSFERRED_TO_ENFORCEMENT, Map.of(), officer);
            event(1, CoreEventTypes.HANDLER_ASSIGNED, Map.of("handler", officer.personId(), "leader", court + "-TZ01"),
                    new Actor(court + "-TZ01", "执行局局长", court));
            event(1 + random.nextInt(3), CoreEventTypes.ENFORCEMENT_NOTICE_SERVED,
                    Map.of("propertyReportOrder", true, "includesCaseAccount", index % 9 != 5), officer);
            // Art. 13: the network query should start within 5 working days; some cases are late on purpose
            int queryDelay = index % 5 == 0 ? 9 : 1 + random.nextInt(3);
            List<String> types = index % 6 == 1
                    ? List.of("DEPOSIT", "REAL_ESTATE", "VEHICLE")
                    : List.of("DEPOSIT", "REAL_ESTATE", "VEHICLE", "SECURITIES", "SHIP", "ONLINE_FUNDS",
                            "WEALTH_PRODUCTS");
            event(queryDelay, CoreEventTypes.PROPERTY_QUERY_STARTED, Map.of("propertyTypes", types, "channel", "BOTH"),
                    officer);
            boolean found = index % 4 != 2;
            event(1 + random.nextInt(3), CoreEventTypes.PROPERTY_QUERY_FEEDBACK,
                    found ? Map.of("propertyFound", true, "propertyTypes", List.of("DEPOSIT", "REAL_ESTATE"))
                            : Map.of("propertyFound", false), officer);
            if (found) {
                BigDecimal frozen = principal.divide(BigDecimal.valueOf(2 + random.nextInt(3)), 2,
                        java.math.RoundingMode.DOWN);
                event(random.nextInt(2), CoreEventTypes.PROPERTY_CONTROLLED, Map.of("assetId", "ACC-" + cn.serial(),
                        "assetKind", "DEPOSIT", "measure", "FREEZE", "amount", frozen, "online", true), officer);
                event(2 + random.nextInt(4), CoreEventTypes.PROPERTY_CONTROLLED, Map.of("assetId",
                        "RE-" + cn.serial(), "assetKind", "REAL_ESTATE", "measure", "SEAL", "amount",
                        principal.multiply(BigDecimal.valueOf(3)), "online", false), officer);
                event(10 + random.nextInt(30), CoreEventTypes.REFERENCE_PRICE_STARTED, Map.of("assetId",
                        "RE-" + cn.serial(), "method", index % 3 == 0 ? "APPRAISAL" : "ONLINE_INQUIRY"), officer);
                event(5 + random.nextInt(20), CoreEventTypes.MONEY_RECEIVED, Map.of("amount", frozen,
                        "account", "法院案款专户"), officer);
                // the frozen deposit was deducted (扣划) into the case account: the freeze ends with it
                event(0, CoreEventTypes.CONTROL_RELEASED, Map.of("assetId", "ACC-" + cn.serial()), officer);
                event(3 + random.nextInt(12), CoreEventTypes.PAYMENT_NOTICE_SENT, Map.of("amount", frozen), officer);
                event(2 + random.nextInt(6), CoreEventTypes.MONEY_DISBURSED, Map.of("amount", frozen,
                        "payeeAccount", "6222 0200 " + (1000 + index) + " 0001"), new Actor(court + "-CW02", "财务人员",
                                court));
            } else {
                event(2 + random.nextInt(5), CoreEventTypes.CONSUMPTION_RESTRICTED,
                        Map.of("subject", DEBTORS[index % DEBTORS.length]), officer);
                if (index % 3 == 0) {
                    event(3, CoreEventTypes.DEFAULTER_LISTED, Map.of("subject", DEBTORS[index % DEBTORS.length]),
                            officer);
                }
                event(30 + random.nextInt(60), CoreEventTypes.TERMINATION_REQUESTED, Map.of(), officer);
            }
            if (index == 7) {
                // a wrong date corrected with the approval of the division head (Art. 12)
                out.add(new CaseEvent(PREFIX + cn.serial() + "-" + (n++), cn, CoreEventTypes.PROPERTY_QUERY_FEEDBACK,
                        at(day), null, officer, Payload.of(Map.of("propertyFound", true, "propertyTypes",
                                List.of("DEPOSIT"))), new Correction(PREFIX + cn.serial() + "-5", court + "-TZ01",
                                        "反馈结果录入有误，经局长审批更正")));
            }
        }

        private void event(int daysLater, String type, Map<String, ?> payload, Actor actor) {
            day = day.plusDays(daysLater);
            out.add(new CaseEvent(PREFIX + cn.serial() + "-" + (n++), cn, type, at(day), null, actor,
                    Payload.of(payload), null));
        }

        private OffsetDateTime last;

        /** A time of office hours on {@code d}, after the case's previous event, so the timeline reads in order. */
        private OffsetDateTime at(LocalDate d) {
            OffsetDateTime t = d.atTime(LocalTime.of(9 + random.nextInt(8), random.nextInt(60))).atZone(CaseEvent.ZONE)
                    .toOffsetDateTime();
            if (last != null && !t.isAfter(last)) {
                t = last.plusMinutes(5 + random.nextInt(55));
            }
            last = t;
            return t;
        }
    }
}
