package id.gapura.budgeting.rest;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A stopgap until the platform authenticates REST calls: for {@code /api/budgeting/} requests that carry HTTP
 * Basic credentials and have no authenticated caller yet, logs the user in against Karaf's {@code karaf} JAAS
 * realm (etc/users.properties) and names them with their roles in the request's {@link SecurityContext}.
 * Once the platform sets the caller itself this filter finds a principal and does nothing; then delete it.
 * Bad credentials leave the caller anonymous, which the budget resources answer with 401.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("budgeting.basic-auth")
@JaxrsApplicationSelect("(osgi.jaxrs.name=.default)")
public class BasicAuthBridge implements ContainerRequestFilter {

    private static final String REALM = "karaf";

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().replaceFirst("^/", "").startsWith("api/budgeting")) {
            return;
        }
        SecurityContext existing = request.getSecurityContext();
        if (existing != null && existing.getUserPrincipal() != null) {
            return;
        }
        String header = request.getHeaderString("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String user = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        Subject subject = new Subject();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
            LoginContext login = new LoginContext(REALM, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback secret) {
                        secret.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            login.login();
        } catch (LoginException e) {
            return;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        Set<String> roles = subject.getPrincipals().stream()
                .filter(principal -> principal.getClass().getSimpleName().equals("RolePrincipal"))
                .map(Principal::getName).collect(Collectors.toUnmodifiableSet());
        boolean secure = existing != null && existing.isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> user;
            }

            @Override
            public boolean isUserInRole(String role) {
                return roles.contains(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return SecurityContext.BASIC_AUTH;
            }
        });
    }
}
