package io.omnireturns.platform.database;

/**
 * One module's share of the schema: its Flyway location and its own history table, so the command side,
 * the query side and Axon's infrastructure tables evolve independently in one database.
 * Lower {@code order} migrates first.
 */
public record SchemaMigration(String name, String location, String historyTable, int order) {
}
