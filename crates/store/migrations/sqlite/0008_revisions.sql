-- Counters per kind of fact a page shows, beside `revision` (which stays the
-- plan's: rows, measures, contacts, targets). A status update moves only
-- `statuses`, so pages that do not show statuses stay cached while people report.
CREATE TABLE revisions (
    kind TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO revisions (kind, value) VALUES ('statuses', 0);
