package org.jiandu.api.credit;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jiandu.api.PartyIdentifier;

/**
 * One credit measure (限消令 or 失信 listing) on one person in one case, as of a day: its lifecycle, the documents it
 * rests on, and the lift it is waiting for. Identifiers are as stored: a view masks them
 * ({@link org.jiandu.api.mask.MaskingPolicy}).
 *
 * @param caseNumber     the case, canonical form
 * @param court          the case's court code
 * @param measureId      the host's id of the measure, unique in the case
 * @param kind           {@code RESTRICTION} (限消令) or {@code LISTING} (失信)
 * @param person         whom it concerns
 * @param status         where it stands on {@code asOf}
 * @param asOf           the day the status is computed for
 * @param grounds        the 失信 grounds (公布失信规定 Art. 1) or 限消 grounds relied on
 * @param periodMonths   a listing's period in months (grounds 2–6), or {@code null}
 * @param decision       the decision or order, or {@code null} while only proposed
 * @param particulars    what the decision states: a listing's conduct and obligation, a restriction's items, period
 *                       and consequences
 * @param servedOn       the day it was served, or {@code null}
 * @param grace          the grace period, or {@code null}
 * @param effectiveFrom  the day it takes effect outward (after any grace), or {@code null} before a decision
 * @param expiresOn      the last day of a fixed-period listing (counted from {@code effectiveFrom}), or {@code null}
 * @param publishedOn    the day a listing was published in the 名单库, or {@code null}
 * @param pushedTo       the assisting units and channels it was sent to
 * @param liftDue        the lift or deletion it is waiting for, or {@code null}
 * @param temporaryLift  the current or last temporary lift, or {@code null}
 * @param endedOn        the day it was lifted, deleted, revoked or withdrawn, or {@code null}
 * @param endedBy        why it ended (a lift ground, {@code REVOKED}, {@code PERFORMED_IN_GRACE}), or {@code null}
 * @param deadlines      every due date of the measure (lift, deletion, review, 复议, activation …), met or not
 * @param history        the case's entries that made it so, in order
 * @param lastSeq        the case's last entry taken into account
 */
public record CreditMeasure(String caseNumber, String court, String measureId, String kind, Person person,
        MeasureStatus status, LocalDate asOf, List<String> grounds, Integer periodMonths, Document decision,
        Particulars particulars, LocalDate servedOn, Grace grace, LocalDate effectiveFrom, LocalDate expiresOn, LocalDate publishedOn,
        List<String> pushedTo, LiftDue liftDue, TemporaryLift temporaryLift, LocalDate endedOn, String endedBy,
        List<Due> deadlines, List<Step> history, long lastSeq) {

    public CreditMeasure {
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(measureId, "measureId");
        Objects.requireNonNull(status, "status");
        grounds = grounds == null ? List.of() : List.copyOf(grounds);
        pushedTo = pushedTo == null ? List.of() : List.copyOf(pushedTo);
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** Whether a listing (not a restriction). */
    public boolean listing() {
        return "LISTING".equals(kind);
    }

    /**
     * The person concerned.
     *
     * @param identifiers their identifiers as stored; the first names the person across cases ({@link #key()})
     * @param name        name of the person or unit
     * @param personKind  {@code NATURAL} or {@code UNIT}
     * @param role        {@code DEBTOR} or a unit's person (限制消费规定 Art. 3 ¶2)
     * @param unit        for a unit's person, the unit's identifiers
     * @param birthDate   a natural person's birth date (from the resident id or given), or {@code null}
     * @param sex         {@code MALE}, {@code FEMALE} or {@code null}
     */
    public record Person(List<PartyIdentifier> identifiers, String name, String personKind, String role,
            List<PartyIdentifier> unit, LocalDate birthDate, String sex) {
        public Person {
            identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
            unit = unit == null ? List.of() : List.copyOf(unit);
        }

        /** The person's key across cases: the first identifier's value, or {@code null} when none was given. */
        public String key() {
            return identifiers.isEmpty() ? null : identifiers.get(0).value();
        }
    }

    /**
     * A decision document: never a flag, always the document's reference.
     *
     * @param number   文号
     * @param signedBy who signed it
     * @param role     the signer's office ({@code PRESIDENT} = 院长 …)
     * @param sha256   SHA-256 of the signed file
     * @param uri      where the host keeps it
     * @param on       the day it was made
     * @param seq      the entry that recorded it
     */
    public record Document(String number, String signedBy, String role, String sha256, String uri, LocalDate on,
            long seq) {
    }

    /**
     * What a decision states.
     *
     * @param conduct             a listing's 失信 conduct (公布失信规定 Art. 6)
     * @param obligation          the obligation in the effective document
     * @param performance         how far it has been performed
     * @param legalRepresentative for a unit listed: its 法定代表人 or 负责人
     * @param items               a restriction's banned items (限制消费规定 Art. 3)
     * @param period              a restriction's period as the order states it
     * @param consequences        the legal consequences the order states
     */
    public record Particulars(String conduct, String obligation, String performance, String legalRepresentative,
            List<String> items, String period, String consequences) {
        public Particulars {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** A grace period: from its first day to its last ({@code until}), {@code months} long. */
    public record Grace(LocalDate from, LocalDate until, int months) {
    }

    /**
     * A lift or deletion the measure waits for.
     *
     * @param ground  why (a lift ground, or {@code LISTING_EXPIRED})
     * @param since   the day the ground arose
     * @param due     the last day to lift (3 working days later, or the same day when urgent)
     * @param urgent  whether the party applied urgently (lift at once)
     * @param overdue whether {@code due} is before the view's day
     * @param seq     the entry that recorded the ground (0 for an expiry)
     */
    public record LiftDue(String ground, LocalDate since, LocalDate due, boolean urgent, boolean overdue, long seq) {
    }

    /** A temporary lift: its days, reason, what it opens, and whether it was revoked early. */
    public record TemporaryLift(LocalDate from, LocalDate until, String reason, List<String> transport,
            boolean revoked) {
        public TemporaryLift {
            transport = transport == null ? List.of() : List.copyOf(transport);
        }
    }

    /**
     * One due date of a measure, computed with the working-day calendar.
     *
     * @param rule        the rule's id (the node monitor's deadline of the same rule has the same due day)
     * @param title       what must be done, in Chinese
     * @param article     the provision
     * @param since       the day counted from
     * @param due         the last day
     * @param metOn       the day it was done, or {@code null}
     * @param overdue     not done and {@code due} is before the view's day, or done after {@code due}
     * @param explanation the calendar's steps to the due day
     */
    public record Due(String rule, String title, String article, LocalDate since, LocalDate due, LocalDate metOn,
            boolean overdue, List<String> explanation) {
        public Due {
            explanation = explanation == null ? List.of() : List.copyOf(explanation);
        }
    }

    /** One entry of the measure's history: its position, type, day and what it did, in Chinese. */
    public record Step(long seq, String type, LocalDate on, String label) {
    }
}
