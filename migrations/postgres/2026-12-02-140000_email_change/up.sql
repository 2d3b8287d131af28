-- Changing one's address (PostgreSQL; keep equivalent to the SQLite migration of the same name): the
-- confirmation link sent to the new address carries it, and the address changes only when that
-- link is followed. Such a link is the verification of an address (purpose 'verify_email') with a
-- new address; the account's own verification links have none.
ALTER TABLE email_tokens ADD COLUMN new_email TEXT;
