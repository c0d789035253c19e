package org.iopcare.support.fhir;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Resource;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.caseload.Caseload.Rule;
import org.iopcare.support.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;

/**
 * The two interactions of the FHIR read API, with its access rules in their order: the token's
 * SMART scopes first (they need no data), then the caseload rule, which answers 404 for a client
 * the caller may not see and records the disclosure in the audit trail before anything is built.
 */
public class FhirReads {

    private final Caseload caseload;
    private final FhirResponses responses;

    FhirReads(Caseload caseload, FhirResponses responses) {
        this.caseload = caseload;
        this.responses = responses;
    }

    /**
     * Lets the caller read resources of this type about this client, or throws 403/404; a 404
     * names {@code what}, the same as for a resource that does not exist.
     */
    private void allow(String type, @Nullable UUID client, Rule rule, String what) {
        SmartScopes.require(type, client);
        caseload.require(client, rule, what);
    }

    /**
     * {@code GET [type]/[id]}: {@code client} is the client the id belongs to (null when there is
     * none: 404), {@code load} builds that client's resources of the type.
     */
    public <R extends Resource> ResponseEntity<String> read(
            String type, @Nullable UUID client, Rule rule, Function<UUID, List<R>> load, String id) {
        if (client == null) {
            throw ProblemException.notFound(type);
        }
        allow(type, client, rule, type);
        return load.apply(client).stream()
                .filter(r -> r.getIdPart().equalsIgnoreCase(id))
                .findFirst()
                .map(responses::resource)
                .orElseThrow(() -> ProblemException.notFound(type));
    }

    /**
     * {@code GET [type]?patient=…}: the patient's resources of the type that match, one page; a
     * patient the service does not {@code known} is a 404 like one the caller may not see. The
     * caller has parsed its other parameters (date, code) already, so a malformed one is refused before access
     * is checked.
     */
    public <R extends Resource> ResponseEntity<String> search(
            String type,
            SearchParams params,
            Rule rule,
            Predicate<UUID> known,
            Function<UUID, List<R>> load,
            Predicate<R> matches) {
        UUID client = FhirSearch.patient(params.patient());
        FhirSearch.Page page = FhirSearch.page(params._count(), params._offset());
        SmartScopes.require(type, client);
        if (!known.test(client)) {
            // the same answer as for a patient the caller may not see
            throw ProblemException.notFound("Patient");
        }
        caseload.require(client, rule, "Patient");
        List<R> found = load.apply(client).stream().filter(matches).toList();
        List<R> slice = found.stream().skip(page.offset()).limit(page.count()).toList();
        return responses.searchset(slice, found.size(), page);
    }
}
