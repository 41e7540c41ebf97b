-- The service nodes sharing this database (ClusterNodes in io.omnireturns.platform.cluster): each upserts its row every
-- omnireturns.cluster.heartbeat and deletes it on a clean shutdown; a row silent for omnireturns.cluster.node-timeout
-- is a node that is gone. node_id is the owner the node writes into tokenentry, so claims and nodes can be matched.
-- The times are the database's own (now()), so the nodes' clocks need not agree.
CREATE TABLE cluster_node (
    node_id      VARCHAR(255) NOT NULL,
    host         VARCHAR(255),
    pid          BIGINT,
    processors   TEXT[]       NOT NULL,
    started_at   TIMESTAMPTZ  NOT NULL,
    heartbeat_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT cluster_node_pk PRIMARY KEY (node_id)
);
