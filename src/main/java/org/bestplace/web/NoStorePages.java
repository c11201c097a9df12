package org.bestplace.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Pages with case data (ward lists, review forms, debriefs, results, case lists) are sent
 * {@code Cache-Control: no-store}: on a shared tablet, going back after sign-out must not bring
 * the previous person's review out of the browser's cache. The service worker keeps its own copy
 * for the offline form and drops it at sign-out.
 */
public class NoStorePages {

    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        MediaType type = response.getMediaType();
        if ((path.startsWith("/audits") || path.startsWith("/comparisons")) && type != null
                && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
