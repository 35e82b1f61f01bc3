package id.gapura.web.internal;

import javax.ws.rs.core.SecurityContext;
import java.util.Set;

/**
 * Someone the realm has authenticated: the user name, the roles the realm gives them, and how they proved who
 * they are ({@link SecurityContext#BASIC_AUTH} or {@link #BEARER}).
 */
public record Caller(String name, Set<String> roles, String scheme) {

    public static final String BEARER = "Bearer";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public Caller(String name, Set<String> roles) {
        this(name, roles, SecurityContext.BASIC_AUTH);
    }

    public Caller withScheme(String newScheme) {
        return new Caller(name, roles, newScheme);
    }
}
