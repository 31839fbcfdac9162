package dev.dataapi.jobs;

/**
 * Where a result writer cuts its chunks. A chunk is written once it holds {@code targetBytes} of
 * encoded rows or {@code maxRows} rows, whichever comes first, and never grows past
 * {@code maxDocumentBytes} (MongoDB's document limit); a single row that cannot fit in a chunk on
 * its own fails the job.
 *
 * @param targetBytes      encoded row bytes after which a chunk is written
 * @param maxRows          rows after which a chunk is written
 * @param maxDocumentBytes the largest document MongoDB accepts
 */
record ChunkLimits(long targetBytes, int maxRows, long maxDocumentBytes) {
    /** MongoDB's maximum BSON document size (16 MiB). */
    static final long MONGODB_MAX_DOCUMENT_BYTES = 16L * 1024 * 1024;

    /** Chunks of about 4 MiB keep memory low while reading and writing and leave headroom for one wide row. */
    static final ChunkLimits DEFAULT = new ChunkLimits(4L * 1024 * 1024, 1000, MONGODB_MAX_DOCUMENT_BYTES);

    ChunkLimits {
        if (targetBytes < 1) {
            throw new IllegalArgumentException("'targetBytes' must be positive");
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("'maxRows' must be positive");
        }
        if (maxDocumentBytes < targetBytes) {
            throw new IllegalArgumentException("'maxDocumentBytes' must be at least 'targetBytes'");
        }
    }
}
