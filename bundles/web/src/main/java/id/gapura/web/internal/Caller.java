package id.gapura.web.internal;

import java.util.Set;

/** Someone the realm has authenticated: the user name and the roles the realm gives them. */
public record Caller(String name, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }
}
