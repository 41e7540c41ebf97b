package io.omnireturns.query.admin;

import io.omnireturns.api.audit.ProcessorOverview;
import io.omnireturns.api.audit.ProcessorStatus;
import io.omnireturns.api.audit.SegmentStatus;
import io.omnireturns.api.audit.ViewRebuild;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.platform.database.LongStatements;
import io.omnireturns.query.audit.EventStoreReader;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.modelling.saga.AbstractSagaManager;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where every event processor stands (segments and positions from the token store, so across all instances; lag
 * against the head of the event store; replay progress; dead letters), and the replay of a projection.
 * <p>
 * Only the projections named in {@code omnireturns.admin.replayable-processors} can be replayed. A saga never: a
 * replay would run every step again, refunds and credit memos included; nor any other handler that sends commands.
 */
@Service
public class ProcessorAdministration {

    /** Handlers in this package tree only build the query side's views. */
    private static final String QUERY_SIDE_PACKAGE = "io.omnireturns.query.";
    private static final Logger log = LoggerFactory.getLogger(ProcessorAdministration.class);

    private final EventProcessingConfiguration processing;
    private final ProcessorTokens tokens;
    private final EventStoreReader events;
    private final Serializer serializer;
    private final AdminProperties properties;
    private final DataSource dataSource;
    private final ViewRebuilds rebuilds;
    private final Map<String, Object> replayLocks = new ConcurrentHashMap<>();

    public ProcessorAdministration(EventProcessingConfiguration processing, ProcessorTokens tokens,
                                   EventStoreReader events, Serializer serializer, AdminProperties properties,
                                   DataSource dataSource, ViewRebuilds rebuilds) {
        this.processing = processing;
        this.rebuilds = rebuilds;
        this.dataSource = dataSource;
        this.tokens = tokens;
        this.events = events;
        this.serializer = serializer;
        this.properties = properties;
    }

    public ProcessorOverview overview() {
        long head = events.headGlobalIndex();
        Map<String, ProcessorTokens.DeadLetters> deadLetters = tokens.deadLetters();
        List<ProcessorStatus> statuses = new TreeMap<>(processing.eventProcessors()).values().stream()
                .map(processor -> status(processor, head, deadLetters))
                .toList();
        return new ProcessorOverview(head, statuses);
    }

    public ProcessorStatus status(String name) {
        return status(processor(name), events.headGlobalIndex(), tokens.deadLetters());
    }

    /**
     * Rebuilds a projection from the first event. The status view, which agents and the CRM look up all the time, is
     * rebuilt into a shadow table that replaces the live one once caught up and verified ({@link ViewRebuilds}): its
     * look-ups never miss a return. Any other projection: stops it here, resets its tokens (its reset handler clears the
     * view and its dead letters in the same transaction) and starts it again; it then replays in the background.
     * Queries keep answering from the view while it refills. The reset runs without the driver's network timeout:
     * clearing a large view (millions of ledger rows) may take longer than the pool's {@code socketTimeout}.
     */
    public ProcessorStatus replay(String name, String requestedBy) {
        EventProcessor processor = processor(name);
        String refusal = replayRefusal(processor);
        if (refusal != null) {
            throw new DomainException(ErrorKind.ILLEGAL_STATE, AdminErrors.PROCESSOR_NOT_REPLAYABLE,
                    "processor " + name + " cannot be replayed: " + refusal);
        }
        StreamingEventProcessor streaming = (StreamingEventProcessor) processor;
        if (ViewRebuilds.VIEW.equals(name)) {
            if (replayInProgress(streaming)) {
                throw new DomainException(ErrorKind.ILLEGAL_STATE, AdminErrors.REPLAY_IN_PROGRESS,
                        "processor " + name + " is replaying already");
            }
            try {
                rebuilds.start(requestedBy);
            } catch (DomainException refused) {
                if (AdminErrors.REBUILD_IN_PROGRESS.equals(refused.code())) {
                    throw new DomainException(ErrorKind.ILLEGAL_STATE, AdminErrors.REPLAY_IN_PROGRESS,
                            refused.getMessage());
                }
                throw refused;
            }
            return status(name);
        }
        synchronized (replayLocks.computeIfAbsent(name, key -> new Object())) {
            if (replayInProgress(streaming)) {
                throw new DomainException(ErrorKind.ILLEGAL_STATE, AdminErrors.REPLAY_IN_PROGRESS,
                        "processor " + name + " is replaying already");
            }
            log.info("Replay of processor {} requested by {}", name, requestedBy);
            stop(streaming);
            try {
                LongStatements.run(dataSource, streaming::resetTokens);
            } catch (UnableToClaimTokenException e) {
                throw new DomainException(ErrorKind.ILLEGAL_STATE, AdminErrors.PROCESSOR_CLAIMED_ELSEWHERE,
                        "another instance still works on processor " + name + ": stop it there (or wait for its "
                                + "claims to expire) and try again");
            } finally {
                streaming.start();
            }
            log.info("Processor {} reset; replaying from the first event", name);
        }
        return status(name);
    }

