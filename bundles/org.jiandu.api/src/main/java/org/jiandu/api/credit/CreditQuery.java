package org.jiandu.api.credit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.query.CourtScope;

/**
 * The credit measures of Jiandu's credit bundle ({@link org.jiandu.api.query.QuerySources#CREDIT}), each computed as
 * of a day from the ledger.
 *
 * <p>Contract: called on the reader's thread, possibly concurrently; it may read the ledger and the bundle's index
 * (blocking as long as a few database reads). The reader checks the caller's courts and masks identifiers. An
 * exception is the producer's failure.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface CreditQuery {

    /** The producing bundle's symbolic name. */
    String source();

    /** The case's measures as of {@code asOf}; empty when no entry is recorded for the case. */
    Optional<List<CreditMeasure>> caseMeasures(CaseNumber caseNumber, LocalDate asOf);

    /**
     * Every measure on one person across the cases of {@code courts}, as of {@code asOf}, newest decision first.
     *
     * @param key the person's first identifier as stored (a resident id or credit code, upper case)
     */
    List<CreditMeasure> person(String key, CourtScope courts, LocalDate asOf);

    /**
     * Measures whose lift or deletion is due before {@code asOf} and not done, oldest due first: what a supervisor
     * acts on.
     */
    List<CreditMeasure> overdueLifts(CourtScope courts, LocalDate asOf, int limit);

    /** Listings the public 失信 list shows on {@code asOf} (active and published; none in grace, ended or expired). */
    List<CreditMeasure> published(CourtScope courts, LocalDate asOf, int limit);
}
