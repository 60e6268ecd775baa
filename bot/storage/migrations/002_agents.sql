-- The hotline agent console (issue 8): agents who sign in, their sessions, and the audit log of
-- who saw a citizen's phone number and when.

-- password_hash is a bcrypt hash; the password itself is never stored.
CREATE TABLE agents (
  username      text PRIMARY KEY,
  password_hash text NOT NULL,
  created_at    timestamptz NOT NULL
);

-- A session is found by the SHA-256 of its random id: the cookie holds the id, this table only its
-- hash, so a copy of the table lets nobody sign in. Removing an agent ends their sessions.
CREATE TABLE agent_sessions (
  id_hash    text PRIMARY KEY,
  username   text NOT NULL REFERENCES agents (username) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE INDEX agent_sessions_expires ON agent_sessions (expires_at);

-- Append-only. No phone number is ever written here: the reference says whose it was. Not tied
-- to agents by a foreign key, so the log outlives a removed agent.
CREATE TABLE audit_log (
  id        bigserial PRIMARY KEY,
  at        timestamptz NOT NULL,
  agent     text NOT NULL,
  action    text NOT NULL CHECK (action IN ('login', 'logout', 'phone_shown', 'claim', 'complete')),
  reference text,
  unit      text,
  detail    text
);

CREATE INDEX audit_log_at ON audit_log (at);
