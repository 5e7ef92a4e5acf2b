package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"mpbot/bot/wechat"
	"mpbot/content"
	"mpbot/fleet"
	"mpbot/jobs"
	"mpbot/search"
)

// observability is serve's metrics: a registry of its own (no globals),
// the webhook's and the API's metrics, and those main records itself.
type observability struct {
	reg     *prometheus.Registry
	wechat  *wechat.Metrics
	search  prometheus.Histogram
	reloads *prometheus.CounterVec
	// rejected is 1 while the config file's last edit is rejected and an
	// older config serves: a counter of reloads could not say which
	// replica was left behind (an operator run's find).
	rejected prometheus.Gauge
	pushes   *prometheus.CounterVec
	// pushDone is the last day whose push is done, as its midnight's Unix
	// time, on every replica that ran or saw it done: an alert can ask
	// whether today's push came (an operator run's find: nothing could).
	pushDone prometheus.Gauge
	// pushRemaining is how many recipients the run under way here has yet
	// to reach: whether a push is running, and how far it is (nothing had
	// said so between the run's start and end lines).
	pushRemaining prometheus.Gauge
}

func newObservability() *observability {
	reg := prometheus.NewRegistry()
	// go_build_info names the build (its version, stamped by Go from the
	// repository): which replica of a fleet runs which.
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}), collectors.NewBuildInfoCollector())
	o := &observability{
		reg:    reg,
		wechat: wechat.NewMetrics(reg),
		search: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "mpbot_search_seconds",
			Help: "Article search latency.", Buckets: []float64{.00005, .0001, .00025, .0005, .001, .0025, .005, .01, .05}}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "mpbot_config_reloads_total",
			Help: "Config file reloads, by result (ok, rejected)."}, []string{"result"}),
		rejected: prometheus.NewGauge(prometheus.GaugeOpts{Name: "mpbot_config_rejected",
			Help: "1 while the config file's last edit is rejected and the last good config serves, else 0."}),
		pushes: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "mpbot_push_deliveries_total",
			Help: "Daily push deliveries by this process, by state and reason."}, []string{"state", "reason"}),
		pushDone: prometheus.NewGauge(prometheus.GaugeOpts{Name: "mpbot_push_done_day_seconds",
			Help: "The last day whose daily push is done, as its midnight's Unix time in push.timezone (0: none found since start; at start today and yesterday are looked at)."}),
		pushRemaining: prometheus.NewGauge(prometheus.GaugeOpts{Name: "mpbot_push_remaining",
			Help: "Recipients the daily push running in this process has yet to reach (0 when none runs here)."}),
	}
	reg.MustRegister(o.search, o.reloads, o.rejected, o.pushes, o.pushDone, o.pushRemaining)
	return o
}

// watchRedis exports the Redis connection's counts.
func (o *observability) watchRedis(r *fleet.Redis) {
	o.reg.MustRegister(
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "mpbot_redis_round_trips_total",
			Help: "Commands and pipelines sent to Redis (a message costs at most one; messages claimed together share one)."}, func() float64 { return float64(r.RoundTrips()) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "mpbot_redis_lost_writes_total",
			Help: "Answers and numbered lists Redis did not take (WeChat's retries of those messages may be answered twice on other replicas)."},
			func() float64 { return float64(r.LostWrites()) }))
}

func (o *observability) handler() http.Handler {
	return promhttp.HandlerFor(o.reg, promhttp.HandlerOpts{})
}

// recordPush counts a run's outcome.
func (o *observability) recordPush(res jobs.Result) {
	o.pushes.WithLabelValues("sent", "").Add(float64(res.Sent))
	o.pushes.WithLabelValues("unknown", "").Add(float64(res.Unknown))
	for reason, n := range res.Skipped {
		o.pushes.WithLabelValues("skipped", reason).Add(float64(n))
	}
	for reason, n := range res.Failed {
		o.pushes.WithLabelValues("failed", reason).Add(float64(n))
	}
}

// timedCatalog measures the bot's searches.
type timedCatalog struct {
	*search.Library
	latency prometheus.Histogram
}

func (c timedCatalog) Search(ctx context.Context, query string, n int) ([]content.Hit, error) {
	start := time.Now()
	hits, err := c.Library.Search(ctx, query, n)
	c.latency.Observe(time.Since(start).Seconds())
	return hits, err
}

type requestIDKey struct{}

