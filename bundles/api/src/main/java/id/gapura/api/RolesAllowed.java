package id.gapura.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call a REST resource class or method; holding any one of them is enough. An annotation
 * on a method replaces the one on its class. A resource method with neither this nor {@link Public} (on
 * itself or its class) is for {@code admin} only: the platform denies by default.
 * <p>
 * Callers without credentials get 401, callers without a listed role 403, both as
 * {@code application/problem+json}. Inside the method, {@code @Context SecurityContext} names the caller.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RolesAllowed {

    /** Role names, such as {@code admin} or a role the module declares in {@code Gapura-Module-Roles}. */
    String[] value();
}
