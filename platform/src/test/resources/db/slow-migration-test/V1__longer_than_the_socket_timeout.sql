SELECT pg_sleep(1.5);
