package org.jiandu.api.event;

/**
 * Art. 12 of 法〔2021〕322号 forbids arbitrary editing of node data; Art. 10 makes whoever approves answerable. A
 * correction is therefore a new ledger entry that names the entry it corrects (by the host event id of that entry,
 * in the same case), who approved it and why. The corrected entry stays in the ledger untouched.
 */
public record Correction(String correctsHostEventId, String approver, String reason) {
}
