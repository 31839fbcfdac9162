package dev.dataapi.core;

import static dev.dataapi.core.ServiceHarness.NOW;
import static dev.dataapi.core.ServiceHarness.TOKEN;
import static dev.dataapi.core.ServiceHarness.rejection;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static dev.dataapi.ports.fixtures.Fixtures.anEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.Column;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.in.ExecuteInput;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
import dev.dataapi.ports.out.QueryOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The execute request path")
class RequestPathOrderTest {

    private static final ExecuteInput EMPTY = ExecuteInput.Parsed.empty();

    @Test
    void given_a_valid_key_and_endpoint_when_executed_then_rows_reach_the_sink_and_the_outcome_describes_them() {
        ServiceHarness harness = ServiceHarness.with(anEndpoint().withMaxRows(2).build())
                .answering((request, sink) -> {
                    sink.columns(List.of(new Column("regiao", "varchar")));
                    sink.row(new Object[] {"Norte"});
                    sink.row(new Object[] {"Sul"});
                    return new QueryOutcome.Completed(2, true);
                });

        ExecuteOutcome outcome = harness.execute();

        assertThat(outcome).usingRecursiveComparison().ignoringFields("facts")
                .isEqualTo(new ExecuteOutcome.Executed(NOW, 2, true, 2));
        assertThat(harness.rows).containsExactly(List.of("Norte"), List.of("Sul"));
    }

    @Test
    void given_no_token_when_executed_then_unauthorized() {
        ServiceHarness harness = ServiceHarness.with(anEndpoint().build());

        Rejection rejection = rejection(harness.execute(Optional.empty(), "sales", "by-region", EMPTY));

        assertThat(rejection.code()).isEqualTo(RejectionCode.UNAUTHORIZED);
        assertThat(harness.requests).isEmpty();
    }

    @Test
    void given_an_unknown_a_revoked_an_expired_and_an_empty_token_then_all_get_the_same_unauthorized_answer() {
        ServiceHarness harness = ServiceHarness.with(anEndpoint().build())
                .add(aKey().withId("revoked").withToken("revoked-token").revoked().build())
                .add(aKey().withId("expired").withToken("expired-token").expiringAt(NOW).build());

        List<Rejection> rejections = List.of(
                rejection(harness.execute(Optional.of("no-such-token"), "sales", "by-region", EMPTY)),
                rejection(harness.execute(Optional.of("revoked-token"), "sales", "by-region", EMPTY)),
                rejection(harness.execute(Optional.of("expired-token"), "sales", "by-region", EMPTY)),
                rejection(harness.execute(Optional.of(""), "sales", "by-region", EMPTY)),
                rejection(harness.execute(Optional.empty(), "sales", "by-region", EMPTY)));

        assertThat(rejections).allSatisfy(rejection -> assertThat(rejection)
                .isEqualTo(Rejection.of(RejectionCode.UNAUTHORIZED, ExecuteEndpointService.UNAUTHORIZED_DETAIL)));
        assertThat(harness.requests).isEmpty();
    }

    @Test
    void given_a_key_that_expires_later_when_executed_then_it_runs_and_once_the_instant_passes_it_is_unauthorized() {
        ServiceHarness harness = ServiceHarness.with(anEndpoint().build())
                .add(aKey().withId("short-lived").withToken("short-token").expiringAt(NOW.plusSeconds(60)).build());

        ExecuteOutcome before = harness.execute(Optional.of("short-token"), "sales", "by-region", EMPTY);
        harness.clock.advance(Duration.ofSeconds(60));
        ExecuteOutcome after = harness.execute(Optional.of("short-token"), "sales", "by-region", EMPTY);

        assertThat(before).isInstanceOf(ExecuteOutcome.Executed.class);
        assertThat(rejection(after).code()).isEqualTo(RejectionCode.UNAUTHORIZED);
    }

    @Test
    void given_no_token_and_a_malformed_slug_when_executed_then_unauthorized_comes_first() {
        ServiceHarness harness = ServiceHarness.with(anEndpoint().build());

        Rejection rejection = rejection(harness.execute(Optional.empty(), "sales", "Not_Kebab", EMPTY));

        assertThat(rejection.code()).isEqualTo(RejectionCode.UNAUTHORIZED);
    }

    @Test
    void given_a_malformed_namespace_when_executed_then_invalid_params_names_the_namespace() {
        ServiceHarness harness = ServiceHarness.with(anEndpoint().build());

        Rejection rejection = rejection(harness.execute(Optional.of(TOKEN), "Sales", "by-region", EMPTY));

        assertThat(rejection).isEqualTo(Rejection.of(RejectionCode.INVALID_PARAMS, "'namespace' is missing or not kebab-case"));
    }

    @Test
    void given_an_empty_slug_when_executed_then_invalid_params_names_the_slug() {
        ServiceHarness harness = ServiceHarness.with(anEndpoint().build());

        Rejection rejection = rejection(harness.execute(Optional.of(TOKEN), "sales", "", EMPTY));

        assertThat(rejection).isEqualTo(Rejection.of(RejectionCode.INVALID_PARAMS, "'slug' is missing or not kebab-case"));
    }

