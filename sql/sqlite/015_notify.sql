-- 015: nothing on SQLite. The PostgreSQL twin (sql/postgres/015_notify.sql)
-- announces every change of score_generation with NOTIFY, PostgreSQL's way
-- of telling other processes that something committed; SQLite's data
-- version is the WAL-index header every commit rewrites (store_sqlite.c),
-- read from shared memory: there is nothing to add to the schema. The
-- version number stays the same on both engines.
SELECT 1;
