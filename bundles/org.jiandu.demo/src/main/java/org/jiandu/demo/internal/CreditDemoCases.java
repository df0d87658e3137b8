package org.jiandu.demo.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.credit.CreditEventTypes;
import org.jiandu.api.event.Actor;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.CoreEventTypes;
import org.jiandu.api.event.Payload;

/**
 * Six cases of 京0105 (numbered (2026)京0105执2001–2006号, so README can name them) across the credit lifecycle
 * (Art. 23), dated back from the day the demo is first loaded so that each state is current when a newcomer looks:
 * a grace period that ends some ten days later, a lift overdue after
 * full performance, a minor proposed for listing (the guard refuses it), a listing published without service (a
 * finding), a unit listed and published with its legal representative restricted, and the debtor of the unserved listing
 * listed and published in another case (the public list shows both).
 */
final class CreditDemoCases {
    static final String PREFIX = "DEMO-CREDIT-";
    static final String COURT = "京0105";
    /** 王某, born 1975: in grace. */
    static final String WANG = "11010519750315201X";
    /** 赵某, born 1982: performed, lift overdue. */
    static final String ZHAO = "110105198207263027";
    /** 孙某, born 2012: a minor. */
    static final String SUN = "110105201208084033";
    /** 钱某, born 1968: listed, published without service. */
    static final String QIAN = "110105196811115048";
    /** 周某, born 1979: the unit's legal representative. */
    static final String ZHOU = "110105197909096054";
    /** 北京某某科技有限公司. */
    static final String UNIT = "91110000802100433B";
    private static final String SHA = "3f1c9a2b7d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8";

    private CreditDemoCases() {
    }

    static List<CaseEvent> generate(LocalDate today) {
        List<CaseEvent> out = new ArrayList<>();
        Builder a = new Builder("（2026）京0105执2001号", today, out);
        a.on(-100, CoreEventTypes.CASE_FILED, "claimPrincipal", "86000.00", "respondents", List.of("王某"));
        // two months of grace from 50 days ago: it ends some ten days after the demo's first start
        a.on(-50, CoreEventTypes.CONSUMPTION_RESTRICTED, restriction("XF-2001", WANG, "王某", "之一"));
        a.on(-50, CreditEventTypes.GRACE_PERIOD_SET, "measureId", "XF-2001", "months", 2L);
        a.on(-48, CreditEventTypes.DECISION_SERVED, "measureId", "XF-2001", "method", "DIRECT");

        Builder b = new Builder("（2026）京0105执2002号", today, out);
        b.on(-200, CoreEventTypes.CASE_FILED, "claimPrincipal", "42000.00", "respondents", List.of("赵某"));
        b.on(-150, CoreEventTypes.CONSUMPTION_RESTRICTED, restriction("XF-2002", ZHAO, "赵某", "之一"));
        b.on(-149, CreditEventTypes.DECISION_SERVED, "measureId", "XF-2002", "method", "POST");
        b.on(-148, CreditEventTypes.PUSHED_TO_ASSISTING_UNITS, "measureId", "XF-2002", "recipients",
                List.of("中国民用航空局", "中国国家铁路集团有限公司"));
        b.on(-12, CoreEventTypes.PERFORMANCE_COMPLETED);

        Builder c = new Builder("（2026）京0105执2003号", today, out);
        c.on(-40, CoreEventTypes.CASE_FILED, "claimPrincipal", "9000.00", "respondents", List.of("孙某"));
        c.on(-30, CreditEventTypes.MEASURE_PROPOSED, "measureId", "SX-2003", "measure", "LISTING", "initiatedBy",
                "APPLICANT", "personIdentifiers", ids("RESIDENT_ID", SUN), "personName", "孙某", "grounds",
                List.of("ABLE_BUT_REFUSES"));

        Builder d = new Builder("（2026）京0105执2004号", today, out);
        d.on(-60, CoreEventTypes.CASE_FILED, "claimPrincipal", "130000.00", "respondents", List.of("钱某"));
        d.on(-20, CoreEventTypes.CONSUMPTION_RESTRICTED, restriction("XF-2004", QIAN, "钱某", "之一"));
        d.on(-20, CoreEventTypes.DEFAULTER_LISTED, listing("SX-2004", QIAN, "钱某", "NATURAL", "之二",
                "BREACHES_ASSET_REPORTING", 24L, "违反财产报告制度", null));
        d.on(-19, CreditEventTypes.MEASURE_PUBLISHED, "measureId", "SX-2004");

        Builder e = new Builder("（2026）京0105执2005号", today, out);
        e.on(-90, CoreEventTypes.CASE_FILED, "claimPrincipal", "560000.00", "respondents",
                List.of("北京某某科技有限公司"));
        e.on(-50, CoreEventTypes.CONSUMPTION_RESTRICTED, restriction("XF-2005A", UNIT, "北京某某科技有限公司", "之一"));
        Map<String, Object> rep = restriction("XF-2005B", ZHOU, "周某", "之二");
        rep.put("personRole", "LEGAL_REPRESENTATIVE");
        rep.put("unitIdentifiers", ids("CREDIT_CODE", UNIT));
        e.on(-50, CoreEventTypes.CONSUMPTION_RESTRICTED, rep);
        e.on(-50, CoreEventTypes.DEFAULTER_LISTED, listing("SX-2005", UNIT, "北京某某科技有限公司", "UNIT", "之三",
                "ABLE_BUT_REFUSES", null, "有履行能力而拒不履行生效法律文书确定义务", "周某"));
        e.on(-48, CreditEventTypes.DECISION_SERVED, "measureId", "SX-2005", "method", "DIRECT");
        e.on(-47, CreditEventTypes.MEASURE_PUBLISHED, "measureId", "SX-2005", "channel", "最高人民法院失信被执行人名单库");
        e.on(-47, CreditEventTypes.PUSHED_TO_ASSISTING_UNITS, "measureId", "SX-2005", "recipients",
                List.of("中国人民银行征信中心", "国家市场监督管理总局"));
        // 钱某 again, in another case: listed, served and published, so the public list shows a person too
        Builder f = new Builder("（2026）京0105执2006号", today, out);
        f.on(-120, CoreEventTypes.CASE_FILED, "claimPrincipal", "74000.00", "respondents", List.of("钱某"));
        f.on(-70, CoreEventTypes.CONSUMPTION_RESTRICTED, restriction("XF-2006", QIAN, "钱某", "之一"));
        Map<String, Object> qian = listing("SX-2006", QIAN, "钱某", "NATURAL", "之二", "FALSE_LITIGATION_OR_EVASION",
                24L, "以虚假诉讼规避执行", null);
        qian.put("sex", "FEMALE");
        f.on(-70, CoreEventTypes.DEFAULTER_LISTED, qian);
        f.on(-69, CreditEventTypes.DECISION_SERVED, "measureId", "SX-2006", "method", "DIRECT");
        f.on(-68, CreditEventTypes.MEASURE_PUBLISHED, "measureId", "SX-2006");
        return out;
    }

