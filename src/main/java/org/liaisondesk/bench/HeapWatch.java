package org.liaisondesk.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap some work needs. Two readings: the sum of every heap pool's peak (reset before), which counts garbage
 * not yet collected and so grows with the heap the JVM was given; and the largest heap still in use right after a
 * garbage collection during the work, which is what the work itself holds (a streaming export stays flat, one that
 * collects everything in a list grows with the batch).
 */
final class HeapWatch implements AutoCloseable {

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
    private final Set<String> heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final NotificationListener listener = this::onGc;

    /** Collects what earlier work left, then watches. */
    HeapWatch() {
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
    }

    private void onGc(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        Map<String, MemoryUsage> after = GarbageCollectionNotificationInfo
                .from((CompositeData) n.getUserData()).getGcInfo().getMemoryUsageAfterGc();
        long used = 0;
        for (Map.Entry<String, MemoryUsage> e : after.entrySet()) {
            if (heapPoolNames.contains(e.getKey())) {
                used += e.getValue().getUsed();
            }
        }
        maxAfterGc.accumulateAndGet(used, Math::max);
        collections.incrementAndGet();
    }

    /** Sum of the pools' peaks since the start: an upper bound that includes uncollected garbage. */
    double rawPeakMb() {
        long bytes = 0;
        for (MemoryPoolMXBean p : heapPools) {
            bytes += p.getPeakUsage().getUsed();
        }
        return mb(bytes);
    }

    /** The largest heap in use after a collection during the work; the raw peak when none ran. */
    double livePeakMb() {
        return collections.get() == 0 ? rawPeakMb() : mb(maxAfterGc.get());
    }

    static double maxHeapMb() {
        return mb(Runtime.getRuntime().maxMemory());
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (ListenerNotFoundException ignored) {
                    // Never added to this collector.
                }
            }
        }
    }
}
