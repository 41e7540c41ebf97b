package io.omnireturns.command.outcomes;

import io.omnireturns.command.config.AggregateLocks;
import io.omnireturns.command.config.EventStoreWakeUp;
import io.omnireturns.command.orchestration.OutcomeRecorder;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@link OutcomeRecorder}: outcomes that arrive together are committed together ({@link GroupingOutcomeRecorder},
 * at most {@code omnireturns.command.outcome-group-max} commands a transaction), or, with
 * {@code omnireturns.engine.optimised=false}, each on its own ({@link PlainOutcomeRecorder}).
 */
@Configuration
public class OutcomeRecordingConfiguration {

    @Bean
    public OutcomeRecorder outcomeRecorder(@Value("${omnireturns.engine.optimised:true}") boolean optimised,
                                           @Value("${omnireturns.command.outcome-group-max:32}") int maxGroup,
                                           CommandBus commandBus, CommandGateway commandGateway, AggregateLocks locks,
                                           EventStoreWakeUp wakeUp,
                                           PlatformTransactionManager transactionManager) {
        if (!optimised) {
            return new PlainOutcomeRecorder(commandGateway);
        }
        return new GroupingOutcomeRecorder(commandBus, commandGateway, locks, wakeUp, transactionManager,
                maxGroup).start();
    }
}
