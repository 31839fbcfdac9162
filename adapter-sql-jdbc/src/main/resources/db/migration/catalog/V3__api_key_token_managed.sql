-- A key whose token was created or rotated by the command line: its token is managed there, and a
-- catalog file applied later (at every start, or by an operator) must not change it back.
ALTER TABLE data_api.api_keys ADD COLUMN token_managed boolean NOT NULL DEFAULT false;
