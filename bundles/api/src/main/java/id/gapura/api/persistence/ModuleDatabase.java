package id.gapura.api.persistence;

import org.osgi.annotation.versioning.ConsumerType;
import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * A module's tables, through the JPA template of its persistence unit. Each module extends it with its own DS
 * component, which references the template with {@code target = "(osgi.unit.name=<module-id>)"} and migrates the
 * schema (core's module extender) before anything else of the module may use the tables.
 * Reads and writes alike run in a {@link TransactionType#Required} transaction: they join the caller's.
 */
@ConsumerType
public abstract class ModuleDatabase {

    private final JpaTemplate jpa;

    protected ModuleDatabase(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    public <R> R read(EmFunction<R> query) {
        return jpa.txExpr(TransactionType.Required, query);
    }

    public <R> R write(EmFunction<R> change) {
        return jpa.txExpr(TransactionType.Required, change);
    }

    public void write(EmConsumer change) {
        jpa.tx(TransactionType.Required, change);
    }
}
