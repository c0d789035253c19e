-- The tracks scheduling seeds and publishes on track-changed, as intake knows them once it has read
-- the topic: the tests enroll on them without a scheduling service. Dated in the past, so a test's
-- own track-changed event replaces a row.
INSERT INTO known_track (code, name, status, changed_at) VALUES
    ('MH-IOP-AM', 'Mental health IOP, morning', 'ACTIVE', '2000-01-01T00:00:00Z'),
    ('MH-IOP-PM', 'Mental health IOP, evening', 'ACTIVE', '2000-01-01T00:00:00Z'),
    ('SUD-IOP-AM', 'Substance use IOP, morning', 'ACTIVE', '2000-01-01T00:00:00Z'),
    ('SUD-IOP-PM', 'Substance use IOP, evening', 'ACTIVE', '2000-01-01T00:00:00Z')
ON CONFLICT (code) DO NOTHING;
