/**
 * Findings: breaches and tasks that are not a matter of time, raised by any Jiandu bundle (a network query that
 * leaves out property types, Art. 13; an over-seizure, Art. 15 …). One {@link org.jiandu.api.finding.Finding}
 * record for every producer and one topic schema, {@code jiandu/finding/<KIND>}
 * ({@link org.jiandu.api.finding.FindingTopics}), so one subscriber reads them all.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jiandu.api.finding;
