/**
 * Courts and procuratorates: who is under whom. Court codes (法院代字) do not encode the hierarchy — 京0105 (北京市朝阳区人民法院)
 * is under 京03 (北京市第三中级人民法院), not 京01 — and the railway, maritime, intellectual-property, financial and internet
 * courts sit outside the district tree, so the hierarchy is configuration ({@link org.jiandu.api.court.CourtDirectory}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jiandu.api.court;
