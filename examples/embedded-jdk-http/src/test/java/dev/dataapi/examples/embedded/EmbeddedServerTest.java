package dev.dataapi.examples.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.core.ApiToken;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The core embedded in a JDK HTTP server answers the execute contract over HTTP")
class EmbeddedServerTest {
    private final ApiToken token = ApiToken.generate();
    private final HttpClient client = HttpClient.newHttpClient();
    private EmbeddedServer server;

    @BeforeEach
    void start() throws IOException {
        server = EmbeddedServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), token);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void given_the_printed_token_when_the_endpoint_is_executed_then_the_rows_of_the_asked_regions_come_back() throws Exception {
        HttpResponse<String> response = post("sales/by-region", "Bearer " + token.token(),
                "{\"parameter_values\": {\"regions\": [\"Sul\", \"Norte\"], \"since\": \"2025-01-01\"}}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body())
                .startsWith("{\"columns\":[{\"name\":\"region\",\"type\":\"varchar\"},{\"name\":\"month\",\"type\":\"date\"},"
                        + "{\"name\":\"total\",\"type\":\"numeric\"}],\"rows\":["
                        + "{\"region\":\"Sul\",\"month\":\"2025-01-01\",\"total\":1200.50},"
                        + "{\"region\":\"Norte\",\"month\":\"2025-01-01\",\"total\":410.10},"
                        + "{\"region\":\"Sul\",\"month\":\"2025-02-01\",\"total\":1310.00}],"
                        + "\"row_count\":3,\"truncated\":false,\"max_rows\":100,\"executed_at\":\"")
                .matches(".*\"executed_at\":\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\"}$");
    }

    @Test
    void given_no_token_when_the_endpoint_is_executed_then_401_asks_for_a_bearer_token() throws Exception {
        HttpResponse<String> response = post("sales/by-region", null, "{\"parameter_values\": {\"regions\": [\"Sul\"]}}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"UNAUTHORIZED\"").doesNotContain("rows");
    }

    @Test
    void given_an_unknown_slug_when_executed_then_404_endpoint_not_found() throws Exception {
        HttpResponse<String> response = post("sales/by-country", "Bearer " + token.token(), "");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"code\":\"ENDPOINT_NOT_FOUND\"", "\"status\":404");
    }

    @Test
    void given_a_region_that_is_not_allowed_and_a_missing_one_when_executed_then_422_lists_the_problem() throws Exception {
        HttpResponse<String> response = post("sales/by-region", "Bearer " + token.token(),
                "{\"parameter_values\": {\"regions\": [\"Atlantis\"]}}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"code\":\"INVALID_PARAMETER\"", "\"errors\":[{\"parameter\":\"regions\"");
    }

    @Test
    void given_a_body_that_is_not_json_when_executed_then_400_says_so() throws Exception {
        HttpResponse<String> response = post("sales/by-region", "Bearer " + token.token(), "{\"parameter_values\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"INVALID_PARAMS\"", "not valid JSON");
    }

    private HttpResponse<String> post(String endpoint, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/api/v1/data-api/" + endpoint + "/execute"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
