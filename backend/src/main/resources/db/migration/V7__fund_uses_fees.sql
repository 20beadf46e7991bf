-- An allocation's use may be a cluster work-plan activity (as well as, or instead of, a budget
-- line); its expenditures carry the same activity. Receipts are found by bank reference when a
-- bank statement is imported again.
ALTER TABLE fund_movement
    ADD COLUMN activity_id BIGINT NULL AFTER budget_line_id,
    ADD CONSTRAINT fk_fund_movement_activity FOREIGN KEY (activity_id) REFERENCES work_plan_activity (id),
    ADD INDEX ix_fund_movement_bank_reference (fund_id, bank_reference);
