-- V008: running counts of opinions per recycle-bin state, status, channel, primary area and station, kept in step by
-- triggers, so the list shows "N opinions" for its usual filters without counting a million rows on every page
-- (count(*) over the date index took ~100 ms at 1,000,000 opinions). area 0: no area fits.
CREATE TABLE opinion_count (
    deleted INTEGER NOT NULL,
    status  TEXT NOT NULL,
    channel TEXT NOT NULL,
    area    INTEGER NOT NULL,
    station TEXT NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (deleted, status, channel, area, station)
) WITHOUT ROWID;

INSERT INTO opinion_count (deleted, status, channel, area, station, n)
    SELECT deleted_at IS NOT NULL, status, channel, coalesce(primary_area, 0), station, count(*)
    FROM opinion GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER opinion_count_insert AFTER INSERT ON opinion
BEGIN
    INSERT INTO opinion_count (deleted, status, channel, area, station, n)
        VALUES (new.deleted_at IS NOT NULL, new.status, new.channel, coalesce(new.primary_area, 0), new.station, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER opinion_count_delete AFTER DELETE ON opinion
BEGIN
    UPDATE opinion_count SET n = n - 1
        WHERE deleted = (old.deleted_at IS NOT NULL) AND status = old.status AND channel = old.channel
          AND area = coalesce(old.primary_area, 0) AND station = old.station;
END;
CREATE TRIGGER opinion_count_update AFTER UPDATE OF deleted_at, status, channel, primary_area, station ON opinion
    WHEN (old.deleted_at IS NULL) IS NOT (new.deleted_at IS NULL) OR old.status IS NOT new.status
      OR old.channel IS NOT new.channel OR old.primary_area IS NOT new.primary_area OR old.station IS NOT new.station
BEGIN
    UPDATE opinion_count SET n = n - 1
        WHERE deleted = (old.deleted_at IS NOT NULL) AND status = old.status AND channel = old.channel
          AND area = coalesce(old.primary_area, 0) AND station = old.station;
    INSERT INTO opinion_count (deleted, status, channel, area, station, n)
        VALUES (new.deleted_at IS NOT NULL, new.status, new.channel, coalesce(new.primary_area, 0), new.station, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
END;
