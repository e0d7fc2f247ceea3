-- The mentor programme: one-to-one pairs and workplace cohorts.
--
-- Deleting a profile deletes, through ON DELETE CASCADE, its pairs and what was recorded
-- about them (meetings, check-ins, outcomes) and the coordinator's locks and exclusions:
-- a pair describes two people, so none of it is kept once one of them asks to be forgotten.
-- The output indicators then count the people still registered.
CREATE TABLE mentoring_profiles (
    id BIGSERIAL PRIMARY KEY,
    side TEXT NOT NULL,
    name TEXT NOT NULL,
    -- The name as compared to find a person registered twice (see domain::mentor::name_key).
    name_key TEXT NOT NULL,
    municipality TEXT NOT NULL,
    -- JSON lists.
    languages TEXT NOT NULL,
    occupation TEXT NOT NULL,
    industry TEXT NOT NULL,
    goals TEXT NOT NULL,
    interests TEXT NOT NULL,
    availability TEXT NOT NULL,
    capacity BIGINT,
    consent_given_on DATE,
    consent_text_version TEXT,
    account_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    UNIQUE (side, name_key, municipality)
);
CREATE UNIQUE INDEX mentoring_profiles_by_account ON mentoring_profiles(side, account_id);

-- One row: the rules every matching run uses.
CREATE TABLE mentoring_rules (
    id BIGINT PRIMARY KEY,
    min_level TEXT NOT NULL,
    -- JSON list of [code, code] pairs.
    neighbours TEXT NOT NULL,
    -- JSON object of criterion name to points; missing criteria keep the engine's default.
    weights TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
INSERT INTO mentoring_rules (id, min_level, neighbours, weights) VALUES (1, 'b1', '[]', '{}');

CREATE TABLE mentoring_pair_rules (
    mentor_id BIGINT NOT NULL REFERENCES mentoring_profiles(id) ON DELETE CASCADE,
    mentee_id BIGINT NOT NULL REFERENCES mentoring_profiles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    PRIMARY KEY (mentor_id, mentee_id)
);

CREATE TABLE mentoring_pairs (
    id BIGSERIAL PRIMARY KEY,
    mentor_id BIGINT NOT NULL REFERENCES mentoring_profiles(id) ON DELETE CASCADE,
    mentee_id BIGINT NOT NULL REFERENCES mentoring_profiles(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    locked BOOLEAN NOT NULL,
    score BIGINT NOT NULL,
    -- JSON: the criteria that scored, as the matching explained them.
    explanation TEXT NOT NULL,
    proposed_at TIMESTAMPTZ NOT NULL,
    mentor_accepted DATE,
    mentee_accepted DATE,
    started_on DATE,
    ended_on DATE,
    end_reason TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX mentoring_pairs_by_mentor ON mentoring_pairs(mentor_id);
CREATE INDEX mentoring_pairs_by_mentee ON mentoring_pairs(mentee_id);

CREATE TABLE mentoring_meetings (
    id BIGSERIAL PRIMARY KEY,
    pair_id BIGINT NOT NULL REFERENCES mentoring_pairs(id) ON DELETE CASCADE,
    held_on DATE NOT NULL,
    minutes BIGINT NOT NULL,
    note TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX mentoring_meetings_by_pair ON mentoring_meetings(pair_id, held_on);

CREATE TABLE mentoring_check_ins (
    pair_id BIGINT NOT NULL REFERENCES mentoring_pairs(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    held_on DATE NOT NULL,
    note TEXT NOT NULL,
    PRIMARY KEY (pair_id, kind)
);

CREATE TABLE mentoring_outcomes (
    pair_id BIGINT NOT NULL REFERENCES mentoring_pairs(id) ON DELETE CASCADE,
    follow_up TEXT NOT NULL,
    recorded_on DATE NOT NULL,
    in_work BOOLEAN NOT NULL,
    in_education BOOLEAN NOT NULL,
    qualifications_approved BOOLEAN NOT NULL,
    norwegian_level TEXT,
    in_region BOOLEAN NOT NULL,
    PRIMARY KEY (pair_id, follow_up)
);

CREATE TABLE mentoring_cohorts (
    id BIGSERIAL PRIMARY KEY,
    employer TEXT NOT NULL,
    name TEXT NOT NULL,
    starts_on DATE,
    created_at TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE mentoring_cohort_mentors (
    id BIGSERIAL PRIMARY KEY,
    cohort_id BIGINT NOT NULL REFERENCES mentoring_cohorts(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    UNIQUE (cohort_id, name_key)
);

CREATE TABLE mentoring_sessions (
    id BIGSERIAL PRIMARY KEY,
    cohort_id BIGINT NOT NULL REFERENCES mentoring_cohorts(id) ON DELETE CASCADE,
    held_on DATE NOT NULL,
    theme TEXT NOT NULL
);

CREATE TABLE mentoring_attendance (
    session_id BIGINT NOT NULL REFERENCES mentoring_sessions(id) ON DELETE CASCADE,
    mentor_id BIGINT NOT NULL REFERENCES mentoring_cohort_mentors(id) ON DELETE CASCADE,
    PRIMARY KEY (session_id, mentor_id)
);

CREATE TABLE mentoring_evaluations (
    id BIGSERIAL PRIMARY KEY,
    cohort_id BIGINT NOT NULL REFERENCES mentoring_cohorts(id) ON DELETE CASCADE,
    session_id BIGINT REFERENCES mentoring_sessions(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    score BIGINT,
    created_at TIMESTAMPTZ NOT NULL
);
