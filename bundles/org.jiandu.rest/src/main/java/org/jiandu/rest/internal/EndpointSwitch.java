package org.jiandu.rest.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The endpoint requests are served by, swapped for a new one without a gap: the new endpoint is built and
 * initialised while the old one still serves, then installed in one step; the old one is destroyed only when the
 * last request that entered it has left. So adding or removing a resource never answers 404 (or a closed-server
 * error) for a path that exists before and after.
 */
final class EndpointSwitch {
    /** A servlet-like endpoint (a CXF server with its own bus and servlet in production). */
    interface Endpoint {
        void init(ServletConfig config) throws ServletException;

        void service(HttpServletRequest req, HttpServletResponse res) throws ServletException, IOException;

        void destroy();
    }

    /** An endpoint and how many hold it: the switch while it is current, plus each request inside it. */
    private static final class Slot {
        final Endpoint endpoint;
        private final AtomicInteger holders = new AtomicInteger(1);

        Slot(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        boolean acquire() {
            while (true) {
                int n = holders.get();
                if (n == 0) {
                    return false;
                }
                if (holders.compareAndSet(n, n + 1)) {
                    return true;
                }
            }
        }

        void release() {
            if (holders.decrementAndGet() == 0) {
                endpoint.destroy();
            }
        }
    }

    private volatile Slot current;
    private ServletConfig config;
    private boolean initialised;
    private boolean closed;

    /** The servlet was initialised: so is the current endpoint, and every later one before it is installed. */
    synchronized void init(ServletConfig servletConfig) throws ServletException {
        this.config = servletConfig;
        this.initialised = true;
        Slot s = current;
        if (s != null) {
            s.endpoint.init(servletConfig);
        }
    }

    /** Installs {@code next} (initialised first when the servlet already is) and retires the previous endpoint. */
    void swap(Endpoint next) throws ServletException {
        Slot old;
        synchronized (this) {
            if (closed) {
                next.destroy();
                return;
            }
            if (initialised) {
                next.init(config);
            }
            old = current;
            current = new Slot(next);
        }
        if (old != null) {
            old.release();
        }
    }

    /**
     * Serves the request with the current endpoint, which stays alive until the request is done.
     *
     * @return false when there is no endpoint (before the first swap or after close): nothing was written
     */
    boolean service(HttpServletRequest req, HttpServletResponse res) throws ServletException, IOException {
        Slot s;
        do {
            s = current;
            if (s == null) {
                return false;
            }
        } while (!s.acquire());
        try {
            s.endpoint.service(req, res);
            return true;
        } finally {
            s.release();
        }
    }

    /** Retires the current endpoint and installs none; later swaps destroy what they are given. */
    void close() {
        Slot old;
        synchronized (this) {
            closed = true;
            old = current;
            current = null;
        }
        if (old != null) {
            old.release();
        }
    }
}
