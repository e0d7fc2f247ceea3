-- Official statistics: areas, sources, observations and the record of each import.

-- Municipalities, counties, Norway and regions, with the years each code was in use.
CREATE TABLE areas (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    valid_from BIGINT,
    valid_to BIGINT,
    -- JSON array of codes: a region's municipalities, a municipality's county.
    parts TEXT NOT NULL DEFAULT '[]',
    successor TEXT
);

-- Where figures came from. One row per publisher, table and query; a later
-- import of the same query updates the retrieval time and "updated" stamp.
CREATE TABLE stat_sources (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    publisher TEXT NOT NULL,
    table_id TEXT NOT NULL,
    title TEXT NOT NULL,
    query TEXT NOT NULL,
    retrieved_at TIMESTAMPTZ NOT NULL,
    updated TEXT,
    licence TEXT NOT NULL,
    UNIQUE (publisher, table_id, query)
);

-- One figure per key. The key's order (publisher, table, measure, area, period)
-- is how figures are read: one measure for a set of areas over periods, so the
-- primary key is also that index. WITHOUT ROWID keeps the rows in the key's
-- b-tree instead of storing every key twice (millions of rows for one table).
-- A missing figure has no value and keeps its status code: it is never 0.
CREATE TABLE observations (
    publisher TEXT NOT NULL,
    table_id TEXT NOT NULL,
    measure TEXT NOT NULL,
    area TEXT NOT NULL REFERENCES areas(code),
    period TEXT NOT NULL,
    -- The other dimensions as domain::stats::dims_key writes them: `Kjonn=0;Alder=15-74`.
    dims TEXT NOT NULL,
    value REAL,
    status TEXT,
    source_id BIGINT NOT NULL REFERENCES stat_sources(id),
    PRIMARY KEY (publisher, table_id, measure, area, period, dims)
) WITHOUT ROWID;

-- What each import did, for the audit trail and for the scheduled refresh to
-- report what changed.
CREATE TABLE stat_imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TIMESTAMPTZ NOT NULL,
    actor_id BIGINT,
    actor TEXT NOT NULL,
    source_id BIGINT NOT NULL REFERENCES stat_sources(id),
    -- The file name or the PxWebApi query.
    query TEXT NOT NULL,
    inserted BIGINT NOT NULL,
    changed BIGINT NOT NULL,
    unchanged BIGINT NOT NULL
);
