package admin

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"mpbot/insights"
)

// TestSessionCookieSecureBehindHTTPSProxy: the console serves plain
// HTTP only (Serve has no TLS), so r.TLS is always nil and the session
// cookie is never marked Secure, also when the operator reaches it over
// https through the proxy the README describes (which says so with
// X-Forwarded-Proto: https). The cookie, the console's whole password for
// 12 hours, is then sent in clear on any http:// request to that host.
func TestSessionCookieSecureBehindHTTPSProxy(t *testing.T) {
	srv := testConsole(t)
	req, _ := http.NewRequest("POST", srv.URL+"/login", strings.NewReader(url.Values{"token": {"the-console-token"}, "next": {"/"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Forwarded-Proto", "https")
	req.Header.Set("X-Forwarded-Host", "console.example")
	req.Header.Set("Origin", "https://console.example")
	code, _, resp := get(t, req)
	if code != http.StatusSeeOther {
		t.Fatalf("login: %d", code)
	}
	for _, c := range resp.Cookies() {
		if c.Name == cookieName && !c.Secure {
			t.Errorf("session cookie over https (X-Forwarded-Proto) is not Secure: %s", resp.Header.Get("Set-Cookie"))
		}
	}
}

// TestTokenGuessesAreLimited: wrong tokens are answered as fast as they
// come, without end: 2,000 login posts from one address in 18 s were all
// answered 401 (and logged, one line each), and the right token right
// after them logged in; guesses as a bearer are not even logged. A client
// guessing should be slowed or refused (429) after some failures.
func TestTokenGuessesAreLimited(t *testing.T) {
	srv := testConsole(t)
	limited := func(send func(i int) int) bool {
		for i := range 200 {
			if send(i) == http.StatusTooManyRequests {
				return true
			}
		}
		return false
	}
	if !limited(func(i int) int {
		req, _ := http.NewRequest("POST", srv.URL+"/login", strings.NewReader(url.Values{"token": {"guess-" + strings.Repeat("x", i%7)}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		code, _, _ := get(t, req)
		return code
	}) {
		t.Error("200 wrong login posts from one address: none refused as too many")
	}
	if !limited(func(i int) int {
		req, _ := http.NewRequest("GET", srv.URL+"/config", nil)
		req.Header.Set("Authorization", "Bearer guess-"+strings.Repeat("y", i%7))
		code, _, _ := get(t, req)
		return code
	}) {
		t.Error("200 wrong bearer tokens from one address: none refused as too many")
	}
}

// TestRightTokenWaitsOutGuesses: once an address is out of guesses, its
// tokens are refused unchecked (the right one too, or guessing would go
// on); the wait is said, and a session already open goes on.
func TestRightTokenWaitsOutGuesses(t *testing.T) {
	srv := testConsole(t)
	post := func(token string) (int, string, *http.Response) {
		req, _ := http.NewRequest("POST", srv.URL+"/login", strings.NewReader(url.Values{"token": {token}, "next": {"/"}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		return get(t, req)
	}
	code, _, resp := post("the-console-token")
	if code != http.StatusSeeOther {
		t.Fatalf("the right token first: %d", code)
	}
	cookie := resp.Cookies()[0]
	for i := range guessesBurst {
		if code, _, _ := post("wrong"); code != http.StatusUnauthorized {
			t.Fatalf("wrong token %d within the burst: %d, want 401", i+1, code)
		}
	}
	code, body, resp := post("the-console-token")
	if code != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" || !strings.Contains(body, "try again in") {
		t.Errorf("the right token after %d wrong ones: %d, Retry-After %q, %.200s", guessesBurst, code, resp.Header.Get("Retry-After"), body)
	}
	req, _ := http.NewRequest("GET", srv.URL+"/", nil)
	req.AddCookie(cookie)
	if code, _, _ := get(t, req); code != http.StatusOK {
		t.Errorf("a session opened before the guesses: %d", code)
	}
}

// TestGuessesCountedByTheProxiedClient: behind a trusted proxy every
// request comes from the proxy's address; counted by it, a guesser sending
// one wrong token each 6 s held the operator's right token off for as long
// as it went on (a re-check's find). Counted by the client the proxy names
// (Deps.ClientAddr, serve's from server.trusted_proxies), the operator gets
// in while the guesser is refused.
func TestGuessesCountedByTheProxiedClient(t *testing.T) {
	c := New(Deps{
		Token:      "the-console-token",
		Report:     func(context.Context, time.Time) (*insights.Report, error) { return &insights.Report{}, nil },
		Check:      func(context.Context) ConfigCheck { return ConfigCheck{File: "config.yaml"} },
		ClientAddr: func(r *http.Request) string { return r.Header.Get("X-Forwarded-For") },
		Log:        slog.New(slog.DiscardHandler),
	})
	srv := httptest.NewServer(c)
	t.Cleanup(srv.Close)
	post := func(client, token string) int {
		req, _ := http.NewRequest("POST", srv.URL+"/login", strings.NewReader(url.Values{"token": {token}, "next": {"/"}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Forwarded-For", client)
		code, _, _ := get(t, req)
		return code
	}
	for range guessesBurst {
		post("203.0.113.9", "guess")
	}
	if code := post("203.0.113.9", "guess"); code != http.StatusTooManyRequests {
		t.Errorf("the guesser after %d wrong tokens: %d, want 429", guessesBurst, code)
	}
	if code := post("198.51.100.7", "the-console-token"); code != http.StatusSeeOther {
		t.Errorf("the operator, another client behind the same proxy: %d, want 303", code)
	}
}
