package wechat

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/silenceper/wechat/v2/officialaccount/message"

	"mpbot/bot"
	"mpbot/content"
)

// DefaultAPIBase is WeChat's API host.
const DefaultAPIBase = "https://api.weixin.qq.com"

// APIConfig says how to reach the WeChat API.
type APIConfig struct {
	AppID, AppSecret string
	Base             string        // e.g. http://127.0.0.1:9000 to talk to a local fake
	StableToken      bool          // use the stable_token endpoint
	Timeout          time.Duration // per HTTP call
	Attempts         int           // tries for a retryable failure
	Backoff          time.Duration // first retry delay; doubles, with jitter
	Metrics          *Metrics      // may be nil
	// Tokens holds the access token; nil keeps it in this process. A fleet
	// shares one (Redis), with Lock so one replica at a time fetches it.
	Tokens TokenStore
	Lock   func(ctx context.Context, name string, ttl time.Duration) (unlock func(), err error)
}

// TokenStore keeps the access token where the processes that use it can
// read it.
type TokenStore interface {
	// Token returns the stored token, "" when there is none.
	Token(ctx context.Context, key string) (string, error)
	SetToken(ctx context.Context, key, token string, ttl time.Duration) error
	// DropToken removes key only while it still holds token: a concurrent
	// caller may have stored a fresh one, which must not be thrown away.
	DropToken(ctx context.Context, key, token string) error
}

// API is mpbot's WeChat API client. It makes its own HTTP calls, with its own
// client, timeout and base URL, and reads WeChat's errcodes from the JSON
// answers; the SDK is not involved (its client has no timeout, its URL hook
// and logger are process-wide, it never drops a token WeChat refused, and it
// reports errcodes only inside error texts).
type API struct {
	cfg      APIConfig
	http     *http.Client
	base     string
	tokens   TokenStore
	tokenKey string
	log      *slog.Logger
	// Sleep waits between retries; tests replace it to avoid real sleeps.
	Sleep func(ctx context.Context, d time.Duration) error
	// fetch is one token fetch at a time in this process: callers that find
	// no token wait for the one fetching it rather than each fetching (and
	// so revoking the previous token).
	fetch sync.Mutex
	// kept is the token this process last fetched or read, until when it
	// may be used: while the shared store cannot be read (Redis down),
	// calls use it rather than each fetch one (WeChat allows about 2,000
	// fetches a day, and a push to 2,000 followers used them up).
	kept struct {
		sync.Mutex
		tok   string
		until time.Time
	}
	// refused is WeChat's last refusal to give a token (a wrong AppSecret,
	// this server's IP not whitelisted), or a fetch it left unanswered,
	// answered again without asking until then: asked again for every
	// follower of a push, it used up the day's fetches. Held with fetch.
	refused struct {
		err   error
		until time.Time
	}
}

// refusalKept is how long a refused token fetch is answered from memory:
// long enough that a push or a busy webhook asks once a minute, short
// enough that a fixed secret (or whitelist) works at once. A fetch taken
// and left without an answer (a token endpoint hung: each caller waits out
// the client's timeout) is kept for failureKept: the callers that waited
// for it share its failure, as they share a token, instead of each waiting
// out the timeout in turn and again on each retry (a review's find: 8
// senders, 32 fetches of 10 s).
const (
	refusalKept = time.Minute
	failureKept = 5 * time.Second
)

// keptReadFor is how long a token read from the shared store is used once
// the store cannot be read: its expiry is the store's, and another replica
// may replace it meanwhile.
const keptReadFor = 5 * time.Minute

func (a *API) keep(tok string, d time.Duration) {
	a.kept.Lock()
	defer a.kept.Unlock()
	a.kept.tok, a.kept.until = tok, time.Now().Add(d)
}

// keptToken is the kept token while it may be used.
func (a *API) keptToken() (string, bool) {
	a.kept.Lock()
	defer a.kept.Unlock()
	return a.kept.tok, a.kept.tok != "" && time.Now().Before(a.kept.until)
}

