-- The programme plan, its organisation, accounts, status history and audit log.
CREATE TABLE programme (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    owner TEXT NOT NULL,
    period TEXT NOT NULL,
    title TEXT NOT NULL,
    main_goal TEXT NOT NULL,
    introduction TEXT NOT NULL,
    other_documents TEXT NOT NULL,
    strategy_heading TEXT NOT NULL,
    measures_heading TEXT NOT NULL,
    measures_note TEXT NOT NULL,
    action_plan_title TEXT NOT NULL,
    action_plan_period TEXT NOT NULL,
    action_plan_start TEXT NOT NULL,
    org_heading TEXT NOT NULL,
    org_mandate TEXT NOT NULL,
    org_participants TEXT NOT NULL,
    org_other_relevant_note TEXT NOT NULL,
    meeting_months TEXT NOT NULL
);

CREATE TABLE municipalities (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    position BIGINT NOT NULL,
    contact_name TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE facts (
    position BIGINT PRIMARY KEY,
    text TEXT NOT NULL,
    source TEXT NOT NULL
);

CREATE TABLE org_units (
    id TEXT PRIMARY KEY,
    position BIGINT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    parent TEXT NOT NULL,
    person TEXT NOT NULL,
    note TEXT NOT NULL,
    work_package TEXT NOT NULL,
    lead TEXT NOT NULL,
    work_group TEXT NOT NULL
);

CREATE TABLE work_packages (
    id TEXT PRIMARY KEY,
    position BIGINT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    goal TEXT NOT NULL,
    description TEXT NOT NULL
);

CREATE TABLE strategies (
    number BIGINT PRIMARY KEY,
    work_package TEXT NOT NULL REFERENCES work_packages(id),
    text TEXT NOT NULL
);

CREATE TABLE measures (
    id TEXT PRIMARY KEY,
    work_package TEXT NOT NULL REFERENCES work_packages(id),
    position BIGINT NOT NULL,
    title TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE actions (
    id TEXT PRIMARY KEY,
    work_package TEXT NOT NULL REFERENCES work_packages(id),
    position BIGINT NOT NULL,
    measure TEXT REFERENCES measures(id),
    how TEXT NOT NULL,
    participants TEXT NOT NULL,
    when_text TEXT NOT NULL,
    starts DATE,
    ends DATE,
    comment TEXT NOT NULL,
    responsible TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX actions_by_package ON actions(work_package, position);

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE user_scopes (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (user_id, kind, value)
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE status_updates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    action_id TEXT NOT NULL REFERENCES actions(id),
    status TEXT NOT NULL,
    light TEXT NOT NULL,
    text TEXT NOT NULL,
    reported_on DATE NOT NULL,
    author_id BIGINT REFERENCES users(id),
    author_email TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX status_updates_by_action ON status_updates(action_id, id);
CREATE INDEX status_updates_by_date ON status_updates(reported_on);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TIMESTAMPTZ NOT NULL,
    actor_id BIGINT,
    actor TEXT NOT NULL,
    operation TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT
);

-- Bumped in the same transaction as every change to the plan, so a server can
-- keep the plan in memory and still see changes made by the CLI or by another server.
CREATE TABLE revision (
    id BIGINT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO revision (id, value) VALUES (1, 0);
