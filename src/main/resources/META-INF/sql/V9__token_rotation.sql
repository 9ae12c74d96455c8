-- Rotation with a grace period: the value a token had before its last rotation keeps working until PREVIOUS_UNTIL
-- (the digest and hint of that value, never the value). ROTATED_AT is when it was replaced, PREVIOUS_USED_AT when
-- the old value was last used since then, so that an admin can tell whether clients still send it. A look-up by
-- an old value goes through its own index; the digests of both columns are unique together (checked by Tokens).
ALTER TABLE API_TOKEN ADD COLUMN PREVIOUS_DIGEST VARCHAR(64);
ALTER TABLE API_TOKEN ADD COLUMN PREVIOUS_HINT VARCHAR(20);
ALTER TABLE API_TOKEN ADD COLUMN PREVIOUS_UNTIL TIMESTAMP;
ALTER TABLE API_TOKEN ADD COLUMN PREVIOUS_USED_AT TIMESTAMP;
ALTER TABLE API_TOKEN ADD COLUMN ROTATED_AT TIMESTAMP;
CREATE INDEX API_TOKEN_PREVIOUS_DIGEST ON API_TOKEN (PREVIOUS_DIGEST);