// forget drops the kept token if it is tok (WeChat refused it).
func (a *API) forget(tok string) {
	a.kept.Lock()
	defer a.kept.Unlock()
	if a.kept.tok == tok {
		a.kept.tok = ""
	}
}

// NewAPI returns a client.
func NewAPI(cfg APIConfig, log *slog.Logger) *API {
	if cfg.Base == "" {
		cfg.Base = DefaultAPIBase
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.Attempts <= 0 {
		cfg.Attempts = 4
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = 500 * time.Millisecond
	}
	a := &API{cfg: cfg, http: &http.Client{Timeout: cfg.Timeout}, base: strings.TrimRight(cfg.Base, "/"),
		tokens: cfg.Tokens, log: log, Sleep: sleepCtx}
	if a.tokens == nil {
		a.tokens = newTokenCache()
	}
	a.tokenKey = "access_token:" + cfg.AppID
	if cfg.StableToken {
		a.tokenKey = "stable_access_token:" + cfg.AppID
	}
	return a
}

// Error is a failed WeChat API call: WeChat's errcode from the answer's
// JSON, an HTTP status, or a transport failure.
type Error struct {
	Endpoint string
	Code     int64 // WeChat errcode, 0 when the failure was not an API answer
	Status   int   // HTTP status when the server did not answer 200
	Msg      string
	// Unsure is a transport failure after the request may have reached
	// WeChat (no answer within the timeout, a connection reset, an answer
	// cut off): the call may have taken effect.
	Unsure bool
}

// MaybeDelivered reports whether the call may have taken effect though it
// failed: a message so is not sent again, as WeChat's sends have no
// idempotency key. A token fetch left unanswered sent nothing (it had been
// read as the send's own: every follower of a run was settled as perhaps
// delivered, and the day done, with no message sent: a review's find).
func (e *Error) MaybeDelivered() bool { return e.Unsure && !e.TokenUnavailable() }

// sends are the endpoints that deliver a message without an idempotency
// key: a call to one that may have taken effect is not retried. (Template
// sends and mass sends carry a clientmsgid, and WeChat drops a repeat:
// they are retried.)
var sends = map[string]bool{
	"/cgi-bin/message/custom/send":  true,
	"/cgi-bin/message/mass/preview": true,
	// Nor is a permanent material's upload: each copy counts against the
	// account's quota (1,000 voice or video, 5,000 images), and only the
	// last media_id would have been printed.
	"/cgi-bin/material/add_material": true,
}

func (e *Error) Error() string {
	switch {
	case e.Code != 0:
		return fmt.Sprintf("wechat %s: errcode %d: %s", e.Endpoint, e.Code, e.Msg)
	case e.Status != 0:
		return fmt.Sprintf("wechat %s: http status %d", e.Endpoint, e.Status)
	}
	return fmt.Sprintf("wechat %s: %s", e.Endpoint, e.Msg)
}

// Errcode is WeChat's errcode, 0 when WeChat did not answer with one. It
// is how other packages (the push job) read the code without importing
// this one.
func (e *Error) Errcode() int64 { return e.Code }

// Retryable reports whether trying again later may succeed.
func (e *Error) Retryable() bool {
	if e.Code != 0 { // WeChat's word, whatever the status a proxy gave it
		return e.Code == -1 || e.Code == 45011
	}
	return e.Status == 0 || e.Status >= 500 || e.Status == http.StatusTooManyRequests
}

// TokenUnavailable reports whether the call failed for want of an access
// token (the fetch was refused or went unanswered): nothing was sent.
func (e *Error) TokenUnavailable() bool {
	return e.Endpoint == "/cgi-bin/token" || e.Endpoint == "/cgi-bin/stable_token"
}

// TokenStale reports whether WeChat rejected the access token itself.
func (e *Error) TokenStale() bool { return e.Code == 40001 || e.Code == 42001 || e.Code == 40014 }

// ErrorCode returns the WeChat errcode in err, or 0.
func ErrorCode(err error) int64 {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return 0
}

// Post calls endpoint (a path such as /cgi-bin/message/custom/send) with a
// JSON body. Transient failures are retried with exponential backoff and
// jitter; a stale token is dropped, refetched and the call tried once more.
func (a *API) Post(ctx context.Context, endpoint string, body any, out any) error {
	payload, err := encodeJSON(body)
	if err != nil {
		return fmt.Errorf("wechat %s: %w", endpoint, err)
	}
	return a.call(ctx, endpoint, func(tok string) (*http.Request, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.url(endpoint, url.Values{"access_token": {tok}}), bytes.NewReader(payload))
		if err == nil {
			req.Header.Set("Content-Type", "application/json; charset=utf-8")
		}
		return req, err
	}, out)
}

