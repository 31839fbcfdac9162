package dev.dataapi.http;

import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.in.Quota;
import dev.dataapi.ports.in.RequestFacts;

import java.util.Optional;

/** What a use case learns about a request, at each depth it can get to. */
final class Facts {

    static final String KEY_ID = "acme-partner";
    static final String COMPANY = "acme";
    static final String PARAMETERS_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    /** 100 requests a minute, 99 of them left, full again in 1 s. */
    static final Quota QUOTA = new Quota("per-key", 100, 60, 99, 1);

    private Facts() {
    }

    /** An authenticated key with a quota, before its endpoint was resolved. */
    static RequestFacts authenticated(Quota quota) {
        return RequestFacts.none().withKey(KEY_ID, new CompanyId(COMPANY)).withQuota(Optional.of(quota));
    }

    /** Everything: key, quota, the endpoint of {@link Jobs#ENDPOINT} and the parameters' hash. */
    static RequestFacts complete(Optional<Quota> quota) {
        return RequestFacts.none().withKey(KEY_ID, new CompanyId(COMPANY)).withQuota(quota)
                .withEndpoint(Jobs.ENDPOINT).withParametersHash(PARAMETERS_SHA256);
    }
}
