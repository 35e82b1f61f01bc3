package id.gapura.web.internal;

import com.fasterxml.jackson.annotation.JsonProperty;

import javax.ws.rs.Consumes;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One resource method as deployed, and who may call it.
 *
 * @param method    the HTTP method, or {@code *} for a sub-resource locator (its sub-resource decides)
 * @param path      the path template, e.g. {@code /api/complaints/reports/{trackingNumber}}
 * @param isPublic  anyone may call it
 * @param roles     otherwise, holding one of these is enough (sorted)
 * @param defaulted no annotation: admin only by the platform's default
 * @param consumes  media types of the request body it accepts; empty when any
 * @param resource  the resource class, for the administrator looking for who declared it
 */
public record Endpoint(String method, String path, @JsonProperty("public") boolean isPublic, List<String> roles, boolean defaulted,
                       List<String> consumes, String resource) {

    public static final Comparator<Endpoint> ORDER =
            Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method).thenComparing(Endpoint::resource);

    public Endpoint {
        roles = List.copyOf(roles);
        consumes = List.copyOf(consumes);
    }

    /** The endpoint of a resource method, read from its JAX-RS annotations and its {@link AccessRule}. */
    public static Endpoint of(Class<?> resourceClass, Method method) {
        return of("", resourceClass, method);
    }

    /** The endpoint of a resource method in the JAX-RS application at {@code base} (e.g. {@code /api/permits}). */
    public static Endpoint of(String base, Class<?> resourceClass, Method method) {
        Class<?> type = resourceClass != null ? resourceClass : method.getDeclaringClass();
        Method annotated = annotatedMethod(type, method);
        AccessRule rule = AccessRule.of(type, method);
        Consumes consumes = annotated.getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = classAnnotation(type, Consumes.class);
        }
        return new Endpoint(httpMethod(annotated), template(base, classAnnotation(type, Path.class), annotated.getAnnotation(Path.class)),
                rule.isPublic(), rule.roles().stream().sorted().toList(), rule.defaulted(),
                consumes == null ? List.of() : Arrays.stream(consumes.value())
                        .flatMap(value -> Arrays.stream(value.split(","))).map(String::strip).toList(),
                type.getName());
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return "*";
    }

    static String template(Path classPath, Path methodPath) {
        return template("", classPath, methodPath);
    }

    static String template(String base, Path classPath, Path methodPath) {
        String joined = "/" + base + "/" + (classPath == null ? "" : classPath.value()) + "/"
                + (methodPath == null ? "" : methodPath.value());
        String path = joined.replaceAll("/{2,}", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** JAX-RS reads a method's annotations from the first of the method and what it overrides that has any. */
    private static Method annotatedMethod(Class<?> type, Method method) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Method found = jaxrsAnnotated(c, method);
            if (found != null) {
                return found;
            }
            for (Class<?> api : c.getInterfaces()) {
                found = jaxrsAnnotated(api, method);
                if (found != null) {
                    return found;
                }
            }
        }
        return method;
    }

    private static Method jaxrsAnnotated(Class<?> type, Method method) {
        try {
            Method declared = type.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return declared.isAnnotationPresent(Path.class) || !"*".equals(httpMethod(declared)) ? declared : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static <A extends Annotation> A classAnnotation(Class<?> type, Class<A> annotation) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            A found = annotationOn(c, annotation);
            if (found != null) {
                return found;
            }
            for (Class<?> api : c.getInterfaces()) {
                found = annotationOn(api, annotation);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static <A extends Annotation> A annotationOn(AnnotatedElement element, Class<A> annotation) {
        return element.getAnnotation(annotation);
    }
}