    private static List<Map<String, String>> ids(String kind, String value) {
        return List.of(Map.of("kind", kind, "value", value));
    }

    private static Map<String, Object> signed(String number) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("documentNumber", number);
        p.put("signedBy", "张院长");
        p.put("signerRole", "PRESIDENT");
        p.put("documentSha256", SHA);
        p.put("documentUri", "demo://京0105/" + number + ".ofd");
        return p;
    }

    private static Map<String, Object> restriction(String measureId, String id, String name, String suffix) {
        Map<String, Object> p = signed("限消令" + measureId + suffix);
        p.put("measureId", measureId);
        p.put("personIdentifiers", ids(id.startsWith("9") ? "CREDIT_CODE" : "RESIDENT_ID", id));
        p.put("personName", name);
        p.put("items", List.of("FLIGHT_SOFT_SLEEPER_SHIP_BERTH", "STAR_HOTEL_NIGHTCLUB_GOLF",
                "HIGH_SPEED_RAIL_AND_OTHER"));
        p.put("period", "自本令送达之日起至履行完毕之日止");
        p.put("consequences", "违反本令的，依法予以罚款、拘留；构成犯罪的，依法追究刑事责任");
        p.put("restrictionGrounds", List.of("NOT_PERFORMED_IN_TIME"));
        return p;
    }

    private static Map<String, Object> listing(String measureId, String id, String name, String kind, String suffix,
            String ground, Long months, String conduct, String legalRepresentative) {
        Map<String, Object> p = signed("决定书" + measureId + suffix);
        p.put("measureId", measureId);
        p.put("personIdentifiers", ids(id.startsWith("9") ? "CREDIT_CODE" : "RESIDENT_ID", id));
        p.put("personName", name);
        p.put("personKind", kind);
        p.put("grounds", List.of(ground));
        if (months != null) {
            p.put("periodMonths", months);
        }
        p.put("conduct", conduct);
        p.put("obligation", "支付款项及利息");
        p.put("performance", "全部未履行");
        if (legalRepresentative != null) {
            p.put("legalRepresentativeName", legalRepresentative);
        }
        return p;
    }

    private static final class Builder {
        private final CaseNumber cn;
        private final LocalDate today;
        private final List<CaseEvent> out;
        private final Actor officer = new Actor(COURT + "-ZXY21", "执行员", COURT);
        private int n;

        Builder(String caseNumber, LocalDate today, List<CaseEvent> out) {
            this.cn = CaseNumber.parse(caseNumber);
            this.today = today;
            this.out = out;
        }

        void on(int days, String type, Object... pairs) {
            Map<String, Object> p = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                p.put((String) pairs[i], pairs[i + 1]);
            }
            on(days, type, p);
        }

        void on(int days, String type, Map<String, Object> payload) {
            Map<String, Object> p = new LinkedHashMap<>(payload);
            if (p.get("claimPrincipal") instanceof String s) {
                p.put("claimPrincipal", new java.math.BigDecimal(s));
            }
            out.add(new CaseEvent(PREFIX + cn.serial() + "-" + (n++), cn, type,
                    today.plusDays(days).atTime(LocalTime.of(9, 30).plusMinutes(n)).atZone(CaseEvent.ZONE)
                            .toOffsetDateTime(), null, officer, Payload.of(p), null));
        }
    }
}
