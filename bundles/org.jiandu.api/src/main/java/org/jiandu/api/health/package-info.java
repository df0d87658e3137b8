/**
 * Health of Jiandu's components: each bundle registers {@link org.jiandu.api.health.HealthIndicator} services for
 * the parts that can degrade (a configuration value replaced by its default, a required rule missing, a ledger
 * follower lagging, a calendar year not covered); the REST layer and the shell aggregate them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jiandu.api.health;
