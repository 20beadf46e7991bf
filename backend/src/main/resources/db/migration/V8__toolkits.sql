-- Projects, toolkits, resources with files, case-study fiches and the search table.
--
-- Each piece of content keeps its input whole in body_json (texts per BCP 47 language tag, lists
-- of partners, strands, sections...): it is read and written as one document. The columns beside
-- it are what lists filter and join on.

CREATE TABLE project (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    external_id        VARCHAR(100),
    acronym            VARCHAR(50)   NOT NULL,
    original_language  VARCHAR(35)   NOT NULL,
    start_date         DATE,
    body_json          JSON          NOT NULL,
    version            INT           NOT NULL DEFAULT 0,
    created_at         TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uq_project_external_id UNIQUE (external_id),
    INDEX ix_project_acronym (acronym)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE resource_item (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    external_id        VARCHAR(100),
    type               VARCHAR(30)   NOT NULL,
    original_language  VARCHAR(35)   NOT NULL,
    publication_date   DATE,
    body_json          JSON          NOT NULL,
    version            INT           NOT NULL DEFAULT 0,
    created_at         TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uq_resource_external_id UNIQUE (external_id),
    INDEX ix_resource_type (type, publication_date),
    INDEX ix_resource_published (publication_date, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Bytes live in a FileStore (see DatabaseFileStore); this row is what the API knows of a file.
CREATE TABLE resource_file (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    resource_id  BIGINT        NOT NULL,
    language     VARCHAR(35)   NOT NULL,
    file_name    VARCHAR(255)  NOT NULL,
    media_type   VARCHAR(100)  NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    sha256       CHAR(64)      NOT NULL,
    store_key    VARCHAR(200)  NOT NULL,
    uploaded_by  VARCHAR(100)  NOT NULL,
    uploaded_at  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uq_resource_file_language UNIQUE (resource_id, language),
    CONSTRAINT fk_resource_file_resource FOREIGN KEY (resource_id) REFERENCES resource_item (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The database file store: content-addressed (by SHA-256), cut into chunks of 1 MiB so no single
-- statement exceeds max_allowed_packet and a range request reads only the chunks it needs.
CREATE TABLE stored_file_chunk (
    store_key  VARCHAR(200)  NOT NULL,
    seq        INT           NOT NULL,
    data       MEDIUMBLOB    NOT NULL,
    PRIMARY KEY (store_key, seq)
) ENGINE=InnoDB;

CREATE TABLE toolkit (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    external_id        VARCHAR(100),
    original_language  VARCHAR(35)   NOT NULL,
    project_id         BIGINT,
    cluster_id         BIGINT,
    body_json          JSON          NOT NULL,
    version            INT           NOT NULL DEFAULT 0,
    created_at         TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uq_toolkit_external_id UNIQUE (external_id),
    CONSTRAINT fk_toolkit_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT fk_toolkit_cluster FOREIGN KEY (cluster_id) REFERENCES cluster (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE case_study_category (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code       VARCHAR(20)  NOT NULL,
    name_json  JSON         NOT NULL,
    CONSTRAINT uq_case_study_category_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE case_study (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    status             VARCHAR(20)   NOT NULL,
    member_id          BIGINT,
    organisation_id    BIGINT,
    original_language  VARCHAR(35)   NOT NULL,
    body_json          JSON          NOT NULL,
    return_comment     VARCHAR(2000),
    created_by         VARCHAR(100)  NOT NULL,
    submitted_at       TIMESTAMP(3)  NULL,
    published_at       TIMESTAMP(3)  NULL,
    version            INT           NOT NULL DEFAULT 0,
    created_at         TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_case_study_member FOREIGN KEY (member_id) REFERENCES member_city (id),
    CONSTRAINT fk_case_study_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    INDEX ix_case_study_status (status, published_at),
    INDEX ix_case_study_member (member_id, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The search table: one row per piece of content and language, written in the same transaction
-- as the content (so it is never stale and needs no second system). InnoDB FULLTEXT indexes work
-- on one node and under Galera alike; the accent- and case-insensitive collation makes matches
-- ignore accents and case. topics/target_groups hold space-delimited codes (" 1 5 ") so filters
-- are simple LIKEs on the few rows the full-text match leaves.
CREATE TABLE search_entry (
    id              BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(20)    NOT NULL,
    ref_id          BIGINT         NOT NULL,
    language        VARCHAR(35)    NOT NULL,
    original_language VARCHAR(35)  NOT NULL,
    -- 0 when this language has no title of its own and the row carries the original's.
    own_title       TINYINT(1)     NOT NULL,
    -- 0 for content the public may not see (fiches not yet published): kept for translation status.
    visible         TINYINT(1)     NOT NULL,
    title           VARCHAR(1000)  NOT NULL,
    body            MEDIUMTEXT     NOT NULL,
    topics          VARCHAR(100)   NOT NULL DEFAULT ' ',
    target_groups   VARCHAR(500)   NOT NULL DEFAULT ' ',
    region          VARCHAR(40),
    resource_type   VARCHAR(30),
    INDEX ix_search_entry_ref (kind, ref_id),
    FULLTEXT INDEX ft_search_entry_title (title),
    FULLTEXT INDEX ft_search_entry_all (title, body)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Member cities are searched where they live (their writes belong to the members area).
ALTER TABLE member_city ADD FULLTEXT INDEX ft_member_city_names (name, local_name);

INSERT INTO case_study_category (code, name_json) VALUES
  ('C', '{"en": "Addressing skills shortages and promoting life-long learning", "fr": "Remédier aux pénuries de compétences et promouvoir l''apprentissage tout au long de la vie", "es": "Abordar la escasez de competencias y promover el aprendizaje a lo largo de toda la vida"}'),
  ('F', '{"en": "Diversifying local economic base", "fr": "Diversifier la base économique locale", "es": "Diversificar la base económica local"}');
