-- The webhook signing secret being rotated out: while it is set, callbacks carry a signature under
-- each secret, so a receiver can switch to the new one without missing a delivery.
ALTER TABLE data_api.companies
    ADD COLUMN previous_webhook_secret text NULL
        CONSTRAINT companies_previous_webhook_secret_format CHECK (previous_webhook_secret ~ '^whsec_.{16,}$'),
    ADD CONSTRAINT companies_previous_webhook_secret_replaced
        CHECK (previous_webhook_secret IS NULL OR (webhook_secret IS NOT NULL AND previous_webhook_secret <> webhook_secret));
