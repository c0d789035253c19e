package org.iopcare.support.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

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
        bundle.addLink().setRelation("self").setUrl(pageUrl(page.offset(), page.count()));
        if (page.offset() + matches.size() < total) {
            bundle.addLink().setRelation("next").setUrl(pageUrl(page.offset() + page.count(), page.count()));
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

    /**
     * The current search's URL for a page: the request's parameters as the server decoded them,
     * encoded once again ({@code patient=Patient%2F…}, {@code code=…%7C…}, a {@code +} offset as
     * {@code %2B}), so that a client can follow the link as it is.
     */
    private static String pageUrl(int offset, int count) {
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        StringJoiner query = new StringJoiner("&");
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("_offset") && !name.equals("_count")) {
                for (String value : values) {
                    query.add(form(name) + "=" + form(value));
                }
            }
        });
        query.add("_count=" + count).add("_offset=" + offset);
        return ServletUriComponentsBuilder.fromCurrentRequestUri()
                        .replaceQuery(null)
                        .build()
                        .toUriString() + "?" + query;
    }

    private static String form(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private String encode(Resource resource) {
        // versioned references (a Provenance names the CarePlan version it records) stay versioned
        return fhir.newJsonParser()
                .setPrettyPrint(false)
                .setStripVersionsFromReferences(false)
                .encodeResourceToString(resource);
    }
}
