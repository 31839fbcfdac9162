-- Demo dataset for the embedded default: sales by region, state and month.
-- Idempotent: safe to run at every start; rows are inserted only into an empty table.
CREATE SCHEMA IF NOT EXISTS demo;

CREATE TABLE IF NOT EXISTS demo.states (
    state  char(2) PRIMARY KEY,
    name   text    NOT NULL,
    region text    NOT NULL
);

INSERT INTO demo.states (state, name, region) VALUES
    ('AC', 'Acre', 'Norte'), ('AM', 'Amazonas', 'Norte'), ('PA', 'Pará', 'Norte'),
    ('BA', 'Bahia', 'Nordeste'), ('CE', 'Ceará', 'Nordeste'), ('PE', 'Pernambuco', 'Nordeste'),
    ('DF', 'Distrito Federal', 'Centro-Oeste'), ('GO', 'Goiás', 'Centro-Oeste'), ('MT', 'Mato Grosso', 'Centro-Oeste'),
    ('MG', 'Minas Gerais', 'Sudeste'), ('RJ', 'Rio de Janeiro', 'Sudeste'), ('SP', 'São Paulo', 'Sudeste'),
    ('PR', 'Paraná', 'Sul'), ('RS', 'Rio Grande do Sul', 'Sul'), ('SC', 'Santa Catarina', 'Sul')
ON CONFLICT (state) DO NOTHING;

CREATE TABLE IF NOT EXISTS demo.sales (
    id         bigint        PRIMARY KEY,
    month      date          NOT NULL,
    region     text          NOT NULL,
    state      char(2)       NOT NULL REFERENCES demo.states (state),
    product    text          NOT NULL,
    quantity   integer       NOT NULL,
    amount     numeric(12,2) NOT NULL,
    sold_at    timestamptz   NOT NULL
);

-- 120,000 deterministic rows over 36 months (2023-01 .. 2025-12): the same data on every machine.
INSERT INTO demo.sales (id, month, region, state, product, quantity, amount, sold_at)
SELECT g.id,
       make_date(2023 + ((g.id % 36) / 12)::int, 1 + (g.id % 12)::int, 1),
       s.region,
       s.state,
       (ARRAY['Notebook', 'Monitor', 'Teclado', 'Mouse', 'Cadeira', 'Mesa'])[1 + (g.id * 7 % 6)::int],
       1 + (g.id * 13 % 9)::int,
       round((10 + (g.id * 7919 % 99000) / 100.0)::numeric, 2),
       make_timestamptz(2023 + ((g.id % 36) / 12)::int, 1 + (g.id % 12)::int, 1 + (g.id % 28)::int,
                        (g.id % 24)::int, (g.id % 60)::int, 0, 'UTC')
FROM generate_series(1, 120000) AS g(id)
JOIN (SELECT state, region, row_number() OVER (ORDER BY state) - 1 AS n FROM demo.states) AS s
  ON s.n = (g.id * 31 % 15)
WHERE NOT EXISTS (SELECT 1 FROM demo.sales);

CREATE INDEX IF NOT EXISTS sales_month_region ON demo.sales (month, region);

-- Endpoints' SQL runs as this role: it can read the demo schema and nothing else, and never write.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'data_api_reader') THEN
        CREATE ROLE data_api_reader LOGIN;
    END IF;
END
$$;
ALTER ROLE data_api_reader SET default_transaction_read_only = on;
GRANT USAGE ON SCHEMA demo TO data_api_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA demo TO data_api_reader;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
