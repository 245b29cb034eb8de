package com.zohoprovisioning.pipeline;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The reorder buffer of the result lines: input order, gaps for held records, bounded, and a failing output. */
class ResultOrderTest {

    private final List<Long> written = new ArrayList<>();
    private final ResultOrder order = new ResultOrder(3, (r, o) -> written.add(r.row()));

    private static InputRecord record(long row) {
        return new InputRecord(row, new LinkedHashMap<>(), new LinkedHashMap<>(), null);
    }

    private static RecordOutcome ok() {
        return RecordOutcome.ok("created", "1", "SUCCESS", "", 201);
    }

    @Test
    void outcomesAreWrittenInTheOrderTheRecordsWereTakenAndHeldOnesLeaveNoGap() {
        long a = order.take();
        long b = order.take();
        long c = order.take();
        order.put(c, record(30), ok());
        order.skip(b);
        assertThat(written).isEmpty();
        assertThat(order.waiting()).isEqualTo(2);
        order.put(a, record(10), ok());
        assertThat(written).containsExactly(10L, 30L);
        assertThat(order.waiting()).isZero();
    }

    @Test
    void takingWaitsWhileTheBufferIsFull() {
        long first = order.take();
        order.take();
        order.take();
        CompletableFuture<Long> fourth = CompletableFuture.supplyAsync(order::take);
        assertThat(fourth).isNotDone();
        order.put(first, record(1), ok());
        await().atMost(Duration.ofSeconds(5)).until(fourth::isDone);
        assertThat(fourth.join()).isEqualTo(3);
    }

    @Test
    void aStoppedFileIsReadOnWithoutWaiting() {
        order.take();
        order.take();
        order.take();
        CompletableFuture<Long> fourth = CompletableFuture.supplyAsync(order::take);
        order.stopWaiting();
        await().atMost(Duration.ofSeconds(5)).until(fourth::isDone);
        assertThat(order.take()).isEqualTo(4);
    }

    @Test
    void flushWritesWhatStillWaitsInOrder() {
        order.take();
        long b = order.take();
        long c = order.take();
        order.put(c, record(3), ok());
        order.put(b, record(2), ok());
        order.flush();
        assertThat(written).containsExactly(2L, 3L);
    }

    @Test
    void anOutputThatFailsStopsTheWritingButNotTheReading() {
        List<Long> kept = new ArrayList<>();
        ResultOrder failing = new ResultOrder(2, (r, o) -> {
            if (r.row() == 1) {
                throw new UncheckedIOException(new IOException("disk full"));
            }
            kept.add(r.row());
        });
        long a = failing.take();
        long b = failing.take();
        failing.put(b, record(2), ok());
        assertThatThrownBy(() -> failing.put(a, record(1), ok())).isInstanceOf(UncheckedIOException.class);
        assertThat(kept).isEmpty();
        failing.put(failing.take(), record(3), ok());
        assertThat(kept).isEmpty();
    }

    @Test
    void theCapacityFollowsTheRecordThreads() {
        assertThat(ResultOrder.capacityFor(10)).isEqualTo(144);
    }
}
