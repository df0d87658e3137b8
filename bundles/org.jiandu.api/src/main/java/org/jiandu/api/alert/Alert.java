package org.jiandu.api.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One alert (Art. 8 of 法〔2021〕322号): a level reached on a deadline, as the producer stored and published it.
 *
 * @param id              the alert's id, {@link AlertLevel#alertId(long) level.alertId(deadlineId)}
 * @param deadlineId      the deadline it is about (unique within its producer)
 * @param level           which level was reached
 * @param caseNumber      the case, canonical form ({@code (2024)京0105执1001号})
 * @param court           the court code of the case ({@code 京0105})
 * @param ruleId          the deadline rule ({@code art13.network-query})
 * @param due             the deadline's due day, or {@code null} when it has none (a period in hours)
 * @param expiresAt       the instant the period runs out, or {@code null}
 * @param raisedAt        when the alert was raised
 * @param addressee       who it is addressed to (the handler, or the leader for ESCALATED)
 * @param message         the alert in Chinese, ready to send
 * @param acknowledgement the acknowledgement, or {@code null} while the alert is open
 */
public record Alert(long id, long deadlineId, AlertLevel level, String caseNumber, String court, String ruleId,
        LocalDate due, Instant expiresAt, Instant raisedAt, String addressee, String message,
        Acknowledgement acknowledgement) {

    public Alert {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(court, "court");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(message, "message");
    }

    /** Who acknowledged an alert, when, and what they said was done. */
    public record Acknowledgement(String by, Instant at, String comment) {
        public Acknowledgement {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
        }
    }

    /** OPEN until acknowledged. */
    public AlertStatus status() {
        return acknowledgement == null ? AlertStatus.OPEN : AlertStatus.ACKNOWLEDGED;
    }
}
