package org.jiandu.itest.integrator.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jiandu.api.finding.Finding;
import org.jiandu.api.finding.FindingTopics;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Subscribes to every finding, whatever its kind and producer ({@link FindingTopics#ALL}), and reads each with the
 * one codec every producer uses. Runs on EventAdmin's delivery thread: it only keeps the finding; anything that may
 * block (a notification, a database write) belongs on a thread of the bundle's own. EventAdmin is best effort: a
 * subscriber that must not miss a finding reads on from {@code FindingQuery.findingsSince} after a restart.
 */
@Component(service = {EventHandler.class, FindingInbox.class},
        property = EventConstants.EVENT_TOPIC + "=" + FindingTopics.ALL)
public final class FindingInbox implements EventHandler {
    private static final System.Logger LOG = System.getLogger(FindingInbox.class.getName());

    private final List<Finding> received = new CopyOnWriteArrayList<>();

    @Override
    public void handleEvent(Event event) {
        try {
            received.add(FindingTopics.from(event));
        } catch (IllegalArgumentException e) {
            // a producer that does not follow the topic schema: say which event, keep reading the others
            LOG.log(System.Logger.Level.ERROR, "Unreadable finding on " + event.getTopic() + ": " + e.getMessage(), e);
        }
    }

    List<Finding> received() {
        return List.copyOf(received);
    }
}
