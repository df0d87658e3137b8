package org.jiandu.api.query;

import java.time.LocalDate;
import java.util.Optional;

import org.jiandu.api.CaseNumber;

/**
 * Seizure registers (Art. 15 of 法〔2021〕322号), registered by the seizure bundle ({@link QuerySources#SEIZURE}).
 *
 * <p>Contract: called on the reader's thread, possibly concurrently; answers from the producer's model of the
 * ledger (it may read the ledger for a case it has not seen yet, so it may block as long as one ledger read). The
 * reader checks the case's court. An exception is the producer's failure.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface SeizureQuery {

    /** The producing bundle's symbolic name. */
    String source();

    /** The case's register as of {@code asOf}; empty when no entry is recorded for the case. */
    Optional<SeizureRegister> register(CaseNumber caseNumber, LocalDate asOf);
}
