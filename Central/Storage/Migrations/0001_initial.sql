-- One script for PostgreSQL and SQLite: only types and syntax both accept. Times are Unix milliseconds (UTC).
CREATE TABLE enrolment_tokens (
    token_hash TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_by TEXT NULL
);

CREATE TABLE kiosks (
    id TEXT PRIMARY KEY,
    name TEXT NULL,
    public_key TEXT NOT NULL,
    enrolled_at BIGINT NOT NULL,
    revoked_at BIGINT NULL,
    last_seen_at BIGINT NULL,
    last_heartbeat TEXT NULL
);

CREATE TABLE nonces (
    kiosk_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    seen_at BIGINT NOT NULL,
    PRIMARY KEY (kiosk_id, nonce)
);
CREATE INDEX nonces_seen_at ON nonces (seen_at);

CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    kiosk_id TEXT NOT NULL,
    dossier_id TEXT NULL,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    length BIGINT NOT NULL,
    upload_offset BIGINT NOT NULL,
    verified INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    committed INTEGER NOT NULL
);
-- A kiosk that lost its upload URL (killed mid-upload) asks again with the same metadata and gets the same upload.
CREATE UNIQUE INDEX uploads_same_blob ON uploads (kiosk_id, dossier_id, name, sha256);

CREATE TABLE dossiers (
    id TEXT PRIMARY KEY,
    kiosk_id TEXT NOT NULL,
    code TEXT NOT NULL,
    procedure_code TEXT NULL,
    id_number TEXT NULL,
    page_count INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    receipt TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX dossiers_code ON dossiers (code);
CREATE INDEX dossiers_id_number ON dossiers (id_number);
CREATE INDEX dossiers_procedure ON dossiers (procedure_code, created_at);
CREATE INDEX dossiers_created ON dossiers (created_at);

CREATE TABLE dossier_blobs (
    dossier_id TEXT NOT NULL,
    name TEXT NOT NULL,
    upload_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    length BIGINT NOT NULL,
    PRIMARY KEY (dossier_id, name)
);

CREATE TABLE operators (
    name TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);