    @Test
    void given_both_path_parts_malformed_when_executed_then_invalid_params_names_both() {
        ServiceHarness harness = ServiceHarness.with(anEndpoint().build());

        Rejection rejection = rejection(harness.execute(Optional.of(TOKEN), "a--b", "x".repeat(65), EMPTY));

        assertThat(rejection.detail()).isEqualTo("'namespace' and 'slug' are missing or not kebab-case");
    }

    @Test
    void given_a_key_without_execute_permission_and_a_malformed_slug_then_invalid_params_comes_before_forbidden() {
        ServiceHarness harness = ServiceHarness.with(anEndpoint().build())
                .add(aKey().withId("reader").withToken("reader-token").withPermissions(Permission.GET_JOB).build());

        Rejection rejection = rejection(harness.execute(Optional.of("reader-token"), "sales", "By_Region", EMPTY));

        assertThat(rejection.code()).isEqualTo(RejectionCode.INVALID_PARAMS);
    }

    @Test
    void given_a_key_without_execute_permission_when_it_asks_for_a_missing_endpoint_then_forbidden() {
        ServiceHarness harness = ServiceHarness.with(anEndpoint().build())
                .add(aKey().withId("reader").withToken("reader-token").withPermissions(Permission.GET_JOB).build());

        Rejection rejection = rejection(harness.execute(Optional.of("reader-token"), "sales", "no-such-thing", EMPTY));

        assertThat(rejection).isEqualTo(Rejection.of(RejectionCode.FORBIDDEN,
                "This API key lacks the 'data_api:execute' permission."));
        assertThat(harness.requests).isEmpty();
    }

    @Test
    void given_an_inactive_endpoint_when_executed_then_the_answer_is_identical_to_a_missing_one() {
        ServiceHarness inactive = ServiceHarness.with(anEndpoint().inactive().build());
        ServiceHarness missing = ServiceHarness.with(anEndpoint().withSlug("something-else").build());

        Rejection forInactive = rejection(inactive.execute());
        Rejection forMissing = rejection(missing.execute());

        assertThat(forInactive.code()).isEqualTo(RejectionCode.ENDPOINT_NOT_FOUND);
        assertThat(forInactive).isEqualTo(forMissing);
        assertThat(inactive.requests).isEmpty();
    }

    @Test
    void given_another_companys_endpoint_at_the_path_when_executed_then_it_is_not_found_like_a_missing_one() {
        ServiceHarness harness = new ServiceHarness().addCompany("globex")
                .add(anEndpoint().withCompany("globex").build())
                .add(aKey().build());
        ServiceHarness missing = ServiceHarness.with();

        Rejection rejection = rejection(harness.execute());

        assertThat(rejection).isEqualTo(rejection(missing.execute()));
        assertThat(rejection.code()).isEqualTo(RejectionCode.ENDPOINT_NOT_FOUND);
        assertThat(harness.requests).isEmpty();
    }

    @Test
    void given_two_companies_with_the_same_path_when_each_key_executes_then_each_runs_its_own_companys_sql() {
        ServiceHarness harness = new ServiceHarness().addCompany("globex")
                .add(anEndpoint().withSql("SELECT 'acme'").build(),
                        anEndpoint().withCompany("globex").withSql("SELECT 'globex'").build())
                .add(aKey().build(), aKey().withId("globex-key").withCompany("globex").withToken("globex-token").build());

        harness.execute();
        harness.execute(Optional.of("globex-token"), "sales", "by-region", EMPTY);

        assertThat(harness.requests).extracting(request -> request.sql()).containsExactly("SELECT 'acme'", "SELECT 'globex'");
    }

    @Test
    void given_a_body_over_the_limit_for_a_missing_endpoint_then_not_found_comes_first() {
        ServiceHarness harness = ServiceHarness.with();

        Rejection rejection = rejection(harness.execute(Optional.of(TOKEN), "sales", "by-region", new ExecuteInput.TooLarge(1024)));

        assertThat(rejection.code()).isEqualTo(RejectionCode.ENDPOINT_NOT_FOUND);
    }

    @Test
    void given_a_body_over_the_limit_when_executed_then_payload_too_large_names_the_limit() {
        ServiceHarness harness = ServiceHarness.with(anEndpoint().build());

        Rejection rejection = rejection(harness.execute(Optional.of(TOKEN), "sales", "by-region", new ExecuteInput.TooLarge(1024)));

        assertThat(rejection.code()).isEqualTo(RejectionCode.PAYLOAD_TOO_LARGE);
        assertThat(rejection.detail()).contains("1024 bytes");
        assertThat(harness.requests).isEmpty();
    }

    @Test
    void given_an_unreadable_body_when_executed_then_invalid_params_carries_the_reason() {
        ServiceHarness harness = ServiceHarness.with(anEndpoint().build());

        Rejection rejection = rejection(harness.execute(Optional.of(TOKEN), "sales", "by-region",
                new ExecuteInput.Unreadable("'parameter_values' must be a JSON object")));

        assertThat(rejection).isEqualTo(Rejection.of(RejectionCode.INVALID_PARAMS, "'parameter_values' must be a JSON object"));
    }
}
