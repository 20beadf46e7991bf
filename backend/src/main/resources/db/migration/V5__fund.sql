-- The multi-donor fund: funds and budget lines, donors, movements and the double-entry journal.
-- Money is DECIMAL: USD amounts DECIMAL(19,2); original-currency amounts DECIMAL(19,4) (any ISO
-- currency's minor units fit). Movements and the journal are append-only: triggers refuse
-- UPDATE and DELETE; a mistake is corrected by a reversal entry.

CREATE TABLE fund (
    id                         BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code                       VARCHAR(50)    NOT NULL,
    name                       VARCHAR(300)   NOT NULL,
    starts_on                  DATE           NOT NULL,
    ends_on                    DATE           NOT NULL,
    base_currency              CHAR(3)        NOT NULL DEFAULT 'USD',
    target_usd                 DECIMAL(19,2)  NOT NULL,
    agent_organisation_id      BIGINT         NOT NULL,
    agent_fee_percent          DECIMAL(5,2),
    created_at                 TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uq_fund_code UNIQUE (code),
    CONSTRAINT fk_fund_agent FOREIGN KEY (agent_organisation_id) REFERENCES organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE fund_budget_line (
    id            BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    fund_id       BIGINT         NOT NULL,
    code          VARCHAR(50)    NOT NULL,
    name          VARCHAR(300)   NOT NULL,
    planned_usd   DECIMAL(19,2)  NOT NULL,
    position      INT            NOT NULL,
    CONSTRAINT uq_fund_budget_line_code UNIQUE (fund_id, code),
    CONSTRAINT fk_fund_budget_line_fund FOREIGN KEY (fund_id) REFERENCES fund (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A donor is a member city or an organisation; username links a login for its statements.
CREATE TABLE fund_donor (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    member_id        BIGINT,
    organisation_id  BIGINT,
    donor_type       VARCHAR(20)   NOT NULL,
    anonymous        BOOLEAN       NOT NULL DEFAULT FALSE,
    username         VARCHAR(100),
    created_at       TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT ck_fund_donor_one_party CHECK ((member_id IS NULL) <> (organisation_id IS NULL)),
    CONSTRAINT uq_fund_donor_member UNIQUE (member_id),
    CONSTRAINT uq_fund_donor_organisation UNIQUE (organisation_id),
    CONSTRAINT fk_fund_donor_member FOREIGN KEY (member_id) REFERENCES member_city (id),
    CONSTRAINT fk_fund_donor_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    INDEX ix_fund_donor_username (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every movement (pledge, receipt, allocation, expenditure, reversal), one row each, never changed.
CREATE TABLE fund_movement (
    id                        BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    fund_id                   BIGINT         NOT NULL,
    kind                      VARCHAR(20)    NOT NULL,
    donor_id                  BIGINT,
    pledge_id                 BIGINT,
    allocation_id             BIGINT,
    budget_line_id            BIGINT,
    amount                    DECIMAL(19,4),
    currency                  CHAR(3),
    exchange_rate             DECIMAL(19,10),
    amount_usd                DECIMAL(19,2)  NOT NULL,
    value_date                DATE           NOT NULL,
    earmark_kind              VARCHAR(20),
    earmark_budget_line_id    BIGINT,
    earmark_cluster_id        BIGINT,
    earmark_region            VARCHAR(40),
    beneficiary_region        VARCHAR(40),
    beneficiary_income_group  VARCHAR(20),
    income_group_edition      VARCHAR(20),
    bank_reference            VARCHAR(100),
    description               VARCHAR(500),
    recorded_by               VARCHAR(100)   NOT NULL,
    recorded_at               TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_fund_movement_fund FOREIGN KEY (fund_id) REFERENCES fund (id),
    CONSTRAINT fk_fund_movement_donor FOREIGN KEY (donor_id) REFERENCES fund_donor (id),
    CONSTRAINT fk_fund_movement_pledge FOREIGN KEY (pledge_id) REFERENCES fund_movement (id),
    CONSTRAINT fk_fund_movement_allocation FOREIGN KEY (allocation_id) REFERENCES fund_movement (id),
    CONSTRAINT fk_fund_movement_budget_line FOREIGN KEY (budget_line_id) REFERENCES fund_budget_line (id),
    CONSTRAINT fk_fund_movement_earmark_line FOREIGN KEY (earmark_budget_line_id) REFERENCES fund_budget_line (id),
    INDEX ix_fund_movement_statement (fund_id, donor_id, kind, value_date),
    INDEX ix_fund_movement_kind (fund_id, kind, value_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE fund_pledge_payment (
    movement_id  BIGINT  NOT NULL,
    position     INT     NOT NULL,
    due_on       DATE    NOT NULL,
    PRIMARY KEY (movement_id, position),
    CONSTRAINT fk_fund_pledge_payment_movement FOREIGN KEY (movement_id) REFERENCES fund_movement (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One balanced journal entry per movement; a reversal entry names the entry it reverses (once).
CREATE TABLE fund_journal_entry (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    fund_id            BIGINT        NOT NULL,
    movement_id        BIGINT        NOT NULL,
    kind               VARCHAR(20)   NOT NULL,
    value_date         DATE          NOT NULL,
    donor_id           BIGINT,
    reverses_entry_id  BIGINT,
    description        VARCHAR(500),
    posted_by          VARCHAR(100)  NOT NULL,
    posted_at          TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uq_fund_journal_entry_movement UNIQUE (movement_id),
    CONSTRAINT uq_fund_journal_entry_reverses UNIQUE (reverses_entry_id),
    CONSTRAINT fk_fund_journal_entry_fund FOREIGN KEY (fund_id) REFERENCES fund (id),
    CONSTRAINT fk_fund_journal_entry_movement FOREIGN KEY (movement_id) REFERENCES fund_movement (id),
    CONSTRAINT fk_fund_journal_entry_reverses FOREIGN KEY (reverses_entry_id) REFERENCES fund_journal_entry (id),
    CONSTRAINT fk_fund_journal_entry_donor FOREIGN KEY (donor_id) REFERENCES fund_donor (id),
    INDEX ix_fund_journal_entry_listing (fund_id, value_date, id),
    INDEX ix_fund_journal_entry_donor (fund_id, donor_id, value_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE fund_journal_leg (
    id            BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    entry_id      BIGINT         NOT NULL,
    position      INT            NOT NULL,
    account       VARCHAR(80)    NOT NULL,
    side          VARCHAR(6)     NOT NULL,
    amount_usd    DECIMAL(19,2)  NOT NULL,
    amount        DECIMAL(19,4),
    currency      CHAR(3),
    CONSTRAINT uq_fund_journal_leg_position UNIQUE (entry_id, position),
    CONSTRAINT ck_fund_journal_leg_side CHECK (side IN ('DEBIT', 'CREDIT')),
    CONSTRAINT ck_fund_journal_leg_amount CHECK (amount_usd >= 0),
    CONSTRAINT fk_fund_journal_leg_entry FOREIGN KEY (entry_id) REFERENCES fund_journal_entry (id),
    INDEX ix_fund_journal_leg_account (account, entry_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Running balances per account, updated in the transaction that posts; locked (SELECT ... FOR
-- UPDATE, in account order) before a posting checks what is available.
CREATE TABLE fund_account_balance (
    id           BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    fund_id      BIGINT         NOT NULL,
    account      VARCHAR(80)    NOT NULL,
    debits_usd   DECIMAL(19,2)  NOT NULL DEFAULT 0,
    credits_usd  DECIMAL(19,2)  NOT NULL DEFAULT 0,
    CONSTRAINT uq_fund_account_balance UNIQUE (fund_id, account),
    CONSTRAINT fk_fund_account_balance_fund FOREIGN KEY (fund_id) REFERENCES fund (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER fund_movement_no_update BEFORE UPDATE ON fund_movement FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'fund_movement is append-only';
CREATE TRIGGER fund_movement_no_delete BEFORE DELETE ON fund_movement FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'fund_movement is append-only';
CREATE TRIGGER fund_pledge_payment_no_update BEFORE UPDATE ON fund_pledge_payment FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'fund_pledge_payment is append-only';
CREATE TRIGGER fund_pledge_payment_no_delete BEFORE DELETE ON fund_pledge_payment FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'fund_pledge_payment is append-only';
CREATE TRIGGER fund_journal_entry_no_update BEFORE UPDATE ON fund_journal_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'fund_journal_entry is append-only';
CREATE TRIGGER fund_journal_entry_no_delete BEFORE DELETE ON fund_journal_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'fund_journal_entry is append-only';
CREATE TRIGGER fund_journal_leg_no_update BEFORE UPDATE ON fund_journal_leg FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'fund_journal_leg is append-only';
CREATE TRIGGER fund_journal_leg_no_delete BEFORE DELETE ON fund_journal_leg FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'fund_journal_leg is append-only';