// withRequestID gives every request an id, in its context (where the log
// handler finds it) and in the X-Request-Id response header: a prefix
// random to the process and a counter, so no request waits on the system's
// random source.
func withRequestID(next http.Handler) http.Handler {
	var prefix [6]byte
	rand.Read(prefix[:])
	var seq atomic.Uint64
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b [32]byte
		id := string(strconv.AppendUint(hex.AppendEncode(b[:0], prefix[:]), seq.Add(1), 36))
		w.Header()["X-Request-Id"] = []string{id}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestIDKey{}, id)))
	})
}

// requestIDHandler adds the request id from the context to every record.
type requestIDHandler struct{ slog.Handler }

func (h requestIDHandler) Handle(ctx context.Context, r slog.Record) error {
	if id, ok := ctx.Value(requestIDKey{}).(string); ok {
		r.AddAttrs(slog.String("request_id", id))
	}
	return h.Handler.Handle(ctx, r)
}

func (h requestIDHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return requestIDHandler{h.Handler.WithAttrs(attrs)}
}

func (h requestIDHandler) WithGroup(name string) slog.Handler {
	return requestIDHandler{h.Handler.WithGroup(name)}
}

// repeatLimit lets a warning or an error written while answering a
// webhook call through at most once per repeatEvery for each message (and
// reason, where it has one); the next let through carries how many like
// it were left out meanwhile (left_out). An outage (Redis down, the store
// hung) otherwise wrote a few lines per message per replica, with nothing
// rate-limited (a fleet run's find: a hundred lines in 25 s). Messages are
// the code's constants: the map stays small, and is emptied if it is not.
type repeatLimit struct {
	slog.Handler
	seen *repeats
}

type repeats struct {
	mu   sync.Mutex
	last map[string]*repeated
}

type repeated struct {
	at      time.Time
	leftOut int
}

const (
	repeatEvery = 10 * time.Second
	maxRepeats  = 4096
)

// limitRepeats is serve's log: its lines come per message.
func limitRepeats(l *slog.Logger) *slog.Logger {
	return slog.New(repeatLimit{l.Handler(), &repeats{last: map[string]*repeated{}}})
}

func (h repeatLimit) Handle(ctx context.Context, r slog.Record) error {
	if _, answering := ctx.Value(requestIDKey{}).(string); !answering || r.Level < slog.LevelWarn {
		// Only lines written while answering a message come per message:
		// a config edit's warnings, a few seconds apart, each matter.
		return h.Handler.Handle(ctx, r)
	}
	// A line's reason is part of what it says: the webhook's rejections,
	// one message, limit themselves per reason, and four kinds within 10 s
	// had written one line (a hostile run's find).
	key := r.Message
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "reason" {
			key += "\x00" + a.Value.String()
			return false
		}
		return true
	})
	leftOut, pass := h.seen.pass(key, r.Time)
	if !pass {
		return nil
	}
	if leftOut > 0 {
		r = r.Clone()
		r.AddAttrs(slog.Int("left_out", leftOut))
	}
	return h.Handler.Handle(ctx, r)
}

// pass reports whether a line of msg at t goes out, and how many were left
// out since the last that did.
func (s *repeats) pass(msg string, t time.Time) (leftOut int, pass bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.last[msg]
	switch {
	case p == nil:
		if len(s.last) >= maxRepeats {
			clear(s.last)
		}
		s.last[msg] = &repeated{at: t}
		return 0, true
	case t.Sub(p.at) < repeatEvery:
		p.leftOut++
		return 0, false
	}
	leftOut, p.at, p.leftOut = p.leftOut, t, 0
	return leftOut, true
}

func (h repeatLimit) WithAttrs(attrs []slog.Attr) slog.Handler {
	return repeatLimit{h.Handler.WithAttrs(attrs), h.seen}
}

func (h repeatLimit) WithGroup(name string) slog.Handler {
	return repeatLimit{h.Handler.WithGroup(name), h.seen}
}

// quietLogger is the one-shot commands' log: warnings and errors only, as
// text, beside what the command prints.
func quietLogger(w io.Writer) *slog.Logger {
	return newLogger(LogConfig{Level: "warn", Format: "text"}, w)
}

func newLogger(c LogConfig, w io.Writer) *slog.Logger {
	var level slog.Level
	level.UnmarshalText([]byte(c.Level))
	opts := &slog.HandlerOptions{Level: level}
	if c.Format == "json" {
		return slog.New(requestIDHandler{slog.NewJSONHandler(w, opts)})
	}
	return slog.New(requestIDHandler{slog.NewTextHandler(w, opts)})
}
