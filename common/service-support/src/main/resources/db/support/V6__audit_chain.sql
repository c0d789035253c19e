-- The audit trail becomes strictly append-only and tamper-evident.
--
-- Entries are of three kinds: ACCESS (a staff request, written before it is carried out), CLIENTS
-- (the clients whose data that request disclosed, and on what basis) and OUTCOME (the response
-- status once it completed). CLIENTS and OUTCOME rows point at their ACCESS row through record_id.
-- No row changes once written: the outcome is appended, not filled in.
--
-- Every row is chained: chain_seq counts the rows without gaps, prev_hash is the previous row's
-- hash, and hash = SHA-256(prev_hash || the row's canonical text). A trigger sets all three (and
-- the time) under a transaction-scoped advisory lock, whatever the inserting session supplied, so
-- the role that writes the trail can neither skip nor forge a link. A row edited, removed or slipped
-- in afterwards breaks the chain at that point (org.iopcare.support.audit.AuditChain).

ALTER TABLE audit_log
    ADD COLUMN kind         VARCHAR(8)  NOT NULL DEFAULT 'ACCESS',
    ADD COLUMN record_id    BIGINT      REFERENCES audit_log (id),
    ADD COLUMN client_ids   UUID[],
    ADD COLUMN access_basis VARCHAR(16),
    ADD COLUMN grant_id     UUID,
    ADD COLUMN chain_seq    BIGINT,
    ADD COLUMN prev_hash    VARCHAR(64),
    ADD COLUMN hash         VARCHAR(64);

-- What a request did is on its ACCESS row; CLIENTS and OUTCOME rows carry only their own part.
ALTER TABLE audit_log
    ALTER COLUMN actor DROP NOT NULL,
    ALTER COLUMN roles DROP NOT NULL,
    ALTER COLUMN action DROP NOT NULL,
    ALTER COLUMN http_method DROP NOT NULL,
    ALTER COLUMN path_pattern DROP NOT NULL,
    ALTER COLUMN path_ids DROP NOT NULL,
    ALTER COLUMN remote_addr DROP NOT NULL;

-- The row as hashed: a fixed list of columns (a column added later does not change earlier
-- hashes), the time as microseconds since the epoch and every value in its canonical text, so
-- the result does not depend on the session's TimeZone, DateStyle or any other setting.
CREATE FUNCTION audit_log_canonical(r audit_log) RETURNS TEXT LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_array(
        r.chain_seq, r.id, r.kind, (extract(epoch FROM r.occurred_at) * 1000000)::BIGINT,
        r.actor, r.roles, r.action, r.http_method, r.path_pattern, r.path_ids, r.status,
        r.remote_addr, r.request_id, r.record_id, r.client_ids::TEXT[], r.access_basis,
        r.grant_id::TEXT)::TEXT
$$;

CREATE FUNCTION audit_log_hash(prev_hash TEXT, r audit_log) RETURNS VARCHAR LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(prev_hash || audit_log_canonical(r), 'UTF8')), 'hex')
$$;

-- Rows written before the chain existed are chained in the order they were written.
DROP TRIGGER audit_log_append_only ON audit_log;

DO $$
DECLARE
    r    audit_log;
    prev VARCHAR(64) := repeat('0', 64);
    seq  BIGINT := 0;
BEGIN
    FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
        seq := seq + 1;
        r.chain_seq := seq;
        r.prev_hash := prev;
        r.hash := audit_log_hash(prev, r);
        UPDATE audit_log SET chain_seq = r.chain_seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
        prev := r.hash;
    END LOOP;
END $$;

ALTER TABLE audit_log
    ALTER COLUMN chain_seq SET NOT NULL,
    ALTER COLUMN prev_hash SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL;

CREATE UNIQUE INDEX audit_log_chain_seq ON audit_log (chain_seq);
CREATE INDEX audit_log_record ON audit_log (record_id) WHERE record_id IS NOT NULL;
CREATE INDEX audit_log_clients ON audit_log USING gin (client_ids) WHERE kind = 'CLIENTS';
CREATE INDEX audit_log_actor ON audit_log (actor, occurred_at) WHERE kind = 'ACCESS';

-- ACCESS rows written before V6 carry their status themselves; those written since leave it to
-- their OUTCOME row.
ALTER TABLE audit_log ADD CONSTRAINT audit_log_entry_kind CHECK (
    (kind = 'ACCESS' AND record_id IS NULL
        AND actor IS NOT NULL AND roles IS NOT NULL AND action IS NOT NULL AND http_method IS NOT NULL
        AND path_pattern IS NOT NULL AND path_ids IS NOT NULL AND remote_addr IS NOT NULL
        AND client_ids IS NULL AND access_basis IS NULL AND grant_id IS NULL)
    OR (kind = 'CLIENTS' AND record_id IS NOT NULL AND status IS NULL
        AND array_ndims(client_ids) = 1 AND cardinality(client_ids) BETWEEN 1 AND 200
        AND array_position(client_ids, NULL) IS NULL
        AND access_basis IN ('CARE_TEAM', 'ROLE', 'EMERGENCY')
        AND (access_basis = 'EMERGENCY') = (grant_id IS NOT NULL))
    OR (kind = 'OUTCOME' AND record_id IS NOT NULL AND status IS NOT NULL
        AND client_ids IS NULL AND access_basis IS NULL AND grant_id IS NULL));

-- The search path is pinned: a session's temporary table named audit_log cannot stand in for the
-- chain's head.
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql
    SET search_path = "${flyway:defaultSchema}", pg_temp AS $$
DECLARE
    last_seq  BIGINT;
    last_hash VARCHAR(64);
BEGIN
    -- One writer per schema at a time, until its transaction ends; the next one reads this row.
    PERFORM pg_advisory_xact_lock(hashtextextended('iopcare.audit_log.' || TG_TABLE_SCHEMA, 0));
    SELECT chain_seq, hash INTO last_seq, last_hash FROM audit_log ORDER BY chain_seq DESC LIMIT 1;
    NEW.occurred_at := clock_timestamp();
    NEW.chain_seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
    NEW.hash := audit_log_hash(NEW.prev_hash, NEW);
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END $$;

CREATE TRIGGER audit_log_chain
    BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- One row per request: what it was, its outcome and the clients it disclosed.
CREATE VIEW audit_entry AS
SELECT a.id,
       a.occurred_at,
       a.actor,
       a.roles,
       a.action,
       a.http_method,
       a.path_pattern,
       a.path_ids,
       c.client_ids,
       c.access_basis,
       c.grant_id,
       coalesce(
           (SELECT o.status FROM audit_log o
             WHERE o.record_id = a.id AND o.kind = 'OUTCOME' ORDER BY o.id LIMIT 1),
           a.status) AS status,
       a.remote_addr,
       a.request_id,
       a.chain_seq
FROM audit_log a
LEFT JOIN LATERAL (
    SELECT array_agg(DISTINCT u.client_id ORDER BY u.client_id) AS client_ids,
           string_agg(DISTINCT d.access_basis, ',' ORDER BY d.access_basis) AS access_basis,
           (array_agg(d.grant_id ORDER BY d.id) FILTER (WHERE d.grant_id IS NOT NULL))[1] AS grant_id
    FROM audit_log d
    CROSS JOIN LATERAL unnest(d.client_ids) AS u (client_id)
    WHERE d.record_id = a.id AND d.kind = 'CLIENTS'
) c ON true
WHERE a.kind = 'ACCESS';
