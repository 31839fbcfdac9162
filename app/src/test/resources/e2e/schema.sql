-- Data the end-to-end tests query. Runs once per test JVM on a fresh embedded PostgreSQL.
CREATE SCHEMA e2e;
CREATE TABLE e2e.victims (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO e2e.victims VALUES (1, 'first'), (2, 'second');
CREATE TABLE e2e.regions (region text NOT NULL, total numeric(12,2) NOT NULL);
INSERT INTO e2e.regions VALUES ('Norte', 10.50), ('Sul', 20.25), ('Sudeste', 30.00);
CREATE ROLE e2e_reader LOGIN;
ALTER ROLE e2e_reader SET default_transaction_read_only = on;
GRANT USAGE ON SCHEMA e2e TO e2e_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA e2e TO e2e_reader;