    /**
     * The slowest segment's position across all instances, empty while the processor has no segment or does not
     * stream.
     */
    public OptionalLong lowestPosition(String name) {
        if (!(processor(name) instanceof StreamingEventProcessor streaming)) {
            return OptionalLong.empty();
        }
        Long lowest = lowest(segments(streaming));
        return lowest == null ? OptionalLong.empty() : OptionalLong.of(lowest);
    }

    private EventProcessor processor(String name) {
        return processing.eventProcessor(name).orElseThrow(() -> new DomainException(ErrorKind.NOT_FOUND,
                AdminErrors.UNKNOWN_PROCESSOR, "no event processor named " + name));
    }

    /** Why the processor may not be replayed, or null when it may. */
    private String replayRefusal(EventProcessor processor) {
        if (kind(processor) == Kind.SAGA) {
            return "it drives a saga, whose steps a replay would run again";
        }
        if (!properties.replayableProcessors().contains(processor.getName())) {
            return "it is not a projection listed in omnireturns.admin.replayable-processors "
                    + properties.replayableProcessors();
        }
        if (!(processor instanceof StreamingEventProcessor streaming) || !streaming.supportsReset()) {
            return "it does not stream from the event store or does not support a reset";
        }
        return null;
    }

    private boolean replayInProgress(StreamingEventProcessor processor) {
        return segments(processor).stream().anyMatch(SegmentStatus::replaying);
    }

    private void stop(StreamingEventProcessor processor) {
        try {
            processor.shutdownAsync().get(properties.replayShutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping processor " + processor.getName(), e);
        } catch (ExecutionException | TimeoutException e) {
            processor.start();
            throw new IllegalStateException("processor " + processor.getName() + " did not stop in "
                    + properties.replayShutdownTimeout(), e);
        }
    }

    private ProcessorStatus status(EventProcessor processor, long head,
                                   Map<String, ProcessorTokens.DeadLetters> deadLetters) {
        String name = processor.getName();
        ProcessorTokens.DeadLetters dead = deadLetters.getOrDefault(name, ProcessorTokens.DeadLetters.NONE);
        boolean replayable = replayRefusal(processor) == null;
        String type = processor.getClass().getSimpleName();
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProcessorStatus(name, kind(processor).name(), type, processor.isRunning(), processor.isError(),
                    replayable, head, null, null, false, null, dead.letters(), dead.sequences(), List.of(), null);
        }
        List<SegmentStatus> segments = segments(streaming);
        Long lowest = lowest(segments);
        boolean replaying = segments.stream().anyMatch(SegmentStatus::replaying);
        Double progress = replaying ? replayProgress(segments) : null;
        ViewRebuild rebuild = ViewRebuilds.VIEW.equals(name) ? rebuilds.running().orElse(null) : null;
        if (rebuild != null && !replaying) {
            replaying = true;
            progress = rebuild.progress();
        }
        return new ProcessorStatus(name, kind(processor).name(), type, processor.isRunning(), processor.isError(),
                replayable, head, lowest, lowest == null ? null : Math.max(0, head - lowest), replaying,
                progress, dead.letters(), dead.sequences(), segments, rebuild);
    }

