-- The member directory's filters, sorts and word search run in memory now (MemberDirectory); these
-- indexes served only the SQL that did it before, and every city written (a 10,000-row import
-- writes them 10,000 times each) paid for them. What still reads member_city with SQL: one city by
-- id, the overdue list (ix_member_due), the uniqueness checks (the unique keys), the statistics
-- (cached; a scan of a few thousand rows), full-text search (its FULLTEXT index) and the
-- directory's own change check (ix_member_version).
DROP INDEX ix_member_name ON member_city;
DROP INDEX ix_member_local_name ON member_city;
DROP INDEX ix_member_status_name ON member_city;
DROP INDEX ix_member_joined ON member_city;
DROP INDEX ix_member_population ON member_city;
