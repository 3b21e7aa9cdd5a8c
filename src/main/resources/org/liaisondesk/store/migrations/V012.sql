-- V012: statistics dashboard. Every dashboard count groups the opinions of a period (and station) by one column; this
-- index holds all those columns, so each count is a scan of the index's period range that never reads the table's
-- rows (their texts make them many times larger). id lets the sub-topic count join opinion_tag from the index too.
CREATE INDEX opinion_stats ON opinion (deleted_at, received_at, station, status, channel, primary_area, id);
