-- V009: secure exchange. Per batch: what of the residents' contact details it carried (export.privacy code; NULL for
-- batches recorded before), whether it travelled encrypted, and (imports) the station whose signature was verified.

ALTER TABLE batch ADD COLUMN privacy TEXT CHECK (privacy IN ('by-consent', 'full', 'masked', 'none'));
ALTER TABLE batch ADD COLUMN encrypted INTEGER NOT NULL DEFAULT 0 CHECK (encrypted IN (0, 1));
ALTER TABLE batch ADD COLUMN signed_by TEXT;
