package org.jiandu.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Realistic host events for the benchmark: the n-th event of a case follows the life of an enforcement case (filing,
 * classification, property queries, control, money received and paid out, disposal, …) with the payload fields the
 * core event types define. Every event is a pure function of (case serial, court, position), so runs are repeatable
 * and host event ids never collide.
 */
final class Events {
    /** Court codes the generated cases are spread over (basic courts of several provinces). */
    static final List<String> COURTS = List.of("京0105", "沪0115", "粤0304", "京0108", "苏0508", "浙0106", "川0107",
            "鄂0102");

    private static final OffsetDateTime BASE = OffsetDateTime.of(2025, 1, 2, 9, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private static final String[] LIFE = {"CASE_FILED", "TRANSFERRED_TO_ENFORCEMENT", "CASE_CLASSIFIED",
        "HANDLER_ASSIGNED", "ENFORCEMENT_NOTICE_SERVED", "PROPERTY_QUERY_STARTED", "PROPERTY_QUERY_FEEDBACK",
        "PROPERTY_CONTROLLED", "MONEY_RECEIVED", "PAYMENT_NOTICE_SENT", "MONEY_DISBURSED", "CONSUMPTION_RESTRICTED",
        "PROPERTY_LEAD_RECEIVED", "PROPERTY_LEAD_VERIFIED", "DEDUCTED_PERIOD_STARTED", "DEDUCTED_PERIOD_ENDED",
        "REFERENCE_PRICE_STARTED", "REFERENCE_PRICE_DETERMINED", "DISPOSAL_STARTED", "DISPOSAL_COMPLETED"};
    /** After the first 20 events a case cycles through its middle life (queries, control, money, disposal). */
    private static final int CYCLE_FROM = 5;

    private Events() {
    }

    /** The court a case serial belongs to. */
    static String court(long serial) {
        return COURTS.get((int) (serial % COURTS.size()));
    }

    /** Canonical case number, e.g. {@code （2025）京0105执1000001号}. */
    static String caseNumber(String court, long serial) {
        return "（2025）" + court + "执" + serial + "号";
    }

    static String caseNumber(long serial) {
        return caseNumber(court(serial), serial);
    }

    /** A host event id unique in a run: prefix, case serial, position. */
    static String hostEventId(String prefix, long serial, int position) {
        return prefix + "-" + serial + "-" + position;
    }

    /**
     * The JSON of event {@code position} (0-based) of case {@code serial}.
     *
     * @param prefix distinguishes benchmark phases in host event ids
     */
    static String json(String prefix, long serial, int position) {
        String court = court(serial);
        String cn = caseNumber(court, serial);
        int lifeIndex = position < LIFE.length ? position
                : CYCLE_FROM + (position - LIFE.length) % (LIFE.length - CYCLE_FROM);
        String type = LIFE[lifeIndex];
        // one event every 6 hours after filing, offset by the case so cases interleave; always in the past
        String occurredAt = ISO.format(BASE.plusMinutes(serial % 1440).plusHours(6L * position));
        String officer = court + "-ZXY" + (10 + serial % 40);
        String amount = (1000 + (serial * 37 + position * 101) % 900_000) + "." + String.format("%02d",
                (serial + position) % 100);
        String asset = "ZC" + serial + "-" + (position / LIFE.length + 1);
        String payload = switch (type) {
            case "CASE_FILED" -> "{\"claimPrincipal\":\"" + amount + "\",\"judgmentInterest\":\"1250.50\","
                    + "\"performanceDeadline\":\"2024-12-31\",\"applicants\":[\"北京某某科技有限公司\"],"
                    + "\"respondents\":[\"张某某\"],\"source\":\"FIRST\",\"applicantPaymentMethod\":\"银行转账\"}";
            case "TRANSFERRED_TO_ENFORCEMENT" -> "{}";
            case "CASE_CLASSIFIED" -> "{\"track\":\"" + (serial % 3 == 0 ? "ORDINARY" : "SIMPLE") + "\"}";
            case "HANDLER_ASSIGNED" -> "{\"handler\":\"" + officer + "\",\"leader\":\"" + court + "-LD01\"}";
            case "ENFORCEMENT_NOTICE_SERVED" -> "{\"propertyReportOrder\":true,\"includesCaseAccount\":true}";
            case "PROPERTY_QUERY_STARTED" -> "{\"propertyTypes\":[\"DEPOSIT\",\"REAL_ESTATE\",\"VEHICLE\","
                    + "\"SECURITIES\",\"ONLINE_FUNDS\"],\"channel\":\"NATIONAL\"}";
            case "PROPERTY_QUERY_FEEDBACK" -> "{\"propertyFound\":true,\"propertyTypes\":[\"DEPOSIT\",\"VEHICLE\"]}";
            case "PROPERTY_CONTROLLED" -> "{\"assetId\":\"" + asset + "\",\"assetKind\":\"DEPOSIT\","
                    + "\"measure\":\"FREEZE\",\"amount\":\"" + amount + "\",\"online\":true}";
            case "MONEY_RECEIVED" -> "{\"amount\":\"" + amount + "\",\"account\":\"法院案款专户\"}";
            case "PAYMENT_NOTICE_SENT" -> "{\"amount\":\"" + amount + "\"}";
            case "MONEY_DISBURSED" -> "{\"amount\":\"" + amount + "\",\"payeeAccount\":\"6222020200112233" + (serial
                    % 1000) + "\"}";
            case "CONSUMPTION_RESTRICTED" -> "{\"subject\":\"张某某\"}";
            case "PROPERTY_LEAD_RECEIVED" -> "{\"leadId\":\"XS" + serial + "-" + position
                    + "\",\"urgent\":false,\"clearAndSpecific\":true}";
            case "PROPERTY_LEAD_VERIFIED" -> "{\"leadId\":\"XS" + serial + "-" + (position - 1) + "\"}";
            case "DEDUCTED_PERIOD_STARTED" -> "{\"periodId\":\"KC" + serial + "-" + position
                    + "\",\"kind\":\"APPRAISAL\"}";
            case "DEDUCTED_PERIOD_ENDED" -> "{\"periodId\":\"KC" + serial + "-" + (position - 1) + "\"}";
            case "REFERENCE_PRICE_STARTED" -> "{\"assetId\":\"" + asset + "\",\"method\":\"ONLINE_INQUIRY\"}";
            case "REFERENCE_PRICE_DETERMINED" -> "{\"assetId\":\"" + asset + "\",\"amount\":\"" + amount + "\"}";
            case "DISPOSAL_STARTED" -> "{\"assetId\":\"" + asset + "\",\"method\":\"ONLINE_AUCTION\"}";
            case "DISPOSAL_COMPLETED" -> "{\"assetId\":\"" + asset + "\",\"amount\":\"" + amount + "\"}";
            default -> throw new IllegalStateException(type);
        };
        return "{\"hostEventId\":\"" + hostEventId(prefix, serial, position) + "\",\"caseNumber\":\"" + cn
                + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + occurredAt + "\",\"actor\":{\"personId\":\""
                + officer + "\",\"role\":\"执行员\",\"organisation\":\"" + court + "\"},\"payload\":" + payload + "}";
    }

    /** A batch body {@code {"events":[…]}} of the given event JSONs. */
    static String batch(List<String> events) {
        StringBuilder b = new StringBuilder(events.size() * 420).append("{\"events\":[");
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(events.get(i));
        }
        return b.append("]}").toString();
    }
}
