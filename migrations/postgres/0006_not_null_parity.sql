-- Nothing to do on PostgreSQL: SQLite's 0006 brings four columns to the NOT NULL they have here
-- since 0004. Kept so that both folders number their migrations alike.
SELECT 1;
