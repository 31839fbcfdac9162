package dev.dataapi.core;

import dev.dataapi.ports.Company;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.in.ParameterProblem;
import dev.dataapi.ports.out.CallbackAddressPolicy;
import dev.dataapi.ports.out.CompanyLookup;
import java.util.Optional;

/**
 * Everything an async execution's {@code callback_url} must pass before a job is stored, so that a
 * callback that could never be delivered is refused while the consumer is still listening: the URL's
 * form, a signing secret on the endpoint's company (an unsigned webhook cannot be trusted, so none is
 * sent), then the addresses its host resolves to.
 *
 * <p>The secret is checked before the address because the address check may look the host up in DNS,
 * and a request that cannot get a callback anyway should not make this service resolve a name of
 * the caller's choosing.
 */
final class CallbackChecks {
    /** The problem code of a URL whose host resolves to an address callbacks may not reach. */
    static final String REFUSED_ADDRESS = "REFUSED_ADDRESS";
    /** The problem code of a callback for a company that has no webhook signing secret. */
    static final String NO_WEBHOOK_SECRET = "NO_WEBHOOK_SECRET";
    static final String NO_SECRET_MESSAGE =
            "callbacks need a webhook signing secret on the company; ask the endpoint's owner";

    private final CallbackUrlPolicy form;
    private final CallbackAddressPolicy addresses;
    private final CompanyLookup companies;

    CallbackChecks(CallbackUrlPolicy form, CallbackAddressPolicy addresses, CompanyLookup companies) {
        this.form = form;
        this.addresses = addresses;
        this.companies = companies;
    }

    /** What is wrong with {@code callbackUrl} for a job of {@code company}; empty when it may be used. */
    Optional<ParameterProblem> check(String callbackUrl, CompanyId company) {
        Optional<ParameterProblem> badForm = form.check(callbackUrl);
        if (badForm.isPresent()) {
            return badForm;
        }
        if (companies.findCompany(company).flatMap(Company::webhookSecret).isEmpty()) {
            return Optional.of(new ParameterProblem(HttpsCallbackUrlPolicy.FIELD, NO_WEBHOOK_SECRET, NO_SECRET_MESSAGE));
        }
        return addresses.refusal(callbackUrl)
                .map(refusal -> new ParameterProblem(HttpsCallbackUrlPolicy.FIELD, REFUSED_ADDRESS, refusal));
    }
}
