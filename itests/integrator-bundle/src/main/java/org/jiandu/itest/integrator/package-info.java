/**
 * What the integrator example offers its caller: {@link org.jiandu.itest.integrator.CaseOverview}, a case's
 * deadlines, alerts and findings combined from every installed producer, and what the bundle saw of the ledger and of
 * the finding topics. Built from {@code org.jiandu.api} alone; see README.md, "For integrators".
 *
 * <p>Exported without being imported ({@code NOIMPORT}): nothing else provides this package, and the bundle's
 * Import-Package then lists only the API, OSGi and the JDK.
 */
@org.osgi.annotation.bundle.Export(substitution = org.osgi.annotation.bundle.Export.Substitution.NOIMPORT)
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jiandu.itest.integrator;
