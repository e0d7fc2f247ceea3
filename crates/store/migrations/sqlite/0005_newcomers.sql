-- The newcomer service (tilflyttartenesta): a case per newcomer or household, its steps,
-- follow-ups, consents and rent-to-own record.
--
-- Erasure deletes the case and, through ON DELETE CASCADE, every row about it; what the
-- arrival cohorts need is first added to newcomer_tally, which holds counts and no person.
-- Audit rows about these tables hold ids and field names only, never values.
CREATE TABLE newcomer_cases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT NOT NULL,
    -- One of Sogn's codes, checked by the app (not a foreign key: a plan may be replaced).
    municipality TEXT NOT NULL,
    arrival_date DATE NOT NULL,
    -- JSON lists: household members (relation and birth year, no names), languages, needs.
    household TEXT NOT NULL,
    languages TEXT NOT NULL,
    category TEXT NOT NULL,
    needs TEXT NOT NULL,
    contact_person BIGINT REFERENCES users(id) ON DELETE SET NULL,
    account_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX newcomer_cases_by_municipality ON newcomer_cases(municipality);
CREATE INDEX newcomer_cases_by_contact ON newcomer_cases(contact_person);
CREATE UNIQUE INDEX newcomer_cases_by_account ON newcomer_cases(account_id);

CREATE TABLE newcomer_steps (
    case_id BIGINT NOT NULL REFERENCES newcomer_cases(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    done_on DATE NOT NULL,
    PRIMARY KEY (case_id, kind)
);

CREATE TABLE newcomer_follow_ups (
    case_id BIGINT NOT NULL REFERENCES newcomer_cases(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    recorded_on DATE NOT NULL,
    residence TEXT NOT NULL,
    PRIMARY KEY (case_id, at)
);

-- Append-only but for withdrawn_on: the history of what was allowed when.
CREATE TABLE newcomer_consents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id BIGINT NOT NULL REFERENCES newcomer_cases(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    basis TEXT NOT NULL,
    given_on DATE NOT NULL,
    text_version TEXT NOT NULL,
    withdrawn_on DATE,
    recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX newcomer_consents_by_case ON newcomer_consents(case_id);

CREATE TABLE newcomer_rent_to_own (
    case_id BIGINT PRIMARY KEY REFERENCES newcomer_cases(id) ON DELETE CASCADE,
    selected_on DATE NOT NULL,
    home_bought_on DATE,
    renting_from DATE,
    purchased_on DATE,
    followed_up_on DATE,
    version BIGINT NOT NULL DEFAULT 1
);

-- Erased cases as counts: how many persons of a municipality, arrival year and category
-- had these follow-up outcomes ('' where none was recorded). No name, no contact, no day
-- or month: the year is all the cohorts need, and a month would single people out in a
-- small municipality.
CREATE TABLE newcomer_tally (
    municipality TEXT NOT NULL,
    arrival_year BIGINT NOT NULL,
    category TEXT NOT NULL,
    months_3 TEXT NOT NULL,
    months_12 TEXT NOT NULL,
    months_24 TEXT NOT NULL,
    months_60 TEXT NOT NULL,
    persons BIGINT NOT NULL,
    PRIMARY KEY (municipality, arrival_year, category, months_3, months_12, months_24, months_60)
);
