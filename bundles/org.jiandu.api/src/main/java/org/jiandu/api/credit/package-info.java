/**
 * Credit restriction (Art. 23 of 法〔2021〕322号): the event types of the 限制消费 and 失信 lifecycle
 * ({@link org.jiandu.api.credit.CreditEventTypes}) and the read side of the credit bundle
 * ({@link org.jiandu.api.credit.CreditQuery}, {@link org.jiandu.api.credit.CreditMeasure}), so that a reader (the
 * procuratorate endpoint, a console, an integrator's bundle) sees each measure's state without the credit bundle's
 * tables.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jiandu.api.credit;
