package dev.databuild.lineage.guard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Write access (POST /api/events, /api/admin/**, any other non-GET /api call) needs the write token
 * when one is set; reads (/graphql, /graphql/schema, GET /api/**, actuator endpoints other than
 * health) need the read or the write token when a read token is set. GraphiQL, static assets,
 * /actuator/health and CORS preflights stay open. Missing token: 401 with WWW-Authenticate: Bearer;
 * a token that does not grant the access: 403. Nothing here logs a header.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BearerTokenFilter extends OncePerRequestFilter {

    private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");

    private static final String REALM = "Bearer realm=\"databuild-lineage\"";

    enum Access { OPEN, READ, WRITE }

    private final AccessTokens tokens;
    private final String graphQlPath;

    BearerTokenFilter(AccessTokens tokens, GraphQlProperties graphQl) {
        this.tokens = tokens;
        this.graphQlPath = graphQl.getHttp().getPath();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Access needed = access(request.getMethod(), path(request));
        boolean protectedHere = needed == Access.WRITE ? tokens.writeProtected() : needed == Access.READ && tokens.readProtected();
        if (!protectedHere) {
            chain.doFilter(request, response);
            return;
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            refuse(request, response, new HttpProblem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                    "This endpoint needs 'Authorization: Bearer <token>'").header("WWW-Authenticate", REALM));
            return;
        }
        String token = header.substring(7).trim();
        boolean granted = tokens.isWriteToken(token) || needed == Access.READ && tokens.isReadToken(token);
        if (!granted) {
            String reason = tokens.isReadToken(token) ? "The token grants read access only; this endpoint writes"
                    : "The bearer token is not valid for this endpoint";
            String error = tokens.isReadToken(token) ? "insufficient_scope" : "invalid_token";
            refuse(request, response, new HttpProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", reason)
                    .header("WWW-Authenticate", REALM + ", error=\"" + error + "\""));
            return;
        }
        chain.doFilter(request, response);
    }

    Access access(String method, String path) {
        if ("OPTIONS".equals(method)) {
            return Access.OPEN;
        }
        if (path.startsWith("/api/")) {
            boolean read = ("GET".equals(method) || "HEAD".equals(method)) && !path.startsWith("/api/admin/");
            return read ? Access.READ : Access.WRITE;
        }
        if (path.equals(graphQlPath) || path.startsWith(graphQlPath + "/")
                || path.startsWith("/actuator/") && !path.equals("/actuator/health") && !path.startsWith("/actuator/health/")) {
            return Access.READ;
        }
        return Access.OPEN;
    }

    /**
     * The decoded, normalized path the dispatcher maps, with repeated slashes collapsed (compiling
     * that pattern for every request was 1% of a small view's time, so only paths that need it do).
     */
    private static String path(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.contains("//") ? REPEATED_SLASHES.matcher(path).replaceAll("/") : path;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpProblem problem) throws IOException {
        boolean graphQl = path(request).equals(graphQlPath);
        byte[] body = graphQl ? problem.graphQlBody() : problem.apiBody();
        response.setStatus(problem.status().value());
        problem.headers().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
