package org.jiandu.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.jiandu.rest.internal.Authenticator.AuthenticationFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The parts of the authenticator that come before JAAS; logging in is covered by the itests in Karaf. */
class AuthenticatorTest {
    private final Authenticator authenticator =
            new Authenticator("karaf", 60_000, Clock.fixed(Instant.parse("2024-10-10T00:00:00Z"), ZoneOffset.UTC));

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void userOfReadsTheUserNameOfABasicHeader() {
        assertEquals("host", Authenticator.userOf(basic("host:secret")));
    }

    @Test
    void userOfDecodesUtf8UserNames() {
        assertEquals("张三", Authenticator.userOf(basic("张三:密码")));
    }

    @Test
    void userOfTakesTheUserNameUpToTheFirstColonSincePasswordsMayHoldColons() {
        assertEquals("host", Authenticator.userOf(basic("host:pa:ss")));
    }

    @Test
    void userOfAcceptsTheSchemeInAnyCase() {
        assertEquals("host", Authenticator.userOf(basic("host:secret").replace("Basic", "bAsIc")));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Bearer eyJhbGciOiJIUzI1NiJ9", "Basic", "Basic ", "Basic !!!not-base64!!!",
        "Basic aG9zdHNlY3JldA==" /* "hostsecret": no colon */, "Digest username=\"host\""})
    void userOfAnUnreadableHeaderIsNull(String header) {
        assertNull(Authenticator.userOf(header));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Bearer eyJhbGciOiJIUzI1NiJ9", "Basic !!!not-base64!!!", "Basic aG9zdHNlY3JldA=="})
    void authenticateWithAMalformedHeaderFailsWithBadCredentialsFormat(String header) {
        AuthenticationFailure failure = assertThrows(AuthenticationFailure.class,
                () -> authenticator.authenticate(header));
        assertEquals("BAD_CREDENTIALS_FORMAT", failure.code());
    }
}
