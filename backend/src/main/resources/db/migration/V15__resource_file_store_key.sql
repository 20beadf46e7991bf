-- Deleting a file's bytes first checks that no other resource file has the same content (the
-- store keeps one copy per SHA-256); the check is a locking read, so it must use an index, not
-- lock every row of the table.
CREATE INDEX ix_resource_file_store_key ON resource_file (store_key);
