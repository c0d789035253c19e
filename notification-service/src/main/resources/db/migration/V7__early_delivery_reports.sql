-- Provider status reports that arrived before the message's SENT (with the provider's id) was
-- committed: kept here and applied in the transaction that records the provider's id. A report for
-- an id that never turns up is deleted after a day.
CREATE TABLE early_delivery_report (
    provider_message_id VARCHAR(64) NOT NULL,
    status              VARCHAR(20) NOT NULL,
    received_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (provider_message_id, status)
);
CREATE INDEX early_delivery_report_received ON early_delivery_report (received_at);
