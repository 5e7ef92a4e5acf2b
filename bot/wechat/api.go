package wechat

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/silenceper/wechat/v2/cache"
	"github.com/silenceper/wechat/v2/credential"
	"github.com/silenceper/wechat/v2/officialaccount/message"
	"github.com/silenceper/wechat/v2/util"

	"mpbot/bot"
	"mpbot/content"
)

// DefaultAPIBase is WeChat's API host; the SDK hard-codes it in every URL.
const DefaultAPIBase = "https://api.weixin.qq.com"

// APIConfig says how to reach the WeChat API.
type APIConfig struct {
	AppID, AppSecret string
	Base             string        // e.g. http://127.0.0.1:9000 to talk to a local fake
	StableToken      bool          // use the stable_token endpoint
	Timeout          time.Duration // per HTTP call; the SDK's default client has none
	Attempts         int           // tries for a retryable failure
	Backoff          time.Duration // first retry delay; doubles, with jitter
	Metrics          *Metrics      // may be nil
	// Tokens holds the access token; nil keeps it in this process. A fleet
	// shares one (Redis), with Lock so one replica at a time fetches it.
	Tokens TokenStore
	Lock   func(ctx context.Context, name string, ttl time.Duration) (unlock func(), err error)
}

// TokenStore is the SDK's cache.Cache, plus dropping a token only while it
// is still the one that failed.
type TokenStore interface {
	cache.Cache
	DeleteIf(key string, val any)
}

// API calls the WeChat API through the SDK's HTTP helpers, adding what the
// SDK lacks: a timeout, retries for transient failures, and dropping a
// cached access token that WeChat says is stale.
type API struct {
	cfg      APIConfig
	tokens   TokenStore
	token    credential.AccessTokenContextHandle
	tokenKey string
	log      *slog.Logger
	// Sleep waits between retries; tests replace it to avoid real sleeps.
	Sleep func(ctx context.Context, d time.Duration) error
}

var installOnce sync.Mutex

// NewAPI returns a client. The SDK routes every call through package-level
// hooks (its HTTP client and URI modifier), so this sets them: one API
// configuration per process.
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
	installOnce.Lock()
	util.DefaultHTTPClient = &http.Client{Timeout: cfg.Timeout}
	base := strings.TrimRight(cfg.Base, "/")
	if base == DefaultAPIBase {
		util.SetURIModifier(nil)
	} else {
		util.SetURIModifier(func(uri string) string {
			if rest, ok := strings.CutPrefix(uri, DefaultAPIBase); ok {
				return base + rest
			}
			return uri
		})
	}
	installOnce.Unlock()

	a := &API{cfg: cfg, tokens: cfg.Tokens, log: log, Sleep: sleepCtx}
	if a.tokens == nil {
		a.tokens = newTokenCache()
	}
	prefix := credential.CacheKeyOfficialAccountPrefix
	if cfg.StableToken {
		a.token = credential.NewStableAccessToken(cfg.AppID, cfg.AppSecret, prefix, a.tokens)
		a.tokenKey = fmt.Sprintf("%s_stable_access_token_%s", prefix, cfg.AppID)
	} else {
		a.token = credential.NewDefaultAccessToken(cfg.AppID, cfg.AppSecret, prefix, a.tokens)
		a.tokenKey = fmt.Sprintf("%s_access_token_%s", prefix, cfg.AppID)
	}
	return a
}

