package dev.tollgate.cluster;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Which rows of the change feed a server has applied, so that each row is applied once and none is missed.
 *
 * <p>Reading "rows after the highest id seen" would miss rows: ids are handed out when a transaction inserts, not
 * when it commits, so a slow transaction's row can become visible after a row with a higher id was read. So the
 * cursor reads from a low-water mark that trails the highest id seen by a window (the longest a token change's
 * transaction is expected to take from its insert to its commit), and remembers which ids above the mark it has
 * applied already. A row that commits more than a window after a higher one was read is missed; a token change
 * transaction takes milliseconds.
 */
final class FeedCursor {

    private final long windowNanos;
    private long low;
    private final NavigableSet<Long> applied = new TreeSet<>();
    /** (nano time of a read, highest id applied by then), oldest first. */
    private final Deque<long[]> marks = new ArrayDeque<>();

    /** Starts after {@code low}: every row up to it predates this server's caches. */
    FeedCursor(long low, long windowNanos) {
        this.low = low;
        this.windowNanos = windowNanos;
    }

    /** The id after which the next read starts. */
    long low() {
        return low;
    }

    /** Whether a row read from the feed is new; it counts as applied from now on. */
    boolean accept(long id) {
        return id > low && applied.add(id);
    }

    /** After a read that began at {@code nanoTime}: moves the mark to what was seen a window ago. */
    void advance(long nanoTime) {
        marks.addLast(new long[] {nanoTime, applied.isEmpty() ? low : Math.max(low, applied.last())});
        while (!marks.isEmpty() && nanoTime - marks.peekFirst()[0] >= windowNanos) {
            low = Math.max(low, marks.removeFirst()[1]);
        }
        applied.headSet(low, true).clear();
    }

    int remembered() {
        return applied.size();
    }
}