    /**
     * Every segment in the token store. Where this instance works on a segment, its position and replay state are
     * this instance's own: the stored token of a segment whose latest events were all for other segments is only
     * brought forward every few seconds, and not at all once events stop arriving. Segments of other instances
     * show their stored token.
     */
    private List<SegmentStatus> segments(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        // Axon keeps a status for a segment another instance took over (after an outage, say): not this one's
        Set<Integer> mayHold = processing.tokenStore(processor.getName())
                .fetchAvailableSegments(processor.getName()).stream()
                .map(Segment::getSegmentId)
                .collect(Collectors.toSet());
        List<SegmentStatus> segments = new ArrayList<>();
        for (ProcessorTokens.Segment stored : tokens.segments(processor.getName(),
                tokenSerializer(processor.getName()))) {
            EventTrackerStatus here = mayHold.contains(stored.segment()) ? local.get(stored.segment()) : null;
            Long position = position(stored.token());
            Long reset = boxed(ReplayToken.getTokenAtReset(stored.token()));
            if (here != null) {
                if (here.getCurrentPosition().isPresent()) {
                    position = here.getCurrentPosition().getAsLong();
                }
                reset = here.isReplaying() ? boxed(here.getResetPosition()) : null;
            }
            boolean replaying = reset != null && (position == null || position < reset);
            segments.add(new SegmentStatus(stored.segment(), stored.owner(), here != null, position, replaying,
                    reset, here == null ? null : here.isCaughtUp(),
                    here != null && here.isErrorState() ? String.valueOf(here.getError()) : null));
        }
        return segments;
    }

    /** The slowest segment's position; a segment that has handled nothing yet stands before the first event. */
    private static Long lowest(List<SegmentStatus> segments) {
        return segments.stream()
                .map(segment -> segment.position() == null ? -1L : segment.position())
                .min(Long::compare)
                .orElse(null);
    }

    /** How far the slowest replaying segment is towards where it stood at the reset, from 0 to 1. */
    private static Double replayProgress(List<SegmentStatus> segments) {
        double slowest = 1.0;
        for (SegmentStatus segment : segments) {
            if (segment.replaying() && segment.resetPosition() > 0) {
                long position = segment.position() == null ? 0 : Math.max(0, segment.position());
                slowest = Math.min(slowest, position / (double) segment.resetPosition());
            }
        }
        return Math.round(slowest * 1000) / 1000.0;
    }

    private static Long position(TrackingToken token) {
        return token == null ? null : boxed(token.position());
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    private Serializer tokenSerializer(String name) {
        TokenStore tokenStore = processing.tokenStore(name);
        return tokenStore instanceof JdbcTokenStore jdbcTokenStore ? jdbcTokenStore.serializer() : serializer;
    }

    private Kind kind(EventProcessor processor) {
        boolean saga = processing.sagaConfigurations().stream()
                .anyMatch(configuration -> configuration.processingGroup().equals(processor.getName()));
        if (saga || invokers(processor).anyMatch(AbstractSagaManager.class::isInstance)) {
            return Kind.SAGA;
        }
        List<EventMessageHandler> handlers = invokers(processor)
                .filter(SimpleEventHandlerInvoker.class::isInstance)
                .flatMap(invoker -> ((SimpleEventHandlerInvoker) invoker).eventHandlers().stream())
                .toList();
        boolean projections = !handlers.isEmpty() && handlers.stream().allMatch(handler ->
                handler instanceof AnnotationEventHandlerAdapter adapter
                        && adapter.getTargetType().getName().startsWith(QUERY_SIDE_PACKAGE));
        return projections ? Kind.PROJECTION : Kind.EVENT_HANDLER;
    }

    private static Stream<EventHandlerInvoker> invokers(EventProcessor processor) {
        return processor instanceof AbstractEventProcessor abstractProcessor
                ? invokers(abstractProcessor.eventHandlerInvoker()) : Stream.empty();
    }

    private static Stream<EventHandlerInvoker> invokers(EventHandlerInvoker invoker) {
        return invoker instanceof MultiEventHandlerInvoker multi
                ? Stream.concat(Stream.of(invoker), multi.delegates().stream().flatMap(ProcessorAdministration::invokers))
                : Stream.of(invoker);
    }

    private enum Kind { PROJECTION, SAGA, EVENT_HANDLER }
}
