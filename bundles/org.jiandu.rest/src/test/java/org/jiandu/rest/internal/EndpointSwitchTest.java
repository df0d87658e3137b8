package org.jiandu.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.servlet.ServletConfig;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

/** Swapping the endpoint never leaves a request without one, and never destroys one a request is inside. */
class EndpointSwitchTest {
    /** Records what happened to it; {@code service} may block on a latch to hold a request inside. */
    static final class FakeEndpoint implements EndpointSwitch.Endpoint {
        final String name;
        final List<String> events;
        volatile CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch release = new CountDownLatch(0);
        volatile boolean destroyed;

        FakeEndpoint(String name, List<String> events) {
            this.name = name;
            this.events = events;
        }

        @Override
        public void init(ServletConfig config) {
            events.add(name + " init");
        }

        @Override
        public void service(HttpServletRequest req, HttpServletResponse res) {
            if (destroyed) {
                throw new IllegalStateException(name + " served after it was destroyed");
            }
            events.add(name + " service");
            entered.countDown();
            try {
                assertTrue(release.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (destroyed) {
                throw new IllegalStateException(name + " destroyed while a request was inside");
            }
        }

        @Override
        public void destroy() {
            destroyed = true;
            events.add(name + " destroy");
        }
    }

    @Test
    void theNewEndpointIsInitialisedAndServingBeforeTheOldOneIsDestroyed() throws Exception {
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        EndpointSwitch sw = new EndpointSwitch();
        FakeEndpoint a = new FakeEndpoint("a", events);
        sw.swap(a);
        sw.init(null);
        FakeEndpoint b = new FakeEndpoint("b", events);
        sw.swap(b);
        assertTrue(sw.service(null, null));
        assertEquals(List.of("a init", "b init", "a destroy", "b service"), events);
    }

    @Test
    void aRequestInsideTheOldEndpointFinishesThereBeforeItIsDestroyed() throws Exception {
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        EndpointSwitch sw = new EndpointSwitch();
        sw.init(null);
        FakeEndpoint a = new FakeEndpoint("a", events);
        a.release = new CountDownLatch(1);
        sw.swap(a);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread inside = new Thread(() -> {
            try {
                sw.service(null, null);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        inside.start();
        assertTrue(a.entered.await(10, TimeUnit.SECONDS));
        FakeEndpoint b = new FakeEndpoint("b", events);
        sw.swap(b);
        assertFalse(a.destroyed, "destroyed while a request is inside it");
        // a request arriving now goes to the new endpoint at once
        assertTrue(sw.service(null, null));
        assertTrue(events.contains("b service"));
        a.release.countDown();
        inside.join(10_000);
        assertEquals(null, failure.get());
        assertTrue(a.destroyed, "the old endpoint is destroyed when its last request left");
        assertFalse(b.destroyed);
    }

    @Test
    void closedTheSwitchServesNothingAndDestroysWhatItIsGiven() throws Exception {
        List<String> events = new ArrayList<>();
        EndpointSwitch sw = new EndpointSwitch();
        assertFalse(sw.service(null, null), "no endpoint before the first swap");
        FakeEndpoint a = new FakeEndpoint("a", events);
        sw.swap(a);
        sw.close();
        assertTrue(a.destroyed);
        assertFalse(sw.service(null, null));
        FakeEndpoint late = new FakeEndpoint("late", events);
        sw.swap(late);
        assertTrue(late.destroyed);
    }
}
