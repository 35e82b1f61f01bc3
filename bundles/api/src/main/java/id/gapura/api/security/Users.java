package id.gapura.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The region's user accounts as the login realm holds them, read only: a module that records a user name
 * (a liaison officer, a planner of an agency) checks that such a user exists. The platform registers it; a
 * module takes it as an optional reference and checks only the name's form while it is absent.
 */
@ProviderType
public interface Users {

    /**
     * Whether a user of exactly this name can log in.
     *
     * @throws IllegalStateException when the realm cannot be read (a module then checks the name's form only)
     */
    boolean exists(String name);
}
