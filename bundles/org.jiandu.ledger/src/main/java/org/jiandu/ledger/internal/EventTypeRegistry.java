package org.jiandu.ledger.internal;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jiandu.api.event.CoreEventTypes;
import org.jiandu.api.event.EventType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event types the ledger accepts: the core vocabulary plus every {@link EventType} service a bundle registers
 * (whiteboard). An extension type must be namespaced and may not shadow a core or already registered id.
 */
@Component(service = EventTypeRegistry.class)
public class EventTypeRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(EventTypeRegistry.class);
    private final Map<String, EventType> types = new ConcurrentHashMap<>();

    public EventTypeRegistry() {
        CoreEventTypes.ALL.forEach(t -> types.put(t.id(), t));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addType(EventType type) {
        if (type.isCore()) {
            LOG.error("Ignoring extension event type {}: extension ids must be namespaced (vendor.NAME)", type.id());
            return;
        }
        if (types.putIfAbsent(type.id(), type) != null) {
            LOG.error("Ignoring event type {}: the id is already registered", type.id());
        }
    }

    void removeType(EventType type) {
        if (!type.isCore()) {
            types.remove(type.id(), type);
        }
    }

    EventType get(String id) {
        return types.get(id);
    }

    Collection<EventType> all() {
        return types.values();
    }
}
