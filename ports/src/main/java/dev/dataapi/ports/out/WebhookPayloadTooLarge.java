package dev.dataapi.ports.out;

/**
 * Thrown by a {@link WebhookPayloadEncoder} whose body would exceed its limit. The delivery then
 * fails at once without sending anything: another attempt would build the same body. The result
 * stays readable with {@code GET …/jobs/{job_id}}, which streams it.
 */
public final class WebhookPayloadTooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The limit the body would have exceeded, in bytes. */
    private final long limitBytes;

    /**
     * A body over {@code limitBytes}.
     *
     * @param limitBytes the encoder's limit, in bytes
     */
    public WebhookPayloadTooLarge(long limitBytes) {
        super("the webhook body would be larger than " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    /**
     * The limit the body would have exceeded.
     *
     * @return bytes
     */
    public long limitBytes() {
        return limitBytes;
    }
}
