package dev.dataapi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dataapi.ports.Permission;
import dev.dataapi.ports.ShareContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** The values the key commands take, parsed as a catalog file would read the same values. */
class OptionValuesTest {
    private final ShareContextOption pins = new ShareContextOption();
    private final DurationOption durations = new DurationOption();

    @Test
    void given_pins_when_parsed_then_scalars_are_typed_like_yaml_and_quoted_values_stay_text() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("region", "Sul");
        expected.put("regions", List.of("Sul", "Centro-Oeste"));
        expected.put("year", new BigDecimal("2024"));
        expected.put("active", true);
        expected.put("code", "007");
        expected.put("on_call", "on");
        expected.put("label", "a, b | c");
        expected.put("ids", List.of(new BigDecimal("1"), "2"));

        ShareContext parsed = pins.convert("region=Sul, regions=[Sul|Centro-Oeste],year=2024,active=true,code=\"007\","
                + "on_call=on,label='a, b | c',ids=[1|'2']");

        assertThat(parsed).isEqualTo(new ShareContext(expected));
        assertThat(ShareContextOption.format(parsed))
                .isEqualTo("region=Sul,regions=[Sul|Centro-Oeste],year=2024,active=true,code=\"007\",on_call=on,"
                        + "label=\"a, b | c\",ids=[1|\"2\"]");
        assertThat(pins.convert(ShareContextOption.format(parsed))).as("a listing parses back").isEqualTo(parsed);
    }

    @Test
    void given_malformed_pins_when_parsed_then_the_problem_is_named() {
        assertThatThrownBy(() -> pins.convert("region")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("expected name=value");
        assertThatThrownBy(() -> pins.convert("regions=[]")).hasMessageContaining("a pinned list must not be empty");
        assertThatThrownBy(() -> pins.convert("regions=[Sul")).hasMessageContaining("must end with ']'");
        assertThatThrownBy(() -> pins.convert("region=")).hasMessageContaining("'region' needs a value");
        assertThatThrownBy(() -> pins.convert("region=a,region=b")).hasMessageContaining("'region' is pinned twice");
        assertThatThrownBy(() -> pins.convert("region='Sul")).hasMessageContaining("no closing '");
        assertThatThrownBy(() -> pins.convert("bad-name=1")).hasMessageContaining("'bad-name' is not a valid parameter name");
        assertThatThrownBy(() -> pins.convert("region=Sul]")).hasMessageContaining("unexpected ']'");
    }

    @Test
    void given_durations_when_parsed_then_they_read_as_the_settings_do_and_nonsense_is_not() {
        assertThat(durations.convert("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(durations.convert("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(durations.convert("90d")).isEqualTo(Duration.ofDays(90));
        assertThat(durations.convert("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(durations.convert("0")).isZero();
        for (String nonsense : List.of("", "90", "-1d", "1.5h", "3y", "d", "10 d", "9999999999d")) {
            assertThatThrownBy(() -> durations.convert(nonsense)).as(nonsense).isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("such as 30m, 12h or 90d");
        }
        assertThat(DurationOption.format(Duration.ofSeconds(2))).isEqualTo("2s");
        assertThat(DurationOption.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(DurationOption.format(Duration.ofDays(90))).isEqualTo("90d");
    }

    @Test
    void given_key_option_values_when_parsed_then_the_domain_rules_apply() {
        assertThat(new KeyOptions.PermissionValue().convert("data_api:get_job")).isEqualTo(Permission.GET_JOB);
        assertThatThrownBy(() -> new KeyOptions.PermissionValue().convert("data_api:run")).hasMessageContaining("'data_api:run'");
        assertThat(new KeyOptions.NamespaceValue().convert("sales-eu")).isEqualTo("sales-eu");
        assertThatThrownBy(() -> new KeyOptions.NamespaceValue().convert("Sales")).hasMessageContaining("kebab-case");
        assertThat(new KeyOptions.PerMinuteValue().convert("120/min")).isEqualTo(120);
        for (String nonsense : List.of("120", "0/min", "5/s", "/min", "x/min")) {
            assertThatThrownBy(() -> new KeyOptions.PerMinuteValue().convert(nonsense)).as(nonsense)
                    .hasMessageContaining("such as 120/min");
        }
    }

    @Test
    void given_a_jdbc_url_with_a_password_when_shown_then_the_password_is_left_out() {
        assertThat(CatalogConnection.withoutPassword("jdbc:postgresql://db:5432/app?user=svc&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/app?user=svc&ssl=true");
        assertThat(CatalogConnection.withoutPassword("jdbc:postgresql://db/app?password=s3cret")).isEqualTo("jdbc:postgresql://db/app");
        assertThat(CatalogConnection.withoutPassword("jdbc:postgresql://db/app?user=a&PASSWORD=x")).isEqualTo("jdbc:postgresql://db/app?user=a");
    }

    @Test
    void given_any_parameter_named_like_a_password_when_shown_then_it_is_left_out_wherever_it_stands() {
        assertThat(CatalogConnection.withoutPassword("jdbc:postgresql://db/app?sslmode=verify-full&sslpassword=k3y"
                + "&user=svc")).isEqualTo("jdbc:postgresql://db/app?sslmode=verify-full&user=svc");
        assertThat(CatalogConnection.withoutPassword("jdbc:postgresql://db/app?SslPassword=k3y&Password=s3cret&password=x"))
                .isEqualTo("jdbc:postgresql://db/app");
        assertThat(CatalogConnection.withoutPassword("jdbc:postgresql://db/app?user=svc&ssl%50assword=k3y&ssl=true"))
                .as("a percent-encoded name").isEqualTo("jdbc:postgresql://db/app?user=svc&ssl=true");
        assertThat(CatalogConnection.withoutPassword("jdbc:postgresql://db/app?user=svc&&password&ssl=true"))
                .as("empty parameters and a password without a value").isEqualTo("jdbc:postgresql://db/app?user=svc&ssl=true");
        assertThat(CatalogConnection.withoutPassword("jdbc:postgresql://db/app")).isEqualTo("jdbc:postgresql://db/app");
    }
}
