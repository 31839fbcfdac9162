package dev.dataapi.app;

/** A command cannot reach or migrate the catalog database; the message says which database and why. */
final class CatalogUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CatalogUnavailableException(String message) {
        super(message);
    }

    CatalogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
