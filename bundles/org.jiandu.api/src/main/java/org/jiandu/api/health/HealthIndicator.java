package org.jiandu.api.health;

import java.util.List;

/**
 * A part of Jiandu that reports its health. Whiteboard: register one (or more) as an OSGi service and the health
 * endpoint ({@code GET /api/v1/health}) and {@code jiandu:health} list it from then on.
 *
 * <p>Contract: {@link #health()} is called on the thread of a health request, possibly concurrently; it must answer
 * from what the component already knows (no database work beyond a cheap read, never a wait on a lock) and quickly.
 * Throwing is a defect of the indicator: the aggregator reports the component DOWN with the error.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface HealthIndicator {

    /**
     * The health of the component(s) this indicator speaks for: usually one element; a bundle with several parts
     * (each rule, each follower) may answer one per part.
     */
    List<ComponentHealth> health();
}
