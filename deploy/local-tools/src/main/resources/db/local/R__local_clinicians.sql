-- Local run and tests only (spring.flyway.locations adds classpath:db/local there): the clinicians
-- the intake desk enrolls with. Production starts without availability; staff set it through
-- PUT /api/clinicians/{id}/availability.
INSERT INTO clinician_availability (clinician_id, day_of_week, local_start, local_end, time_zone) VALUES
 ('clin-ada', 'TUESDAY',  '13:00', '17:00', 'America/New_York'),
 ('clin-ada', 'THURSDAY', '13:00', '17:00', 'America/New_York'),
 ('clin-ben', 'MONDAY',   '13:00', '17:00', 'America/New_York'),
 ('clin-ben', 'FRIDAY',   '13:00', '17:00', 'America/New_York')
ON CONFLICT DO NOTHING;
