-- B/C follow-up result (issue 13): once the date a B (正在解决) or C (列入计划) reply promised has passed, what
-- happened: done (已解决), still (仍在解决, possibly with a new promised date), dropped (不再解决); its note and date.
-- Part of the handling case, so it travels in handling batches and keeps its history like every other field.
ALTER TABLE handling_case ADD COLUMN followup_result TEXT CHECK (followup_result IN ('done', 'still', 'dropped'));
ALTER TABLE handling_case ADD COLUMN followup_note TEXT;
ALTER TABLE handling_case ADD COLUMN followup_date TEXT;
