-- Issue 12: a process's state (about 3 kB of JSON late in a return, 1.6 kB compressed) went over PostgreSQL's 2 kB
-- TOAST threshold, so many of its writes also inserted and deleted out-of-line chunks. STORAGE MAIN on every
-- variable-length column keeps the row whole: the state is compressed in the row, and nothing is moved out of line
-- unless a row would not fit in a page at all. (MAIN on the state alone is not enough: PostgreSQL first moves the
-- other columns, the return id and the correlation, out of line before it compresses a MAIN column.)
-- Takes effect for every row written from now on.
ALTER TABLE return_process
    ALTER COLUMN state SET STORAGE MAIN,
    ALTER COLUMN return_id SET STORAGE MAIN,
    ALTER COLUMN correlation SET STORAGE MAIN;
