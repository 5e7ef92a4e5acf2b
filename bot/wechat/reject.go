package wechat

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// rejection is a request refused with a status, the kind of problem (the
// log summarises by kind) and a detail for the log; the caller sees only
// the status text.
type rejection struct {
	status int
	kind   string
	detail string
}

func (r *rejection) Error() string {
	if r.detail == "" {
		return r.kind
	}
	return r.kind + ": " + r.detail
}

// reject builds a rejection. Anything in args that came with the request
// must go through field, so that no log line carries more of it than
// fieldMax bytes, unquoted.
func reject(status int, kind, format string, args ...any) *rejection {
	r := &rejection{status: status, kind: kind}
	if format != "" {
		r.detail = fmt.Sprintf(format, args...)
	}
	return r
}

// fieldMax is the most of one request field a log line shows.
const fieldMax = 64

// quotedValue is a value an error message quotes, escapes and all
// (strconv quotes 1"x as "1\"x").
var quotedValue = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// field quotes a value from a request for a log line, cut to fieldMax
// bytes: a 500 KB timestamp must not become 500 KB of log.
func field(s string) string { return cutQuoted(s, fieldMax) }

// errField is a parser's error for a log line: what it quotes of the
// request left out, the rest (its own words, the line, a tag's name) cut
// to errTextMax bytes. Cut as a request field, the parser's own text had
// lost its point (a hostile run's find).
func errField(err error) string {
	return cutQuoted(quotedValue.ReplaceAllString(err.Error(), `"…"`), errTextMax)
}

// errTextMax is the most of a parser's error a log line shows.
const errTextMax = 240

func cutQuoted(s string, max int) string {
	if len(s) <= max {
		return strconv.Quote(s)
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + fmt.Sprintf("…(%d bytes)", len(s))
}

// clientAddr is the request's client: the connection's peer, or, when the
// peer is one of the trusted proxies, the nearest address in
// X-Forwarded-For that is not a trusted proxy. X-Forwarded-For from anyone
// else is ignored: anybody can write it.
// ClientAddr is the address of r's client: its peer's, or, when the peer
// is one of the trusted proxies, the last address X-Forwarded-For names
// that is not one of them.
func ClientAddr(r *http.Request, trusted []netip.Prefix) string { return clientAddr(r, trusted) }

func clientAddr(r *http.Request, trusted []netip.Prefix) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	peer, err := netip.ParseAddr(host)
	if err != nil || !trustedAddr(peer, trusted) {
		return host
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0 && i >= len(hops)-maxHops; i-- {
		addr, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			return host // a malformed hop: trust nothing before it
		}
		if !trustedAddr(addr, trusted) {
			return addr.String()
		}
	}
	return host
}

// maxHops bounds how many X-Forwarded-For entries are looked at.
const maxHops = 8

func trustedAddr(a netip.Addr, trusted []netip.Prefix) bool {
	a = a.Unmap()
	for _, p := range trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// ParseProxies reads server.trusted_proxies: addresses (10.0.0.5) and
// networks (10.0.0.0/8).
func ParseProxies(list []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, s := range list {
		if p, err := netip.ParsePrefix(s); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(s)
		if err != nil {
			return nil, fmt.Errorf("%q is not an IP address or network", s)
		}
		out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
	}
	return out, nil
}

// rejectLog writes rejected requests to the log, at most one line per kind
// per interval: the first with its detail, then, when the interval ends, one
// line with how many more there were. A flood of forged requests costs a few
// lines, not a disk.
type rejectLog struct {
	log      *slog.Logger
	interval time.Duration

	mu    sync.Mutex
	kinds map[string]*rejectKind
}

type rejectKind struct {
	until      time.Time
	suppressed int
	last       string // the last suppressed one's client
	timer      *time.Timer
}

// rejectInterval is how often each kind of rejection is logged at most.
const rejectInterval = 10 * time.Second

func newRejectLog(log *slog.Logger) *rejectLog {
	return &rejectLog{log: log, interval: rejectInterval, kinds: map[string]*rejectKind{}}
}

func (l *rejectLog) add(ctx context.Context, rej *rejection, client string, now time.Time) {
	l.mu.Lock()
	k := l.kinds[rej.kind]
	if k == nil {
		k = &rejectKind{}
		l.kinds[rej.kind] = k
	}
	if now.Before(k.until) {
		k.suppressed++
		k.last = client
		if k.timer == nil {
			k.timer = time.AfterFunc(k.until.Sub(now), func() { l.flush(rej.kind) })
		}
		l.mu.Unlock()
		return
	}
	k.until = now.Add(l.interval)
	l.mu.Unlock()
	l.log.WarnContext(ctx, "webhook request rejected", "status", rej.status, "reason", rej.kind, "detail", rej.detail, "remote", client)
}

// flush logs how many rejections of kind were not logged one by one.
func (l *rejectLog) flush(kind string) {
	l.mu.Lock()
	k := l.kinds[kind]
	n, last := k.suppressed, k.last
	k.suppressed, k.timer = 0, nil
	l.mu.Unlock()
	if n > 0 {
		l.log.Warn("webhook requests rejected", "reason", kind, "count", n, "within", l.interval, "last_remote", last)
	}
}

// close logs what is pending, at shutdown.
func (l *rejectLog) close() {
	l.mu.Lock()
	var kinds []string
	for kind, k := range l.kinds {
		if k.timer != nil && k.timer.Stop() {
			kinds = append(kinds, kind)
		}
	}
	l.mu.Unlock()
	for _, kind := range kinds {
		l.flush(kind)
	}
}
