package dev.dataapi.ports;

/** What an API key may do. A key holds a subset of these. */
public enum Permission {
    /** Run an endpoint: {@code POST …/execute}. */
    EXECUTE("data_api:execute"),
    /** Read an async job: {@code GET …/jobs/{job_id}}. */
    GET_JOB("data_api:get_job");

    private final String wireName;

    Permission(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name used in catalog files and on the command line.
     *
     * @return e.g. {@code data_api:execute}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name; throws naming the accepted values otherwise.
     *
     * @param value e.g. {@code data_api:get_job}
     * @return the permission
     * @throws IllegalArgumentException when {@code value} names no permission
     */
    public static Permission fromWire(String value) {
        for (Permission permission : values()) {
            if (permission.wireName.equals(value)) {
                return permission;
            }
        }
        throw new IllegalArgumentException("permission must be 'data_api:execute' or 'data_api:get_job', got " + Names.quote(value));
    }
}