// Get calls endpoint with a GET and query parameters (without the token),
// with the same retries and token handling as Post.
func (a *API) Get(ctx context.Context, endpoint string, query url.Values, out any) error {
	return a.call(ctx, endpoint, func(tok string) (*http.Request, error) {
		q := url.Values{}
		for k, v := range query {
			q[k] = v
		}
		q.Set("access_token", tok)
		return http.NewRequestWithContext(ctx, http.MethodGet, a.url(endpoint, q), nil)
	}, out)
}

// upload posts a file as multipart form field "media", with other form
// fields beside it (material and media uploads), with the same retries and
// token handling as Post.
func (a *API) upload(ctx context.Context, endpoint string, query url.Values, filename string, data []byte, fields map[string]string, out any) error {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("media", filename)
	if err == nil {
		_, err = fw.Write(data)
	}
	for k, v := range fields {
		if err == nil {
			err = mw.WriteField(k, v)
		}
	}
	if err == nil {
		err = mw.Close()
	}
	if err != nil {
		return fmt.Errorf("wechat %s: %w", endpoint, err)
	}
	return a.call(ctx, endpoint, func(tok string) (*http.Request, error) {
		q := url.Values{}
		for k, v := range query {
			q[k] = v
		}
		q.Set("access_token", tok)
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.url(endpoint, q), bytes.NewReader(body.Bytes()))
		if err == nil {
			req.Header.Set("Content-Type", mw.FormDataContentType())
		}
		return req, err
	}, out)
}

func (a *API) url(endpoint string, q url.Values) string {
	return a.base + endpoint + "?" + q.Encode()
}

// encodeJSON encodes as WeChat expects: UTF-8 as is, & and < not escaped.
func encodeJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func (a *API) call(ctx context.Context, endpoint string, build func(token string) (*http.Request, error), out any) error {
	refreshed := false
	var last error
	for attempt := 0; attempt < a.cfg.Attempts; attempt++ {
		// Ended (Ctrl-C, SIGTERM): no call starts; one under way is
		// finished by do (a review's find: a context ended before the
		// call no longer stopped it, and an import paged on after Ctrl-C).
		if err := ctx.Err(); err != nil {
			return errors.Join(last, fmt.Errorf("wechat %s: %w", endpoint, err))
		}
		if attempt > 0 {
			d := a.cfg.Backoff << (attempt - 1)
			d += rand.N(d/2 + 1) // jitter keeps a fleet of retries from arriving together
			if err := a.Sleep(ctx, d); err != nil {
				return errors.Join(last, err)
			}
		}
		tok, err := a.once(ctx, endpoint, build, out)
		if e, ok := errors.AsType[*Error](err); !ok || !e.TokenUnavailable() {
			// A token the fetch did not get is the fetch's call, counted
			// there: none went to endpoint (a push run's find: custom/send
			// counted as answered 40125).
			a.cfg.Metrics.apiCall(endpoint, err)
		}
		if err == nil {
			return nil
		}
		last = err
		var e *Error
		if !errors.As(err, &e) {
			return err
		}
		if e.TokenStale() && !refreshed && tok != "" {
			refreshed = true
			a.forget(tok)
			kctx, cancel := keepingContext(ctx)
			err := a.tokens.DropToken(kctx, a.tokenKey, tok)
			cancel()
			if err != nil {
				a.log.WarnContext(ctx, "could not drop the refused access token", "err", err)
			}
			a.cfg.Metrics.tokenRefresh()
			a.log.WarnContext(ctx, "wechat rejected the access token; fetching a new one", "endpoint", endpoint, "errcode", e.Code)
			attempt-- // the refresh is not a retry of a transient failure
			continue
		}
		if e.MaybeDelivered() && sends[endpoint] {
			// WeChat may have delivered it: a retry could deliver it twice.
			return err
		}
		if !e.Retryable() {
			return err
		}
		if attempt+1 < a.cfg.Attempts {
			a.log.WarnContext(ctx, "wechat call failed; will retry", "endpoint", endpoint, "attempt", attempt+1, "err", err)
		}
	}
	return last
}

