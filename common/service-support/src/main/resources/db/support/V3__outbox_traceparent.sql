-- The W3C trace context of the transaction that appended the event. The relay publishes later, on
-- its own thread; it resumes this context so the Kafka record joins the request's trace. Nullable:
-- rows appended outside a trace (schedulers, consumers without tracing) have none.
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(128);
