package dev.dataapi.sql;

/**
 * The catalog database could not be migrated, read or written. The message says which; the cause
 * holds the driver's exception.
 */
public final class CatalogStoreException extends IllegalStateException {

    CatalogStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
