-- Thematic clusters: terms, clusters, coordinators and members per term, costed work plans.

CREATE TABLE cluster_term (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code       VARCHAR(40)  NOT NULL,
    starts_on  DATE         NOT NULL,
    ends_on    DATE         NOT NULL,
    CONSTRAINT uq_cluster_term_code UNIQUE (code),
    CONSTRAINT ck_cluster_term_dates CHECK (ends_on > starts_on),
    INDEX ix_cluster_term_dates (starts_on, ends_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE cluster (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name_en         VARCHAR(300)  NOT NULL,
    name_fr         VARCHAR(300),
    name_es         VARCHAR(300),
    description_en  TEXT,
    description_fr  TEXT,
    description_es  TEXT,
    status          VARCHAR(20)   NOT NULL,
    version         INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_cluster_name_en UNIQUE (name_en)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE cluster_topic (
    cluster_id    BIGINT  NOT NULL,
    topic_number  INT     NOT NULL,
    PRIMARY KEY (cluster_id, topic_number),
    CONSTRAINT fk_cluster_topic_cluster FOREIGN KEY (cluster_id) REFERENCES cluster (id) ON DELETE CASCADE,
    CONSTRAINT fk_cluster_topic_topic FOREIGN KEY (topic_number) REFERENCES topic (number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE cluster_partner (
    cluster_id       BIGINT  NOT NULL,
    organisation_id  BIGINT  NOT NULL,
    PRIMARY KEY (cluster_id, organisation_id),
    CONSTRAINT fk_cluster_partner_cluster FOREIGN KEY (cluster_id) REFERENCES cluster (id) ON DELETE CASCADE,
    CONSTRAINT fk_cluster_partner_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per city taking part in a cluster in a term; coordinators are members with the flag set.
CREATE TABLE cluster_membership (
    id           BIGINT   NOT NULL AUTO_INCREMENT PRIMARY KEY,
    cluster_id   BIGINT   NOT NULL,
    term_id      BIGINT   NOT NULL,
    member_id    BIGINT   NOT NULL,
    coordinator  BOOLEAN  NOT NULL DEFAULT FALSE,
    joined_on    DATE     NOT NULL,
    left_on      DATE,
    CONSTRAINT uq_cluster_membership UNIQUE (cluster_id, term_id, member_id),
    CONSTRAINT fk_cluster_membership_cluster FOREIGN KEY (cluster_id) REFERENCES cluster (id),
    CONSTRAINT fk_cluster_membership_term FOREIGN KEY (term_id) REFERENCES cluster_term (id),
    CONSTRAINT fk_cluster_membership_member FOREIGN KEY (member_id) REFERENCES member_city (id),
    CONSTRAINT ck_cluster_membership_dates CHECK (left_on IS NULL OR left_on >= joined_on),
    -- The rule checks: a city's clusters and coordinations; a cluster's coordinators in a term.
    INDEX ix_cluster_membership_member (member_id, left_on, term_id),
    INDEX ix_cluster_membership_coordinators (cluster_id, term_id, coordinator)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE work_plan (
    id             BIGINT  NOT NULL AUTO_INCREMENT PRIMARY KEY,
    cluster_id     BIGINT  NOT NULL,
    term_id        BIGINT  NOT NULL,
    objectives_en  TEXT,
    objectives_fr  TEXT,
    objectives_es  TEXT,
    version        INT     NOT NULL DEFAULT 0,
    CONSTRAINT uq_work_plan UNIQUE (cluster_id, term_id),
    CONSTRAINT fk_work_plan_cluster FOREIGN KEY (cluster_id) REFERENCES cluster (id),
    CONSTRAINT fk_work_plan_term FOREIGN KEY (term_id) REFERENCES cluster_term (id),
    INDEX ix_work_plan_term (term_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE work_plan_activity (
    id                          BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    work_plan_id                BIGINT         NOT NULL,
    code                        VARCHAR(20)    NOT NULL,
    work_area                   INT            NOT NULL,
    title                       VARCHAR(300)   NOT NULL,
    description                 TEXT,
    responsible_kind            VARCHAR(30)    NOT NULL,
    responsible_member_id       BIGINT,
    responsible_organisation_id BIGINT,
    host_member_id              BIGINT,
    planned_start               DATE,
    planned_end                 DATE,
    actual_start                DATE,
    actual_end                  DATE,
    estimated_cost_usd          DECIMAL(15,2)  NOT NULL,
    status                      VARCHAR(20)    NOT NULL,
    version                     INT            NOT NULL DEFAULT 0,
    CONSTRAINT fk_activity_work_plan FOREIGN KEY (work_plan_id) REFERENCES work_plan (id),
    CONSTRAINT fk_activity_work_area FOREIGN KEY (work_area) REFERENCES work_area (number),
    CONSTRAINT fk_activity_responsible_member FOREIGN KEY (responsible_member_id) REFERENCES member_city (id),
    CONSTRAINT fk_activity_responsible_organisation FOREIGN KEY (responsible_organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_activity_host_member FOREIGN KEY (host_member_id) REFERENCES member_city (id),
    CONSTRAINT ck_activity_cost CHECK (estimated_cost_usd >= 0),
    INDEX ix_activity_plan_area (work_plan_id, work_area)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE work_plan_activity_output (
    activity_id  BIGINT        NOT NULL,
    position     INT           NOT NULL,
    url          VARCHAR(500)  NOT NULL,
    PRIMARY KEY (activity_id, position),
    CONSTRAINT fk_activity_output_activity FOREIGN KEY (activity_id) REFERENCES work_plan_activity (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
