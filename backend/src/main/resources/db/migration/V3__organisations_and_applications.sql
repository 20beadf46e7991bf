-- Partner organisations, calls for membership applications, applications and their review steps.

CREATE TABLE organisation (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    external_id   VARCHAR(100),
    name          VARCHAR(300)  NOT NULL,
    kind          VARCHAR(40)   NOT NULL,
    -- Empty for international organisations.
    country_iso2  CHAR(2),
    website       VARCHAR(500),
    version       INT           NOT NULL DEFAULT 0,
    created_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    -- A unique key ignores NULLs, so international organisations (no country) would escape the
    -- "one name per country" rule; this stored column makes them share the key ''. (RTRIM: MariaDB
    -- refuses a generated column that reads a CHAR directly, its value depending on sql_mode.)
    country_key   VARCHAR(2)    AS (COALESCE(RTRIM(country_iso2), '')) PERSISTENT,
    CONSTRAINT fk_organisation_country FOREIGN KEY (country_iso2) REFERENCES country (iso2),
    CONSTRAINT uq_organisation_external_id UNIQUE (external_id),
    CONSTRAINT uq_organisation_country_name UNIQUE (country_key, name),
    INDEX ix_organisation_name (name),
    INDEX ix_organisation_kind_name (kind, name),
    INDEX ix_organisation_country_name (country_iso2, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE organisation_contact (
    organisation_id  BIGINT        NOT NULL,
    position         INT           NOT NULL,
    name             VARCHAR(200)  NOT NULL,
    role             VARCHAR(200),
    email            VARCHAR(254),
    phone            VARCHAR(50),
    PRIMARY KEY (organisation_id, position),
    CONSTRAINT fk_organisation_contact_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE membership_call (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    title       VARCHAR(200)  NOT NULL,
    opens_on    DATE          NOT NULL,
    closes_on   DATE          NOT NULL,
    created_by  VARCHAR(100)  NOT NULL,
    created_at  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT ck_membership_call_window CHECK (closes_on >= opens_on),
    INDEX ix_membership_call_opens (opens_on, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The application as submitted is kept whole in input_json (it is never edited); the columns
-- beside it are what the queue filters and the three-per-country rule need.
CREATE TABLE membership_application (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    call_id       BIGINT        NOT NULL,
    applicant     VARCHAR(100)  NOT NULL,
    state         VARCHAR(20)   NOT NULL,
    city          VARCHAR(200)  NOT NULL,
    country_iso2  CHAR(2)       NOT NULL,
    input_json    JSON          NOT NULL,
    submitted_at  TIMESTAMP(3)  NOT NULL,
    -- The member city created on admission.
    member_id     BIGINT,
    CONSTRAINT fk_application_call FOREIGN KEY (call_id) REFERENCES membership_call (id),
    CONSTRAINT fk_application_country FOREIGN KEY (country_iso2) REFERENCES country (iso2),
    CONSTRAINT fk_application_member FOREIGN KEY (member_id) REFERENCES member_city (id) ON DELETE SET NULL,
    INDEX ix_application_call_country_state (call_id, country_iso2, state),
    INDEX ix_application_state (state, id),
    INDEX ix_application_country (country_iso2, id),
    INDEX ix_application_applicant (applicant, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every step of an application (submitted, endorsed, recommended or not, admitted or rejected):
-- the date of the step itself, and who recorded it when. Never edited.
CREATE TABLE application_step (
    id              BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id  BIGINT         NOT NULL,
    step            VARCHAR(20)    NOT NULL,
    step_date       DATE           NOT NULL,
    detail          VARCHAR(2000),
    recorded_by     VARCHAR(100)   NOT NULL,
    recorded_at     TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_application_step_application FOREIGN KEY (application_id) REFERENCES membership_application (id) ON DELETE CASCADE,
    INDEX ix_application_step_application (application_id, recorded_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
