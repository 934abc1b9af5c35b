// Command ttlcache warms an in-memory cache from files and prints a JSON report.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

var ErrNotFound = errors.New("cache: key not found")
//                ^^^^^^^^^^ go/errors-new

type EvictReason int

const (
	EvictUnknown EvictReason = iota
	//                         ^^^^ go/iota
	EvictExpired
	EvictCapacity
)

func (r EvictReason) String() string {
//   ^^^^^^^^^^^^^^^ go/method-declaration
	if names := [...]string{"unknown", "expired", "capacity"}; int(r) < len(names) {
		return names[r]
	}
	return "reason(" + fmt.Sprint(int(r)) + ")"
}

type LoadError struct {
	Key string
	Err error
}

func (e *LoadError) Error() string { return "load " + e.Key + ": " + e.Err.Error() }
//                  ^^^^^ go/custom-error-type
func (e *LoadError) Unwrap() error { return e.Err }
//   ^^^^^^^^^^^^^^ go/pointer-receiver

type Loader interface {
//   ^^^^^^ go/interface-type
	Load(key string) (string, error)
	//               ^^^^^^^^^^^^^^^ go/multiple-results
}

type fileLoader struct{ dir string }

var _ Loader = (*fileLoader)(nil)
//  ^ go/blank-identifier
//    ^^^^^^ go/interface-check

func (l *fileLoader) Load(key string) (string, error) {
	name := key[strings.LastIndex(key, "/")+1:] // never read outside l.dir
	//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ go/slice-expression
	data, err := os.ReadFile(l.dir + "/" + name)
	//        ^^ go/short-var-declaration
	if err != nil {
	// ^^^^^^^^^^ go/if-err-not-nil
		return "", &LoadError{Key: key, Err: err}
		//          ^ !go/if-err-not-nil
	}
	return strings.TrimSpace(string(data)), nil
}

type entry[V any] struct {
	value     V
	expiresAt time.Time
}

type Stats struct {
	Hits   int `json:"hits"`
	//         ^^^^^^^^^^^^^ go/struct-tag
	Misses int `json:"misses"`
}

type Cache[K comparable, V any] struct {
//        ^^^^^^^^^^^^^^^^^^^^^ go/type-parameters
	mu      sync.Mutex
	//      ^^^^^^^^^^ go/sync-mutex
	items   map[K]entry[V]
	ttl     time.Duration
	limit   int
	stats   Stats
	onEvict func(key K, reason EvictReason)
	stop    chan struct{}
	wg      sync.WaitGroup
}

func NewCache[K comparable, V any](ttl time.Duration, limit int) *Cache[K, V] {
	c := &Cache[K, V]{
		items: make(map[K]entry[V], limit),
		//     ^^^^ go/make-slice-map
		ttl:   ttl,
		limit: limit,
		stop:  make(chan struct{}),
		//     ^^^^^^^^^^^^^^^^^^^ go/make-channel
	}
	c.wg.Add(1)
	go c.janitor(ttl / 2)
	// <- go/goroutine
	return c
}

func (c *Cache[K, V]) Get(key K) (v V, err error) {
//                               ^^^^^^^^^^^^^^^^ go/named-results
	c.mu.Lock()
	defer c.mu.Unlock()
	// <- go/defer
	e, ok := c.items[key]
	// ^^ go/comma-ok
	if !ok || time.Now().After(e.expiresAt) {
		c.stats.Misses++
		return v, ErrNotFound
	}
	c.stats.Hits++
	return e.value, nil
}

func (c *Cache[K, V]) Set(key K, value V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, exists := c.items[key]; !exists && len(c.items) >= c.limit {
		for victim := range c.items {
			c.evictLocked(victim, EvictCapacity)
			break
		}
	}
	c.items[key] = entry[V]{value: value, expiresAt: time.Now().Add(c.ttl)}
}

func (c *Cache[K, V]) evictLocked(key K, reason EvictReason) {
	delete(c.items, key)
	// <- go/delete
	if c.onEvict != nil {
		c.onEvict(key, reason)
	}
}

