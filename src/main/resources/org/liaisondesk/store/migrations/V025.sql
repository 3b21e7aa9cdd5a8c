-- Opinions made by `generate` (demonstration and benchmark data) carry a mark, so they can be told from residents'
-- real opinions: stats count them apart, and a station's export leaves them out unless the database is a
-- demonstration database (see GenerateService and ExchangeRepository).
ALTER TABLE opinion ADD COLUMN generated INTEGER NOT NULL DEFAULT 0 CHECK (generated IN (0, 1));

-- Before this mark, `generate` only counted its opinions (setting generate.opinions). Where that count covers every
-- opinion of the database, all of them are generated; otherwise which ones are cannot be known and none is marked.
UPDATE opinion SET generated = 1
 WHERE (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'generate.opinions') >= (SELECT count(*) FROM opinion);

-- Counting generated opinions (stats) reads only them; real opinions, the vast majority, never enter this index.
CREATE INDEX opinion_generated ON opinion (generated) WHERE generated = 1;
