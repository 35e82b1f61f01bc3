package id.gapura.web.internal;

import id.gapura.api.ProblemException;
import org.apache.cxf.bus.extension.ExtensionManagerBus;
import org.apache.cxf.endpoint.Endpoint;
import org.apache.cxf.jaxrs.model.ParameterType;
import org.apache.cxf.jaxrs.provider.ServerProviderFactory;
import org.apache.cxf.jaxrs.utils.InjectionUtils;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.junit.jupiter.api.Test;

import javax.ws.rs.NotFoundException;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Number parameters through CXF's own parameter injection, as a resource method receives them. */
class NumberParametersTest {

    @SuppressWarnings("unused")
    void resource(@QueryParam("limit") int limit, @QueryParam("days") Integer days, @PathParam("year") long year,
                  @QueryParam("offset") Long offset) {
    }

    private static Annotation[] annotations(int parameter) throws NoSuchMethodException {
        return NumberParametersTest.class.getDeclaredMethod("resource", int.class, Integer.class, long.class,
                Long.class).getParameterAnnotations()[parameter];
    }

    private static Message message(boolean withConverters) {
        ExtensionManagerBus bus = new ExtensionManagerBus();
        ServerProviderFactory providers = ServerProviderFactory.createInstance(bus);
        if (withConverters) {
            providers.setUserProviders(List.of(new NumberParameters()));
        }
        Map<String, Object> properties = new HashMap<>(Map.of(ServerProviderFactory.class.getName(), providers));
        Endpoint endpoint = (Endpoint) Proxy.newProxyInstance(Endpoint.class.getClassLoader(),
                new Class<?>[]{Endpoint.class}, (proxy, method, arguments) -> {
                    if (method.getDeclaringClass() == Map.class) {
                        return method.invoke(properties, arguments);
                    }
                    return null;
                });
        Message message = new MessageImpl();
        Exchange exchange = new ExchangeImpl();
        exchange.put(Endpoint.class, endpoint);
        exchange.setInMessage(message);
        message.setExchange(exchange);
        return message;
    }

    private static Object inject(Message message, String value, Class<?> type, int parameter, ParameterType kind)
            throws NoSuchMethodException {
        return InjectionUtils.handleParameter(value, true, type, type, annotations(parameter), kind, message);
    }

    @Test
    void withoutThemCxfAnswersNotFound() {
        assertThrows(NotFoundException.class, () -> inject(message(false), "abc", int.class, 0, ParameterType.QUERY));
    }

    @Test
    void aWordWhereANumberBelongsIsA400NamingTheParameter() {
        Message message = message(true);
        ProblemException limit = assertThrows(ProblemException.class,
                () -> inject(message, "abc", int.class, 0, ParameterType.QUERY));
        assertEquals(400, limit.status());
        assertTrue(limit.detail().contains("'limit'"), limit.detail());
        assertTrue(limit.detail().startsWith("Query parameter"), limit.detail());
        assertEquals("limit", limit.errors().get(0).field());

        ProblemException days = assertThrows(ProblemException.class,
                () -> inject(message, "yesterday", Integer.class, 1, ParameterType.QUERY));
        assertTrue(days.detail().contains("'days'"), days.detail());
        ProblemException year = assertThrows(ProblemException.class,
                () -> inject(message, "abc", long.class, 2, ParameterType.PATH));
        assertTrue(year.detail().startsWith("Path parameter 'year'"), year.detail());
        ProblemException offset = assertThrows(ProblemException.class,
                () -> inject(message, "\0", Long.class, 3, ParameterType.QUERY));
        assertTrue(offset.detail().contains("'offset'"), offset.detail());
        ProblemException huge = assertThrows(ProblemException.class,
                () -> inject(message, "9".repeat(5000), int.class, 0, ParameterType.QUERY));
        assertFalse(huge.detail().contains("99999"), "the value is not echoed: " + huge.detail());
        assertTrue(huge.detail().length() < 300, huge.detail());
    }

    @Test
    void numbersStillArrive() throws Exception {
        Message message = message(true);
        assertEquals(20, inject(message, "20", int.class, 0, ParameterType.QUERY));
        assertEquals(-3, inject(message, " -3 ", Integer.class, 1, ParameterType.QUERY));
        assertEquals(2026L, inject(message, "2026", long.class, 2, ParameterType.PATH));
        assertNull(inject(message, "", Long.class, 3, ParameterType.QUERY));
        assertEquals(Long.MAX_VALUE, inject(message, String.valueOf(Long.MAX_VALUE), Long.class, 3, ParameterType.QUERY));
    }
}
