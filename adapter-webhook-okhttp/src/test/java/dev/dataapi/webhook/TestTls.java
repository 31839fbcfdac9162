package dev.dataapi.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.function.Consumer;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A throwaway certificate authority and a receiver certificate it signed for the test host names,
 * so deliveries run over real TLS without touching the JVM's trust store.
 */
final class TestTls {
    static final HeldCertificate AUTHORITY = new HeldCertificate.Builder()
            .certificateAuthority(0)
            .commonName("Data API test authority")
            .build();
    static final HeldCertificate RECEIVER = new HeldCertificate.Builder()
            .signedBy(AUTHORITY)
            .commonName("receiver.test")
            .addSubjectAlternativeName("receiver.test")
            .addSubjectAlternativeName("rebind.test")
            .addSubjectAlternativeName("127.0.0.1")
            .build();

    private TestTls() {
    }

    /** Lets a sender trust {@link #AUTHORITY}; production senders use the JVM's default trust store. */
    static Consumer<OkHttpClient.Builder> trustingTheTestAuthority() {
        HandshakeCertificates client = new HandshakeCertificates.Builder()
                .addTrustedCertificate(AUTHORITY.certificate())
                .build();
        return builder -> builder.sslSocketFactory(client.sslSocketFactory(), client.trustManager());
    }

    /** A started HTTPS receiver on 127.0.0.1 presenting {@link #RECEIVER}. */
    static MockWebServer httpsReceiver() {
        MockWebServer server = new MockWebServer();
        HandshakeCertificates certificates = new HandshakeCertificates.Builder()
                .heldCertificate(RECEIVER, AUTHORITY.certificate())
                .build();
        server.useHttps(certificates.sslSocketFactory());
        return started(server);
    }

    /** A started plain-HTTP receiver on 127.0.0.1. */
    static MockWebServer httpReceiver() {
        return started(new MockWebServer());
    }

    private static MockWebServer started(MockWebServer server) {
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
