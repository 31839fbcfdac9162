package dev.dataapi.webhook;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/** What the checks that need no DNS say about a callback URL. */
sealed interface UrlCheck {

    /** The URL may not be called; {@code reason} is a sentence fit for the consumer. */
    record Refused(String reason) implements UrlCheck {
        public Refused {
            Objects.requireNonNull(reason, "'reason' is required");
        }
    }

    /**
     * The URL's form is acceptable.
     *
     * @param url            the URL as OkHttp will call it
     * @param plainHttp      whether it is {@code http}, allowed for loopback receivers only
     * @param literalAddress the address, when the host is an IP literal (OkHttp connects to those
     *                       without asking its {@code Dns}, so it has been checked already)
     */
    record Target(HttpUrl url, boolean plainHttp, Optional<InetAddress> literalAddress) implements UrlCheck {
        public Target {
            Objects.requireNonNull(url, "'url' is required");
            literalAddress = Objects.requireNonNullElse(literalAddress, Optional.empty());
        }
    }
}
