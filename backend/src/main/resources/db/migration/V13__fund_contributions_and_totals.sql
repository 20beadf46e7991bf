-- Contributions held in trust per donor, and running totals for the fund summary and statement.
--
-- The chart of accounts of a fund (FundService explains each posting):
--   CASH                              (debit)  money held in trust
--   UNALLOCATED:<pool>                (credit) received, not yet allocated, per earmark pool
--   ALLOCATED:<allocation>            (credit) allocated to one use; EXPENDED:<allocation> (debit) spent of it
--   REFUNDS:<pool>                    (debit)  returned to donors, INTEREST (credit), FEES (credit, the agent's fee),
--                                              FEES:BANK_CHARGES (debit)
--   PLEDGED:<donor> / PLEDGE_COMMITMENTS          memo pair for pledges (debit / credit)
--   CONTRIBUTIONS:<donor>:<pool> / HELD_FOR_DONORS:<pool>   NEW memo pair (credit / debit): what a donor has
--                                              contributed to a pool and is held in trust for them, received less
--                                              refunded, in USD. A receipt credits it (its full USD amount, the agent's
--                                              fee included), a refund debits it, a reversal mirrors either. Its credit
--                                              balance answers "how much has this donor contributed" without reading the
--                                              journal; HELD_FOR_DONORS:<pool> is the sum over the pool's donors, so a
--                                              donor's share of a pool is one balance divided by another.
--
-- Existing entries get the memo legs appended (new fund_journal_leg rows after their last leg; the
-- journal refuses UPDATE and DELETE, not INSERT): every receipt and refund entry, and the reversal
-- of one (mirrored), so the journal reads as the ledger now posts and the balances below equal the
-- sum of the legs. Each memo pair balances on its own, so every entry still balances.
CREATE TEMPORARY TABLE v13_memo AS
SELECT e.id AS entry_id, (SELECT MAX(l.position) FROM fund_journal_leg l WHERE l.entry_id = e.id) AS last_position,
       m.kind, FALSE AS mirrored, m.donor_id, m.amount_usd,
       CASE m.earmark_kind WHEN 'BUDGET_LINE' THEN CONCAT('BUDGET_LINE:', m.earmark_budget_line_id)
                           WHEN 'CLUSTER' THEN CONCAT('CLUSTER:', m.earmark_cluster_id)
                           WHEN 'REGION' THEN CONCAT('REGION:', m.earmark_region)
                           ELSE m.earmark_kind END AS pool
FROM fund_journal_entry e JOIN fund_movement m ON m.id = e.movement_id
WHERE m.kind IN ('RECEIPT', 'REFUND')
UNION ALL
SELECT r.id, (SELECT MAX(l.position) FROM fund_journal_leg l WHERE l.entry_id = r.id),
       m.kind, TRUE, m.donor_id, m.amount_usd,
       CASE m.earmark_kind WHEN 'BUDGET_LINE' THEN CONCAT('BUDGET_LINE:', m.earmark_budget_line_id)
                           WHEN 'CLUSTER' THEN CONCAT('CLUSTER:', m.earmark_cluster_id)
                           WHEN 'REGION' THEN CONCAT('REGION:', m.earmark_region)
                           ELSE m.earmark_kind END
FROM fund_journal_entry r JOIN fund_journal_entry e ON e.id = r.reverses_entry_id JOIN fund_movement m ON m.id = e.movement_id
WHERE m.kind IN ('RECEIPT', 'REFUND');

-- Receipt: DR HELD_FOR_DONORS:pool, CR CONTRIBUTIONS:donor:pool. Refund: DR CONTRIBUTIONS, CR HELD_FOR_DONORS. Mirrored: sides swapped.
INSERT INTO fund_journal_leg (entry_id, position, account, side, amount_usd)
SELECT entry_id, last_position + 1,
       IF(kind = 'RECEIPT', CONCAT('HELD_FOR_DONORS:', pool), CONCAT('CONTRIBUTIONS:', donor_id, ':', pool)),
       IF(mirrored, 'CREDIT', 'DEBIT'), amount_usd
FROM v13_memo
UNION ALL
SELECT entry_id, last_position + 2,
       IF(kind = 'RECEIPT', CONCAT('CONTRIBUTIONS:', donor_id, ':', pool), CONCAT('HELD_FOR_DONORS:', pool)),
       IF(mirrored, 'DEBIT', 'CREDIT'), amount_usd
FROM v13_memo;

DROP TEMPORARY TABLE v13_memo;

INSERT INTO fund_account_balance (fund_id, account, debits_usd, credits_usd)
SELECT e.fund_id, l.account, SUM(IF(l.side = 'DEBIT', l.amount_usd, 0)), SUM(IF(l.side = 'CREDIT', l.amount_usd, 0))
FROM fund_journal_leg l JOIN fund_journal_entry e ON e.id = l.entry_id
WHERE l.account LIKE 'CONTRIBUTIONS:%' OR l.account LIKE 'HELD\_FOR\_DONORS:%'
GROUP BY e.fund_id, l.account;

-- Running totals of live movements that the summary and the statement show, kept in the
-- transaction that posts or reverses the movement (not ledger accounts: they are not in the
-- trial balance). `usd` is the amount, `items` how many live movements make it up. Figures:
--   ALLOCATED, SPENT                       the fund's live allocations and expenditures
--   ALLOCATED:BUDGET_LINE:<id>, SPENT:BUDGET_LINE:<id>
--   ALLOCATED:REGION:<code>, ALLOCATED:INCOME_GROUP:<code>, ALLOCATED:EDITION:<income group edition>
--   ALLOCATED:POOL:<pool>                  allocations drawing on a pool (a statement's uses)
--   RECEIVED:DONOR_TYPE:<type>             contributions (received less refunded); items: live receipts
--   OUTSTANDING_PLEDGES                    per live pledge, what is not received yet at the pledge's
--                                          rate, rounded to cents half-even; items: live pledges
CREATE TABLE fund_total (
    fund_id  BIGINT         NOT NULL,
    figure   VARCHAR(80)    NOT NULL,
    usd      DECIMAL(19,2)  NOT NULL DEFAULT 0,
    items    INT            NOT NULL DEFAULT 0,
    PRIMARY KEY (fund_id, figure),
    CONSTRAINT fk_fund_total_fund FOREIGN KEY (fund_id) REFERENCES fund (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TEMPORARY TABLE v13_live AS
SELECT m.*, d.donor_type,
       CASE m.earmark_kind WHEN 'BUDGET_LINE' THEN CONCAT('BUDGET_LINE:', m.earmark_budget_line_id)
                           WHEN 'CLUSTER' THEN CONCAT('CLUSTER:', m.earmark_cluster_id)
                           WHEN 'REGION' THEN CONCAT('REGION:', m.earmark_region)
                           ELSE m.earmark_kind END AS pool
FROM fund_movement m JOIN fund_journal_entry e ON e.movement_id = m.id LEFT JOIN fund_donor d ON d.id = m.donor_id
WHERE m.kind IN ('RECEIPT', 'REFUND', 'ALLOCATION', 'EXPENDITURE')
  AND NOT EXISTS (SELECT 1 FROM fund_journal_entry x WHERE x.reverses_entry_id = e.id);

INSERT INTO fund_total (fund_id, figure, usd, items)
SELECT fund_id, figure, SUM(usd), SUM(items) FROM (
    SELECT fund_id, 'ALLOCATED' AS figure, amount_usd AS usd, 1 AS items FROM v13_live WHERE kind = 'ALLOCATION'
    UNION ALL SELECT fund_id, CONCAT('ALLOCATED:BUDGET_LINE:', budget_line_id), amount_usd, 1 FROM v13_live
        WHERE kind = 'ALLOCATION' AND budget_line_id IS NOT NULL
    UNION ALL SELECT fund_id, CONCAT('ALLOCATED:REGION:', beneficiary_region), amount_usd, 1 FROM v13_live
        WHERE kind = 'ALLOCATION' AND beneficiary_region IS NOT NULL
    UNION ALL SELECT fund_id, CONCAT('ALLOCATED:INCOME_GROUP:', beneficiary_income_group), amount_usd, 1 FROM v13_live
        WHERE kind = 'ALLOCATION' AND beneficiary_income_group IS NOT NULL
    UNION ALL SELECT fund_id, CONCAT('ALLOCATED:EDITION:', income_group_edition), amount_usd, 1 FROM v13_live
        WHERE kind = 'ALLOCATION' AND income_group_edition IS NOT NULL
    UNION ALL SELECT fund_id, CONCAT('ALLOCATED:POOL:', pool), amount_usd, 1 FROM v13_live WHERE kind = 'ALLOCATION'
    UNION ALL SELECT fund_id, 'SPENT', amount_usd, 1 FROM v13_live WHERE kind = 'EXPENDITURE'
    UNION ALL SELECT fund_id, CONCAT('SPENT:BUDGET_LINE:', budget_line_id), amount_usd, 1 FROM v13_live
        WHERE kind = 'EXPENDITURE' AND budget_line_id IS NOT NULL
    UNION ALL SELECT fund_id, CONCAT('RECEIVED:DONOR_TYPE:', donor_type), IF(kind = 'RECEIPT', amount_usd, -amount_usd),
        IF(kind = 'RECEIPT', 1, 0) FROM v13_live WHERE kind IN ('RECEIPT', 'REFUND')
    -- Outstanding: half-even rounding to cents of a positive amount (ROUND alone rounds halves up).
    UNION ALL SELECT b.fund_id, 'OUTSTANDING_PLEDGES',
        IF(GREATEST(p.amount - b.received, 0) * p.exchange_rate * 100 - FLOOR(GREATEST(p.amount - b.received, 0) * p.exchange_rate * 100) = 0.5
               AND MOD(FLOOR(GREATEST(p.amount - b.received, 0) * p.exchange_rate * 100), 2) = 0,
           FLOOR(GREATEST(p.amount - b.received, 0) * p.exchange_rate * 100),
           ROUND(GREATEST(p.amount - b.received, 0) * p.exchange_rate * 100)) / 100, 1
        FROM fund_pledge_balance b JOIN fund_movement p ON p.id = b.pledge_id WHERE NOT b.reversed
) figures
GROUP BY fund_id, figure;

DROP TEMPORARY TABLE v13_live;
