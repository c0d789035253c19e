-- The audit record is written before a request is carried out and its outcome once it completes:
-- status is empty until then (and stays empty for a request that never completed). The one change
-- a row may see is that first status; everything else stays append-only.
ALTER TABLE audit_log ALTER COLUMN status DROP NOT NULL;

-- A token may carry many roles; the trail keeps them all.
ALTER TABLE audit_log ALTER COLUMN roles TYPE TEXT;

CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status IS NULL AND NEW.status IS NOT NULL
            AND (to_jsonb(NEW) - 'status') = (to_jsonb(OLD) - 'status') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only';
END $$;
