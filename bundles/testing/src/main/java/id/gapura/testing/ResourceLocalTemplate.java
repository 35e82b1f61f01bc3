package id.gapura.testing;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

/**
 * A {@link JpaTemplate} with the transaction shape of Aries JPA's resource-local template: one entity manager and
 * one transaction per call, committed when the code returns, rolled back when it throws.
 */
public record ResourceLocalTemplate(EntityManagerFactory factory) implements JpaTemplate {

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction transaction = em.getTransaction();
        try {
            transaction.begin();
            R result = code.apply(em);
            transaction.commit();
            return result;
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            em.close();
        }
    }

    @Override
    public void tx(TransactionType type, EmConsumer code) {
        txExpr(type, em -> {
            code.accept(em);
            return null;
        });
    }

    @Override
    public <R> R txExpr(EmFunction<R> code) {
        return txExpr(TransactionType.Required, code);
    }

    @Override
    public void tx(EmConsumer code) {
        tx(TransactionType.Required, code);
    }
}
