-- Plan versions written by staff whose work needs a supervisor's co-signature, and who co-signed
-- them. A version with a row here and no co-signer cannot be activated. (Notes keep theirs on
-- clinical_note: status PENDING_COSIGNATURE, cosigned_by, cosigned_at.)
CREATE TABLE plan_version_cosignature (
    plan_id      UUID          NOT NULL,
    number       INTEGER       NOT NULL,
    cosigned_by  VARCHAR(200),
    cosigned_at  TIMESTAMPTZ,
    PRIMARY KEY (plan_id, number),
    FOREIGN KEY (plan_id, number) REFERENCES plan_version (plan_id, number)
);
