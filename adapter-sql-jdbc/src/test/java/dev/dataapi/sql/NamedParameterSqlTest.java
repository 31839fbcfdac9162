package dev.dataapi.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamedParameterSqlTest {

    @Nested
    @DisplayName("placeholders")
    class Placeholders {

        @Test
        void given_named_placeholders_when_compiled_then_each_becomes_a_question_mark_in_order() {
            CompiledSql compiled = NamedParameterSql.parse(
                    "SELECT region FROM sales WHERE month >= :since AND region = ANY(:regions)");

            assertThat(compiled.jdbcSql()).isEqualTo("SELECT region FROM sales WHERE month >= ? AND region = ANY(?)");
            assertThat(compiled.placeholders()).containsExactly("since", "regions");
        }

        @Test
        void given_a_name_used_twice_when_compiled_then_it_is_bound_twice_but_named_once() {
            CompiledSql compiled = NamedParameterSql.parse("SELECT :a, :b, :a");

            assertThat(compiled.jdbcSql()).isEqualTo("SELECT ?, ?, ?");
            assertThat(compiled.placeholders()).containsExactly("a", "b", "a");
            assertThat(compiled.parameterNames()).containsExactly("a", "b");
        }

        @Test
        void given_a_placeholder_followed_by_a_cast_when_compiled_then_the_cast_stays() {
            CompiledSql compiled = NamedParameterSql.parse("SELECT :p::date, :a::text[], x::int FROM t");

            assertThat(compiled.jdbcSql()).isEqualTo("SELECT ?::date, ?::text[], x::int FROM t");
            assertThat(compiled.placeholders()).containsExactly("p", "a");
        }

        @Test
        void given_a_placeholder_inside_an_array_constructor_when_compiled_then_it_is_found() {
            CompiledSql compiled = NamedParameterSql.parse("SELECT array[:a, :b_2]");

            assertThat(compiled.jdbcSql()).isEqualTo("SELECT array[?, ?]");
            assertThat(compiled.placeholders()).containsExactly("a", "b_2");
        }

        @Test
        void given_names_with_underscores_digits_and_capitals_when_compiled_then_the_whole_name_is_taken() {
            CompiledSql compiled = NamedParameterSql.parse("SELECT :_x1,:Region_2+1");

            assertThat(compiled.jdbcSql()).isEqualTo("SELECT ?,?+1");
            assertThat(compiled.placeholders()).containsExactly("_x1", "Region_2");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "SELECT a[1:2] FROM t",
            "SELECT a[1 : 2] FROM t",
            "DO $$ BEGIN x := 1; END $$",
            "SELECT x::int, y :: text",
            "SELECT ':' || b",
            "SELECT 1 :",
            "SELECT $1"
        })
        void given_colons_that_are_not_placeholders_when_compiled_then_the_sql_is_unchanged(String sql) {
            CompiledSql compiled = NamedParameterSql.parse(sql);

            assertThat(compiled.jdbcSql()).isEqualTo(sql);
            assertThat(compiled.placeholders()).isEmpty();
        }

        @Test
        void given_an_assignment_operator_when_compiled_then_it_is_not_a_placeholder() {
            CompiledSql compiled = NamedParameterSql.parse("SELECT f(a := :v)");

            assertThat(compiled.jdbcSql()).isEqualTo("SELECT f(a := ?)");
            assertThat(compiled.placeholders()).containsExactly("v");
        }

        @Test
        void given_a_question_mark_operator_when_compiled_then_it_is_escaped_for_the_driver() {
            CompiledSql compiled = NamedParameterSql.parse("SELECT doc ? 'k', doc ?| :keys, '?' FROM t");

            assertThat(compiled.jdbcSql()).isEqualTo("SELECT doc ?? 'k', doc ??| ?, '?' FROM t");
            assertThat(compiled.placeholders()).containsExactly("keys");
        }
    }

    @Nested
    @DisplayName("text that only looks like a placeholder")
    class Skipped {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "SELECT 'it''s :x' FROM t",
            "SELECT \"col:x\" FROM t",
            "SELECT \"a\"\":x\" FROM t",
            "SELECT $fn$ :x $fn$",
            "SELECT $$ :x $ :y $$",
            "SELECT $a$ $b$ :x $b$ $a$",
            "SELECT 1 -- :x",
            "SELECT 1 -- :x\n",
            "SELECT /* /* :x */ */ 1",
            "SELECT E'\\' :x'",
            "SELECT e'\\\\' || 'a:b'",
            "SELECT U&'d\\0061t:a' FROM t",
            "SELECT B'1010', X'1F:'"
        })
        void given_a_colon_inside_a_literal_identifier_comment_or_dollar_quote_when_compiled_then_no_placeholder(String sql) {
            CompiledSql compiled = NamedParameterSql.parse(sql);

            assertThat(compiled.jdbcSql()).isEqualTo(sql);
            assertThat(compiled.placeholders()).isEmpty();
        }

        @Test
        void given_placeholders_around_skipped_text_when_compiled_then_only_the_real_ones_are_found() {
            String sql = "SELECT :a, 'x :b', \"c:c\", $q$ :d $q$, /* :e */ :f -- :g\n, :h";

            CompiledSql compiled = NamedParameterSql.parse(sql);

            assertThat(compiled.placeholders()).containsExactly("a", "f", "h");
            assertThat(compiled.jdbcSql()).isEqualTo("SELECT ?, 'x :b', \"c:c\", $q$ :d $q$, /* :e */ ? -- :g\n, ?");
        }

        @Test
        void given_an_escaped_string_ending_in_a_backslash_quote_when_compiled_then_the_literal_ends_at_the_real_quote() {
            CompiledSql compiled = NamedParameterSql.parse("SELECT E'a\\'b', :x");

            assertThat(compiled.placeholders()).containsExactly("x");
        }

        @Test
        void given_a_standard_string_ending_in_a_backslash_when_compiled_then_the_backslash_does_not_escape() {
            CompiledSql compiled = NamedParameterSql.parse("SELECT 'C:\\', :x");

            assertThat(compiled.placeholders()).containsExactly("x");
        }

        @Test
        void given_an_identifier_ending_in_e_before_a_literal_when_compiled_then_backslashes_do_not_escape() {
            CompiledSql compiled = NamedParameterSql.parse("SELECT some_e'\\', :x");

            assertThat(compiled.placeholders()).containsExactly("x");
        }

        @Test
        void given_a_dollar_sign_inside_an_identifier_when_compiled_then_it_does_not_open_a_dollar_quote() {
            CompiledSql compiled = NamedParameterSql.parse("SELECT a$b$ FROM t WHERE c = :x");

            assertThat(compiled.placeholders()).containsExactly("x");
        }
    }

    @Nested
    @DisplayName("statement boundaries")
    class Statements {

        @ParameterizedTest
        @ValueSource(strings = {"SELECT :x;", "SELECT :x ;  \n", "SELECT :x; -- done", "SELECT :x; /* done */ "})
        void given_one_statement_with_a_trailing_semicolon_when_compiled_then_the_semicolon_is_dropped(String sql) {
            CompiledSql compiled = NamedParameterSql.parse(sql);

            assertThat(compiled.jdbcSql()).doesNotContain(";").startsWith("SELECT ?");
            assertThat(compiled.placeholders()).containsExactly("x");
        }

        @ParameterizedTest
        @ValueSource(strings = {"SELECT ';'", "SELECT \";\"", "SELECT $$;$$", "SELECT 1 -- ;\n", "SELECT /* ; */ 1"})
        void given_a_semicolon_inside_skipped_text_when_compiled_then_it_is_one_statement(String sql) {
            assertThat(NamedParameterSql.parse(sql).jdbcSql()).isEqualTo(sql);
        }

        @Test
        void given_two_statements_when_compiled_then_refused_naming_where_the_first_ends() {
            assertThatThrownBy(() -> NamedParameterSql.parse("SELECT 1;\nDROP TABLE t"))
                    .isInstanceOf(SqlTemplateException.class)
                    .hasMessage("SQL has more than one statement: the ';' at line 1, column 9 is followed by more SQL"
                            + " at line 2, column 1");
        }

        @Test
        void given_an_empty_statement_after_the_first_when_compiled_then_refused() {
            assertThatThrownBy(() -> NamedParameterSql.parse("SELECT 1;;"))
                    .isInstanceOf(SqlTemplateException.class)
                    .hasMessageContaining("more than one statement");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "-- nothing\n", "/* nothing */", ";"})
        void given_no_statement_when_compiled_then_refused(String sql) {
            assertThatThrownBy(() -> NamedParameterSql.parse(sql))
                    .isInstanceOf(SqlTemplateException.class)
                    .hasMessageContaining("has no statement");
        }
    }

    @Nested
    @DisplayName("unterminated text")
    class Unterminated {

        static Stream<Arguments> unterminated() {
            return Stream.of(
                    Arguments.of("SELECT 'abc", "unterminated string literal starting at line 1, column 8"),
                    Arguments.of("SELECT 'it''s", "unterminated string literal starting at line 1, column 8"),
                    Arguments.of("SELECT E'a\\'", "unterminated string literal starting at line 1, column 8"),
                    Arguments.of("SELECT \"col", "unterminated quoted identifier starting at line 1, column 8"),
                    Arguments.of("SELECT $x$ body $y$", "unterminated dollar-quoted string $x$ starting at line 1, column 8"),
                    Arguments.of("SELECT $$ body", "unterminated dollar-quoted string $$ starting at line 1, column 8"),
                    Arguments.of("SELECT /* /* */ 1", "unterminated block comment starting at line 1, column 8"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("unterminated")
        void given_unterminated_text_when_compiled_then_refused_naming_what_and_where(String sql, String message) {
            assertThatThrownBy(() -> NamedParameterSql.parse(sql))
                    .isInstanceOf(SqlTemplateException.class)
                    .hasMessageContaining(message);
        }

        @Test
        void given_an_unterminated_literal_on_a_later_line_when_compiled_then_the_position_names_that_line() {
            assertThatThrownBy(() -> NamedParameterSql.parse("SELECT a\nFROM t\nWHERE b = 'x"))
                    .isInstanceOfSatisfying(SqlTemplateException.class, e -> {
                        assertThat(e.line()).isEqualTo(3);
                        assertThat(e.column()).isEqualTo(11);
                    });
        }
    }
}
