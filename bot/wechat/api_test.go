package wechat

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"mpbot/bot"
	"mpbot/bot/wechat/wechattest"
	"mpbot/content"
	"mpbot/store"
)

func newTestAPI(t *testing.T) (*API, *wechattest.FakeAPI, *[]time.Duration) {
	fake := wechattest.NewFakeAPI()
	t.Cleanup(fake.Close)
	api := NewAPI(APIConfig{AppID: testAppID, AppSecret: "s", Base: fake.URL, Attempts: 4, Backoff: 100 * time.Millisecond}, slog.New(slog.DiscardHandler))
	var slept []time.Duration
	api.Sleep = func(_ context.Context, d time.Duration) error { slept = append(slept, d); return nil }
	return api, fake, &slept
}

const customSend = "/cgi-bin/message/custom/send"

var hello = bot.Reply{Type: bot.ReplyText, Text: "hi"}

func TestAPIRetries(t *testing.T) {
	cases := []struct {
		name     string
		faults   []wechattest.Fault
		wantErr  int64 // errcode expected, 0 for success
		wantSend int   // calls to custom/send
	}{
		{"ok", nil, 0, 1},
		{"system busy then ok", []wechattest.Fault{{ErrCode: -1, ErrMsg: "system error"}}, 0, 2},
		{"too frequent then ok", []wechattest.Fault{{ErrCode: 45011, ErrMsg: "api freq out of limit"}}, 0, 2},
		{"http 502 twice then ok", []wechattest.Fault{{Status: 502}, {Status: 503}}, 0, 3},
		{"busy every time", []wechattest.Fault{{ErrCode: -1}, {ErrCode: -1}, {ErrCode: -1}, {ErrCode: -1}}, -1, 4},
		{"outside 48h window", []wechattest.Fault{{ErrCode: 45015, ErrMsg: "response out of time limit"}}, 45015, 1},
		{"quota used up", []wechattest.Fault{{ErrCode: 45047, ErrMsg: "out of response count limit"}}, 45047, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			api, fake, slept := newTestAPI(t)
			fake.Fail(customSend, c.faults...)
			err := api.SendCustom(context.Background(), "o_1", hello)
			if got := ErrorCode(err); got != c.wantErr || (c.wantErr == 0) != (err == nil) {
				t.Fatalf("err %v (errcode %d), want errcode %d", err, got, c.wantErr)
			}
			if n := len(fake.Calls(customSend)); n != c.wantSend {
				t.Fatalf("%d sends, want %d", n, c.wantSend)
			}
			if len(*slept) != c.wantSend-1 {
				t.Fatalf("slept %v between %d tries", *slept, c.wantSend)
			}
			for i, d := range *slept { // exponential, with at most 50% jitter
				base := 100 * time.Millisecond << i
				if d < base || d > base+base/2 {
					t.Errorf("backoff %d = %v, want %v..%v", i, d, base, base+base/2)
				}
			}
		})
	}
}

// TestAPIStaleToken: WeChat rejects the cached token mid-run; the client
// drops it, fetches a new one and the send goes through.
func TestAPIStaleToken(t *testing.T) {
	for _, code := range []int{40001, 42001, 40014} {
		api, fake, _ := newTestAPI(t)
		if err := api.SendCustom(context.Background(), "o_1", hello); err != nil {
			t.Fatal(err)
		}
		if code == 40001 {
			fake.ExpireToken() // the fake itself answers 40001 for the old token
		} else {
			fake.Fail(customSend, wechattest.Fault{ErrCode: code, ErrMsg: "token"})
		}
		if err := api.SendCustom(context.Background(), "o_1", hello); err != nil {
			t.Fatalf("errcode %d: %v", code, err)
		}
		if n := fake.TokensIssued(); n != 2 {
			t.Fatalf("errcode %d: %d tokens fetched, want 2", code, n)
		}
		calls := fake.Calls(customSend)
		if last := calls[len(calls)-1]; last.Token != "token-2" {
			t.Fatalf("errcode %d: last send used %q", code, last.Token)
		}
	}
}

