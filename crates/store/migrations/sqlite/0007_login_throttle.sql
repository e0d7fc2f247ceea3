-- Failed log-ins counted per source address, per account and per device, in the
-- database so that every server sees them and a restart forgets nothing.
-- `key` is `addr:…`, `account:` with a hash of the e-mail address, or `device:`
-- with a hash of the device cookie; rows are deleted a day after their last failure.
CREATE TABLE login_throttle (
    key TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    last_failure TIMESTAMPTZ NOT NULL,
    blocked_until TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_throttle_last_failure ON login_throttle (last_failure);

-- Browsers that signed in to an account: a log-in that presents one is slowed down
-- by its own failures only, so nobody else's wrong guesses lock the owner out.
CREATE TABLE login_devices (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_devices_user ON login_devices (user_id, expires_at);
