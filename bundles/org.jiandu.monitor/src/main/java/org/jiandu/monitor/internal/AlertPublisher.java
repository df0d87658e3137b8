package org.jiandu.monitor.internal;

import java.util.List;

import org.jiandu.api.alert.Alert;
import org.jiandu.api.alert.AlertTopics;
import org.osgi.service.event.EventAdmin;

/**
 * Publishes committed alerts on EventAdmin ({@link AlertTopics}: {@code jiandu/alert/<LEVEL>}), asynchronously.
 * Best effort: the alert table is the record, and {@code AlertQuery.since} is the durable way to follow it.
 */
final class AlertPublisher {
    private final EventAdmin eventAdmin;

    AlertPublisher(EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    void publish(List<Alert> alerts) {
        for (Alert a : alerts) {
            eventAdmin.postEvent(AlertTopics.toEvent(a));
        }
    }
}
