-- A generated first-admin password has been in the server log: it must be replaced at the first sign-in.
ALTER TABLE ADMIN_ACCOUNT ADD COLUMN MUST_CHANGE_PASSWORD BOOLEAN DEFAULT FALSE NOT NULL;
