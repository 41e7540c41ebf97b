CREATE TABLE concurrent_start_orders (id BIGINT PRIMARY KEY);
