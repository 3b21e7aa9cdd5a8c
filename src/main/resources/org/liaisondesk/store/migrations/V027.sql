-- V027: one text fold for search, the similarity index and the tagger (model.TextFold: each character's NFKC form
-- where it is a single character, Latin letters in lower case), so 3号楼 finds ３号楼. Searches now confirm their
-- candidates with search_fold(text); the texts the new fold changes are indexed again here, the others are unchanged.
DELETE FROM search_fts WHERE rowid IN
    (SELECT d.docid FROM search_doc d JOIN opinion o ON o.id = d.opinion_id WHERE search_refolds(o.text));
INSERT INTO search_fts (rowid, bi, ch)
    SELECT d.docid, search_bigrams(o.text), search_chars(o.text)
    FROM search_doc d JOIN opinion o ON o.id = d.opinion_id WHERE search_refolds(o.text);
