/**
 * The PostgreSQL adapters: {@link dev.dataapi.sql.JdbcQueryExecutor} runs endpoint SQL (named
 * parameters compiled by {@link dev.dataapi.sql.NamedParameterSql}, values always bound, one
 * READ ONLY transaction per execution with a server-side timeout and a client-side cancel, at most
 * {@code max_rows + 1} rows fetched) and maps every value faithfully for JSON;
 * {@link dev.dataapi.sql.JdbcCatalogStore} keeps companies, endpoints and API keys in schema
 * {@code data_api}, migrated by {@link dev.dataapi.sql.CatalogMigrations}, and prunes what a catalog
 * file no longer lists; {@link dev.dataapi.sql.JdbcKeyUsageStore} records when keys were last used;
 * {@link dev.dataapi.sql.PostgresDataSources} builds the HikariCP pools both run on. Everything
 * else in the package is internal.
 */
package dev.dataapi.sql;