// TestAPITokenRefusedOnce: a token that stays stale is refreshed once, not
// in a loop.
func TestAPITokenRefusedOnce(t *testing.T) {
	api, fake, _ := newTestAPI(t)
	fake.Fail(customSend, wechattest.Fault{ErrCode: 40001}, wechattest.Fault{ErrCode: 40001}, wechattest.Fault{ErrCode: 40001})
	if err := api.SendCustom(context.Background(), "o_1", hello); ErrorCode(err) != 40001 {
		t.Fatalf("err %v, want 40001", err)
	}
	if n := fake.TokensIssued(); n != 2 {
		t.Fatalf("%d tokens fetched, want 2", n)
	}
}

// TestAPITokenEndpointError: an IP whitelist error from the token endpoint
// is reported with its code and not retried.
func TestAPITokenEndpointError(t *testing.T) {
	api, fake, slept := newTestAPI(t)
	fake.Fail("/cgi-bin/token", wechattest.Fault{ErrCode: 40164, ErrMsg: "invalid ip 1.2.3.4, not in whitelist"})
	err := api.SendCustom(context.Background(), "o_1", hello)
	if ErrorCode(err) != 40164 || len(*slept) != 0 {
		t.Fatalf("err %v after %d retries, want 40164 and none", err, len(*slept))
	}
	if n := len(fake.Calls(customSend)); n != 0 {
		t.Fatalf("%d sends without a token", n)
	}
}

func TestSendCustomTransferRefused(t *testing.T) {
	api, fake, _ := newTestAPI(t)
	if err := api.SendCustom(context.Background(), "o_1", bot.Reply{Type: bot.ReplyTransfer}); err == nil {
		t.Fatal("transfer sent as a customer-service message")
	}
	if n := len(fake.Calls("")); n != 0 {
		t.Fatalf("%d API calls", n)
	}
}

// TestAPIErrorsHideSecrets: the SDK's errors quote URLs carrying the app
// secret or the token; ours must not.
func TestAPIErrorsHideSecrets(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	api := NewAPI(APIConfig{AppID: testAppID, AppSecret: "TOPSECRET", Base: fake.URL, Attempts: 1}, slog.New(slog.DiscardHandler))
	fake.Fail("/cgi-bin/token", wechattest.Fault{Status: 500})
	err := api.SendCustom(context.Background(), "o_1", hello)
	if err == nil || strings.Contains(err.Error(), "TOPSECRET") {
		t.Fatalf("error %v", err)
	}
	if err := api.SendCustom(context.Background(), "o_1", hello); err != nil {
		t.Fatal(err)
	}
	fake.Fail(customSend, wechattest.Fault{Status: 502})
	err = api.SendCustom(context.Background(), "o_1", hello)
	if err == nil || strings.Contains(err.Error(), "token-1") {
		t.Fatalf("error %v", err)
	}
	// WeChat's errmsg echoing them back (its hint, new for every call, is
	// dropped with it).
	fake.Handle(customSend, func(url.Values, []byte) any {
		return map[string]any{"errcode": 12345, "errmsg": "invalid request secret=TOPSECRET&access_token=token-1 hint: [x]"}
	})
	err = api.SendCustom(context.Background(), "o_1", hello)
	if ErrorCode(err) != 12345 || strings.Contains(err.Error(), "TOPSECRET") || strings.Contains(err.Error(), "token-1") || strings.Contains(err.Error(), "hint") || !strings.HasSuffix(err.Error(), "invalid request secret=[redacted]&access_token=[redacted]") {
		t.Fatalf("error %v", err)
	}
}

func TestTemplateSender(t *testing.T) {
	api, fake, _ := newTestAPI(t)
	ts := &TemplateSender{API: api, TemplateID: "TPL", Fields: map[string]string{"thing1": "title", "time2": "date", "thing3": "每日一读"}}
	a := content.Article{ID: "x", Title: "一个非常非常长的标题，长到超过了模板字段的二十个字的限制", URL: "https://example.com/x", PublishedOn: "2026-11-26"}
	for range 2 {
		if _, err := ts.SendOnce(context.Background(), "o_1", a, "2026-11-26:o_1"); err != nil {
			t.Fatal(err)
		}
	}
	calls := fake.Calls("/cgi-bin/message/template/send")
	var msgs [2]struct {
		ToUser      string `json:"touser"`
		TemplateID  string `json:"template_id"`
		URL         string `json:"url"`
		ClientMsgID string `json:"client_msg_id"`
		Data        map[string]struct {
			Value string `json:"value"`
		} `json:"data"`
	}
	for i := range msgs {
		json.Unmarshal(calls[i].Body, &msgs[i])
	}
	m := msgs[0]
	if m.ToUser != "o_1" || m.TemplateID != "TPL" || m.URL != a.URL || m.Data["time2"].Value != "2026-11-26" || m.Data["thing3"].Value != "每日一读" {
		t.Fatalf("template message %s", calls[0].Body)
	}
	if n := len([]rune(m.Data["thing1"].Value)); n != 20 {
		t.Fatalf("title field is %d characters: %q", n, m.Data["thing1"].Value)
	}
	if m.ClientMsgID == "" || m.ClientMsgID != msgs[1].ClientMsgID {
		t.Fatalf("client_msg_id %q then %q: a resend must repeat it", m.ClientMsgID, msgs[1].ClientMsgID)
	}
}

