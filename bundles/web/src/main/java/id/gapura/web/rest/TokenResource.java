package id.gapura.web.rest;

import id.gapura.api.AuditLog;
import id.gapura.api.AuditOutcome;
import id.gapura.api.ProblemException;
import id.gapura.api.RestApplications;
import id.gapura.api.RolesAllowed;
import id.gapura.api.spi.AccessToken;
import id.gapura.api.spi.AccessTokens;
import id.gapura.api.spi.IssuedToken;
import id.gapura.web.internal.AccessRule;
import id.gapura.web.internal.Caller;
import id.gapura.web.internal.TokenAuthenticator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Bearer tokens for scripts and front-ends, each user for themselves: {@code POST /api/security/tokens} (with
 * HTTP Basic: a token cannot beget tokens) issues one and shows it once; {@code GET} lists the caller's tokens;
 * {@code DELETE /api/security/tokens/{id}} revokes one of them (an administrator may revoke anyone's).
 * Administrators issue tokens for others with {@code token:issue} in the console.
 */
@Component(service = TokenResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=" + RestApplications.PLATFORM + ")")
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("security/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(AccessRule.ANY_AUTHENTICATED)
public class TokenResource {

    /** What a caller may ask: a label, and a validity shorter than the default. */
    public record TokenRequest(String label, Long expiresInSeconds) {
    }

    /** A token as listed: never the token itself. */
    public record TokenView(String id, String user, String label, String status, Instant createdAt,
                            String createdBy, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

        static TokenView of(AccessToken token, Instant now) {
            return new TokenView(token.id(), token.user(), token.label(),
                    token.status(now).name().toLowerCase(Locale.ROOT), token.createdAt(), token.createdBy(),
                    token.expiresAt(), token.revokedAt(), token.lastUsedAt());
        }
    }

    /** A token just issued: the only time its secret is shown. */
    public record IssuedView(String token, String id, String user, String label, Instant createdAt,
                             Instant expiresAt) {
    }

    private final AccessTokens tokens;
    private final TokenAuthenticator authenticator;
    private volatile AuditLog audit;

    @Activate
    public TokenResource(@Reference AccessTokens tokens, @Reference TokenAuthenticator authenticator) {
        this.tokens = tokens;
        this.authenticator = authenticator;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setAudit(AuditLog audit) {
        this.audit = audit;
    }

    void unsetAudit(AuditLog audit) {
        if (this.audit == audit) {
            this.audit = null;
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(TokenRequest request, @Context SecurityContext security) {
        String user = security.getUserPrincipal().getName();
        if (Caller.BEARER.equals(security.getAuthenticationScheme())) {
            throw ProblemException.forbidden("A bearer token cannot be used to issue tokens: ask for one with your "
                    + "user name and password (HTTP Basic), so that a stolen token cannot outlive its own expiry.");
        }
        Duration validity = null;
        if (request != null && request.expiresInSeconds() != null) {
            validity = Duration.ofSeconds(request.expiresInSeconds());
        }
        IssuedToken issued;
        try {
            issued = tokens.issue(user, request == null ? null : request.label(), validity, user);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage() + " Leave expiresInSeconds out for the default of "
                    + tokens.defaultValidity().toHours() + " hours.");
        }
        AccessToken token = issued.token();
        record(user, "security.token.issue", token, "issued for " + user + " (" + token.label() + ") over REST, "
                + "valid until " + token.expiresAt());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(Response.Status.CREATED).cacheControl(noStore)
                .entity(new IssuedView(issued.secret(), token.id(), token.user(), token.label(), token.createdAt(),
                        token.expiresAt())).build();
    }

    @GET
    public List<TokenView> list(@Context SecurityContext security) {
        Instant now = Instant.now();
        return tokens.list(security.getUserPrincipal().getName()).stream().map(t -> TokenView.of(t, now)).toList();
    }

    @DELETE
    @Path("/{id}")
    public TokenView revoke(@PathParam("id") String id, @Context SecurityContext security) {
        String user = security.getUserPrincipal().getName();
        AccessToken token = tokens.get(id)
                .filter(found -> found.user().equals(user) || security.isUserInRole(AccessRule.ADMIN))
                .orElseThrow(() -> ProblemException.notFound("You have no token '" + id + "'; GET "
                        + "/api/security/tokens lists yours."));
        AccessToken revoked = tokens.revoke(token.id(), user).orElse(token);
        authenticator.forget(revoked.id());
        record(user, "security.token.revoke", revoked, "revoked the token of " + revoked.user() + " ("
                + revoked.label() + ") over REST");
        return TokenView.of(revoked, Instant.now());
    }

    private void record(String actor, String action, AccessToken token, String detail) {
        AuditLog log = audit;
        if (log != null) {
            log.record(actor, action, null, "token " + token.id(), AuditOutcome.SUCCEEDED, detail);
        }
    }
}
