package admin

import (
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/time/rate"
)

// Wrong tokens are allowed a burst of guessesBurst from one address, then
// one each guessInterval: an operator mistyping is never slowed, and a
// client guessing (2,000 wrong tokens in 18 s had all been answered: a
// hostile-input run's find) gets a few a minute. Behind a proxy, clients
// are told apart as server.trusted_proxies lets the webhook tell them;
// without it every client has the proxy's address, and a guesser holds the
// operator off for as long as it goes on (a re-check's find).
const (
	guessesBurst   = 10
	guessInterval  = 6 * time.Second
	guessAddresses = 4096 // the addresses remembered, the least recent forgotten
)

// wrongTokens counts the wrong tokens each address sent, as a token bucket.
type wrongTokens struct {
	mu     sync.Mutex
	by     *lru.Cache[string, *rate.Limiter]
	client func(*http.Request) string
}

func newWrongTokens(client func(*http.Request) string) *wrongTokens {
	by, _ := lru.New[string, *rate.Limiter](guessAddresses) // the size is positive: no error
	if client == nil {
		client = peerAddress
	}
	return &wrongTokens{by: by, client: client}
}

// wait is how long the address of r must wait before its next token is
// checked: zero while it has guesses left.
func (g *wrongTokens) wait(r *http.Request) time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	l, ok := g.by.Get(g.client(r))
	if !ok {
		return 0
	}
	if left := l.TokensAt(time.Now()); left < 1 {
		return time.Duration((1 - left) * float64(guessInterval))
	}
	return 0
}

// failed counts a wrong token from the address of r, and reports whether
// it was the address's last guess for now.
func (g *wrongTokens) failed(r *http.Request) (last bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	addr := g.client(r)
	l, ok := g.by.Get(addr)
	if !ok {
		l = rate.NewLimiter(rate.Every(guessInterval), guessesBurst)
		g.by.Add(addr, l)
	}
	now := time.Now()
	l.AllowN(now, 1)
	return l.TokensAt(now) < 1
}

// peerAddress is the host of r's remote address.
func peerAddress(r *http.Request) string {
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return host
	}
	return r.RemoteAddr
}

// tooManyGuesses answers a request from an address out of guesses.
func tooManyGuesses(w http.ResponseWriter, wait time.Duration) {
	secs := int((wait + time.Second - 1) / time.Second)
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	http.Error(w, "refused: too many wrong tokens from this address; try again in "+strconv.Itoa(secs)+" s", http.StatusTooManyRequests)
}
