-- The discharge summary is a note of the client's record without a session: assembled when the
-- client is discharged, completed and signed by the primary clinician. One per plan.
ALTER TABLE clinical_note ALTER COLUMN session_id DROP NOT NULL;
ALTER TABLE clinical_note DROP CONSTRAINT clinical_note_kind;
ALTER TABLE clinical_note ADD CONSTRAINT clinical_note_kind
    CHECK (kind IN ('GROUP', 'INDIVIDUAL_THERAPY', 'CLINICIAN_CHECK_IN', 'DISCHARGE_SUMMARY'));
ALTER TABLE clinical_note ADD CONSTRAINT clinical_note_session_unless_summary
    CHECK ((kind = 'DISCHARGE_SUMMARY') = (session_id IS NULL));
CREATE UNIQUE INDEX clinical_note_one_summary_per_plan ON clinical_note (plan_id) WHERE kind = 'DISCHARGE_SUMMARY';
