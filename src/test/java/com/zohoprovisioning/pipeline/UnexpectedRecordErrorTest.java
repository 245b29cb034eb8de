package com.zohoprovisioning.pipeline;

import com.zohoprovisioning.config.TestSettings;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record step that fails with a bug (any exception but a {@link RecordException}): the record still gets its
 * INTERNAL_ERROR result line, and the bug is logged once, as an ERROR with its stack trace naming feed, file and row.
 */
class UnexpectedRecordErrorTest {

    @TempDir
    Path work;

    @Test
    void aBugInARecordStepGivesItsInternalErrorLineAndOneLoggedStackTrace() throws Exception {
        Path file = Files.writeString(Files.createDirectories(work.resolve("inbox/people")).resolve("people.csv"),
                "email,name\nkim@example.com,Kim\n");
        FeedDefinition feed = new FeedDefinition("people", List.of("email"), "email", FeedDefinition.SameKey.REJECT,
                new FieldMapping(Map.of()), ReaderSettings.from(TestSettings.builtIn(), "people"));
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(RunProperties.FEED, "people");
        exchange.getMessage().setHeader(Exchange.FILE_PATH, file.toString());
        new FileOpener(work, Map.of("people", feed), false).open(exchange);
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        OutcomeRecorder recorder = new OutcomeRecorder(5, RunawayGuard.off());
        InputRecord record = new RecordStream(recorder, 4).records(exchange).next();
        exchange.getMessage().setBody(record);
        new RecordStart().start(exchange);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("a bug"));

        List<ILoggingEvent> logged = logged(() -> {
            new RecordOutcomes().fromException(exchange);
            recorder.write(exchange);
        });
        run.closeAll();

        RecordOutcome o = exchange.getProperty(RunProperties.OUTCOME, RecordOutcome.class);
        assertThat(o.success()).isFalse();
        assertThat(o.code()).isEqualTo("INTERNAL_ERROR");
        assertThat(o.message()).isEqualTo("IllegalStateException: a bug");
        List<String> lines = Files.readAllLines(run.results().error().path());
        assertThat(lines).as("header and the record's result line").hasSize(2);
        assertThat(lines.get(1)).startsWith("kim@example.com,Kim,error,,,INTERNAL_ERROR,IllegalStateException: a bug,");

        List<ILoggingEvent> traces = logged.stream().filter(e -> e.getThrowableProxy() != null).toList();
        assertThat(traces).as("the bug is logged once, with its stack trace").hasSize(1);
        ILoggingEvent e = traces.get(0);
        assertThat(e.getLevel()).isEqualTo(Level.ERROR);
        assertThat(e.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
        assertThat(e.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
        assertThat(e.getFormattedMessage()).contains("people/people.csv").contains("row " + record.row());
    }

    /** What this thread logs while {@code action} runs. */
    private static List<ILoggingEvent> logged(ThrowingRunnable action) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        String thread = Thread.currentThread().getName();
        try {
            action.run();
        } finally {
            root.detachAppender(appender);
        }
        return appender.list.stream().filter(e -> thread.equals(e.getThreadName())).toList();
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
