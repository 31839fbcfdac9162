package dev.dataapi.webhook;

import dev.dataapi.ports.out.WebhookRequest;
import dev.dataapi.ports.out.WebhookResponse;
import dev.dataapi.ports.out.WebhookSender;
import java.io.IOException;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.CookieJar;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Delivers webhooks with one shared {@link OkHttpClient}. Each send first repeats the policy's
 * checks that need no DNS (the URL's form, IP-literal hosts, which OkHttp connects to without
 * asking its {@code Dns}); host names are resolved by an OkHttp {@code Dns} that drops every
 * address the policy refuses, so the connection goes only to a checked address. Redirects are
 * never followed, failed connections are not retried (the caller schedules retries), no proxy is
 * used (a proxy would resolve the host itself, past the checks), and the JVM's default trust store
 * decides which certificates are trusted. At most {@value #MOST_BODY_BYTES_READ} bytes of an
 * answer's body are read.
 */
public final class OkHttpWebhookSender implements WebhookSender, AutoCloseable {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);
    static final int MOST_BODY_BYTES_READ = 4_096;
    private static final MediaType JSON = MediaType.get("application/json");

    private final PublicAddressPolicy policy;
    private final OkHttpClient httpsClient;
    private final OkHttpClient loopbackHttpClient;
    private final Clock clock = Clock.systemUTC();

    /** A sender with the standard timeouts: {@link #CONNECT_TIMEOUT}, {@link #CALL_TIMEOUT}. */
    public OkHttpWebhookSender(PublicAddressPolicy policy) {
        this(policy, CONNECT_TIMEOUT, CALL_TIMEOUT, builder -> { });
    }

    /**
     * A sender with the given timeouts. {@code customizer} sees the client builder first (tests
     * install a trust manager for their own certificate authority through it); the settings this
     * class relies on (timeouts, no redirects, no retries, no proxy, the checking {@code Dns}) are
     * applied after it, so it cannot turn them off.
     */
    public OkHttpWebhookSender(PublicAddressPolicy policy, Duration connectTimeout, Duration callTimeout,
                               Consumer<OkHttpClient.Builder> customizer) {
        this.policy = Objects.requireNonNull(policy, "'policy' is required");
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("callTimeout", callTimeout);
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        Objects.requireNonNull(customizer, "'customizer' is required").accept(builder);
        this.httpsClient = builder
                .connectTimeout(connectTimeout)
                .callTimeout(callTimeout)
                .followRedirects(false)
                .followSslRedirects(false)
                // A receiver may close an idle kept-alive connection at any time; without this retry the
                // next delivery on that pooled connection fails and waits for the retry schedule. A
                // repeated POST is harmless: receivers deduplicate by webhook-id.
                .retryOnConnectionFailure(true)
                .proxy(Proxy.NO_PROXY)
                .cookieJar(CookieJar.NO_COOKIES)
                .cache(null)
                .dns(new AllowedAddressDns(policy::resolve, policy::isAllowed))
                .build();
        // Shares the connection pool and dispatcher; only its Dns differs, and connections are
        // pooled per Dns, so a plain-http connection is never handed to an https call or back.
        this.loopbackHttpClient = httpsClient.newBuilder()
                .dns(new AllowedAddressDns(policy::resolve, policy::isAllowedOverPlainHttp))
                .build();
    }

    @Override
    public WebhookResponse send(WebhookRequest request) {
        Objects.requireNonNull(request, "'request' is required");
        UrlCheck check = policy.checkWithoutLookup(request.url());
        if (check instanceof UrlCheck.Refused refused) {
            return WebhookResponse.noAnswer(refused.reason());
        }
        UrlCheck.Target target = (UrlCheck.Target) check;
        OkHttpClient client = target.plainHttp() ? loopbackHttpClient : httpsClient;
        Call call = client.newCall(post(target, request));
        try (Response response = call.execute()) {
            WebhookResponse answer = WebhookResponse.answered(response.code(),
                    RetryAfter.parse(response.header("Retry-After"), clock.instant()));
            readAtMostALittle(call, response);
            return answer;
        } catch (IOException e) {
            return WebhookResponse.noAnswer(DeliveryFailure.describe(e));
        }
    }

    /** Stops the client's threads and closes its pooled connections. */
    @Override
    public void close() {
        httpsClient.dispatcher().executorService().shutdown();
        httpsClient.connectionPool().evictAll();
    }

    private static Request post(UrlCheck.Target target, WebhookRequest request) {
        MediaType type = JSON;
        Headers.Builder headers = new Headers.Builder();
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase("Content-Type")) {
                type = Optional.ofNullable(MediaType.parse(header.getValue())).orElseThrow(() ->
                        new IllegalArgumentException("'headers' Content-Type is not a media type"));
            } else {
                addHeader(headers, header.getKey(), header.getValue());
            }
        }
        return new Request.Builder()
                .url(target.url())
                .headers(headers.build())
                .post(RequestBody.create(request.body(), type))
                .build();
    }

    private static void addHeader(Headers.Builder headers, String name, String value) {
        try {
            headers.add(name, value);
        } catch (IllegalArgumentException e) {
            // OkHttp's message quotes the value, which may be a signature.
            throw new IllegalArgumentException("'headers' holds a name or value HTTP does not allow, under '"
                    + name.replaceAll("[^!-~]", "?") + "'");
        }
    }

    /**
     * Lets a short answer finish so its connection can be reused, without ever reading a large
     * one: past the limit, the call is cancelled, which drops the connection instead of draining it.
     */
    private static void readAtMostALittle(Call call, Response response) {
        try {
            if (response.body().source().request(MOST_BODY_BYTES_READ)) {
                call.cancel();
            }
        } catch (IOException e) {
            call.cancel(); // the status is in; what the body does no longer matters
        }
    }

    private static void requirePositive(String field, Duration duration) {
        Objects.requireNonNull(duration, "'" + field + "' is required");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("'" + field + "' must be positive, got " + duration);
        }
    }
}
