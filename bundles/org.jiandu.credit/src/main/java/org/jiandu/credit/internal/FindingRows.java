package org.jiandu.credit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jiandu.api.finding.Finding;
import org.jiandu.api.finding.FindingSeverity;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.api.query.CourtScope;
import org.jiandu.api.query.QuerySources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The credit findings' table ({@code JD_CREDIT_FINDING}): each finding stored once (unique on case, kind and key)
 * in the index's transaction, read newest first or as an ascending feed by id.
 */
final class FindingRows {
    /** The rule id the findings carry: the rules of conduct of {@link CreditFindings}. */
    static final String RULE = "credit.conduct";
    private static final String COLUMNS = "ID, CASE_NUMBER, COURT, KIND, FINDING_KEY, SEVERITY, ARTICLE, MESSAGE,"
            + " DETAILS, RAISED_AT, TRIGGER_SEQ, TRIGGER_TYPE, TRIGGER_HOST_EVENT_ID";

    private FindingRows() {
    }

    /** Stores the finding unless its case already has one of that kind and key; answers it, or null if it had. */
    static Finding raise(Connection c, LedgerEntry entry, CreditFindings.Raised r, Instant now) throws SQLException {
        String cn = entry.event().caseNumber().canonical();
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM JD_CREDIT_FINDING WHERE CASE_NUMBER = ?"
                + " AND KIND = ? AND FINDING_KEY = ?")) {
            q.setString(1, cn);
            q.setString(2, r.kind());
            q.setString(3, r.key());
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return null;
                }
            }
        }
        String court = entry.event().caseNumber().courtCode();
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO JD_CREDIT_FINDING (CASE_NUMBER, COURT, KIND,"
                + " FINDING_KEY, SEVERITY, ARTICLE, MESSAGE, DETAILS, RAISED_AT, TRIGGER_SEQ, TRIGGER_TYPE,"
                + " TRIGGER_HOST_EVENT_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ins.setString(1, cn);
            ins.setString(2, court);
            ins.setString(3, r.kind());
            ins.setString(4, r.key());
            ins.setString(5, r.severity().name());
            ins.setString(6, r.article());
            ins.setString(7, r.message());
            ins.setString(8, json(r.details()));
            ins.setString(9, now.toString());
            ins.setLong(10, entry.seq());
            ins.setString(11, entry.event().type());
            ins.setString(12, entry.event().hostEventId());
            ins.executeUpdate();
            try (ResultSet keys = ins.getGeneratedKeys()) {
                keys.next();
                return new Finding(QuerySources.CREDIT, keys.getLong(1), r.kind(), r.severity(), r.article(), RULE, cn,
                        court, r.key(), r.message(), r.details(), now, new Finding.Trigger(entry.seq(),
                                entry.event().type(), entry.event().hostEventId()));
            }
        }
    }

    /**
     * Findings of {@code scope} (and a case, a kind when given), newest first below {@code before}, or the feed:
     * ascending above {@code after}. At most {@code limit}.
     */
    static List<Finding> select(DataSource db, CourtScope scope, String caseNumber, String kind, Long before,
            Long after, int limit) {
        MeasureIndex.Scoped courts = MeasureIndex.scoped(scope);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM JD_CREDIT_FINDING WHERE 1 = 1")
                .append(courts.sql());
        List<Object> args = new ArrayList<>(courts.args());
        if (caseNumber != null) {
            sql.append(" AND CASE_NUMBER = ?");
            args.add(caseNumber);
        }
        if (kind != null) {
            sql.append(" AND KIND = ?");
            args.add(kind);
        }
        if (before != null) {
            sql.append(" AND ID < ?");
            args.add(before);
        }
        if (after != null) {
            sql.append(" AND ID > ?");
            args.add(after);
        }
        sql.append(after != null ? " ORDER BY ID" : " ORDER BY ID DESC");
        List<Finding> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Finding(QuerySources.CREDIT, rs.getLong(1), rs.getString(4),
                            FindingSeverity.valueOf(rs.getString(6)), rs.getString(7), RULE, rs.getString(2),
                            rs.getString(3), rs.getString(5), rs.getString(8), details(rs.getString(9)),
                            Instant.parse(rs.getString(10)), new Finding.Trigger(rs.getLong(11), rs.getString(12),
                                    rs.getString(13))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the credit findings", e);
        }
        return out;
    }

    private static String json(Map<String, Object> details) {
        try {
            return MeasureIndex.JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A finding's details are not JSON-serialisable", e);
        }
    }

    private static Map<String, Object> details(String json) {
        try {
            return MeasureIndex.JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored finding's details are not JSON", e);
        }
    }
}
