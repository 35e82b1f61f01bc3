package id.gapura.api.persistence;

import javax.persistence.EntityManager;
import javax.persistence.Query;
import java.util.List;

/** Native SQL with positional parameters ({@code ?}), bound in the order given. */
public final class NativeQueries {

    private NativeQueries() {
    }

    /** Rows of a native query with positional parameters, each an array of its columns. */
    public static List<Object[]> rows(EntityManager em, String sql, Object... arguments) {
        return rows(bind(em.createNativeQuery(sql), arguments));
    }

    /** The query's rows, each an array of its columns (also when it selects a single column). */
    @SuppressWarnings("unchecked")
    public static List<Object[]> rows(Query query) {
        List<Object> result = query.getResultList();
        return result.stream().map(row -> row instanceof Object[] columns ? columns : new Object[]{row}).toList();
    }

    /** @return the number of rows changed */
    public static int update(EntityManager em, String sql, Object... arguments) {
        return bind(em.createNativeQuery(sql), arguments).executeUpdate();
    }

    public static Query bind(Query query, Object... arguments) {
        for (int i = 0; i < arguments.length; i++) {
            query.setParameter(i + 1, arguments[i]);
        }
        return query;
    }
}