// once makes one call and returns the token it used.
func (a *API) once(ctx context.Context, endpoint string, build func(token string) (*http.Request, error), out any) (string, error) {
	tok, err := a.accessToken(ctx)
	if err != nil {
		return "", err
	}
	req, err := build(tok)
	if err != nil {
		return tok, fmt.Errorf("wechat %s: %w", endpoint, err)
	}
	return tok, a.do(req, endpoint, out)
}

// uploadFloor is the slowest upload rate, in bytes a second, an upload's
// time is allowed for (512 kbit/s): 10 MB may take 170 s.
const uploadFloor = 64 << 10

// do sends req and decodes WeChat's answer: an errcode in the JSON is an
// *Error with that code, whatever the HTTP status.
func (a *API) do(req *http.Request, endpoint string, out any) error {
	// Whether the request was written decides whether a failure may have
	// taken effect: a refused dial, a proxy or TLS failure never reach
	// WeChat, a timeout after the request may have.
	//
	// A call under way is not cut off when its context ends (a shutdown):
	// its outcome would be unknown, a message perhaps delivered and
	// recorded as not; the client's timeout bounds it, and call makes no
	// further attempt.
	var wrote atomic.Bool
	req = req.WithContext(httptrace.WithClientTrace(context.WithoutCancel(req.Context()), &httptrace.ClientTrace{
		WroteRequest: func(info httptrace.WroteRequestInfo) { wrote.Store(info.Err == nil) },
	}))
	client := a.http
	if n := req.ContentLength; n > uploadFloor {
		// An upload's time is its size's: a 10 MB video needs 16.8 s of a
		// 5 Mbps uplink, and every attempt had been cut at the call's 10 s
		// (a review's find). It may take as long as the floor rate allows.
		c := *a.http
		c.Timeout += time.Duration(n) * time.Second / uploadFloor
		client = &c
	}
	resp, err := client.Do(req)
	if err != nil {
		if ctxErr := req.Context().Err(); ctxErr != nil {
			return fmt.Errorf("wechat %s: %w", endpoint, ctxErr)
		}
		return &Error{Endpoint: endpoint, Msg: redact(err.Error()), Unsure: wrote.Load()}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	if err != nil {
		return &Error{Endpoint: endpoint, Msg: "reading the answer: " + redact(err.Error()), Unsure: true}
	}
	if resp.StatusCode != http.StatusOK && !weChatsOK(body) {
		// WeChat answers 200 whatever it says; a 5xx is a proxy's
		// (wechat.api_base). A 504 says it passed the request on and
		// WeChat did not answer in time: a send so may have been
		// delivered, and is not sent again (a review's find: a 504 sent
		// the reading twice). 502 and 503 are most often an upstream not
		// reached, and are retried, as a proxy's 429 is. A proxy passing
		// WeChat's errcode on with its own status (403 and 40164, the IP
		// whitelist) keeps it: it had been "http status 403".
		e := &Error{Endpoint: endpoint, Status: resp.StatusCode, Unsure: resp.StatusCode == http.StatusGatewayTimeout}
		var ce struct {
			ErrCode int64  `json:"errcode"`
			ErrMsg  string `json:"errmsg"`
		}
		if json.Unmarshal(body, &ce) == nil && ce.ErrCode != 0 {
			e.Code, e.Msg = ce.ErrCode, withoutRequestID(redact(ce.ErrMsg))
		}
		return e
	}
	var ce struct {
		ErrCode int64  `json:"errcode"`
		ErrMsg  string `json:"errmsg"`
	}
	// An answer of 200 that does not read (cut short, a proxy's page
	// served as 200) came after the request reached WeChat: what it did
	// is unknown, and a send so is not sent again (a push run's find: it
	// was retried, four copies a run and four more each rerun).
	if err := json.Unmarshal(body, &ce); err != nil {
		return &Error{Endpoint: endpoint, Msg: "unreadable answer: " + err.Error(), Unsure: true}
	}
	if ce.ErrCode != 0 {
		// WeChat's own text is kept (in logs, the ledger, push status):
		// it may echo the request's credentials back.
		return &Error{Endpoint: endpoint, Code: ce.ErrCode, Msg: withoutRequestID(redact(ce.ErrMsg))}
	}
	if out != nil {
		if err := json.Unmarshal(body, out); err != nil {
			return &Error{Endpoint: endpoint, Msg: "unreadable answer: " + err.Error(), Unsure: true}
		}
	}
	return nil
}

// requestID is the id WeChat ends an errmsg with, new for every call
// (invalid openid rid: 6035fc3b-4873a3bb-3f1bb871), and the hint of older
// answers (hint: [xxxx]): kept, the same refusal of twenty followers was
// twenty reasons in push status and twenty series of a metric's label (a
// push run's find).
var requestID = regexp.MustCompile(`(?:^|\s+)(?:rid: ?\S+|hints?: ?\[[^\]]*\])`)

func withoutRequestID(msg string) string {
	return strings.TrimSpace(requestID.ReplaceAllString(msg, ""))
}

// maxAnswer bounds what is read of one API answer (a follower page of
// 10,000 openids is about 300 KB).
const maxAnswer = 8 << 20

// accessToken returns the stored token, or fetches one: one fetch at a time
// in this process and, in a fleet, under a lock, so that replicas do not
// replace (and so revoke) each other's fresh tokens.
//
// When the shared store is down, the call still goes out: the token is
// fetched without the lock, and this process keeps it for its next calls.
func (a *API) accessToken(ctx context.Context) (string, error) {
	tok, err := a.tokens.Token(ctx, a.tokenKey)
	switch {
	case err == nil && tok != "":
		a.keep(tok, keptReadFor)
		return tok, nil
	case err != nil:
		if tok, ok := a.keptToken(); ok {
			return tok, nil
		}
	}
	a.fetch.Lock()
	defer a.fetch.Unlock()
	if tok, ok := a.keptToken(); ok && err != nil {
		return tok, nil // fetched by the caller this one waited for
	}
	if a.cfg.Lock != nil {
		unlock, err := a.cfg.Lock(ctx, "token-refresh", 10*time.Second)
		switch {
		case err != nil && ctx.Err() != nil:
			return "", fmt.Errorf("wechat token: %w", ctx.Err())
		case err != nil:
			a.log.WarnContext(ctx, "token lock unavailable; fetching without it", "err", err)
		default:
			defer unlock()
		}
	}
	// Another caller (or replica) may have fetched it while this one waited.
	if tok, err := a.tokens.Token(ctx, a.tokenKey); err == nil && tok != "" {
		return tok, nil
	}
	if a.refused.err != nil && time.Now().Before(a.refused.until) {
		return "", a.refused.err
	}
	tok, ttl, err := a.fetchToken(ctx)
	if e, ok := errors.AsType[*Error](err); ok && e.Code != 0 && !e.Retryable() {
		a.refused.err, a.refused.until = err, time.Now().Add(refusalKept)
		a.log.ErrorContext(ctx, "WeChat refused an access token; not asking again for a minute (check wechat.app_id, wechat.app_secret and the IP whitelist)",
			"err", err)
	} else if ok && e.Unsure && ctx.Err() == nil {
		a.refused.err, a.refused.until = err, time.Now().Add(failureKept)
	}
	if err != nil {
		return "", err
	}
	a.refused.err = nil
	a.keep(tok, ttl)
	kctx, cancel := keepingContext(ctx)
	defer cancel()
	if err := a.tokens.SetToken(kctx, a.tokenKey, tok, ttl); err != nil {
		a.log.WarnContext(ctx, "access token not stored; this process keeps it for its calls", "err", err)
	}
	return tok, nil
}

// keepingContext is ctx for writing the token's store: not ended with the
// caller (a push stopped by SIGTERM), so that a token fetched is kept and
// one refused dropped, as the store in memory did (kept in the SQLite
// store, an interrupted push left "context canceled", and its calls
// under way fetched again: TestPushInterrupted beside busy CPUs), and
// bounded on its own.
func keepingContext(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(ctx), tokenKeptWithin)
}

