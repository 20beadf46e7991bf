-- The front door (GET /api/stats, GET /api/me/work-queue) counts from indexes only:
-- member cities per status, country and year joined (a covering index for the per-region and per-year counts),
-- and a fund's movements of one kind recorded since a moment (receipts recorded today).
CREATE INDEX ix_member_status_country_joined ON member_city (status, country_iso2, year_joined);
CREATE INDEX ix_fund_movement_recorded ON fund_movement (fund_id, kind, recorded_at);
