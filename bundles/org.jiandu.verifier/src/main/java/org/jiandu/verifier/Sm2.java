package org.jiandu.verifier;

import java.security.Provider;
import java.security.Security;

/** Bouncy Castle, which the JDK lacks for SM2/SM3; loaded only when an SM2 key is used. */
final class Sm2 {
    private Sm2() {
    }

    static Provider provider() {
        Provider installed = Security.getProvider("BC");
        if (installed != null) {
            return installed;
        }
        try {
            return new org.bouncycastle.jce.provider.BouncyCastleProvider();
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("SM2 signatures need Bouncy Castle (bcprov-jdk18on) on the class path", e);
        }
    }
}
