package org.jiandu.api.mask;

import java.util.List;
import java.util.Objects;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.rest.Caller;

/**
 * Where a view records that it showed full values (《个人信息保护法》 Art. 51: access to personal data is controlled
 * and traceable): who, which case and which fields or entries, and why. Implemented by the REST bundle, which keeps
 * the records in its request audit ({@code GET /api/v1/audit}).
 *
 * <p>Contract: called by a view on the request thread after it decided to reveal and before it answers; returns only
 * once the record is durable (committed). It may block for that commit (a few milliseconds, bounded). It throws
 * {@link IllegalStateException} when the record could not be stored: the view must then not reveal (it answers 503).
 */
@org.osgi.annotation.versioning.ProviderType
public interface RevealAudit {

    /**
     * Records {@code reveal} durably.
     *
     * @throws IllegalStateException when it could not be stored; nothing may be revealed then
     */
    void record(Reveal reveal);

    /**
     * One reveal.
     *
     * @param caller     who asked
     * @param caseNumber the case whose values were shown
     * @param view       the path of the view, e.g. {@code /api/v1/cases/（2024）京0105执1234号/timeline}
     * @param revealed   what was shown unmasked: entries and payload paths ({@code seq 3: payload.payeeAccount}),
     *                   empty when the view held nothing masked
     * @param reason     the reason the caller stated
     */
    record Reveal(Caller caller, CaseNumber caseNumber, String view, List<String> revealed, String reason) {
        public Reveal {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(caseNumber, "caseNumber");
            Objects.requireNonNull(reason, "reason");
            revealed = List.copyOf(revealed);
        }
    }
}
