package dev.dataapi.core;

import static dev.dataapi.core.ServiceHarness.rejection;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static dev.dataapi.ports.fixtures.Fixtures.anEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.in.ExecuteInput;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.RejectionCode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A rotated key")
class KeyRotationTest {
    private static final String OLD = "dak_old_token_of_the_partner";
    private static final String NEW = "dak_new_token_of_the_partner";

    private static ExecuteOutcome run(ServiceHarness harness, String token) {
        return harness.execute(Optional.of(token), "sales", "by-region", new ExecuteInput.Parsed(Map.of(), Optional.empty()));
    }

    @Test
    @DisplayName("accepts both tokens during the overlap and only the new one after it")
    void overlap() {
        ServiceHarness harness = new ServiceHarness().add(anEndpoint().build())
                .add(aKey().withToken(NEW).withPreviousToken(OLD, ServiceHarness.NOW.plus(Duration.ofHours(24))).build());

        assertThat(run(harness, NEW)).isInstanceOf(ExecuteOutcome.Executed.class);
        assertThat(run(harness, OLD)).isInstanceOf(ExecuteOutcome.Executed.class);
        assertThat(run(harness, OLD).facts().keyId()).as("either token is the same key").contains("acme-partner");

        harness.clock.advance(Duration.ofHours(24));

        assertThat(run(harness, NEW)).isInstanceOf(ExecuteOutcome.Executed.class);
        assertThat(rejection(run(harness, OLD)).code()).isEqualTo(RejectionCode.UNAUTHORIZED);
    }

    @Test
    @DisplayName("accepts neither token once revoked")
    void revoked() {
        ServiceHarness harness = new ServiceHarness().add(anEndpoint().build())
                .add(aKey().withToken(NEW).withPreviousToken(OLD, ServiceHarness.NOW.plus(Duration.ofHours(24)))
                        .revoked().build());

        assertThat(rejection(run(harness, NEW)).code()).isEqualTo(RejectionCode.UNAUTHORIZED);
        assertThat(rejection(run(harness, OLD)).code()).isEqualTo(RejectionCode.UNAUTHORIZED);
    }
}
