/**
 * Alerts on deadlines (Art. 8 of 法〔2021〕322号, 流程节点自动预警): the {@link org.jiandu.api.alert.Alert} record, its
 * {@link org.jiandu.api.alert.AlertLevel levels} with stable codes, and the EventAdmin topics and properties an alert
 * is published with ({@link org.jiandu.api.alert.AlertTopics}). A notification channel subscribes to
 * {@code jiandu/alert/*} and reads each event with {@link org.jiandu.api.alert.AlertTopics#from}; a reader that
 * was down catches up with {@link org.jiandu.api.query.AlertQuery#alertsSince}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jiandu.api.alert;
