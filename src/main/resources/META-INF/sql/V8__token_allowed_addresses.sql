-- Tokens that work only from listed addresses (IPv4 and IPv6 addresses and CIDR ranges, at most 50): the list in
-- its canonical form, comma-separated, NULL for any address; and its length, which the tokens table sorts and
-- filters by (each direction its own index, as in V4).
ALTER TABLE API_TOKEN ADD COLUMN ALLOWED_ADDRESSES VARCHAR(2500);
ALTER TABLE API_TOKEN ADD COLUMN ADDRESS_COUNT INTEGER DEFAULT 0 NOT NULL;
CREATE INDEX API_TOKEN_ADDRESSES_ASC ON API_TOKEN (ADDRESS_COUNT ASC, ID ASC);
CREATE INDEX API_TOKEN_ADDRESSES_DESC ON API_TOKEN (ADDRESS_COUNT DESC, ID DESC);
