package org.jiandu.api.mask;

import java.util.Map;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.PartyIdentifier;
import org.jiandu.api.event.EventType;
import org.jiandu.api.event.Payload;
import org.jiandu.api.event.Sensitivity;
import org.jiandu.api.rest.Caller;

/**
 * The one masking policy of Jiandu (《个人信息保护法》 Arts. 28, 51; Art. 12 of 法〔2021〕322号): every view that shows
 * payloads, guard details or anything else holding identifiers of natural persons, bank accounts or phone numbers
 * masks them through this service, for every role, unless the caller is allowed to reveal them for the case's court
 * ({@link #mayReveal}) and asked to with a reason (then the view records the reveal through {@link RevealAudit}).
 * Masking happens in the views only: what is stored and hashed is always the full value.
 *
 * <p>What a value holds is declared where it is declared: {@link org.jiandu.api.event.PayloadField#sensitivity()}
 * for the fields of event types (a bundle adding event types declares its own), {@code OperationTypes
 * .SENSITIVE_DETAILS} for guard details. Undeclared fields and free text are shown as they are: nothing is parsed.
 *
 * <p>Masking keeps the last {@code keep} letters or digits of a value (default 4), with the separators among them,
 * and replaces every other character with {@code *}: {@code 11010519491231002X} → {@code **************002X},
 * {@code 6217 0000 1111 2222 333} → {@code ******************2 333}. A value of {@code 2 × keep} letters and digits
 * or fewer keeps only half of them (rounded down), so a short value is never shown whole. Trailing whitespace is
 * dropped first; characters are Unicode code points.
 *
 * <p>Configuration, PID {@value #PID}: per {@link Sensitivity#code() kind} ({@code personalId}, {@code bankAccount},
 * {@code phone}; {@code partyIdentifier} follows {@code personalId}) {@code <kind>.masked} (default {@code true}) and
 * {@code <kind>.keep} (default 4, 0–8); {@code revealRoles}, the roles that may reveal for the courts their
 * organisation covers (default {@code court-officer, supervisor}; {@code admin} may always).
 *
 * <p>Contract: implemented by the core (the ledger bundle); called by views on request threads and by shell
 * commands, concurrently; every method is pure computation on the current configuration, quick, and never blocks.
 * {@code null} values come back {@code null}. Nothing here throws for a value it does not understand: a value of an
 * unexpected JSON shape under a sensitive field is masked whole (as its text) rather than shown.
 */
@org.osgi.annotation.versioning.ProviderType
public interface MaskingPolicy {
    /** The configuration PID. */
    String PID = "org.jiandu.mask";
    /** What a masked character is replaced with. */
    char MASK = '*';

    /**
     * {@code value} as a view shows it when it holds {@code kind}: masked when the policy masks that kind, else as
     * given. {@link Sensitivity#PARTY_IDENTIFIER} without the identifier's kind is masked as {@link Sensitivity#PERSONAL_ID}.
     */
    String mask(Sensitivity kind, String value);

    /**
     * A party identifier's value as a view shows it: masked as {@link Sensitivity#PERSONAL_ID} when its kind is a
     * natural person's or unknown ({@code OTHER}); the codes of units ({@code CREDIT_CODE}, {@code ORGANISATION_CODE},
     * {@code INDIVIDUAL_BUSINESS}) as they are.
     */
    String mask(PartyIdentifier.Kind kind, String value);

    /** Whether a view masks values of {@code kind} (the configuration may switch one off). */
    boolean masks(Sensitivity kind);

    /**
     * The payload of an event of {@code type} as a view shows it: every field {@code type} declares sensitive masked
     * (lists item by item, party identifiers by their kind), every other field as stored. With {@code type}
     * {@code null} (a type no longer installed) the core types' declarations of the same field names apply.
     */
    Payload mask(EventType type, Payload payload);

    /**
     * {@code values} (guard details, verdict figures) as a view shows them: each top-level entry named in
     * {@code declared} masked by its sensitivity, the rest as given.
     */
    Map<String, Object> mask(Map<String, Sensitivity> declared, Map<String, Object> values);

    /**
     * The payload paths of {@code type} that hold personal data and what they hold, in declaration order: a field
     * {@code "applicantPayeeAccount"}, the items of a list {@code "respondentIds[*]"}, the values of identifiers
     * {@code "respondentIdentifiers[*].value"}. Independent of the configuration: a path is listed even when its
     * kind is configured unmasked, so that proofs and exports can treat it as sensitive.
     */
    Map<String, Sensitivity> sensitivePaths(EventType type);

    /**
     * Whether {@code caller} may see the full values of cases of {@code caseNumber}'s court: admin always; otherwise
     * a caller holding one of the configured reveal roles whose organisation covers the case's court
     * ({@link Caller#covers}).
     */
    boolean mayReveal(Caller caller, CaseNumber caseNumber);
}
