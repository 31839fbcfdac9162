package dev.dataapi.ports.out;

import dev.dataapi.ports.Company;
import dev.dataapi.ports.CompanyId;
import java.util.Optional;

/** Finds a company, e.g. for its webhook signing secret. Thread-safe and fast (served from memory). */
public interface CompanyLookup {

    /**
     * The company, when it exists.
     *
     * @param id the company's id
     * @return the company, or empty
     */
    Optional<Company> findCompany(CompanyId id);
}
