package org.jiandu.api.event;

/**
 * Who did what an event records: a person id in the host platform (工号 or account), their role (e.g.
 * {@code 执行员}, {@code 书记员}, {@code 庭长}) and the organisation code (court code such as {@code 京0105}).
 */
public record Actor(String personId, String role, String organisation) {
}
