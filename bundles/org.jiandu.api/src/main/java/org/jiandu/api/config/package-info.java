/**
 * Reading a Jiandu configuration under the one failure policy every bundle follows: a value that cannot be read or
 * breaks the law is refused with an ERROR naming the PID and key, the law's default (the attribute's declared
 * default) is used in its place, activation never fails because of a value, and the component reports DEGRADED
 * through {@link org.jiandu.api.health.HealthIndicator} with the reason. A typo never switches supervision off
 * (Art. 8 of 法〔2021〕322号: 节点监控 runs continuously).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jiandu.api.config;
