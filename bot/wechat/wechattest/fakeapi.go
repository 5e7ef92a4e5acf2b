// Package wechattest provides a fake WeChat API server for tests: it hands
// out access tokens, records every call, and fails on demand.
package wechattest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"time"
)

// Call is one request the fake received.
type Call struct {
	Path  string
	Token string // the access_token query parameter
	Body  []byte
}

// Fault is an injected failure: an errcode answer, or an HTTP status.
type Fault struct {
	ErrCode int
	ErrMsg  string
	Status  int // when set, answer with this HTTP status instead
	// Drop closes the connection once the request is read: WeChat took
	// the call and its answer never came (a timeout reads the same).
	Drop bool
}

// FakeAPI is an httptest server speaking enough of the WeChat API.
type FakeAPI struct {
	*httptest.Server
	// Delay, if set, is how long every answer takes (set before use).
	Delay time.Duration

	mu       sync.Mutex
	calls    []Call
	faults   map[string][]Fault
	always   map[string]Fault
	handlers map[string]func(query url.Values, body []byte) any
	raw      map[string]http.HandlerFunc
	tokens   int
	current  string
	notify   chan Call
}

// NewFakeAPI starts a fake. Close it when done.
func NewFakeAPI() *FakeAPI {
	f := &FakeAPI{faults: map[string][]Fault{}, always: map[string]Fault{}, handlers: map[string]func(url.Values, []byte) any{}, raw: map[string]http.HandlerFunc{},
		notify: make(chan Call, 1024)}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	return f
}

// Fail queues faults for path: the next calls to it get them in order.
func (f *FakeAPI) Fail(path string, faults ...Fault) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.faults[path] = append(f.faults[path], faults...)
}

// FailAlways makes every call to path get fault, until Recover.
func (f *FakeAPI) FailAlways(path string, fault Fault) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.always[path] = fault
}

// Recover clears path's faults, queued or always.
func (f *FakeAPI) Recover(path string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.faults, path)
	delete(f.always, path)
}

// Handle answers calls to path with what fn returns (encoded as JSON), once
// the access token checks out.
func (f *FakeAPI) Handle(path string, fn func(query url.Values, body []byte) any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.handlers[path] = fn
}

// HandleRaw serves path with h, without an access token (WeChat's
// showqrcode, on mp.weixin.qq.com, takes none).
func (f *FakeAPI) HandleRaw(path string, h http.HandlerFunc) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.raw[path] = h
}

// ExpireToken makes the current access token stale: calls with it get
// 40001 until a new one is fetched.
func (f *FakeAPI) ExpireToken() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.current = "expired"
}

// Calls returns the calls to path so far ("" for all).
func (f *FakeAPI) Calls(path string) []Call {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Call
	for _, c := range f.calls {
		if path == "" || c.Path == path {
			out = append(out, c)
		}
	}
	return out
}

// Notify returns a channel that receives every call as it is answered.
func (f *FakeAPI) Notify() <-chan Call { return f.notify }

// TokensIssued reports how many access tokens the fake handed out.
func (f *FakeAPI) TokensIssued() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.tokens
}

func (f *FakeAPI) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if f.Delay > 0 {
		time.Sleep(f.Delay)
	}
	c := Call{Path: r.URL.Path, Token: r.URL.Query().Get("access_token"), Body: body}
	f.mu.Lock()
	f.calls = append(f.calls, c)
	if h := f.raw[c.Path]; h != nil {
		f.mu.Unlock()
		h(w, r)
		f.announce(c)
		return
	}
	var fault *Fault
	if q := f.faults[c.Path]; len(q) > 0 {
		fault = &q[0]
		f.faults[c.Path] = q[1:]
	} else if a, ok := f.always[c.Path]; ok {
		fault = &a
	}
	var answer any
	switch {
	case fault != nil && fault.Drop:
		f.mu.Unlock()
		if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
			conn.Close()
		}
		f.announce(c)
		return
	case fault != nil && fault.Status != 0:
		f.mu.Unlock()
		w.WriteHeader(fault.Status)
		f.announce(c)
		return
	case fault != nil:
		answer = map[string]any{"errcode": fault.ErrCode, "errmsg": fault.ErrMsg}
	case c.Path == "/cgi-bin/token" || c.Path == "/cgi-bin/stable_token":
		f.tokens++
		f.current = fmt.Sprintf("token-%d", f.tokens)
		answer = map[string]any{"access_token": f.current, "expires_in": 7200}
	case c.Token != f.current:
		answer = map[string]any{"errcode": 40001, "errmsg": "invalid credential, access_token is invalid or not latest"}
	case f.handlers[c.Path] != nil:
		answer = f.handlers[c.Path](r.URL.Query(), body)
	default:
		answer = map[string]any{"errcode": 0, "errmsg": "ok"}
	}
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(answer)
	f.announce(c)
}

func (f *FakeAPI) announce(c Call) {
	select {
	case f.notify <- c:
	default: // nobody is listening; Calls still has it
	}
}