func (c *Cache[K, V]) janitor(every time.Duration) {
	defer c.wg.Done()
	ticker := time.NewTicker(every)
	defer ticker.Stop()
loop:
	for {
		select {
		// <- go/select
		case now := <-ticker.C:
		//          ^^^^^^^^^^ go/receive-operator
			c.mu.Lock()
			for k, e := range c.items {
				if now.After(e.expiresAt) {
				// ^^^ !go/select
					c.evictLocked(k, EvictExpired)
				}
			}
			c.mu.Unlock()
		case <-c.stop:
			break loop
// ^^^^^^^^^^ go/labeled-statement
		}
	}
}

func (c *Cache[K, V]) Close() {
	close(c.stop)
	// <- go/close-channel
	c.wg.Wait()
}

type result struct {
	key string
	err error
}

func warm(c *Cache[string, string], l Loader, keys <-chan string, out chan<- result) {
//                                                 ^^^^^^ go/channel-direction
	defer func() {
		if r := recover(); r != nil {
		//      ^^^^^^^ go/recover
			out <- result{err: fmt.Errorf("worker panic: %v", r)}
		}
	}()
	for key := range keys {
		value, err := l.Load(key)
		if err != nil {
			out <- result{key: key, err: fmt.Errorf("warm: %w", err)}
			//                           ^^^^^^^^^^ go/errorf-wrap
			continue
		}
		c.Set(key, value)
	// ^^^ !go/range-loop
		out <- result{key: key}
		// <- go/send-statement
	}
}

type Report struct {
	Stats
	// <- go/embedding
	Loaded  []string `json:"loaded"`
	Missing []string `json:"missing,omitempty"`
	Evicted int      `json:"evicted"`
}

func sum[T ~int | ~int64](values ...T) (total T) {
//              ^ go/type-constraint
//         ^ go/underlying-type-term
//                        ^^^^^^^^^^^ go/variadic
	for _, v := range values {
		total += v
	}
	return
}

func describe(v any) string {
	if s, ok := v.(fmt.Stringer); ok {
	//          ^^^^^^^^^^^^^^^^ go/type-assertion
		return s.String()
	}
	switch x := v.(type) {
	// <- go/type-switch
	case error:
		return "error: " + x.Error()
	default:
		return fmt.Sprint(x)
	}
}

var workers int // set by -workers

func init() {
//   ^^^^ go/init-function
	flag.IntVar(&workers, "workers", 4, "number of loader goroutines")
	// <- !go/init-function
}

func main() {
	dir := flag.String("dir", ".", "directory holding one file per key")
	flag.Parse()
	keys := flag.Args()
	cache := NewCache[string, string](time.Minute, 64)
	evicted := map[EvictReason]int{}
	//         ^^^^^^^^^^^^^^^^^^^ go/map-literal
	cache.onEvict = func(_ string, reason EvictReason) { evicted[reason]++ }
	//              ^^^^ go/func-literal
	//                                                   ^^ !go/func-literal
	jobs := make(chan string)
	results := make(chan result, len(keys))
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
	// <- go/for-loop
		wg.Add(1)
		// <- go/sync-waitgroup
		go func() {
			defer wg.Done()
			warm(cache, &fileLoader{dir: *dir}, jobs, results)
// ^^^^ !go/goroutine
		}()
	}
	go func() {
		for _, k := range keys {
			jobs <- k
		}
		close(jobs)
		wg.Wait()
		close(results)
	}()
	var report Report
	for res := range results {
	//         ^^^^^ go/range-loop
		var le *LoadError
		switch {
		case res.err == nil:
			report.Loaded = append(report.Loaded, res.key)
			//              ^^^^^^ go/append
		case errors.As(res.err, &le) && errors.Is(le.Err, os.ErrNotExist):
		//   ^^^^^^^^^ go/errors-as
		//                              ^^^^^^^^^ go/errors-is
			report.Missing = append(report.Missing, le.Key)
		default:
			fmt.Fprintln(os.Stderr, describe(res.err))
		}
	}
	cache.Close() // the janitor must stop before its counters are read
	sort.Strings(report.Loaded)
	report.Stats = cache.stats
	report.Evicted = sum(evicted[EvictExpired], evicted[EvictCapacity])
	out, err := json.MarshalIndent(report, "", "  ")
	if err != nil {
		panic(err)
		// <- go/panic
	}
	fmt.Println(string(out), describe(EvictCapacity))
}
