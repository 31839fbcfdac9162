package dev.dataapi.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CompiledSqlCacheTest {

    @Test
    void given_the_same_sql_twice_when_compiled_then_the_first_compilation_is_reused() {
        CompiledSqlCache cache = new CompiledSqlCache(4);

        CompiledSql first = cache.compile("SELECT :a");

        assertThat(cache.compile("SELECT :a")).isSameAs(first);
    }

    @Test
    void given_more_texts_than_the_capacity_when_compiled_then_the_least_recently_used_is_dropped() {
        CompiledSqlCache cache = new CompiledSqlCache(2);
        CompiledSql kept = cache.compile("SELECT 1");
        CompiledSql dropped = cache.compile("SELECT 2");
        cache.compile("SELECT 1");

        cache.compile("SELECT 3");

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.compile("SELECT 1")).isSameAs(kept);
        assertThat(cache.compile("SELECT 2")).isNotSameAs(dropped).isEqualTo(dropped);
    }

    @Test
    void given_sql_that_cannot_compile_when_compiled_then_it_throws_every_time_and_is_not_kept() {
        CompiledSqlCache cache = new CompiledSqlCache(2);

        assertThatThrownBy(() -> cache.compile("SELECT 'x")).isInstanceOf(SqlTemplateException.class);
        assertThatThrownBy(() -> cache.compile("SELECT 'x")).isInstanceOf(SqlTemplateException.class);
        assertThat(cache.size()).isZero();
    }
}
