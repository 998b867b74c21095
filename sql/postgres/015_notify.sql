-- 015: every change of the generation row is announced (issue 12, point 2:
-- the data version by PostgreSQL's own means). A statement that updates
-- score_generation (the gen bump of 004/010 and the shared bump of 014, in
-- every write transaction a cache or a session depends on) also runs
-- pg_notify('dti_generation') in the same transaction: PostgreSQL delivers
-- it once per committed transaction (duplicates folded, nothing for a
-- rollback) to every connection of this database LISTENing on the channel
-- (NOTIFY is scoped to the database: one channel per database). Each dti
-- process listens on one connection and answers store_data_version from the
-- count it receives (src/store/store_pg_notify.c, which says the window
-- between a COMMIT and the notification's arrival and why it is acceptable).
CREATE FUNCTION score_gen_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('dti_generation', '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER score_gen_notify AFTER UPDATE ON score_generation FOR EACH STATEMENT EXECUTE FUNCTION score_gen_notify();
