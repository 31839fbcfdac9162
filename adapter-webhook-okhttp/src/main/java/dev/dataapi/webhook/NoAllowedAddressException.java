package dev.dataapi.webhook;

import java.net.UnknownHostException;

/** The callback host resolved, but to no address the policy allows. */
final class NoAllowedAddressException extends UnknownHostException {
    NoAllowedAddressException() {
        super("the callback host has no allowed address");
    }
}
