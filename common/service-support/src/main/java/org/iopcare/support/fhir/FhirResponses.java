package org.iopcare.support.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Writes resources and search bundles as FHIR JSON ({@code application/fhir+json}) with the
 * shared {@link FhirContext}'s parser. Errors are not FHIR: they stay RFC 9457 problems like the
 * rest of the API (docs/adr/0006).
 */
public class FhirResponses {

    public static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");

    private final FhirContext fhir;

    FhirResponses(FhirContext fhir) {
        this.fhir = fhir;
    }

    /** One resource. */
    public ResponseEntity<String> resource(Resource resource) {
        return ResponseEntity.ok().contentType(FHIR_JSON).body(encode(resource));
    }

    /**
     * A page of a search: {@code matches} are the page's resources (already disclosed to the
     * audit trail), {@code total} all matches; a next link when more follow.
     */
    public ResponseEntity<String> searchset(List<? extends Resource> matches, long total, FhirSearch.Page page) {
        Bundle bundle = new Bundle();
        bundle.setType(BundleType.SEARCHSET);
        bundle.setTotal((int) Math.min(Integer.MAX_VALUE, total));
        String base = base();
        UriComponentsBuilder self = ServletUriComponentsBuilder.fromCurrentRequest();
        bundle.addLink().setRelation("self").setUrl(self.toUriString());
        if (page.offset() + matches.size() < total) {
            bundle.addLink()
                    .setRelation("next")
                    .setUrl(self.replaceQueryParam("_offset", page.offset() + page.count())
                            .replaceQueryParam("_count", page.count())
                            .toUriString());
        }
        for (Resource match : matches) {
            bundle.addEntry()
                    .setFullUrl(base + "/" + match.fhirType() + "/" + match.getIdPart())
                    .setResource(match)
                    .getSearch()
                    .setMode(SearchEntryMode.MATCH);
        }
        return ResponseEntity.ok().contentType(FHIR_JSON).body(encode(bundle));
    }

    /** The service's FHIR base URL as the caller reached it. */
    public static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/fhir")
                .toUriString();
    }

    private String encode(Resource resource) {
        // versioned references (a Provenance names the CarePlan version it records) stay versioned
        return fhir.newJsonParser()
                .setPrettyPrint(false)
                .setStripVersionsFromReferences(false)
                .encodeResourceToString(resource);
    }
}
