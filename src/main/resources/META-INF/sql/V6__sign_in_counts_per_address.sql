-- The sign-in lockout counts recent failed sign-ins per client address too (all names tried from one address).
CREATE INDEX AUDIT_RECORD_CLIENT_ACTION ON AUDIT_RECORD (CLIENT_IP, ACTION_KIND, OCCURRED_AT);
