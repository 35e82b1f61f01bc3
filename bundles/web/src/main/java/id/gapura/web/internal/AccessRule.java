package id.gapura.web.internal;

import id.gapura.api.Public;
import id.gapura.api.RolesAllowed;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may call one resource method, read from {@link Public} and {@link RolesAllowed}.
 * <ul>
 * <li>An annotation on the method (or on the method it overrides or implements) replaces the one on the class.</li>
 * <li>On the class, the resource class counts first, then its superclasses, then the class that declares the
 * method.</li>
 * <li>Neither anywhere: {@code admin} only (deny by default), {@link #defaulted()} tells so.</li>
 * <li>Both on the same element: {@link RolesAllowed} wins, the stricter of the two.</li>
 * <li>{@code @RolesAllowed({})}: nobody, every caller gets 403.</li>
 * <li>{@code @RolesAllowed("**")}: every authenticated caller, whatever their roles.</li>
 * </ul>
 *
 * @param isPublic  anyone may call it, without credentials
 * @param roles     holding any one of these is enough (empty when public)
 * @param defaulted no annotation applies: the platform's default, admin only
 */
public record AccessRule(boolean isPublic, Set<String> roles, boolean defaulted) {

    public static final String ADMIN = "admin";
    /** In {@code @RolesAllowed}: any authenticated user, whatever their roles (as in Jakarta Security). */
    public static final String ANY_AUTHENTICATED = "**";

    public static final AccessRule PUBLIC = new AccessRule(true, Set.of(), false);
    public static final AccessRule ADMIN_BY_DEFAULT = new AccessRule(false, Set.of(ADMIN), true);

    public AccessRule {
        roles = Set.copyOf(roles);
    }

    static AccessRule roles(String... roles) {
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(roles).map(String::strip).filter(role -> !role.isEmpty()).forEach(names::add);
        return new AccessRule(false, names, false);
    }

    /** Whether a caller with these roles may call the method; public methods admit everyone. */
    public boolean admits(Set<String> callerRoles) {
        return isPublic || roles.contains(ANY_AUTHENTICATED) || roles.stream().anyMatch(callerRoles::contains);
    }

    /** The rule for a resource method as JAX-RS dispatches it: the resource class and the method it invokes. */
    public static AccessRule of(Class<?> resourceClass, Method method) {
        if (method == null) {
            return ADMIN_BY_DEFAULT;
        }
        Class<?> type = resourceClass != null ? resourceClass : method.getDeclaringClass();
        for (Method candidate : sameMethodIn(type, method)) {
            AccessRule rule = declaredOn(candidate);
            if (rule != null) {
                return rule;
            }
        }
        for (Class<?> candidate : classesOf(type, method)) {
            AccessRule rule = declaredOn(candidate);
            if (rule != null) {
                return rule;
            }
        }
        return ADMIN_BY_DEFAULT;
    }

    private static AccessRule declaredOn(AnnotatedElement element) {
        RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
        if (roles != null) {
            return roles(roles.value());
        }
        return element.isAnnotationPresent(Public.class) ? PUBLIC : null;
    }

    /** The method itself, then what it overrides in superclasses, then what it implements in interfaces. */
    private static List<Method> sameMethodIn(Class<?> type, Method method) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            addDeclared(methods, c, method);
        }
        addDeclared(methods, method.getDeclaringClass(), method);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Class<?> api : c.getInterfaces()) {
                addDeclared(methods, api, method);
            }
        }
        return methods;
    }

    private static void addDeclared(List<Method> methods, Class<?> type, Method method) {
        try {
            Method declared = type.getDeclaredMethod(method.getName(), method.getParameterTypes());
            if (!methods.contains(declared)) {
                methods.add(declared);
            }
        } catch (NoSuchMethodException e) {
            // not declared here
        }
    }

    private static List<Class<?>> classesOf(Class<?> type, Method method) {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            classes.add(c);
        }
        if (!classes.contains(method.getDeclaringClass())) {
            classes.add(method.getDeclaringClass());
        }
        return classes;
    }
}
