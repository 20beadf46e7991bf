-- The in-memory member directory (MemberDirectory) checks every second whether member rows changed
-- on another instance: COUNT(*), SUM(version) and MAX(id) of member_city. This index lets MariaDB
-- answer the sum from a small index instead of reading every row.
CREATE INDEX ix_member_version ON member_city (version);
