package org.jiandu.api.query;

import java.util.Optional;

import org.jiandu.api.CaseNumber;

/**
 * The search over the ledger's cases, registered by the ledger bundle ({@link QuerySources#LEDGER}); the
 * procuratorate endpoint and the console read it.
 *
 * <p>Contract: called on the reader's thread, possibly concurrently; one database query per call. Answers only what
 * {@link CourtScope} admits. An {@link IllegalArgumentException} means a malformed cursor.
 */
@org.osgi.annotation.versioning.ProviderType
public interface CaseSearch {

    /** Cases matching {@code filter}, ordered by case number, at most {@code filter.limit()}. */
    Batch<CaseSummary> search(CaseFilter filter);

    /** One case; empty when no entry is recorded for it. */
    Optional<CaseSummary> find(CaseNumber caseNumber);
}
