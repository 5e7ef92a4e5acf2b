package wechat

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"mpbot/bot"
	"mpbot/bot/wechat/wechattest"
	"mpbot/content"
	"mpbot/search"
)

const (
	testToken  = "pamtest"
	testAESKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
	testAppID  = "wxb11529c136998cb6"
	testGH     = "gh_7f083739789a"
)

// testCatalog is the demo content in memory, optionally slow. A slow
// search (delay, block) is busy, as a search is with the CPU: it does not
// end when its context does (the real one looks at it once, at its
// start). A hung store (hang) waits until its context ends, as
// database/sql's calls do.
type testCatalog struct {
	index  *search.Index
	byID   map[string]content.Article
	delay  time.Duration
	block  chan struct{} // when set, a search waits for it to close
	hang   chan struct{} // when set, Get waits for it to close or for its context
	panics atomic.Bool   // when set, a search panics, as a bug in the bot would
}

func newTestCatalog() *testCatalog {
	arts := content.DemoArticles()
	c := &testCatalog{index: mustIndex(arts), byID: map[string]content.Article{}}
	for _, a := range arts {
		c.byID[a.ID] = a
	}
	return c
}

func (c *testCatalog) Mentions(ctx context.Context, q string, n int) (string, []content.Hit, error) {
	return c.index.Mentions(context.WithoutCancel(ctx), q, n) // in memory, as search.Library's
}

func (c *testCatalog) Topic(word string) bool { return c.index.Topic(word) }
func (c *testCatalog) Aside(word string) bool { return c.index.Aside(word) }

func (c *testCatalog) Names(word string) []string { return c.index.Names(word) }

func (c *testCatalog) Latest(ctx context.Context, n int) ([]content.Hit, error) {
	return c.index.Latest(context.WithoutCancel(ctx), n)
}

func (c *testCatalog) Day(ctx context.Context, day string, n int) ([]content.Hit, error) {
	return c.index.Day(context.WithoutCancel(ctx), day, n)
}

func (c *testCatalog) Search(ctx context.Context, q string, n int) ([]content.Hit, error) {
	if c.panics.Load() {
		panic("a bug in the bot")
	}
	if c.delay > 0 {
		time.Sleep(c.delay)
	}
	if c.block != nil {
		<-c.block
	}
	return c.index.Search(context.WithoutCancel(ctx), q, n)
}

func (c *testCatalog) Snippets(_ context.Context, q string, hits []content.Hit) []content.Hit {
	return c.index.Snippets(q, hits, nil)
}

func (c *testCatalog) Get(ctx context.Context, id string) (content.Article, error) {
	if c.hang != nil {
		select {
		case <-c.hang:
		case <-ctx.Done():
			return content.Article{}, fmt.Errorf("read article %s: %w", id, ctx.Err())
		}
	}
	a, ok := c.byID[id]
	if !ok {
		return a, content.ErrNotFound
	}
	return a, nil
}

