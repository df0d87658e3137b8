package org.jiandu.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.jiandu.api.Roles;
import org.jiandu.api.rest.Caller;

/**
 * HTTP Basic credentials checked against a Karaf JAAS realm. The user's roles are the realm's role principals;
 * the organisation is the role principal {@code org:<code>} ({@link Roles#ORGANISATION_PREFIX}), so any JAAS
 * backend (properties, LDAP groups, JDBC) can carry it.
 *
 * <p>Successful logins are cached for a short, configurable time, keyed by a SHA-256 of the credentials (never
 * the password itself), so that a busy host platform does not pay a full JAAS login per request. A changed
 * password or role therefore takes effect within that time.
 */
final class Authenticator {
    private final String realm;
    private final long cacheMillis;
    private final Clock clock;
    private final java.util.function.Supplier<org.jiandu.api.court.CourtDirectory> courts;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Caller caller, long expiresAt) {
    }

    /** Why a login failed; the message is safe to show. */
    static final class AuthenticationFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;

        AuthenticationFailure(String code, String message) {
            super(message);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    Authenticator(String realm, long cacheMillis, Clock clock) {
        this(realm, cacheMillis, clock, () -> null);
    }

    /** @param courts the court directory at the moment of a login (null when none is installed) */
    Authenticator(String realm, long cacheMillis, Clock clock,
            java.util.function.Supplier<org.jiandu.api.court.CourtDirectory> courts) {
        this.courts = courts;
        this.realm = realm;
        this.cacheMillis = cacheMillis;
        this.clock = clock;
    }

    /** The user name in a Basic header, for the audit of a failed login; {@code null} when unreadable. */
    static String userOf(String authorization) {
        String[] creds = decode(authorization);
        return creds == null ? null : creds[0];
    }

    private static String[] decode(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    Caller authenticate(String authorization) throws AuthenticationFailure {
        String[] creds = decode(authorization);
        if (creds == null) {
            throw new AuthenticationFailure("BAD_CREDENTIALS_FORMAT",
                    "Use HTTP Basic authentication: 'Authorization: Basic base64(user:password)'");
        }
        String key = fingerprint(creds[0], creds[1]);
        long now = clock.millis();
        Cached hit = cache.get(key);
        if (hit != null && hit.expiresAt > now) {
            return hit.caller;
        }
        Caller caller = login(creds[0], creds[1]);
        if (cacheMillis > 0) {
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cache.put(key, new Cached(caller, now + cacheMillis));
        }
        return caller;
    }

    private Caller login(String user, String password) throws AuthenticationFailure {
        Subject subject = new Subject();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(Authenticator.class.getClassLoader());
            LoginContext context = new LoginContext(realm, subject, callbacks -> {
                for (var cb : callbacks) {
                    if (cb instanceof NameCallback n) {
                        n.setName(user);
                    } else if (cb instanceof PasswordCallback p) {
                        p.setPassword(password.toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(cb);
                    }
                }
            });
            context.login();
        } catch (LoginException e) {
            throw new AuthenticationFailure("BAD_CREDENTIALS", "Unknown user or wrong password");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        Set<String> roles = new HashSet<>();
        String organisation = null;
        for (Principal p : subject.getPrincipals(RolePrincipal.class)) {
            String name = p.getName();
            if (name.startsWith(Roles.ORGANISATION_PREFIX)) {
                organisation = name.substring(Roles.ORGANISATION_PREFIX.length());
            } else {
                roles.add(name);
            }
        }
        return new Caller(user, Set.copyOf(roles), organisation, courts.get());
    }

    private static String fingerprint(String user, String password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(user.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
