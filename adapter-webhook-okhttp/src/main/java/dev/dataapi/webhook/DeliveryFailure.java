package dev.dataapi.webhook;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Says why a delivery got no answer in a fixed sentence. Exception messages are never copied: they
 * can carry the URL, with whatever its query string holds.
 */
final class DeliveryFailure {
    static final String NO_ALLOWED_ADDRESS = "the callback host has no allowed address";
    static final String UNRESOLVED = "the callback host could not be resolved";
    static final String TIMED_OUT = "the callback host did not answer in time";

    private DeliveryFailure() {
    }

    static String describe(java.io.IOException failure) {
        if (failure instanceof NoAllowedAddressException) {
            return NO_ALLOWED_ADDRESS;
        }
        if (failure instanceof UnknownHostException) {
            return UNRESOLVED;
        }
        if (failure instanceof ConnectException || failure instanceof NoRouteToHostException) {
            return "the callback host refused or could not take the connection";
        }
        // SocketTimeoutException is an InterruptedIOException too; OkHttp's call timeout is a bare one.
        if (failure instanceof SocketTimeoutException || failure instanceof InterruptedIOException) {
            return TIMED_OUT;
        }
        if (failure instanceof SSLPeerUnverifiedException) {
            return "the callback host's TLS certificate is not valid for its name";
        }
        if (failure instanceof SSLHandshakeException) {
            return "the TLS handshake with the callback host failed (untrusted certificate or no common protocol)";
        }
        if (failure instanceof SSLException) {
            return "the TLS connection to the callback host failed";
        }
        if (failure instanceof ProtocolException) {
            return "the callback host did not answer in valid HTTP";
        }
        return "the delivery failed: " + failure.getClass().getSimpleName();
    }
}