// tokenKeptWithin bounds a write of the token's store.
const tokenKeptWithin = 2 * time.Second

// weChatsOK reports whether body is WeChat's answer that the call went
// through (errcode 0), whatever status a proxy gave it: read as the proxy's
// 502, a message it answered had been sent again (a review's find).
func weChatsOK(body []byte) bool {
	var ce struct {
		ErrCode *int64 `json:"errcode"`
	}
	return json.Unmarshal(body, &ce) == nil && ce.ErrCode != nil && *ce.ErrCode == 0
}

// fetchToken asks WeChat for an access token (token or stable_token) and
// returns how long to keep it: five minutes short of its life, so it is
// never used in its last minutes.
func (a *API) fetchToken(ctx context.Context) (string, time.Duration, error) {
	var req *http.Request
	var err error
	endpoint := "/cgi-bin/token"
	if a.cfg.StableToken {
		endpoint = "/cgi-bin/stable_token"
		var body []byte
		body, err = encodeJSON(map[string]any{"grant_type": "client_credential", "appid": a.cfg.AppID, "secret": a.cfg.AppSecret, "force_refresh": false})
		if err == nil {
			req, err = http.NewRequestWithContext(ctx, http.MethodPost, a.base+endpoint, bytes.NewReader(body))
		}
		if err == nil {
			req.Header.Set("Content-Type", "application/json") // "POST JSON", as every other JSON call (a review's find)
		}
	} else {
		q := url.Values{"grant_type": {"client_credential"}, "appid": {a.cfg.AppID}, "secret": {a.cfg.AppSecret}}
		req, err = http.NewRequestWithContext(ctx, http.MethodGet, a.url(endpoint, q), nil)
	}
	if err != nil {
		return "", 0, fmt.Errorf("wechat %s: %w", endpoint, err)
	}
	var out struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   int64  `json:"expires_in"`
	}
	if err := a.do(req, endpoint, &out); err != nil {
		a.cfg.Metrics.apiCall(endpoint, err)
		return "", 0, err
	}
	a.cfg.Metrics.apiCall(endpoint, nil)
	if out.AccessToken == "" {
		return "", 0, &Error{Endpoint: endpoint, Msg: "answer has no access_token"}
	}
	ttl := time.Duration(out.ExpiresIn)*time.Second - 5*time.Minute
	return out.AccessToken, max(ttl, time.Minute), nil
}

