/**
 * The decisions of Data API, independent of any framework or database. Core decides who a caller
 * is (a token's SHA-256 against the catalog's keys), which endpoint a request means (only ever
 * within the key's company), whether its parameter values are acceptable (names, strict types,
 * constraints, required values, all problems reported together), what the key's share context
 * pins and forbids, and how a query's outcome becomes the consumer's answer without leaking
 * database detail. It also keeps the catalog served from memory ({@link dev.dataapi.core.CachedCatalog})
 * and checks the rules a catalog must meet as a whole ({@link dev.dataapi.core.CatalogValidator}).
 *
 * <p>Core depends on {@code dev.dataapi.ports} and the JDK only; adapters plug into its ports and
 * {@code app} wires them with plain constructors.
 */
package dev.dataapi.core;
