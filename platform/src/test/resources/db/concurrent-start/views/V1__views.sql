CREATE TABLE concurrent_start_views (id BIGINT PRIMARY KEY);
