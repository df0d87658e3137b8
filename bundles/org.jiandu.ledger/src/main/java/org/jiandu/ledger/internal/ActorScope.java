package org.jiandu.ledger.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jiandu.api.ValidationException;
import org.jiandu.api.court.CourtDirectory;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.CoreEventTypes;

/**
 * Who may act in a case: an event whose {@code actor.organisation} is not covered by the case's court is refused,
 * unless the organisation is named by a recorded entrustment (执行事项委托, Art. 27 of 法〔2021〕322号, until it ended)
 * or transfer of the case (提级执行 / 指令执行, Art. 28). "Covered by the case's court" is the court directory's
 * rule: the case's court itself or a court under it; a procuratorate paired with the case's court may act too (its
 * supervision documents are events of the case, Art. 36). A superior court is not covered by the court below: its
 * acts on a lower court's case are recorded by that court, or after a transfer to it. An event without an actor or
 * without an organisation is not checked here (the event type decides whether it needs one).
 *
 * <p>The organisations a case's entrustments and transfers added are kept on its head row, so the check needs no
 * read of the timeline; a correction of an entrustment does not take its court away (an {@link
 * CoreEventTypes#ENTRUSTMENT_ENDED} does).
 */
final class ActorScope {
    private ActorScope() {
    }

    /**
     * Refuses {@code event} (400 {@code ACTOR_NOT_OF_CASE_COURT} on {@code field}) when its actor's organisation may
     * not act in the case.
     *
     * @param acting    organisations the case's entrustments and transfers added
     * @param directory the court directory, or {@code null} where none is installed (then only the same court)
     */
    static void check(CaseEvent event, Set<String> acting, CourtDirectory directory, String field) {
        String org = event.actor() == null ? null : event.actor().organisation();
        if (org == null || org.isBlank()) {
            return;
        }
        String court = event.caseNumber().courtCode();
        if (mayAct(org, court, acting, directory)) {
            return;
        }
        throw new ValidationException("ACTOR_NOT_OF_CASE_COURT", field, "The actor's organisation " + org
                + " is not covered by court " + court + " of case " + event.caseNumber().canonical()
                + ", and no entrustment (MATTER_ENTRUSTED, Art. 27) or transfer (ENFORCEMENT_TRANSFERRED, Art. 28) of the"
                + " case names it: record the entrustment or transfer first, or correct the actor");
    }

    static boolean mayAct(String org, String court, Set<String> acting, CourtDirectory directory) {
        if (org.equals(court) || acting.contains(org)) {
            return true;
        }
        if (directory == null) {
            return false;
        }
        // the case's court covers the organisation (a court under it); or a procuratorate paired with the court
        return (directory.court(org).isPresent() && directory.covers(court, org))
                || (directory.procuratorate(org).isPresent() && directory.covers(org, court));
    }

    /** The acting organisations after {@code event}: an entrustment or a transfer adds its court, an end removes it. */
    static Set<String> after(CaseEvent event, Set<String> acting) {
        String type = event.type();
        String court = switch (type) {
            case CoreEventTypes.MATTER_ENTRUSTED, CoreEventTypes.ENTRUSTMENT_ENDED ->
                event.payload().string("entrustedCourt").orElse(null);
            case CoreEventTypes.ENFORCEMENT_TRANSFERRED -> event.payload().string("toCourt").orElse(null);
            default -> null;
        };
        if (court == null || court.isBlank()) {
            return acting;
        }
        Set<String> out = new LinkedHashSet<>(acting);
        if (CoreEventTypes.ENTRUSTMENT_ENDED.equals(type)) {
            out.remove(court.strip());
        } else {
            out.add(court.strip());
        }
        return out;
    }
}
