-- Accounts are disabled, never erased: the audit log and the opinions' history keep naming them.
ALTER TABLE app_user ADD COLUMN disabled_at TEXT;
