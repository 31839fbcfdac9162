package dev.dataapi.webhook;

import dev.dataapi.ports.out.CallbackAddressPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Allows callbacks to the public internet only. A URL must be absolute {@code https} without user
 * name or password; {@code localhost}, bracketed hosts that are not IPv6 and unusual IPv4 spellings
 * ({@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}, {@code 127.1}) are refused without a
 * lookup; then every address the host resolves to must be public: one loopback, private,
 * link-local, carrier-grade NAT, multicast, broadcast, unspecified, reserved or documentation
 * address (also when embedded in IPv6: mapped, compatible, NAT64, 6to4) refuses the URL.
 *
 * <p>With {@code allowPrivateNetworks} (tests, on-premises receivers) loopback, private, link-local
 * and carrier-grade NAT addresses are allowed too, and so is plain {@code http}, but only towards
 * loopback addresses: a receiver on the same machine needs no TLS, anything further away does.
 *
 * <p>Thread-safe; {@link #refusal} may block on DNS.
 */
public final class PublicAddressPolicy implements CallbackAddressPolicy {
    static final String UNRESOLVED = "callback_url's host could not be resolved";
    static final String HTTP_BEYOND_LOOPBACK = "callback_url must use https unless it points to a loopback address";

    private final boolean allowPrivateNetworks;
    private final HostResolver resolver;

    /** A policy resolving hosts with the JVM's resolver. */
    public PublicAddressPolicy(boolean allowPrivateNetworks) {
        this(allowPrivateNetworks, HostResolver.system());
    }

    /** A policy resolving hosts with {@code resolver}; the sender built on it connects through the same resolver. */
    public PublicAddressPolicy(boolean allowPrivateNetworks, HostResolver resolver) {
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.resolver = Objects.requireNonNull(resolver, "'resolver' is required");
    }

    @Override
    public Optional<String> refusal(String url) {
        UrlCheck check = checkWithoutLookup(url);
        if (check instanceof UrlCheck.Refused refused) {
            return Optional.of(refused.reason());
        }
        UrlCheck.Target target = (UrlCheck.Target) check;
        if (target.literalAddress().isPresent()) {
            return Optional.empty();
        }
        List<InetAddress> addresses;
        try {
            addresses = resolve(target.url().host());
        } catch (UnknownHostException e) {
            return Optional.of(UNRESOLVED);
        }
        if (addresses.isEmpty()) {
            return Optional.of(UNRESOLVED);
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = addressRefusal(address, target.plainHttp(), "callback_url's host resolves to ");
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /** Whether a connection to {@code address} is allowed over https. */
    public boolean isAllowed(InetAddress address) {
        AddressKind kind = AddressClassifier.classify(Objects.requireNonNull(address, "'address' is required"));
        return kind == AddressKind.PUBLIC || (allowPrivateNetworks && kind.privateNetwork());
    }

    /** Whether a plain-http connection to {@code address} is allowed: loopback, and only with private networks allowed. */
    boolean isAllowedOverPlainHttp(InetAddress address) {
        return allowPrivateNetworks && AddressClassifier.classify(address) == AddressKind.LOOPBACK;
    }

    /** Every check that needs no DNS, including the address of an IP-literal host. */
    UrlCheck checkWithoutLookup(String url) {
        UrlCheck check = CallbackUrlForm.check(url, allowPrivateNetworks);
        if (check instanceof UrlCheck.Target target && target.literalAddress().isPresent()) {
            Optional<String> refusal = addressRefusal(target.literalAddress().get(), target.plainHttp(), "callback_url points to ");
            if (refusal.isPresent()) {
                return new UrlCheck.Refused(refusal.get());
            }
        }
        return check;
    }

    List<InetAddress> resolve(String host) throws UnknownHostException {
        List<InetAddress> addresses = resolver.resolve(host);
        return addresses == null ? List.of() : addresses;
    }

    private Optional<String> addressRefusal(InetAddress address, boolean plainHttp, String lead) {
        if (plainHttp) {
            return isAllowedOverPlainHttp(address) ? Optional.empty() : Optional.of(HTTP_BEYOND_LOOPBACK);
        }
        if (isAllowed(address)) {
            return Optional.empty();
        }
        // The kind of address, never the address: consumers learn no more about our network than needed.
        return Optional.of(lead + AddressClassifier.classify(address).phrase() + " address, which webhooks may not reach");
    }
}