// TestSendArticleWithoutAddress: the daily reading of an article with no
// page goes as its text, not a card whose link opens nothing.
func TestSendArticleWithoutAddress(t *testing.T) {
	api, fake, _ := newTestAPI(t)
	for _, art := range []content.Article{
		{ID: "n", Title: "考场须知", Body: "提前三十分钟到达。"},
		{ID: "u", Title: "枫桥经验", Summary: "小事不出村", URL: "https://example.com/f"},
	} {
		if _, err := api.Send(context.Background(), "o_1", art); err != nil {
			t.Fatal(err)
		}
	}
	calls := fake.Calls(customSend)
	if len(calls) != 2 || !strings.Contains(string(calls[0].Body), `"msgtype":"text"`) || !strings.Contains(string(calls[0].Body), "提前三十分钟到达") ||
		!strings.Contains(string(calls[1].Body), `"msgtype":"news"`) {
		t.Fatalf("sent %v", calls)
	}
}

// downTokens is a shared token store that cannot be reached (Redis down).
type downTokens struct{}

var errDown = errors.New("redis 127.0.0.1:6379 unreachable")

func (downTokens) Token(context.Context, string) (string, error)                 { return "", errDown }
func (downTokens) SetToken(context.Context, string, string, time.Duration) error { return errDown }
func (downTokens) DropToken(context.Context, string, string) error               { return errDown }

