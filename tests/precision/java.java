package dev.gloss.samples.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Reads access logs, classifies each line and prints a short report. */
final class LogReport {
// <- java/final
    private static final String USAGE = """
        usage: logreport FILE...
          Summarizes access logs: status classes, failures and slow requests.
        """;
//      ^^^ java/text-block

    enum Level {
//  ^^^^ java/enum
        INFO("I", 0),
        WARN("W", 1),
//      ^^^^ java/enum
        ERROR("E", 2);

        private final String tag;
        private final int severity;

        Level(String tag, int severity) {
            this.tag = tag;
            this.severity = severity;
        }

        boolean atLeast(Level other) {
            return severity >= other.severity;
//                 ^ !java/enum
        }
    }

    /** One parsed line of the log. */
    sealed interface Entry permits Request, Failure, Noise {}
//  ^^^^^^ java/sealed
//                         ^ java/sealed

    record Request(String method, String path, int status, Duration took) implements Entry {
//  ^^^^^^ java/record
        Request {
//      ^^^^^^^ java/compact-constructor
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("bad status " + status);
//                    ^ !java/compact-constructor
            }
        }
    }

    record Failure(Level level, String message) implements Entry {}

    record Noise(String raw) implements Entry {}

    @FunctionalInterface
//  ^^^^^^^^^^^^^^^^^^^^ java/functional-interface
    interface LineParser {
        Optional<Entry> parse(String line);

        default LineParser fallbackTo(LineParser next) {
//      ^^^^^^^ java/default-method
            return line -> parse(line).or(() -> next.parse(line));
//                      ^ java/lambda
//                         ^ !java/default-method
        }
    }

    /** Small LRU cache used to avoid re-parsing repeated lines. */
    static class LruCache<K, V> {
//                       ^^^^^^ java/generic-class
        private final int capacity;
        private final LinkedHashMap<K, V> map;
        private int hits;

        LruCache(int capacity) {
            this.capacity = capacity;
            this.map = new LinkedHashMap<>(16, 0.75f, true) {
//                     ^ java/anonymous-class
                @Override
//              ^^^^^^^^^ java/override
                protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                    return size() > LruCache.this.capacity;
                }
            };
        }

        LruCache() {
            this(256);
//          ^^^^^^^^^ java/constructor-chaining
        }

        synchronized Optional<V> get(K key) {
//      ^^^^^^^^^^^^ java/synchronized
            V value = map.get(key);
            if (value != null) hits++;
            return Optional.ofNullable(value);
//                          ^^^^^^^^^^ java/optional
        }

        synchronized void put(K key, V value) {
            map.put(key, value);
        }

        int hits() {
            return hits;
        }
    }

    abstract static class Rule {
//  ^^^^^^^^ java/abstract
        private final String name;

        protected Rule(String name) {
            this.name = name;
        }

        abstract boolean matches(Entry entry);

        String name() {
            return name;
        }
    }

    static final class SlowRequestRule extends Rule {
        private final Duration limit;

        SlowRequestRule(Duration limit) {
            super("slow-request");
//          ^^^^^ java/constructor-chaining
            this.limit = limit;
        }

        @Override
        boolean matches(Entry entry) {
            return entry instanceof Request r && r.took().compareTo(limit) > 0;
//                       ^^^^^^^^^^ java/instanceof-pattern
//                                               ^ !java/instanceof-pattern
        }
    }

    private final LineParser parser;
    private final LruCache<String, Entry> cache = new LruCache<>();
    private final List<Rule> rules = new ArrayList<>();
    private int skipped;

    LogReport(LineParser parser, Rule... rules) {
//                               ^^^^^^^^^^^^^ java/varargs
        this.parser = parser;
        this.rules.addAll(List.of(rules));
    }

    static Optional<Entry> parseRequest(String line) {
        String[] parts = line.split(" ");
        if (parts.length != 4) return Optional.empty();
        try {
            int status = Integer.parseInt(parts[2]);
            Duration took = Duration.ofMillis(Long.parseLong(parts[3].replace("ms", "")));
            return Optional.of(new Request(parts[0], parts[1], status, took));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Entry> parseFailure(String line) {
        for (Level level : Level.values()) {
//      ^^^ java/enhanced-for
            if (line.startsWith(level.tag + " ")) {
                return Optional.of(new Failure(level, line.substring(2)));
            }
        }
        return Optional.empty();
    }

    List<Entry> read(Path file) throws IOException {
//                              ^^^^^^^^^^^^^^^^^^ java/throws
        var entries = new ArrayList<Entry>();
//      ^^^ java/var
//          ^ !java/var
        try (BufferedReader in = Files.newBufferedReader(file)) {
//      ^^^ java/try-with-resources
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    skipped++;
                    continue;
                }
                final String key = line.strip();
                Entry entry = cache.get(key)
                        .orElseGet(() -> parser.parse(key).orElse(new Noise(key)));
//                       ^^^^^^^^^ java/optional
                cache.put(key, entry);
                entries.add(entry);
            }
        }
        return entries;
    }

    static String statusClass(Entry entry) {
        return switch (entry) {
//             ^^^^^^ java/switch-expression
            case Request(var method, var path, int status, var took) when status >= 500 -> "5xx";
//               ^^^^^^^^^^^ java/record-pattern
//                                                                   ^^^^ java/switch-pattern
            case Request r -> {
//               ^^^^^^^^^ java/switch-pattern
                int bucket = r.status() / 100;
                yield bucket + "xx";
//              ^^^^^ java/yield
            }
            case Failure f -> f.level().atLeast(Level.WARN) ? "failure" : "info";
//                                                          ^ java/ternary
            case Noise n -> "noise";
        };
    }

    static <T extends Comparable<? super T>> Optional<T> largest(Collection<? extends T> items) {
//         ^ java/generic-method
//                                                                          ^^^^^^^^^^^ java/wildcard
        return items.stream().max(Comparator.naturalOrder()).map(item -> (T) item);
//                   ^^^^^^ java/stream
//                            ^^^ java/stream
    }

    static int firstSlowIndex(List<List<Entry>> batches, Predicate<? super Entry> slow) {
        int index = 0;
        scan:
//      ^^^^ java/labeled-break
        for (List<Entry> batch : batches) {
            for (Entry entry : batch) {
                if (slow.test(entry)) break scan;
//                                    ^^^^^^^^^^^ java/labeled-break
                index++;
            }
        }
        return index;
    }

    Map<String, Long> summarize(List<Entry> entries) {
        Map<String, Long> counts = new LinkedHashMap<>();
        entries.stream()
                .map(LogReport::statusClass)
//                   ^^^^^^^^^^^^^^^^^^^^^^ java/method-reference
                .forEach(c -> counts.merge(c, 1L, Long::sum));
        for (Rule rule : rules) {
            long hits = entries.stream().filter(rule::matches).count();
//                                       ^ java/stream
            counts.put(rule.name(), hits);
//          ^ !java/stream
        }
        return counts;
    }

    public static void main(String[] args) {
//         ^^^^^^ java/static
        if (args.length == 0) {
            System.out.print(USAGE);
            return;
        }
        LineParser parser = ((LineParser) LogReport::parseRequest).fallbackTo(LogReport::parseFailure);
        var report = new LogReport(parser, new SlowRequestRule(Duration.ofMillis(500)));
        for (String name : args) {
            try {
                Map<String, Long> summary = report.summarize(report.read(Path.of(name)));
                summary.forEach((k, v) -> System.out.printf("%-14s %6d%n", k, v));
//                                                   ^ !java/lambda
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }
        System.out.println("cache hits: " + report.cache.hits() + ", skipped: " + report.skipped);
    }
}
