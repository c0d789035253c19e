-- The staff console's client search (GET /api/clients): every clause is a prefix match (LIKE 'x%')
-- on one of these expressions, which text_pattern_ops lets a btree answer whatever the collation.
CREATE INDEX client_last_name_prefix ON client (lower(last_name) text_pattern_ops);
CREATE INDEX client_first_name_prefix ON client (lower(first_name) text_pattern_ops);
CREATE INDEX client_preferred_name_prefix ON client (lower(preferred_name) text_pattern_ops);
CREATE INDEX client_full_name_prefix ON client (lower(first_name || ' ' || last_name) text_pattern_ops);
CREATE INDEX client_preferred_full_name_prefix ON client (lower(preferred_name || ' ' || last_name) text_pattern_ops);
CREATE INDEX client_email_prefix ON client (lower(email) text_pattern_ops);
-- E.164 numbers reversed: the digits a caller types match the end of the number, a prefix here.
CREATE INDEX client_phone_suffix ON client (reverse(phone) text_pattern_ops);

-- The latest enrollment of each client and the clients of a primary clinician, beside each result.
CREATE INDEX enrollment_client_latest ON enrollment (client_id, enrolled_at DESC);
CREATE INDEX care_team_primary_clinician ON care_team (staff_id) WHERE team_role = 'PRIMARY_CLINICIAN';