// TestTokenKeptWhileStoreDown: while the shared token store is down, the
// process fetches one token and keeps it for its calls, and fetches again
// only when WeChat refuses it. Each call fetched its own before: a push to
// 2,000 followers would use up WeChat's daily allowance of token fetches.
func TestTokenKeptWhileStoreDown(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	api := NewAPI(APIConfig{AppID: testAppID, AppSecret: "s", Base: fake.URL, Tokens: downTokens{}, Backoff: time.Millisecond},
		slog.New(slog.DiscardHandler))
	for range 20 {
		if err := api.SendCustom(context.Background(), "o_1", hello); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(fake.Calls("/cgi-bin/token")); n != 1 {
		t.Fatalf("%d token fetches for 20 calls while the store is down, want 1", n)
	}
	fake.ExpireToken()
	if err := api.SendCustom(context.Background(), "o_1", hello); err != nil {
		t.Fatal(err)
	}
	if n := len(fake.Calls("/cgi-bin/token")); n != 2 {
		t.Fatalf("%d token fetches after WeChat refused the kept one, want 2", n)
	}
}

// TestUnansweredSends: a send that may have reached WeChat without an
// answer is retried only when it carries a key WeChat drops repeats by (a
// template's client_msg_id); a customer-service message is not, and says
// it may have been delivered. A connection refused before the request left
// is retried either way.
func TestUnansweredSends(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	var drop atomic.Int32
	drops := func(path string) {
		fake.HandleRaw(path, func(w http.ResponseWriter, _ *http.Request) {
			if drop.Add(-1) >= 0 {
				if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
					conn.Close() // the request arrived; its answer never leaves
				}
				return
			}
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"errcode":0,"errmsg":"ok","msgid":7}`)
		})
	}
	api := NewAPI(APIConfig{AppID: testAppID, AppSecret: "s", Base: fake.URL, Backoff: time.Millisecond}, slog.New(slog.DiscardHandler))
	drops("/cgi-bin/message/custom/send")
	drops("/cgi-bin/message/template/send")

	drop.Store(1)
	err := api.SendCustom(context.Background(), "o_1", hello)
	var e *Error
	if !errors.As(err, &e) || !e.MaybeDelivered() || len(fake.Calls("/cgi-bin/message/custom/send")) != 1 {
		t.Fatalf("custom send with no answer: %v, %d calls; want one call that may have been delivered", err, len(fake.Calls("/cgi-bin/message/custom/send")))
	}
	drop.Store(1)
	ts := &TemplateSender{API: api, TemplateID: "TPL", Fields: map[string]string{"thing1": "title"}}
	if id, err := ts.SendOnce(context.Background(), "o_1", content.Article{Title: "t", URL: "https://x"}, "2026-12-02:o_1"); err != nil || id != 7 ||
		len(fake.Calls("/cgi-bin/message/template/send")) != 2 {
		t.Fatalf("template send with no answer: %v %d, %d calls; want it retried once and sent", err, id, len(fake.Calls("/cgi-bin/message/template/send")))
	}

	// Nothing listens: the request never left, and is retried (4 tries).
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	down := NewAPI(APIConfig{AppID: testAppID, AppSecret: "s", Base: closed.URL, Backoff: time.Millisecond, Tokens: downTokens{}}, slog.New(slog.DiscardHandler))
	down.keep("tok", time.Hour)
	if err := down.SendCustom(context.Background(), "o_1", hello); !errors.As(err, &e) || e.MaybeDelivered() {
		t.Fatalf("a refused connection: %v, want an error that was not delivered", err)
	}
}

// TestLastAttemptIsNotSaidToRetry: the log's "will retry" lines are the
// retries made; the last failure is the caller's to report (a follower
// run's find: attempt 4 of 4 said it would retry).
func TestLastAttemptIsNotSaidToRetry(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	t.Cleanup(fake.Close)
	var logs strings.Builder
	api := NewAPI(APIConfig{AppID: testAppID, AppSecret: "s", Base: fake.URL, Attempts: 4}, slog.New(slog.NewTextHandler(&logs, nil)))
	api.Sleep = func(context.Context, time.Duration) error { return nil }
	fake.Fail(customSend, wechattest.Fault{ErrCode: -1}, wechattest.Fault{ErrCode: -1}, wechattest.Fault{ErrCode: -1}, wechattest.Fault{ErrCode: -1})
	if err := api.SendCustom(context.Background(), "o_1", hello); ErrorCode(err) != -1 {
		t.Fatalf("err %v, want errcode -1", err)
	}
	if n := strings.Count(logs.String(), "will retry"); n != 3 || len(fake.Calls(customSend)) != 4 {
		t.Fatalf("%d calls, %d said to retry; want 4 calls, 3 retries:\n%s", len(fake.Calls(customSend)), n, logs.String())
	}
}

// TestEndedContextStartsNoCall: a context ended before a call (Ctrl-C,
// SIGTERM) starts none, and one ended while a page is fetched stops the
// paging (a review's find: each went out all the same once calls under
// way were no longer cut off).
func TestEndedContextStartsNoCall(t *testing.T) {
	api, fake, _ := newTestAPI(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := api.SendCustom(ctx, "o_1", hello); !errors.Is(err, context.Canceled) || len(fake.Calls(customSend)) != 0 {
		t.Fatalf("sent with an ended context: %d calls, err %v", len(fake.Calls(customSend)), err)
	}
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	fake.Handle("/cgi-bin/freepublish/batchget", func(url.Values, []byte) any {
		cancel() // Ctrl-C while the first page is fetched
		return map[string]any{"total_count": 2000, "item_count": 0, "item": []any{}}
	})
	if _, err := api.AllPublished(ctx, nil); !errors.Is(err, context.Canceled) || len(fake.Calls("/cgi-bin/freepublish/batchget")) != 1 {
		t.Fatalf("after Ctrl-C during page 1: %d pages fetched, err %v", len(fake.Calls("/cgi-bin/freepublish/batchget")), err)
	}
}

// TestHungTokenEndpointAskedOnce: with the token endpoint taking calls and
// answering none, concurrent sends share the one fetch's failure, retries
// included, rather than each waiting out the client's timeout in turn (a
// review's find: 8 sends made 32 fetches one after another, 4 times as long
// as before token failures were retried).
func TestHungTokenEndpointAskedOnce(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	fake.FailAlways("/cgi-bin/token", wechattest.Fault{Drop: true})
	api := NewAPI(APIConfig{AppID: testAppID, AppSecret: "s", Base: fake.URL, Timeout: time.Second, Attempts: 4, Backoff: time.Millisecond}, slog.New(slog.DiscardHandler))
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() { errs <- api.SendCustom(context.Background(), "o_1", hello) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if e, ok := errors.AsType[*Error](err); !ok || !e.TokenUnavailable() || e.MaybeDelivered() {
			t.Errorf("send: %v, want the token's failure, nothing delivered", err)
		}
	}
	if n := len(fake.Calls("/cgi-bin/token")); n != 1 {
		t.Errorf("%d token fetches for 8 sends, want the one they share", n)
	}
	if n := len(fake.Calls("/cgi-bin/message/custom/send")); n != 0 {
		t.Errorf("%d sends without a token", n)
	}
}

// TestTokenKeptWhenTheCallerEnds: a token fetched is kept in the store even
// when the call that fetched it ends meanwhile (a push stopped by SIGTERM):
// kept in the SQLite store with the caller's context, it was lost with
// "context canceled", and the other calls under way fetched again, each
// retiring the last (TestPushInterrupted beside busy CPUs).
func TestTokenKeptWhenTheCallerEnds(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "mpbot.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// The caller ends (SIGTERM) as the token fetched is being kept.
	endingFirst := endsCaller{Store: st, cancel: cancel}
	api := NewAPI(APIConfig{AppID: testAppID, AppSecret: "s", Base: fake.URL, Tokens: endingFirst, Backoff: time.Millisecond}, slog.New(slog.DiscardHandler))
	api.SendCustom(ctx, "o1", bot.Reply{Type: bot.ReplyText, Text: "你好"})
	if tok, err := st.Token(context.Background(), "access_token:"+testAppID); err != nil || tok != "token-1" {
		t.Fatalf("the token fetched as its caller ended: %q %v", tok, err)
	}
}

// endsCaller is the store, with the caller's context ended just before a
// token is kept.
type endsCaller struct {
	*store.Store
	cancel context.CancelFunc
}

func (e endsCaller) SetToken(ctx context.Context, key, token string, ttl time.Duration) error {
	e.cancel()
	return e.Store.SetToken(ctx, key, token, ttl)
}

// TestTokenFailureNotCountedAsTheSendsErrcode: a token WeChat refuses
// (40125, a wrong AppSecret) is one call to /cgi-bin/token. The send never
// went out, yet mpbot_wechat_api_calls_total also counts it under
// endpoint="/cgi-bin/message/custom/send", errcode="40125": an operator
// reading the metric sees customer-service calls refused with an errcode
// custom/send never answered (call() records the token's error under the
// endpoint it was fetched for).
func TestTokenFailureNotCountedAsTheSendsErrcode(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	fake.FailAlways("/cgi-bin/token", wechattest.Fault{ErrCode: 40125, ErrMsg: "invalid appsecret"})
	m := NewMetrics(prometheus.NewRegistry())
	api := NewAPI(APIConfig{AppID: testAppID, AppSecret: "wrong", Base: fake.URL, Attempts: 4, Backoff: time.Millisecond, Metrics: m}, slog.New(slog.DiscardHandler))
	if err := api.SendCustom(context.Background(), "o_1", hello); ErrorCode(err) != 40125 {
		t.Fatalf("err %v", err)
	}
	if n := len(fake.Calls(customSend)); n != 0 {
		t.Fatalf("%d sends reached WeChat; want none", n)
	}
	if got := testutil.ToFloat64(m.apiCalls.WithLabelValues("/cgi-bin/token", "40125")); got != 1 {
		t.Errorf("token calls refused with 40125: %v, want 1", got)
	}
	if got := testutil.ToFloat64(m.apiCalls.WithLabelValues(customSend, "40125")); got != 0 {
		t.Errorf("custom/send counted %v calls answered 40125; none was made", got)
	}
}

// TestRequestIDOnlyAsAWord: "rid:" is cut wherever it stands, also
// as the end of a word of WeChat's own text (grid:, invalid:…rid: inside
// a longer word), losing what the reason said.
func TestRequestIDOnlyAsAWord(t *testing.T) {
	for msg, want := range map[string]string{
		"invalid openid rid: 6035fc3b-4873a3bb-3f1bb871": "invalid openid",
		"invalid grid: 3 rid: 6035fc3b":                  "invalid grid: 3",
	} {
		if got := withoutRequestID(msg); got != want {
			t.Errorf("withoutRequestID(%q) = %q, want %q", msg, got, want)
		}
	}
}
