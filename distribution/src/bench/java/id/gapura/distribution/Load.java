package id.gapura.distribution;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A closed-loop HTTP load: n workers, each sending its next request as soon as the last one is answered, over
 * kept-alive HTTP/1.1 connections. It runs in the benchmark's JVM, a process separate from the container's.
 * Every request is recorded (start, latency, status) so that a window of the run can be summarised afterwards.
 */
final class Load {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Worker> workers = new ArrayList<>();
    /** Bodies of successful answers, when asked for (the crash test keeps the ids of acknowledged writes). */
    final List<String> acknowledged = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    Load(int concurrency, Supplier<HttpRequest> requests, boolean keepBodies) {
        for (int i = 0; i < concurrency; i++) {
            Worker worker = new Worker(requests, keepBodies);
            workers.add(worker);
            worker.thread.start();
        }
    }

    /** Stops sending and waits for the requests in flight (at most their timeout). */
    Load stop() throws InterruptedException {
        running = false;
        for (Worker worker : workers) {
            worker.thread.join(Duration.ofSeconds(40).toMillis());
        }
        return this;
    }

    /** What was measured of the requests that started within [from, to) (System.nanoTime()). */
    Result result(long from, long to) {
        List<long[]> latencies = new ArrayList<>();
        long requests = 0;
        long errors = 0;
        long max = 0;
        TreeMap<Integer, Long> statuses = new TreeMap<>();
        for (Worker worker : workers) {
            long[] mine = new long[worker.n];
            int k = 0;
            for (int i = 0; i < worker.n; i++) {
                if (worker.starts[i] >= from && worker.starts[i] < to) {
                    requests++;
                    mine[k++] = worker.latencies[i];
                    max = Math.max(max, worker.latencies[i]);
                    int status = worker.statuses[i];
                    statuses.merge(status, 1L, Long::sum);
                    if (status < 200 || status > 299) {
                        errors++;
                    }
                }
            }
            latencies.add(Arrays.copyOf(mine, k));
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(requests, errors, (to - from) / 1e9, all, max, statuses);
    }

    /** Requests that started within [from, to) and took longer than the threshold. */
    long slowerThan(long from, long to, long thresholdNanos) {
        long count = 0;
        for (Worker worker : workers) {
            for (int i = 0; i < worker.n; i++) {
                if (worker.starts[i] >= from && worker.starts[i] < to && worker.latencies[i] > thresholdNanos) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Statuses: the HTTP status, or -1 when the request failed without one (connection refused, reset, timeout). */
    record Result(long requests, long errors, double seconds, long[] sortedLatencies, long maxLatency,
                  TreeMap<Integer, Long> statuses) {

        double throughput() {
            return requests / seconds;
        }

        double p50Millis() {
            return Stats.percentile(sortedLatencies, 0.50) / 1e6;
        }

        double p99Millis() {
            return Stats.percentile(sortedLatencies, 0.99) / 1e6;
        }

        double maxMillis() {
            return maxLatency / 1e6;
        }
    }

    private final class Worker implements Runnable {
        final Thread thread = new Thread(this, "bench-load");
        final Supplier<HttpRequest> requests;
        final boolean keepBodies;
        long[] starts = new long[4096];
        long[] latencies = new long[4096];
        int[] statuses = new int[4096];
        volatile int n;

        Worker(Supplier<HttpRequest> requests, boolean keepBodies) {
            this.requests = requests;
            this.keepBodies = keepBodies;
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                HttpRequest request = requests.get();
                long start = System.nanoTime();
                int status;
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    status = response.statusCode();
                    if (keepBodies && status >= 200 && status <= 299) {
                        acknowledged.add(response.body());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    status = -1;
                }
                record(start, System.nanoTime() - start, status);
                if (status == -1 && running) {
                    // a refused connection fails at once: do not spin while the container is down
                    Thread.onSpinWait();
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        private void record(long start, long latency, int status) {
            int i = n;
            if (i == starts.length) {
                starts = Arrays.copyOf(starts, i * 2);
                latencies = Arrays.copyOf(latencies, i * 2);
                statuses = Arrays.copyOf(statuses, i * 2);
            }
            starts[i] = start;
            latencies[i] = latency;
            statuses[i] = status;
            n = i + 1;
        }
    }
}