var credentialRe = regexp.MustCompile(`(secret|access_token)=[^&\s"]*`)

// redact keeps credentials out of error texts: transport errors quote the
// URL, which carries the app secret or the access token.
func redact(s string) string { return credentialRe.ReplaceAllString(s, "$1=[redacted]") }

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// SendCustom delivers a reply through the customer-service API
// (message/custom/send), used when the passive reply window has passed.
func (a *API) SendCustom(ctx context.Context, openid string, r bot.Reply) error {
	msg := &message.CustomerMessage{ToUser: openid}
	switch r.Type {
	case bot.ReplyText:
		msg = message.NewCustomerTextMessage(openid, r.Text)
	case bot.ReplyImage:
		msg = message.NewCustomerImgMessage(openid, r.MediaID)
	case bot.ReplyVoice:
		msg = message.NewCustomerVoiceMessage(openid, r.MediaID)
	case bot.ReplyVideo:
		msg.Msgtype, msg.Video = message.MsgTypeVideo, &message.MediaVideo{MediaID: r.MediaID}
		if r.Card != nil {
			msg.Video.Title, msg.Video.Description = r.Card.Title, r.Card.Description
		}
	case bot.ReplyMusic:
		msg.Msgtype, msg.Music = message.MsgTypeMusic, &message.MediaMusic{Title: r.Music.Title, Description: r.Music.Description,
			Musicurl: r.Music.URL, Hqmusicurl: r.Music.HQURL, ThumbMediaID: r.Music.ThumbMediaID}
	case bot.ReplyNews:
		msg.Msgtype = message.MsgTypeNews
		msg.News = &message.MediaNews{Articles: []message.MediaArticles{{
			Title: r.Card.Title, Description: r.Card.Description, URL: r.Card.URL, Picurl: r.Card.Pic,
		}}}
	default:
		return fmt.Errorf("a %s reply cannot be sent as a customer-service message", r.Type)
	}
	return a.Post(ctx, "/cgi-bin/message/custom/send", msg, nil)
}

