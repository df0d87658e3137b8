package org.jiandu.api;

/**
 * Placeholder so that the API bundle compiles on the {@code calendar} branch: the skeleton's
 * {@link org.jiandu.api.rest.Caller} refers to {@code CaseNumber}, whose real implementation (parsing and
 * validation of 案号) belongs to the identifiers work on the {@code ids} branch. When the two branches meet, keep
 * that implementation and drop this file; the only member used here is {@link #courtCode()}.
 */
public record CaseNumber(String courtCode) {
}
