-- Whether a number was ever sent a client SMS: the first one says how to opt out.
CREATE INDEX message_client_sms_destination ON message (destination) WHERE channel = 'SMS' AND audience = 'CLIENT';