func testSettings(t testing.TB) *bot.Settings {
	t.Helper()
	s, err := bot.Compile(bot.RepliesSpec{
		Subscribe: bot.ResponseSpec{Replies: []bot.ReplySpec{
			{Type: "text", Content: "欢迎关注！"},
			{Type: "daily"},
		}},
		Default: bot.ResponseSpec{Reply: &bot.ReplySpec{Type: "text", Content: "目前只能读懂文字。"}},
		NoMatch: bot.ResponseSpec{Reply: &bot.ReplySpec{Type: "text", Content: "没有找到相关文章。"}},
		Rules: []bot.RuleSpec{
			{Keywords: []string{"帮助"}, ResponseSpec: bot.ResponseSpec{Reply: &bot.ReplySpec{Type: "text", Content: "发送关键词搜索文章。"}}},
			{Keywords: []string{"每日一读"}, Keys: []string{"DAILY"}, ResponseSpec: bot.ResponseSpec{Reply: &bot.ReplySpec{Type: "daily"}}},
			{Keywords: []string{"人工"}, ResponseSpec: bot.ResponseSpec{Reply: &bot.ReplySpec{Type: "transfer"}}},
			{Keywords: []string{"图片"}, ResponseSpec: bot.ResponseSpec{Reply: &bot.ReplySpec{Type: "image", MediaID: "MEDIA_1"}}},
			{Keywords: []string{"语音"}, ResponseSpec: bot.ResponseSpec{Reply: &bot.ReplySpec{Type: "voice", MediaID: "VOICE_1"}}},
			{Keywords: []string{"视频"}, ResponseSpec: bot.ResponseSpec{Reply: &bot.ReplySpec{Type: "video", MediaID: "VIDEO_1", Title: "课程", Description: "第一讲"}}},
			{Keywords: []string{"音乐"}, ResponseSpec: bot.ResponseSpec{Reply: &bot.ReplySpec{Type: "music", Title: "晨读", MusicURL: "https://example.com/m.mp3", ThumbMediaID: "THUMB_1"}}},
			{Keywords: []string{"全部"}, ResponseSpec: bot.ResponseSpec{Replies: []bot.ReplySpec{
				{Type: "text", Content: "第一条"}, {Type: "text", Content: "第二条"},
			}}},
			{Keywords: []string{"长文"}, ResponseSpec: bot.ResponseSpec{Replies: []bot.ReplySpec{
				{Type: "text", Content: strings.Repeat("甲", 600)}, {Type: "text", Content: strings.Repeat("乙", 600)}, {Type: "image", MediaID: "MEDIA_1"},
			}}},
		},
	}, bot.SearchSpec{MaxResults: 5, MinScore: 0.5, ClearScore: 0.8, ClearMargin: 0.15},
		bot.PushSpec{SubscribeKeywords: []string{"订阅"}, UnsubscribeKeywords: []string{"退订"}, SubscribeReply: "已订阅。", UnsubscribeReply: "已退订。"}, search.Fold)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// harness is a webhook under test: our handler behind httptest, a
// Simulator playing WeChat, and a fake WeChat API for late replies.
type harness struct {
	t       testing.TB
	h       *Handler
	srv     *httptest.Server
	sim     *Simulator
	api     *wechattest.FakeAPI
	catalog *testCatalog
	answers atomic.Int64 // how many times the bot ran
	logs    *syncBuffer
	msgID   atomic.Int64
	noAPI   bool // no AppSecret: nothing can go through the customer-service API
	events  countedEvents
}

// countedEvents counts the events the bot records for the query log.
type countedEvents struct{ n atomic.Int64 }

func (e *countedEvents) Record(context.Context, bot.Event) { e.n.Add(1) }

type harnessOption func(*Config, *harness)

func withBudget(d time.Duration) harnessOption {
	return func(c *Config, _ *harness) { c.ReplyBudget = d }
}

// withoutSender runs the handler as the demo config does: no AppSecret.
func withoutSender() harnessOption {
	return func(_ *Config, hs *harness) { hs.noAPI = true }
}

func newHarness(t testing.TB, mode string, opts ...harnessOption) *harness {
	t.Helper()
	hs := &harness{t: t, catalog: newTestCatalog(), logs: &syncBuffer{}, api: wechattest.NewFakeAPI()}
	t.Cleanup(hs.api.Close)
	log := slog.New(slog.NewTextHandler(hs.logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
	daily := func(ctx context.Context) (content.Article, error) { return hs.catalog.Get(ctx, "demo-fengqiao") }
	b := bot.New(testSettings(t), bot.Deps{Catalog: hs.catalog, FollowUps: bot.NewMemoryFollowUps(), Daily: daily, Log: log, Events: &hs.events})
	cfg := Config{AppID: testAppID, Token: testToken, Mode: mode, ReplyBudget: 2 * time.Second}
	if mode != ModePlain {
		cfg.AESKey = testAESKey
	}
	for _, o := range opts {
		o(&cfg, hs)
	}
	api := NewAPI(APIConfig{AppID: testAppID, AppSecret: "secret", Base: hs.api.URL, Backoff: time.Millisecond}, log)
	answer := func(ctx context.Context, m bot.Message) []bot.Reply {
		hs.answers.Add(1)
		return b.Answer(ctx, m)
	}
	var sender Sender = api
	if hs.noAPI {
		sender = nil
	}
	h, err := NewHandler(cfg, answer, sender, log)
	if err != nil {
		t.Fatal(err)
	}
	hs.h = h
	hs.srv = httptest.NewServer(h)
	t.Cleanup(func() {
		hs.srv.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		h.Wait(ctx)
	})
	hs.sim = &Simulator{URL: hs.srv.URL + "/wechat", Token: testToken, AppID: testAppID, Account: testGH}
	if mode != ModePlain {
		hs.sim.AESKey = testAESKey
	}
	return hs
}

// text builds a text message with a fresh MsgId.
func (hs *harness) text(from, content string) Inbound {
	return Inbound{From: from, MsgType: "text", Content: content, MsgID: 1_000_000 + hs.msgID.Add(1), CreateTime: time.Now().Unix()}
}

func (hs *harness) send(in Inbound) *Outbound {
	hs.t.Helper()
	out, err := hs.sim.Send(context.Background(), in)
	if err != nil {
		hs.t.Fatalf("send %+v: %v", in, err)
	}
	return out
}

// syncBuffer collects log output from several goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func (s *syncBuffer) count(substr string) int { return strings.Count(s.String(), substr) }

func mustIndex(arts []content.Article) *search.Index {
	ix, err := search.BuildIndex(arts)
	if err != nil {
		panic(err)
	}
	return ix
}