// Send delivers an article as a one-card news message through the
// customer-service API (the daily reading in customer mode). WeChat gives
// no message id for it.
func (a *API) Send(ctx context.Context, openid string, art content.Article) (int64, error) {
	// As the bot answers it: the card described as the bot describes it (the
	// stored summary had gone out, 各位代表： for a report, its title again
	// for a resolution: a review's find), or without a page its text.
	return 0, a.SendCustom(ctx, openid, bot.ArticleReply(art))
}

// Followers returns one page (up to 10,000) of the account's follower list
// (user/get) starting after next, the list's total, and where the next page
// starts ("" after the last).
func (a *API) Followers(ctx context.Context, next string) (openids []string, after string, total int, err error) {
	var resp struct {
		Total int `json:"total"`
		Count int `json:"count"`
		Data  struct {
			OpenID []string `json:"openid"`
		} `json:"data"`
		NextOpenID string `json:"next_openid"`
	}
	q := url.Values{}
	if next != "" {
		q.Set("next_openid", next)
	}
	if err := a.Get(ctx, "/cgi-bin/user/get", q, &resp); err != nil {
		return nil, "", 0, err
	}
	if len(resp.Data.OpenID) == 0 {
		return nil, "", resp.Total, nil // WeChat repeats the last openid on the empty page after the end
	}
	return resp.Data.OpenID, resp.NextOpenID, resp.Total, nil
}

// tokenCache keeps the access token in this process.
type tokenCache struct {
	mu sync.Mutex
	m  map[string]tokenEntry
}

type tokenEntry struct {
	token   string
	expires time.Time
}

func newTokenCache() *tokenCache { return &tokenCache{m: map[string]tokenEntry{}} }

func (c *tokenCache) Token(_ context.Context, key string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[key]
	if !ok || time.Now().After(e.expires) {
		return "", nil
	}
	return e.token, nil
}

func (c *tokenCache) SetToken(_ context.Context, key, token string, ttl time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key] = tokenEntry{token: token, expires: time.Now().Add(ttl)}
	return nil
}

func (c *tokenCache) DropToken(_ context.Context, key, token string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[key]; ok && e.token == token {
		delete(c.m, key)
	}
	return nil
}