// Error is a failed WeChat API call.
type Error struct {
	Endpoint string
	Code     int64 // WeChat errcode, 0 when the failure was not an API answer
	Status   int   // HTTP status when the server did not answer 200
	Msg      string
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

// Retryable reports whether trying again later may succeed.
func (e *Error) Retryable() bool {
	return e.Code == -1 || e.Code == 45011 || e.Status >= 500 || (e.Code == 0 && e.Status == 0)
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
	return a.call(ctx, endpoint, func(tok string) ([]byte, error) {
		return util.PostJSONContext(ctx, DefaultAPIBase+endpoint+"?access_token="+tok, body)
	}, out)
}

// Get calls endpoint with a GET and query parameters (without the token),
// with the same retries and token handling as Post.
func (a *API) Get(ctx context.Context, endpoint string, query url.Values, out any) error {
	return a.call(ctx, endpoint, func(tok string) ([]byte, error) {
		q := url.Values{}
		for k, v := range query {
			q[k] = v
		}
		q.Set("access_token", tok)
		return util.HTTPGetContext(ctx, DefaultAPIBase+endpoint+"?"+q.Encode())
	}, out)
}

func (a *API) call(ctx context.Context, endpoint string, do func(token string) ([]byte, error), out any) error {
	refreshed := false
	var last error
	for attempt := 0; attempt < a.cfg.Attempts; attempt++ {
		if attempt > 0 {
			d := a.cfg.Backoff << (attempt - 1)
			d += rand.N(d/2 + 1) // jitter keeps a fleet of retries from arriving together
			if err := a.Sleep(ctx, d); err != nil {
				return errors.Join(last, err)
			}
		}
		tok, err := a.once(ctx, endpoint, do, out)
		a.cfg.Metrics.apiCall(endpoint, err)
		if err == nil {
			return nil
		}
		last = err
		var e *Error
		if !errors.As(err, &e) {
			return err
		}
		if e.TokenStale() && !refreshed {
			refreshed = true
			// Drop only the token that failed: a concurrent call may have
			// fetched a fresh one already, which must not be thrown away.
			a.tokens.DeleteIf(a.tokenKey, tok)
			a.cfg.Metrics.tokenRefresh()
			a.log.WarnContext(ctx, "wechat rejected the access token; fetching a new one", "endpoint", endpoint, "errcode", e.Code)
			attempt-- // the refresh is not a retry of a transient failure
			continue
		}
		if !e.Retryable() {
			return err
		}
		a.log.WarnContext(ctx, "wechat call failed; will retry", "endpoint", endpoint, "attempt", attempt+1, "err", err)
	}
	return last
}

// accessToken returns the cached token, or fetches one; in a fleet, under
// a lock, so that replicas do not replace each other's fresh tokens.
//
// When the shared store is down, the call still goes out: the token is
// fetched without the lock and used without being cached.
func (a *API) accessToken(ctx context.Context) (string, error) {
	if a.cfg.Lock != nil {
		// Read the cache here, not in the SDK: between a check here and
		// the SDK's own, another replica could drop the token, and the SDK
		// would then fetch one outside the lock.
		if v, ok := a.tokens.Get(a.tokenKey).(string); ok && v != "" {
			return v, nil
		}
		unlock, err := a.cfg.Lock(ctx, "token-refresh", 10*time.Second)
		if err != nil && ctx.Err() != nil {
			return "", err
		}
		if err != nil {
			a.log.WarnContext(ctx, "token lock unavailable; fetching without it", "err", err)
		} else {
			defer unlock()
		}
	}
	tok, err := a.token.GetAccessTokenContext(ctx)
	if err != nil && tok != "" {
		// The SDK fetched a token but could not cache it.
		a.log.WarnContext(ctx, "access token not cached", "err", err)
		return tok, nil
	}
	return tok, err
}

// once makes one call and returns the token it used.
func (a *API) once(ctx context.Context, endpoint string, do func(token string) ([]byte, error), out any) (string, error) {
	tok, err := a.accessToken(ctx)
	if err != nil {
		return "", classify("token", err)
	}
	resp, err := do(tok)
	if err != nil {
		return tok, classify(endpoint, err)
	}
	var ce util.CommonError
	if err := json.Unmarshal(resp, &ce); err != nil {
		return tok, &Error{Endpoint: endpoint, Msg: "unreadable answer: " + err.Error()}
	}
	if ce.ErrCode != 0 {
		return tok, &Error{Endpoint: endpoint, Code: ce.ErrCode, Msg: ce.ErrMsg}
	}
	if out != nil {
		if err := json.Unmarshal(resp, out); err != nil {
			return tok, &Error{Endpoint: endpoint, Msg: "unreadable answer: " + err.Error()}
		}
	}
	return tok, nil
}

var (
	errcodeRe = regexp.MustCompile(`errcode=(-?\d+)`)
	errmsgRe  = regexp.MustCompile(`err(?:or)?msg=(.*)$`)
	statusRe  = regexp.MustCompile(`statusCode=(\d+)`)
)

// classify turns the SDK's string errors into an *Error: the SDK reports
// errcodes and HTTP statuses only inside fmt.Errorf texts.
func classify(endpoint string, err error) error {
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("wechat %s: %w", endpoint, context.Canceled) // the SDK's text quotes the URL
	}
	e := &Error{Endpoint: endpoint, Msg: redact(err.Error())}
	if m := errcodeRe.FindStringSubmatch(err.Error()); m != nil {
		e.Code, _ = strconv.ParseInt(m[1], 10, 64)
		if mm := errmsgRe.FindStringSubmatch(err.Error()); mm != nil {
			e.Msg = strings.TrimSpace(mm[1])
		}
	}
	if m := statusRe.FindStringSubmatch(err.Error()); m != nil {
		e.Status, _ = strconv.Atoi(m[1])
	}
	return e
}

var credentialRe = regexp.MustCompile(`(secret|access_token)=[^&\s"]*`)

// redact keeps credentials out of error texts: the SDK's errors quote the
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

// SendArticle delivers an article as a one-card news message through the
// customer-service API (the daily reading in customer mode).
func (a *API) SendArticle(ctx context.Context, openid string, art content.Article) error {
	return a.SendCustom(ctx, openid, bot.Reply{Type: bot.ReplyNews, Card: &bot.Card{
		Title: art.Title, Description: art.Summary, URL: art.URL, Pic: art.Cover}})
}

// FollowerPage is one page of the follower list.
type FollowerPage struct {
	Total      int
	OpenIDs    []string
	NextOpenID string // empty on the last page
}

// Followers returns one page (up to 10,000) of the account's follower list
// (user/get), starting after next.
func (a *API) Followers(ctx context.Context, next string) (FollowerPage, error) {
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
		return FollowerPage{}, err
	}
	page := FollowerPage{Total: resp.Total, OpenIDs: resp.Data.OpenID, NextOpenID: resp.NextOpenID}
	if len(page.OpenIDs) == 0 {
		page.NextOpenID = "" // WeChat repeats the last openid on the empty page after the end
	}
	return page, nil
}

// tokenCache is the SDK's cache.Cache for the access token, safe for
// concurrent use (the SDK's cache.Memory is not).
type tokenCache struct {
	mu sync.Mutex
	m  map[string]tokenEntry
}

type tokenEntry struct {
	val     any
	expires time.Time
}

func newTokenCache() *tokenCache { return &tokenCache{m: map[string]tokenEntry{}} }

func (c *tokenCache) Get(key string) any {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[key]
	if !ok || time.Now().After(e.expires) {
		return nil
	}
	return e.val
}

func (c *tokenCache) Set(key string, val any, ttl time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key] = tokenEntry{val: val, expires: time.Now().Add(ttl)}
	return nil
}

func (c *tokenCache) IsExist(key string) bool { return c.Get(key) != nil }

// DeleteIf drops key only while it still holds val.
func (c *tokenCache) DeleteIf(key string, val any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[key]; ok && e.val == val {
		delete(c.m, key)
	}
}

func (c *tokenCache) Delete(key string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.m, key)
	return nil
}
