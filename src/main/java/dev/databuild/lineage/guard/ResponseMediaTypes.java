package dev.databuild.lineage.guard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.graphql.MediaTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Accept negotiation of GraphQL over HTTP: the highest-quality acceptable type wins, parameters
 * such as charset do not matter, a wildcard gets application/json (what legacy clients and curl
 * expect), no Accept header gets application/graphql-response+json (the spec's default since
 * 2025), and nothing acceptable gets 406.
 */
final class ResponseMediaTypes {

    static final MediaType GRAPHQL_RESPONSE = MediaTypes.APPLICATION_GRAPHQL_RESPONSE;

    private ResponseMediaTypes() {
    }

    static MediaType negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return GRAPHQL_RESPONSE;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException ex) {
            throw notAcceptable(accept);
        }
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.getQualityValue() <= 0) {
                continue;
            }
            if (type.equalsTypeAndSubtype(GRAPHQL_RESPONSE)) {
                return GRAPHQL_RESPONSE;
            }
            if (type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON) || type.isWildcardType()
                    || "application".equals(type.getType()) && type.isWildcardSubtype()) {
                return MediaType.APPLICATION_JSON;
            }
        }
        throw notAcceptable(accept);
    }

    private static HttpProblem notAcceptable(String accept) {
        return new HttpProblem(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "Accept '" + accept
                + "' names no type this endpoint produces; accept application/graphql-response+json or application/json.");
    }
}
