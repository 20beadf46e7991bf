-- What has been received against each pledge, in the pledge's currency, kept in the transaction
-- that posts a receipt against the pledge or reverses one (and `reversed` set when the pledge's
-- own entry is reversed), so outstanding pledges are read without summing receipts. A running
-- balance like fund_account_balance: updated in place, while the movements stay append-only.
CREATE TABLE fund_pledge_balance (
    pledge_id  BIGINT         NOT NULL PRIMARY KEY,
    fund_id    BIGINT         NOT NULL,
    received   DECIMAL(19,4)  NOT NULL DEFAULT 0,
    receipts   INT            NOT NULL DEFAULT 0,
    reversed   BOOLEAN        NOT NULL DEFAULT FALSE,
    CONSTRAINT fk_fund_pledge_balance_pledge FOREIGN KEY (pledge_id) REFERENCES fund_movement (id),
    CONSTRAINT fk_fund_pledge_balance_fund FOREIGN KEY (fund_id) REFERENCES fund (id),
    CONSTRAINT ck_fund_pledge_balance_received CHECK (received >= 0 AND receipts >= 0),
    INDEX ix_fund_pledge_balance_fund (fund_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Backfill from the live (not reversed) receipts recorded so far.
INSERT INTO fund_pledge_balance (pledge_id, fund_id, received, receipts, reversed)
SELECT p.id, p.fund_id, COALESCE(got.received, 0), COALESCE(got.receipts, 0),
       EXISTS (SELECT 1 FROM fund_journal_entry x WHERE x.reverses_entry_id = pe.id)
FROM fund_movement p
JOIN fund_journal_entry pe ON pe.movement_id = p.id
LEFT JOIN (SELECT r.pledge_id, SUM(r.amount) AS received, COUNT(*) AS receipts
           FROM fund_movement r JOIN fund_journal_entry re ON re.movement_id = r.id
           WHERE r.kind = 'RECEIPT' AND r.pledge_id IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM fund_journal_entry y WHERE y.reverses_entry_id = re.id)
           GROUP BY r.pledge_id) got ON got.pledge_id = p.id
WHERE p.kind = 'PLEDGE';
