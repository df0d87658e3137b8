/**
 * Masking of personal data in every view (《个人信息保护法》 Arts. 28, 34, 51; Art. 12 of 法〔2021〕322号): one
 * policy, {@link org.jiandu.api.mask.MaskingPolicy}, that every bundle uses, and the audit of every reveal
 * ({@link org.jiandu.api.mask.RevealAudit}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jiandu.api.mask;
