-- newsgraph corpus store, schema version 1.
-- Every row of every analysis table belongs to one document (doc_key) and is deleted with it.
-- Offsets (start, end) are in Unicode scalar values into documents.text, as in newsgraph/1.

CREATE TABLE documents (
    doc_key           INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,     -- the document id (JSONL id or file stem)
    date              TEXT,                     -- article date, YYYY-MM-DD
    title             TEXT,
    url               TEXT,
    source            TEXT,
    text              TEXT NOT NULL,            -- analysed text (title + blank line + body for JSONL)
    content_hash      TEXT NOT NULL,            -- sha256 hex over raw text, date and title
    newsgraph_version TEXT NOT NULL,            -- version of newsgraph that produced the analysis
    ingested_at       TEXT NOT NULL,            -- UTC, RFC 3339
    n_sentences       INTEGER NOT NULL,
    n_entities        INTEGER NOT NULL,
    n_times           INTEGER NOT NULL,
    n_quotes          INTEGER NOT NULL,
    n_events          INTEGER NOT NULL,
    json              TEXT NOT NULL             -- the full newsgraph/1 JSON of the document
);
CREATE INDEX documents_date ON documents(date);

CREATE TABLE entities (
    doc_key    INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    entity_id  TEXT NOT NULL,                   -- E1, E2, … within the document
    name       TEXT NOT NULL,                   -- canonical name
    type       TEXT NOT NULL,                   -- PERSON, ORG, GPE, …
    actor      TEXT,                            -- CAMEO actor code
    role       TEXT,
    n_mentions INTEGER NOT NULL,
    PRIMARY KEY (doc_key, entity_id)
) WITHOUT ROWID;
CREATE INDEX entities_name ON entities(name);
CREATE INDEX entities_type ON entities(type);
CREATE INDEX entities_actor ON entities(actor);

CREATE TABLE mentions (
    doc_key   INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    idx       INTEGER NOT NULL,                 -- position in the entity's mention list
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT NOT NULL,
    kind      TEXT NOT NULL,                    -- name, nominal, pronoun
    PRIMARY KEY (doc_key, entity_id, idx),
    FOREIGN KEY (doc_key, entity_id) REFERENCES entities(doc_key, entity_id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE times (
    doc_key INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    text    TEXT NOT NULL,
    type    TEXT NOT NULL,                      -- DATE, TIME, DURATION, SET
    value   TEXT,                               -- normalised value (TIMEX3 style)
    PRIMARY KEY (doc_key, idx)
) WITHOUT ROWID;
CREATE INDEX times_value ON times(value);

CREATE TABLE quotes (
    quote_key    INTEGER PRIMARY KEY,
    doc_key      INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    text         TEXT NOT NULL,                 -- without quotation marks
    kind         TEXT NOT NULL,                 -- direct, partial, indirect
    speaker      TEXT,                          -- entity id of the speaker
    speaker_name TEXT,                          -- canonical name of that entity
    speaker_text TEXT,                          -- the speaker as written
    cue          TEXT,
    date         TEXT,
    date_source  TEXT NOT NULL,
    UNIQUE (doc_key, idx)
);
CREATE INDEX quotes_speaker_name ON quotes(speaker_name);
CREATE INDEX quotes_date ON quotes(date);

CREATE TABLE events (
    event_key      INTEGER PRIMARY KEY,
    doc_key        INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    event_id       TEXT NOT NULL,               -- V1, V2, … within the document
    source_entity  TEXT,
    source_text    TEXT NOT NULL,
    source_actor   TEXT,
    source_name    TEXT NOT NULL,               -- entity canonical name, else source_text
    target_entity  TEXT,
    target_text    TEXT,
    target_actor   TEXT,
    target_name    TEXT,
    cameo          TEXT NOT NULL,
    cameo_name     TEXT NOT NULL,
    root           TEXT NOT NULL,
    quad_class     INTEGER NOT NULL,
    goldstein      REAL NOT NULL,
    plover         TEXT,
    plover_mode    TEXT,
    date           TEXT,
    date_source    TEXT NOT NULL,
    modality       TEXT NOT NULL,
    claimed_by     TEXT,                        -- entity id of the speaker who claims it
    claimed_by_name TEXT,
    sentence       INTEGER NOT NULL,
    sentence_text  TEXT NOT NULL,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    trigger_text   TEXT NOT NULL,
    rule           TEXT NOT NULL,
    UNIQUE (doc_key, event_id)
);
CREATE INDEX events_source_actor ON events(source_actor, date);
CREATE INDEX events_target_actor ON events(target_actor, date);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_plover ON events(plover);
CREATE INDEX events_date ON events(date);

-- Full-text search (external content, kept in sync by triggers).
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='doc_key',
    tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.doc_key, new.title, new.text);
END;
CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.doc_key, old.title, old.text);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, speaker_text, content='quotes', content_rowid='quote_key',
    tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text, speaker_text)
        VALUES (new.quote_key, new.text, new.speaker_text);
END;
CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_text)
        VALUES ('delete', old.quote_key, old.text, old.speaker_text);
END;
