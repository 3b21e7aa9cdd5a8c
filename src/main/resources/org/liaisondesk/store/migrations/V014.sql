-- V014: marks the file as a Liaison Desk database ("LDK1" in the header's application id), so --db on another
-- program's SQLite file is refused instead of getting our tables; older databases of ours are recognised by their
-- tables and schema version and get the mark here.
PRAGMA application_id = 1279544113;
