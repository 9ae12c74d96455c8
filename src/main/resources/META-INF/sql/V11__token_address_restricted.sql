-- Whether a token works only from listed addresses (1) or from any (0), kept beside ADDRESS_COUNT for the tokens table's filter.
-- The filter compares this column for equality, with the name as the second column of its index, so that "any
-- address" sorted by name reads ten rows of the index. A filter on ADDRESS_COUNT could not: Derby estimates an
-- equality as 1 / (distinct values), so with counts 0..50 it guessed "= 0" matched a few thousand of 100,000 rows
-- (when it matched nearly all) and sorted them all (1.4 s at p95 in bench/run). Two values keep its estimate honest.
-- 1 or 0 rather than a BOOLEAN: EclipseLink binds a Java boolean to Derby as an integer, which a BOOLEAN column refuses.
ALTER TABLE API_TOKEN ADD COLUMN ADDRESS_RESTRICTED SMALLINT DEFAULT 0 NOT NULL;
UPDATE API_TOKEN SET ADDRESS_RESTRICTED = 1 WHERE ADDRESS_COUNT > 0;
CREATE INDEX API_TOKEN_RESTRICTED_ASC ON API_TOKEN (ADDRESS_RESTRICTED ASC, NAME_KEY ASC);
CREATE INDEX API_TOKEN_RESTRICTED_DESC ON API_TOKEN (ADDRESS_RESTRICTED DESC, NAME_KEY DESC);
