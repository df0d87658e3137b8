/**
 * Read-side query services: what Jiandu's bundles produced, readable from the API alone. Each producing bundle
 * registers the services it can answer ({@link org.jiandu.api.query.DeadlineQuery},
 * {@link org.jiandu.api.query.AlertQuery}, {@link org.jiandu.api.query.FindingQuery},
 * {@link org.jiandu.api.query.SeizureQuery}; the ledger {@link org.jiandu.api.query.CaseSearch}); a reader
 * collects them as a whiteboard and combines their answers with {@link org.jiandu.api.query.Aggregate}, whose
 * {@link org.jiandu.api.query.Sources} say which producers answered and which are not installed — so that "no
 * alert" is never confused with "no monitor".
 *
 * <p>Queries take explicit court filters ({@link org.jiandu.api.query.CourtScope}); who may see what (the caller's
 * organisation, masking of personal data) stays with the reader, e.g. a REST resource applying
 * {@link org.jiandu.api.rest.Caller}. Answers are records, never maps of string keys. Alerts and findings are also
 * an ascending feed with a cursor ({@code since}), so a consumer that was down catches up without EventAdmin.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.jiandu.api.query;
