-- The catalog: companies, their endpoints and their API keys. The domain records check the same
-- rules; the constraints are here too because other writers (a DBA, a script) bypass the code.

CREATE TABLE data_api.companies (
    id             text        PRIMARY KEY
                               CONSTRAINT companies_id_kebab_case CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(id) <= 64),
    name           text        NOT NULL CONSTRAINT companies_name_not_blank CHECK (btrim(name) <> ''),
    webhook_secret text        NULL CONSTRAINT companies_webhook_secret_format CHECK (webhook_secret ~ '^whsec_.{16,}$'),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE data_api.endpoints (
    id                    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id            text        NOT NULL REFERENCES data_api.companies (id),
    namespace             text        NOT NULL
                                      CONSTRAINT endpoints_namespace_kebab_case
                                      CHECK (namespace ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(namespace) <= 64),
    slug                  text        NOT NULL
                                      CONSTRAINT endpoints_slug_kebab_case
                                      CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 64),
    active                boolean     NOT NULL DEFAULT true,
    mode                  text        NOT NULL CONSTRAINT endpoints_mode_known CHECK (mode IN ('sync', 'async')),
    sql                   text        NOT NULL CONSTRAINT endpoints_sql_not_blank CHECK (btrim(sql) <> ''),
    parameters            jsonb       NOT NULL DEFAULT '[]'
                                      CONSTRAINT endpoints_parameters_array CHECK (jsonb_typeof(parameters) = 'array'),
    max_rows              integer     NOT NULL DEFAULT 10000
                                      CONSTRAINT endpoints_max_rows_range CHECK (max_rows BETWEEN 1 AND 10000),
    timeout_ms            bigint      NOT NULL
                                      CONSTRAINT endpoints_timeout_positive CHECK (timeout_ms > 0),
    require_share_context jsonb       NOT NULL DEFAULT '[]'
                                      CONSTRAINT endpoints_require_share_context_array
                                      CHECK (jsonb_typeof(require_share_context) = 'array'),
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT endpoints_natural_key UNIQUE (company_id, namespace, slug),
    CONSTRAINT endpoints_sync_timeout_limit CHECK (mode <> 'sync' OR timeout_ms <= 60000)
);

CREATE TABLE data_api.api_keys (
    id            text        PRIMARY KEY
                              CONSTRAINT api_keys_id_kebab_case CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(id) <= 64),
    company_id    text        NOT NULL REFERENCES data_api.companies (id),
    token_sha256  text        NOT NULL
                              CONSTRAINT api_keys_token_sha256_unique UNIQUE
                              CONSTRAINT api_keys_token_sha256_hex CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
    permissions   text[]      NOT NULL DEFAULT '{}'
                              CONSTRAINT api_keys_permissions_known
                              CHECK (permissions <@ ARRAY['data_api:execute', 'data_api:get_job']::text[]),
    share_context jsonb       NOT NULL DEFAULT '{}'
                              CONSTRAINT api_keys_share_context_object CHECK (jsonb_typeof(share_context) = 'object'),
    expires_at    timestamptz NULL,
    revoked       boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz NULL
);

CREATE INDEX api_keys_company_idx ON data_api.api_keys (company_id);
