-- STOP and START per phone number, whoever it belongs to: a number that got any message from the
-- clinic (a client's old number, an inquirer never enrolled, a number no client has) can opt out,
-- and no SMS goes to it until START. A known client's opt-out stays on recipient as well.
CREATE TABLE sms_number_opt_out (
    phone        VARCHAR(20) PRIMARY KEY,
    opted_out_at TIMESTAMPTZ NOT NULL
);

INSERT INTO sms_number_opt_out (phone, opted_out_at)
SELECT phone, min(sms_opted_out_at) FROM recipient
WHERE phone IS NOT NULL AND sms_opted_out_at IS NOT NULL
GROUP BY phone;

-- whether a number ever got an SMS from us (STOP, START and HELP of a number no client has)
CREATE INDEX message_sms_destination ON message (destination) WHERE channel = 'SMS';
