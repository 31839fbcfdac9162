package dev.dataapi.core;

import dev.dataapi.ports.in.ParameterProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The form every callback URL must have: an absolute {@code https} URL with a host, no user name or
 * password (credentials in a URL end up in logs), a valid port, and at most 2,048 characters. It does
 * not look the host up: that belongs to a network-aware policy chained after this one.
 */
public final class HttpsCallbackUrlPolicy implements CallbackUrlPolicy {
    /** The problem code of a URL that cannot be used as a callback at all. */
    public static final String INVALID_URL = "INVALID_URL";
    /** The problem code of a well-formed URL whose scheme is not https. */
    public static final String NOT_HTTPS = "NOT_HTTPS";
    static final String FIELD = "callback_url";
    private static final int LONGEST = 2_048;
    private static final int HIGHEST_PORT = 65_535;

    @Override
    public Optional<ParameterProblem> check(String callbackUrl) {
        if (callbackUrl == null || callbackUrl.isEmpty() || callbackUrl.length() > LONGEST) {
            return invalid("callback_url must be an absolute https URL of at most " + LONGEST + " characters");
        }
        URI uri;
        try {
            uri = new URI(callbackUrl);
        } catch (URISyntaxException e) {
            return invalid("callback_url is not a valid URL: " + e.getReason());
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            return invalid("callback_url must be an absolute URL such as https://hooks.example.com/data-api");
        }
        if (!"https".equals(uri.getScheme().toLowerCase(Locale.ROOT))) {
            return Optional.of(new ParameterProblem(FIELD, NOT_HTTPS, "callback_url must use https, got '"
                    + shorten(uri.getScheme()) + ":'"));
        }
        if (uri.getRawUserInfo() != null) {
            return invalid("callback_url must not contain a user name or password");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return invalid("callback_url must name a host, such as https://hooks.example.com/data-api");
        }
        if (uri.getPort() > HIGHEST_PORT || uri.getPort() == 0) {
            return invalid("callback_url has an invalid port");
        }
        return Optional.empty();
    }

    private static Optional<ParameterProblem> invalid(String message) {
        return Optional.of(new ParameterProblem(FIELD, INVALID_URL, message));
    }

    private static String shorten(String scheme) {
        return scheme.length() <= 20 ? scheme : scheme.substring(0, 20) + "…";
    }
}
