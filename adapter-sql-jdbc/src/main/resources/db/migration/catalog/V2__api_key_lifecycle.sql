-- API keys as operators manage them: a display prefix, a namespace scope, an own rate limit and,
-- after a rotation, the previous token that keeps working until a given instant. The domain records
-- check the same rules; the constraints are here too because other writers (a DBA, a script)
-- bypass the code. Existing keys get no prefix, no scope, the default rate limit and no previous
-- token, which is what they had.

-- A CHECK cannot hold a subquery, so the one that looks at every element of an array calls this.
-- An empty array passes (a key without namespace scope); NULL elements and nested arrays do not.
CREATE FUNCTION data_api.all_kebab_case(names text[]) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS
$$
SELECT coalesce(array_ndims(names), 1) = 1
       AND coalesce(bool_and(name IS NOT NULL AND name ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(name) <= 64), true)
FROM unnest(names) AS name
$$;

ALTER TABLE data_api.api_keys
    ADD COLUMN token_prefix          text        NULL
                                     CONSTRAINT api_keys_token_prefix_format CHECK (token_prefix ~ '^[A-Za-z0-9_]{1,16}$'),
    ADD COLUMN namespaces            text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN rate_limit_per_minute integer     NULL
                                     CONSTRAINT api_keys_rate_limit_per_minute_positive CHECK (rate_limit_per_minute >= 1),
    ADD COLUMN rate_limit_burst      integer     NULL
                                     CONSTRAINT api_keys_rate_limit_burst_positive CHECK (rate_limit_burst >= 1),
    ADD COLUMN previous_token_sha256 text        NULL
                                     CONSTRAINT api_keys_previous_token_sha256_hex
                                     CHECK (previous_token_sha256 ~ '^[0-9a-f]{64}$'),
    ADD COLUMN previous_token_prefix text        NULL
                                     CONSTRAINT api_keys_previous_token_prefix_format
                                     CHECK (previous_token_prefix ~ '^[A-Za-z0-9_]{1,16}$'),
    ADD COLUMN previous_token_until  timestamptz NULL,
    ADD CONSTRAINT api_keys_namespaces_kebab_case CHECK (data_api.all_kebab_case(namespaces)),
    ADD CONSTRAINT api_keys_rate_limit_complete
        CHECK ((rate_limit_per_minute IS NULL) = (rate_limit_burst IS NULL)),
    ADD CONSTRAINT api_keys_previous_token_complete
        CHECK ((previous_token_sha256 IS NULL) = (previous_token_until IS NULL)),
    ADD CONSTRAINT api_keys_previous_token_prefix_needs_token
        CHECK (previous_token_prefix IS NULL OR previous_token_sha256 IS NOT NULL),
    ADD CONSTRAINT api_keys_previous_token_differs CHECK (previous_token_sha256 <> token_sha256),
    -- Its index also serves the trigger below.
    ADD CONSTRAINT api_keys_previous_token_sha256_unique UNIQUE (previous_token_sha256);

-- A token hash must name one key only, as its current or its previous token: the server finds a
-- key by either, and a hash shared by two keys could authenticate as the wrong key, maybe another
-- company's. The unique constraints cover current against current and previous against previous;
-- this trigger covers one against the other. The advisory locks, taken in hash order, serialise
-- writers of the same hash, so two READ COMMITTED transactions cannot each pass the check and
-- both commit; the check then reads with a snapshot taken after the lock was granted.
CREATE FUNCTION data_api.api_keys_refuse_shared_token() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    -- least and greatest ignore a NULL previous token.
    PERFORM pg_advisory_xact_lock(hashtext('data_api.api_keys:' || least(NEW.token_sha256, NEW.previous_token_sha256)));
    IF NEW.previous_token_sha256 IS NOT NULL THEN
        PERFORM pg_advisory_xact_lock(hashtext('data_api.api_keys:' || greatest(NEW.token_sha256, NEW.previous_token_sha256)));
    END IF;
    IF EXISTS (SELECT 1 FROM data_api.api_keys k
               WHERE k.id <> NEW.id
                 AND (k.previous_token_sha256 = NEW.token_sha256 OR k.token_sha256 = NEW.previous_token_sha256)) THEN
        RAISE EXCEPTION 'api key % has a token that is a token of another api key', NEW.id
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'api_keys_token_sha256_distinct',
                  SCHEMA = 'data_api', TABLE = 'api_keys';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER api_keys_token_sha256_distinct
    BEFORE INSERT OR UPDATE OF token_sha256, previous_token_sha256 ON data_api.api_keys
    FOR EACH ROW EXECUTE FUNCTION data_api.api_keys_refuse_shared_token();
