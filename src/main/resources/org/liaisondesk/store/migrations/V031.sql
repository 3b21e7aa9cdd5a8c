-- V031: four indexes fewer to keep on every save, import and change (issue #15: each index entry is a page the
-- save's commit writes). No filter on these columns needs its own index:
--  * area (6 areas and "none") and channel (7 ways in) are never rare: the list's newest-first page of a filter on
--    them reads V012's opinion_stats (deleted_at, received_at, station, status, channel, primary_area, ...) in date
--    order, without touching the table, and finds its rows within the first few thousand entries;
--  * station: the UNIQUE (station, number) index answers "this station's opinions", and a general station's list by
--    station reads opinion_stats as above (a station that sent nothing is answered by the running counts at once).
-- opinion_by_status stays: a status can be rare (the few cases in handling among millions closed).
DROP INDEX opinion_by_area;
DROP INDEX opinion_by_channel;
DROP INDEX opinion_by_station;

-- V001's tag index by area served a filter by any tagged area that the list gave up for primary_area; no query
-- reads it any more, and each save wrote one or two of its pages.
DROP INDEX opinion_tag_by_area;
