-- The exception queue reads a return's order and customer from the event store (the return's first event) when an
-- exception of it is queued, instead of keeping a row for every return ever requested.
DROP TABLE exception_queue_return;
