package com.zohoprovisioning.pipeline;

import org.apache.camel.Service;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that process records, one Zoho call each: as many as {@code zoho.max-concurrent}, with a short
 * queue that blocks the splitter when full, so a file is read only as fast as Zoho takes it and no more calls
 * are in flight than allowed.
 */
public final class ZohoCallPool extends ThreadPoolExecutor implements Service {

    public ZohoCallPool(int threads) {
        super(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(Math.max(2, threads * 2)),
                new Factory(), (task, pool) -> {
                    if (pool.isShutdown()) {
                        throw new RejectedExecutionException("record pool is shut down");
                    }
                    try {
                        pool.getQueue().put(task);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new RejectedExecutionException("interrupted while waiting for a free record thread", e);
                    }
                });
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
        shutdown();
    }

    private static final class Factory implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "zoho-call-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
