-- Usage per token and UTC day (dev.tollgate.usage): requests served, and refused by reason (a level too low, an
-- address off the token's allow-list, an expired token or an old value past its grace), plus the day's busiest
-- client addresses ("203.0.113.7=120,10.0.0.1=4", at most 10). Written coalesced, one row per token per flush;
-- kept 90 days. REQUESTS_30D on API_TOKEN is the sum over the last 30 days, which the tokens table sorts by (each
-- direction its own index, as in V4); the flush keeps it exact for the tokens it writes, a daily pass for the rest.
CREATE TABLE TOKEN_USAGE (
    TOKEN_ID         BIGINT       NOT NULL,
    USAGE_DAY        DATE         NOT NULL,
    SERVED           BIGINT       DEFAULT 0 NOT NULL,
    REFUSED_LEVEL    BIGINT       DEFAULT 0 NOT NULL,
    REFUSED_ADDRESS  BIGINT       DEFAULT 0 NOT NULL,
    REFUSED_EXPIRED  BIGINT       DEFAULT 0 NOT NULL,
    TOP_ADDRESSES    VARCHAR(700),
    PRIMARY KEY (TOKEN_ID, USAGE_DAY)
);
CREATE INDEX TOKEN_USAGE_DAY ON TOKEN_USAGE (USAGE_DAY, TOKEN_ID);
ALTER TABLE API_TOKEN ADD COLUMN REQUESTS_30D BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX API_TOKEN_REQUESTS_ASC ON API_TOKEN (REQUESTS_30D ASC, ID ASC);
CREATE INDEX API_TOKEN_REQUESTS_DESC ON API_TOKEN (REQUESTS_30D DESC, ID DESC);
