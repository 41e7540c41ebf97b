package io.omnireturns.platform.database;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A savepoint per event for projections. A failed statement aborts the whole PostgreSQL transaction; inside a
 * savepoint it does not, so the processor's transaction stays usable: the dead-letter queue can still record
 * the failure and the token still moves on.
 */
public final class EventSavepoints {

    private EventSavepoints() {
    }

    public static TransactionTemplate perEvent(PlatformTransactionManager transactionManager) {
        TransactionTemplate savepoint = new TransactionTemplate(transactionManager);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        return savepoint;
    }
}
