-- The relay works the outbox in shards: each client's events fall into one of 16 shards by a hash
-- of the record key, and each shard is published by one relay at a time (an advisory lock per
-- shard), so several relays — threads of one instance or several instances — publish side by side
-- while every client's events still leave in commit order. The shard is computed by the database,
-- so no writer can put a client's events into two shards.
ALTER TABLE outbox_event
    ADD COLUMN shard SMALLINT GENERATED ALWAYS AS ((hashtext(event_key) & 15)::smallint) STORED;

CREATE INDEX outbox_event_shard_seq ON outbox_event (shard, seq);
