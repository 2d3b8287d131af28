-- Nothing to undo: merging the FTS5 segments changes no data.
SELECT 1;
