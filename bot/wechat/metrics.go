package wechat

import (
	"mpbot/bot"
	"strconv"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the webhook's and the API client's Prometheus metrics. A nil
// *Metrics records nothing.
type Metrics struct {
	messages       counters
	replies        counters
	latency        prometheus.Histogram
	rejections     *prometheus.CounterVec
	dedupeHits     prometheus.Counter
	fallbacks      prometheus.Counter
	apiCalls       *prometheus.CounterVec
	tokenRefreshes prometheus.Counter
	sharedErrors   prometheus.Counter
	takeovers      prometheus.Counter
}

// NewMetrics creates the metrics and registers them with reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		messages: resolve(prometheus.NewCounterVec(prometheus.CounterOpts{Name: "mpbot_messages_total",
			Help: "Webhook messages and events received, by kind."}, []string{"kind"}),
			bot.KindText, bot.KindVoice, bot.KindImage, bot.KindVideo, bot.KindLocation, bot.KindLink, bot.KindOther,
			bot.KindSubscribe, bot.KindUnsubscribe, bot.KindClick, bot.KindView, bot.KindScan, bot.KindLocationEv, bot.KindEvent),
		replies: resolve(prometheus.NewCounterVec(prometheus.CounterOpts{Name: "mpbot_replies_total",
			Help: "Passive replies written, by kind (success when there was nothing to say)."}, []string{"kind"}),
			"success", bot.ReplyText, bot.ReplyNews, bot.ReplyImage, bot.ReplyVoice, bot.ReplyVideo, bot.ReplyMusic, bot.ReplyTransfer),
		latency: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "mpbot_reply_seconds",
			Help:    "Time from a verified webhook request to its answer.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5}}),
		rejections: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "mpbot_rejected_requests_total",
			Help: "Webhook requests refused, by HTTP status."}, []string{"status"}),
		dedupeHits: prometheus.NewCounter(prometheus.CounterOpts{Name: "mpbot_dedupe_hits_total",
			Help: "WeChat retries answered from the first request's reply."}),
		fallbacks: prometheus.NewCounter(prometheus.CounterOpts{Name: "mpbot_deadline_fallbacks_total",
			Help: "Replies too late for the passive answer: WeChat got success, and the reply goes through the customer-service API (dropped without wechat.app_secret)."}),
		apiCalls: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "mpbot_wechat_api_calls_total",
			Help: "WeChat API calls, by endpoint and errcode (0: ok, -2: no answer)."}, []string{"endpoint", "errcode"}),
		tokenRefreshes: prometheus.NewCounter(prometheus.CounterOpts{Name: "mpbot_token_refreshes_total",
			Help: "Access tokens dropped because WeChat called them stale."}),
		sharedErrors: prometheus.NewCounter(prometheus.CounterOpts{Name: "mpbot_shared_state_errors_total",
			Help: "Times the shared reply state (Redis) failed and dedupe fell back to this process."}),
		takeovers: prometheus.NewCounter(prometheus.CounterOpts{Name: "mpbot_claims_taken_over_total",
			Help: "Messages another replica claimed and left unanswered (it died), answered by this one."}),
	}
	reg.MustRegister(m.messages.vec, m.replies.vec, m.latency, m.rejections, m.dedupeHits, m.fallbacks, m.apiCalls, m.tokenRefreshes, m.sharedErrors, m.takeovers)
	return m
}

func (m *Metrics) message(kind string) {
	if m != nil {
		m.messages.inc(kind)
	}
}

func (m *Metrics) reply(kind string, seconds float64) {
	if m != nil {
		m.replies.inc(kind)
		m.latency.Observe(seconds)
	}
}

func (m *Metrics) rejected(status int) {
	if m != nil {
		m.rejections.WithLabelValues(strconv.Itoa(status)).Inc()
	}
}

func (m *Metrics) dedupeHit() {
	if m != nil {
		m.dedupeHits.Inc()
	}
}

func (m *Metrics) fallback() {
	if m != nil {
		m.fallbacks.Inc()
	}
}

func (m *Metrics) apiCall(endpoint string, err error) {
	if m == nil {
		return
	}
	code := "0"
	if err != nil {
		code = strconv.FormatInt(ErrorCode(err), 10)
		if code == "0" {
			code = "-2"
		}
	}
	m.apiCalls.WithLabelValues(endpoint, code).Inc()
}

func (m *Metrics) tokenRefresh() {
	if m != nil {
		m.tokenRefreshes.Inc()
	}
}

func (m *Metrics) takeover() {
	if m != nil {
		m.takeovers.Inc()
	}
}

func (m *Metrics) sharedStateError() {
	if m != nil {
		m.sharedErrors.Inc()
	}
}

// counters is a CounterVec with the children for its known label values
// looked up once: WithLabelValues hashes the value and takes a lock on
// every call, twice a message here.
type counters struct {
	vec   *prometheus.CounterVec
	known map[string]prometheus.Counter // read-only after resolve
}

func resolve[V ~string](vec *prometheus.CounterVec, values ...V) counters {
	c := counters{vec: vec, known: make(map[string]prometheus.Counter, len(values))}
	for _, v := range values {
		c.known[string(v)] = vec.WithLabelValues(string(v))
	}
	return c
}

func (c counters) inc(value string) {
	if x, ok := c.known[value]; ok {
		x.Inc()
		return
	}
	c.vec.WithLabelValues(value).Inc()
}
