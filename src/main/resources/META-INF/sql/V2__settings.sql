-- Core settings: a small key/value store that the API writes and the console may show. KEY and VALUE are reserved
-- words in some databases, hence the prefixed column names.
CREATE TABLE SETTING (
    SETTING_KEY   VARCHAR(100)  NOT NULL PRIMARY KEY,
    SETTING_VALUE VARCHAR(4000) NOT NULL,
    VERSION       BIGINT        NOT NULL,
    CREATED_AT    TIMESTAMP     NOT NULL,
    UPDATED_AT    TIMESTAMP     NOT NULL
);
