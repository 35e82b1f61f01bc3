package id.gapura.web.internal;

import javax.ws.rs.core.SecurityContext;
import java.security.Principal;

/** What a resource sees through {@code @Context SecurityContext} once the caller has logged in. */
final class CallerSecurityContext implements SecurityContext {

    private record Named(String name) implements Principal {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final Caller caller;
    private final boolean secure;

    CallerSecurityContext(Caller caller, boolean secure) {
        this.caller = caller;
        this.secure = secure;
    }

    @Override
    public Principal getUserPrincipal() {
        return new Named(caller.name());
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller.roles().contains(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return caller.scheme();
    }
}
