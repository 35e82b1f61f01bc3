package id.gapura.web.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Authentication and authorization for every resource of the default application, the platform's and every
 * module's: HTTP Basic against the console's JAAS realm, or a bearer token issued by Gapura
 * ({@link TokenAuthenticator}), then the resource method's {@link AccessRule}. Without credentials a protected
 * endpoint answers 401, with wrong ones 401 (for a token, with {@code error="invalid_token"} and why), without a
 * listed role 403; a token in the query string ({@code access_token}) 400; anonymous calls to public endpoints
 * count against the client address's budget (429). Every refusal is problem+json. Bearer logins are reported to
 * the {@link LoginAudit}; password logins reach it through the realm's events.
 * <p>
 * It runs after matching, for whatever method JAX-RS chose, so a method it knows nothing about is admin only.
 * The JSON provider, which every resource requires, requires this filter: without it nothing is served.
 */
@Component(service = ContainerRequestFilter.class, scope = ServiceScope.PROTOTYPE)
@JaxrsExtension
@JaxrsName(AccessFilter.NAME)
@JaxrsApplicationSelect(ExtensionProperties.GAPURA_APPLICATIONS)
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {

    static final String NAME = "gapura.security";
    static final String CHALLENGE = "Basic realm=\"Gapura\", charset=\"UTF-8\"";
    static final String TOKEN_CHALLENGE = "Bearer realm=\"Gapura\", error=\"invalid_token\"";
    /** Query parameters that carry a bearer token in a URL (RFC 6750 2.3): refused outright. (Open311 prescribes its
     * api_key in the query string; that is the complaints module's business, not a Gapura login.) */
    static final Set<String> CREDENTIAL_PARAMETERS = Set.of("access_token");

    private record Target(Class<?> resource, Method method) {
    }

    private final JaasAuthenticator authenticator;
    private final ClientLimits limits;
    private final TokenAuthenticator tokens;
    private final LoginAudit audit;
    private final Map<Target, AccessRule> rules = new ConcurrentHashMap<>();

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private HttpServletRequest servletRequest;

    @Activate
    public AccessFilter(@Reference JaasAuthenticator authenticator, @Reference ClientLimits limits,
                        @Reference TokenAuthenticator tokens, @Reference LoginAudit audit) {
        this.authenticator = authenticator;
        this.limits = limits;
        this.tokens = tokens;
        this.audit = audit;
    }

    /** Without bearer tokens or login audit, for tests of the rest. */
    AccessFilter(JaasAuthenticator authenticator, ClientLimits limits) {
        this(authenticator, limits, null, null);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        AccessRule rule = rules.computeIfAbsent(
                new Target(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod()),
                target -> AccessRule.of(target.resource(), target.method()));
        String client = ClientLimits.clientKey(servletRequest.getRemoteAddr());
        boolean secure = "https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme());
        Response refusal = credentialsInUrl(request.getUriInfo().getQueryParameters().keySet());
        if (refusal == null) {
            refusal = check(rule, request.getHeaderString(HttpHeaders.AUTHORIZATION), client,
                    caller -> request.setSecurityContext(new CallerSecurityContext(caller, secure)));
        }
        if (refusal != null) {
            request.abortWith(refusal);
        }
    }

    /** The refusal for this call, or null when it may go on (having told {@code admitted} who calls). */
    Response check(AccessRule rule, String authorization, String client, Consumer<Caller> admitted) {
        if (authorization == null || authorization.isBlank()) {
            if (!rule.isPublic()) {
                return unauthorized("This endpoint needs credentials: send HTTP Basic authentication of a Gapura "
                        + "user (the users of the console).");
            }
            long wait = limits.publicRequest(client);
            return wait > 0 ? tooManyRequests(wait, "Too many requests from your address to public endpoints.")
                    : null;
        }
        Optional<String> bearer = bearer(authorization);
        if (bearer.isPresent() && tokens != null) {
            return checkToken(rule, bearer.get(), client, admitted);
        }
        Optional<String[]> credentials = basic(authorization);
        if (credentials.isEmpty()) {
            return unauthorized("Only HTTP Basic authentication (Authorization: Basic, base64 of user:password in "
                    + "UTF-8) and bearer tokens issued by Gapura (Authorization: Bearer) are accepted.");
        }
        long wait = limits.loginAttempt(client);
        if (wait > 0) {
            return tooManyRequests(wait, "Too many failed logins from your address.");
        }
        Optional<Caller> caller = authenticator.authenticate(credentials.get()[0], credentials.get()[1], client);
        if (caller.isEmpty()) {
            return unauthorized("The user name or password is wrong.");
        }
        limits.loginSucceeded(client);
        return authorize(rule, caller.get(), admitted);
    }

    /** A bearer token: issued by Gapura, active, its user still in the realm; then the rule as for Basic. */
    private Response checkToken(AccessRule rule, String secret, String client, Consumer<Caller> admitted) {
        long wait = limits.loginAttempt(client);
        if (wait > 0) {
            return tooManyRequests(wait, "Too many failed logins from your address.");
        }
        TokenAuthenticator.Result result = tokens.authenticate(secret);
        LoginAudit.Origin origin = new LoginAudit.Origin("rest-token", client);
        if (result.caller().isEmpty()) {
            if (result.refusal() == TokenAuthenticator.Refusal.UNAVAILABLE) {
                limits.loginSucceeded(client); // not the caller's fault
                return Problem.of(503, "Service unavailable", result.refusal().detail()).toResponse();
            }
            if (audit != null) {
                audit.failed(result.token() == null ? "anonymous" : result.token().user(), origin,
                        (result.token() == null ? "unknown token" : "token " + result.token().id()) + ": "
                                + result.refusal().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            }
            return Response.fromResponse(Problem.of(401, "Unauthorized", result.refusal().detail()).toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, TOKEN_CHALLENGE).build();
        }
        limits.loginSucceeded(client);
        Caller caller = result.caller().get().withScheme(Caller.BEARER);
        if (audit != null && caller.roles().contains(AccessRule.ADMIN)) {
            audit.succeeded(caller.name(), origin, "token " + result.token().id());
        }
        return authorize(rule, caller, admitted);
    }

    private Response authorize(AccessRule rule, Caller caller, Consumer<Caller> admitted) {
        admitted.accept(caller);
        if (!rule.admits(caller.roles())) {
            return Problem.of(403, "Forbidden", "User '" + caller.name() + "' has no role this endpoint "
                    + "requires (" + (rule.roles().isEmpty() ? "none may call it" : "one of: "
                    + String.join(", ", new TreeSet<>(rule.roles()))) + "). An administrator grants roles with "
                    + "jaas:role-add in the console.").toResponse();
        }
        return null;
    }

    /** 400 when the query string carries what looks like credentials: they would end up in logs and histories. */
    static Response credentialsInUrl(Set<String> queryParameters) {
        for (String name : queryParameters) {
            if (CREDENTIAL_PARAMETERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                return Problem.of(400, "Credentials in the URL", "Query parameter '" + name + "' is refused: "
                        + "credentials are never accepted in a URL, where logs and browser histories keep them. "
                        + "Send the token as a header: Authorization: Bearer <token>. If this token was sent to "
                        + "a server you do not trust, revoke it (DELETE /api/security/tokens/{id}).").toResponse();
            }
        }
        return null;
    }

    /** The token of a Bearer authorization header; empty when it is another scheme. */
    static Optional<String> bearer(String authorization) {
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Bearer")) {
            return Optional.empty();
        }
        return Optional.of(value.substring(space + 1).strip());
    }

    /** User and password of a Basic authorization header; empty when it is another scheme or malformed. */
    static Optional<String[]> basic(String authorization) {
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Basic")) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(value.substring(space + 1).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problem.of(401, "Unauthorized", detail).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }

    private static Response tooManyRequests(long seconds, String detail) {
        return Response.fromResponse(Problem.of(429, "Too many requests",
                        detail + " Retry after " + seconds + (seconds == 1 ? " second." : " seconds.")).toResponse())
                .header(HttpHeaders.RETRY_AFTER, seconds).build();
    }
}
