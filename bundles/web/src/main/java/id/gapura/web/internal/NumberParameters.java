package id.gapura.web.internal;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

import javax.ws.rs.CookieParam;
import javax.ws.rs.FormParam;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.MatrixParam;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ext.ParamConverter;
import javax.ws.rs.ext.ParamConverterProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Whole-number parameters ({@code int}, {@code long}, ... and their boxes) that are not numbers: 400 naming the
 * parameter, where JAX-RS would answer 404 for a query or path parameter it cannot convert. The value itself is
 * not repeated in the answer (it may be long or hold anything). An empty value converts as before: null for a
 * box, JAX-RS's own handling for a primitive.
 */
@Component(service = ParamConverterProvider.class, scope = ServiceScope.PROTOTYPE)
@JaxrsExtension
@JaxrsApplicationSelect(ExtensionProperties.GAPURA_APPLICATIONS)
public class NumberParameters implements ParamConverterProvider {

    private record Kind(String words, Function<String, Object> parse) {
    }

    private static final Map<Class<?>, Kind> KINDS = Map.of(
            int.class, new Kind(range(Integer.MIN_VALUE, Integer.MAX_VALUE), Integer::valueOf),
            Integer.class, new Kind(range(Integer.MIN_VALUE, Integer.MAX_VALUE), Integer::valueOf),
            long.class, new Kind(range(Long.MIN_VALUE, Long.MAX_VALUE), Long::valueOf),
            Long.class, new Kind(range(Long.MIN_VALUE, Long.MAX_VALUE), Long::valueOf),
            short.class, new Kind(range(Short.MIN_VALUE, Short.MAX_VALUE), Short::valueOf),
            Short.class, new Kind(range(Short.MIN_VALUE, Short.MAX_VALUE), Short::valueOf),
            byte.class, new Kind(range(Byte.MIN_VALUE, Byte.MAX_VALUE), Byte::valueOf),
            Byte.class, new Kind(range(Byte.MIN_VALUE, Byte.MAX_VALUE), Byte::valueOf));

    private static String range(long min, long max) {
        return "a whole number between " + min + " and " + max;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Kind kind = KINDS.get(rawType);
        if (kind == null) {
            return null;
        }
        String[] parameter = describe(annotations);
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return (T) kind.parse().apply(value.strip());
                } catch (NumberFormatException e) {
                    throw refusal(parameter, kind.words());
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static ProblemException refusal(String[] parameter, String words) {
        String message = "must be " + words;
        return new ProblemException(400, "Invalid parameter", parameter[0] + " '" + parameter[1] + "' " + message
                + ".", List.of(new FieldError(parameter[1], message)));
    }

    /** What the parameter is ("Query parameter") and its name, from its JAX-RS annotation. */
    static String[] describe(Annotation[] annotations) {
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            if (annotation instanceof QueryParam query) {
                return new String[]{"Query parameter", query.value()};
            } else if (annotation instanceof PathParam path) {
                return new String[]{"Path parameter", path.value()};
            } else if (annotation instanceof HeaderParam header) {
                return new String[]{"Header", header.value()};
            } else if (annotation instanceof FormParam form) {
                return new String[]{"Form field", form.value()};
            } else if (annotation instanceof MatrixParam matrix) {
                return new String[]{"Matrix parameter", matrix.value()};
            } else if (annotation instanceof CookieParam cookie) {
                return new String[]{"Cookie", cookie.value()};
            }
        }
        return new String[]{"Parameter", "?"};
    }
}
