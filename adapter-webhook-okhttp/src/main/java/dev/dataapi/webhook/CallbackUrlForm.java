package dev.dataapi.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The checks on a callback URL's text. The URL must satisfy both the strict RFC 3986 parser
 * ({@link URI}) and OkHttp's lenient one, and the host checked afterwards is OkHttp's canonical
 * host, the one it will connect to: parser differences ({@code https://a.com\@127.0.0.1},
 * percent-encoded hosts) are a classic way round SSRF filters.
 */
final class CallbackUrlForm {
    static final String NOT_ABSOLUTE = "callback_url must be an absolute https URL, such as https://hooks.example.com/data-api";
    static final String NOT_HTTPS = "callback_url must use https";
    static final String USER_INFO = "callback_url must not contain a user name or password";
    static final String NO_HOST = "callback_url must name a host, such as https://hooks.example.com/data-api";
    static final String LOCALHOST = "callback_url must not point to localhost";
    static final String BRACKETS = "callback_url has a host in brackets that is not an IPv6 address";
    static final String ODD_IPV4 = "callback_url writes an IPv4 address in an unusual form; use four decimal numbers without leading zeros";
    private static final int LONGEST = 2_048;
    private static final Pattern SCHEME_AND_AUTHORITY = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):(//([^/?#]*))?");
    private static final Pattern NUMERIC_PART = Pattern.compile("0[xX][0-9A-Fa-f]*|[0-9]+");
    private static final Pattern DECIMAL_OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

    private CallbackUrlForm() {
    }

    static UrlCheck check(String url, boolean allowPrivateNetworks) {
        if (url == null || url.isEmpty() || url.length() > LONGEST) {
            return new UrlCheck.Refused(NOT_ABSOLUTE);
        }
        Matcher start = SCHEME_AND_AUTHORITY.matcher(url);
        if (!start.lookingAt()) {
            return new UrlCheck.Refused(NOT_ABSOLUTE);
        }
        String scheme = start.group(1).toLowerCase(Locale.ROOT);
        boolean plainHttp = scheme.equals("http");
        if (!scheme.equals("https") && !(plainHttp && allowPrivateNetworks)) {
            return new UrlCheck.Refused(NOT_HTTPS);
        }
        String authority = start.group(3);
        if (authority == null) {
            return new UrlCheck.Refused(NOT_ABSOLUTE);
        }
        // Before any parser sees it, so no parse error can quote the credentials.
        if (authority.indexOf('@') >= 0) {
            return new UrlCheck.Refused(USER_INFO);
        }
        if (authority.startsWith("[")) {
            if (!bracketsHoldIpv6(authority)) {
                return new UrlCheck.Refused(BRACKETS);
            }
        } else if (isOddIpv4(withoutPort(authority))) {
            // Checked on the raw text too: the strict parser does not see "127.1" as a host at all.
            return new UrlCheck.Refused(ODD_IPV4);
        }
        Optional<UrlCheck.Refused> unparsable = strictlyParsed(url);
        if (unparsable.isPresent()) {
            return unparsable.get();
        }
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            return new UrlCheck.Refused("callback_url is not a valid URL");
        }
        return host(parsed, plainHttp, allowPrivateNetworks);
    }

    private static Optional<UrlCheck.Refused> strictlyParsed(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                return Optional.of(new UrlCheck.Refused(NO_HOST));
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            // The reason names the problem and its index, never the URL itself.
            return Optional.of(new UrlCheck.Refused("callback_url is not a valid URL: " + e.getReason()));
        }
    }

    private static UrlCheck host(HttpUrl url, boolean plainHttp, boolean allowPrivateNetworks) {
        String host = url.host();
        if (host.indexOf(':') >= 0) {
            return new UrlCheck.Target(url, plainHttp, Optional.of(literal(host)));
        }
        String bare = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (bare.isEmpty()) {
            return new UrlCheck.Refused(NO_HOST);
        }
        if (isOddIpv4(host)) {
            return new UrlCheck.Refused(ODD_IPV4);
        }
        if (isDottedQuad(host)) {
            return new UrlCheck.Target(url, plainHttp, Optional.of(literal(host)));
        }
        if (!allowPrivateNetworks && (bare.equals("localhost") || bare.endsWith(".localhost"))) {
            return new UrlCheck.Refused(LOCALHOST);
        }
        return new UrlCheck.Target(url, plainHttp, Optional.empty());
    }

    private static boolean bracketsHoldIpv6(String authority) {
        int end = authority.indexOf(']');
        if (end < 0) {
            return false;
        }
        String inside = authority.substring(1, end);
        if (inside.indexOf(':') < 0 || !IPV6_CHARACTERS.matcher(inside).matches()) {
            return false;
        }
        try {
            literal(inside);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether {@code host} is made of numbers only but is not four plain decimal octets. Resolvers
     * read "127.1", "0x7f.1", "0177.0.0.1" or "2130706433" as addresses, each differently: only the
     * plain form means the same to every reader.
     */
    private static boolean isOddIpv4(String host) {
        boolean trailingDot = host.endsWith(".");
        String bare = trailingDot ? host.substring(0, host.length() - 1) : host;
        return !bare.isEmpty() && looksNumeric(bare) && (trailingDot || !isDottedQuad(bare));
    }

    private static String withoutPort(String authority) {
        int colon = authority.lastIndexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    private static boolean looksNumeric(String host) {
        for (String part : host.split("\\.", -1)) {
            if (!NUMERIC_PART.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDottedQuad(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (!DECIMAL_OCTET.matcher(part).matches() || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** An IP literal as an address; only ever called with literals, so no DNS query is made. */
    private static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal", e);
        }
    }
}
