package wechat

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"mpbot/content"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files instead of comparing")

var modes = []string{ModePlain, ModeCompat, ModeSafe}

var createTimeRe = regexp.MustCompile(`<CreateTime>\d+</CreateTime>`)

// golden compares got with testdata/name, masking the reply time.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	got = createTimeRe.ReplaceAll(got, []byte("<CreateTime>0</CreateTime>"))
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if strings.TrimSpace(string(want)) != strings.TrimSpace(string(got)) {
		t.Errorf("reply differs from %s\n got: %s\nwant: %s", path, got, want)
	}
}

func TestMessagesAndEvents(t *testing.T) {
	type check func(t *testing.T, o *Outbound)
	isText := func(want string) check {
		return func(t *testing.T, o *Outbound) {
			t.Helper()
			if o.MsgType != "text" || !strings.Contains(o.Content, want) {
				t.Errorf("got %s %q, want text containing %q", o.MsgType, o.Content, want)
			}
		}
	}
	isNews := func(wantURL string) check {
		return func(t *testing.T, o *Outbound) {
			t.Helper()
			if o.MsgType != "news" || len(o.Articles) != 1 || o.Articles[0].URL != wantURL {
				t.Errorf("got %s %+v, want one news card for %s", o.MsgType, o.Articles, wantURL)
			}
		}
	}
	isSuccess := func(t *testing.T, o *Outbound) {
		t.Helper()
		if !o.Success {
			t.Errorf("got %s reply %q, want success", o.MsgType, o.Plain)
		}
	}
	cases := []struct {
		name   string
		in     Inbound
		check  check
		golden string
	}{
		{"keyword text", Inbound{MsgType: "text", Content: "帮助"}, isText("发送关键词"), "text"},
		{"keyword full-width spaces", Inbound{MsgType: "text", Content: "\u3000帮助 "}, isText("发送关键词"), ""},
		{"search one clear match", Inbound{MsgType: "text", Content: "枫桥经验是什么"}, isNews("https://example.com/mpbot-demo/fengqiao"), "news"},
		{"search several", Inbound{MsgType: "text", Content: "遴选"}, isText("回复序号"), "list"},
		{"search nothing", Inbound{MsgType: "text", Content: "今天天气怎么样"}, isText("没有找到相关文章"), ""},
		{"daily keyword", Inbound{MsgType: "text", Content: "每日一读"}, isNews("https://example.com/mpbot-demo/fengqiao"), ""},
		{"transfer", Inbound{MsgType: "text", Content: "人工"}, func(t *testing.T, o *Outbound) {
			if o.MsgType != "transfer_customer_service" {
				t.Errorf("got %s, want transfer_customer_service", o.MsgType)
			}
		}, "transfer"},
		{"image reply", Inbound{MsgType: "text", Content: "图片"}, func(t *testing.T, o *Outbound) {
			if o.MsgType != "image" || o.MediaID != "MEDIA_1" {
				t.Errorf("got %s %q, want image MEDIA_1", o.MsgType, o.MediaID)
			}
		}, "image"},
		{"voice reply", Inbound{MsgType: "text", Content: "语音"}, func(t *testing.T, o *Outbound) {
			if o.MsgType != "voice" || o.MediaID != "VOICE_1" {
				t.Fatalf("got %+v", o)
			}
		}, "voice"},
		{"video reply", Inbound{MsgType: "text", Content: "视频"}, func(t *testing.T, o *Outbound) {
			if o.MsgType != "video" || o.MediaID != "VIDEO_1" {
				t.Fatalf("got %+v", o)
			}
		}, "video"},
		{"music reply", Inbound{MsgType: "text", Content: "音乐"}, func(t *testing.T, o *Outbound) {
			if o.MsgType != "music" || o.Content != "https://example.com/m.mp3" {
				t.Fatalf("got %+v", o)
			}
		}, "music"},
		{"voice recognition", Inbound{MsgType: "voice", Recognition: "浦江经验", Extra: "<MediaId><![CDATA[m]]></MediaId><Format><![CDATA[amr]]></Format>"}, isNews("https://example.com/mpbot-demo/pujiang"), ""},
		{"voice without recognition", Inbound{MsgType: "voice", Extra: "<MediaId><![CDATA[m]]></MediaId>"}, isText("只能读懂文字"), ""},
		{"an emoji alone", Inbound{MsgType: "text", Content: "👍👍"}, isText("只能读懂文字"), ""},
		{"image message", Inbound{MsgType: "image", Extra: "<PicUrl><![CDATA[https://x/p.jpg]]></PicUrl><MediaId><![CDATA[m]]></MediaId>"}, isText("只能读懂文字"), ""},
		{"video message", Inbound{MsgType: "video", Extra: "<MediaId><![CDATA[m]]></MediaId><ThumbMediaId><![CDATA[t]]></ThumbMediaId>"}, isText("只能读懂文字"), ""},
		{"location message", Inbound{MsgType: "location", Extra: "<Location_X>23.1</Location_X><Location_Y>113.3</Location_Y><Scale>20</Scale><Label><![CDATA[广州]]></Label>"}, isText("只能读懂文字"), ""},
		{"link message", Inbound{MsgType: "link", Extra: "<Title><![CDATA[t]]></Title><Url><![CDATA[https://x]]></Url>"}, isText("只能读懂文字"), ""},
		{"subscribe", Inbound{MsgType: "event", Event: "subscribe"}, isText("欢迎关注"), ""},
		{"subscribe by QR scene", Inbound{MsgType: "event", Event: "subscribe", EventKey: "qrscene_123", Extra: "<Ticket><![CDATA[T]]></Ticket>"}, isText("欢迎关注"), ""},
		{"unsubscribe", Inbound{MsgType: "event", Event: "unsubscribe"}, isSuccess, ""},
		{"menu click bound", Inbound{MsgType: "event", Event: "CLICK", EventKey: "DAILY"}, isNews("https://example.com/mpbot-demo/fengqiao"), ""},
		{"menu click unbound", Inbound{MsgType: "event", Event: "CLICK", EventKey: "NOPE"}, isText("目前只能读懂文字。"), ""},
		{"view", Inbound{MsgType: "event", Event: "VIEW", EventKey: "https://example.com"}, isSuccess, ""},
		{"scan", Inbound{MsgType: "event", Event: "SCAN", EventKey: "123"}, isSuccess, ""},
		{"location event", Inbound{MsgType: "event", Event: "LOCATION", Extra: "<Latitude>23.1</Latitude><Longitude>113.3</Longitude><Precision>119</Precision>"}, isSuccess, ""},
		{"mass send finished", Inbound{MsgType: "event", Event: "MASSSENDJOBFINISH", Extra: "<MsgID>1000001625</MsgID><Status><![CDATA[send success]]></Status>"}, isSuccess, ""},
		{"template finished", Inbound{MsgType: "event", Event: "TEMPLATESENDJOBFINISH", Extra: "<MsgID>200163836</MsgID><Status><![CDATA[success]]></Status>"}, isSuccess, ""},
		{"unknown message type", Inbound{MsgType: "miniprogrampage"}, isText("只能读懂文字"), ""},
		// ]]> inside the text: the simulator splits the CDATA section as
		// an XML writer must, and the handler reads it back whole.
		{"text holding ]]>", Inbound{MsgType: "text", Content: "枫桥经验是什么]]>"}, isNews("https://example.com/mpbot-demo/fengqiao"), ""},
		// A quote delivered as text, its reply a list's number: the
		// number alone is the message (the quoted 枫桥经验 had been
		// searched with it; no list is open here). Another reply is read
		// with what it quotes.
		{"quoting a message to choose", Inbound{MsgType: "text", Content: "「学习号：新时代枫桥经验是什么？」" + quoteRule + "2"}, isText("列表"), ""},
		{"quoting a message to ask of it", Inbound{MsgType: "text", Content: "「学习号：[链接]浦江经验：领导干部下访接待群众的来历与启示」" + quoteRule + "这篇讲的什么"}, isNews("https://example.com/mpbot-demo/pujiang"), ""},
		{"a quote without a reply", Inbound{MsgType: "text", Content: "「枫桥经验」"}, isNews("https://example.com/mpbot-demo/fengqiao"), ""},
	}
	for _, mode := range modes {
		t.Run(mode, func(t *testing.T) {
			hs := newHarness(t, mode)
			for i, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					in := c.in
					in.From = fmt.Sprintf("o_user_%d", i)
					in.CreateTime = time.Now().Unix()
					if in.MsgType != "event" {
						in.MsgID = int64(5000 + i)
					}
					out := hs.send(in)
					c.check(t, out)
					if c.golden != "" {
						golden(t, c.golden, out.Plain)
					}
				})
			}
		})
	}
}

func TestNumberedFollowUp(t *testing.T) {
	for _, mode := range modes {
		t.Run(mode, func(t *testing.T) {
			hs := newHarness(t, mode)
			list := hs.send(hs.text("o_a", "遴选"))
			m := regexp.MustCompile(`2\. <a href="([^"]+)">`).FindStringSubmatch(list.Content)
			if m == nil {
				t.Fatalf("no second entry in list reply %q", list.Content)
			}
			card := hs.send(hs.text("o_a", "２")) // full-width digit, as phones type it
			if card.MsgType != "news" || card.Articles[0].URL != m[1] {
				t.Fatalf("reply to 2: got %s %+v, want card for %s", card.MsgType, card.Articles, m[1])
			}
			// Another follower's "2" is just text: it has no list pending.
			other := hs.send(hs.text("o_b", "2"))
			if other.MsgType == "news" && other.Articles[0].URL == m[1] {
				t.Fatalf("follower without a list got the list's article")
			}
		})
	}
}

func TestSubscribeSendsDailyThroughAPI(t *testing.T) {
	hs := newHarness(t, ModeSafe)
	out := hs.send(Inbound{From: "o_new", MsgType: "event", Event: "subscribe", CreateTime: time.Now().Unix()})
	if !strings.Contains(out.Content, "欢迎关注") {
		t.Fatalf("passive reply %q, want the welcome text", out.Content)
	}
	c := waitCall(t, hs, "/cgi-bin/message/custom/send")
	var msg struct {
		ToUser  string `json:"touser"`
		MsgType string `json:"msgtype"`
		News    struct {
			Articles []struct{ URL string } `json:"articles"`
		} `json:"news"`
	}
	if err := json.Unmarshal(c.Body, &msg); err != nil {
		t.Fatal(err)
	}
	if msg.ToUser != "o_new" || msg.MsgType != "news" || len(msg.News.Articles) != 1 || msg.News.Articles[0].URL != "https://example.com/mpbot-demo/fengqiao" {
		t.Fatalf("custom message %s, want the daily card for o_new", c.Body)
	}
}

// TestWelcomeWithoutAPI: with no AppSecret (the demo config), a new
// follower still sees the daily card: everything is folded into the one
// passive reply instead of the card being dropped.
func TestWelcomeWithoutAPI(t *testing.T) {
	hs := newHarness(t, ModeSafe, withoutSender())
	out := hs.send(Inbound{From: "o_new", MsgType: "event", Event: "subscribe", CreateTime: time.Now().Unix()})
	if !strings.Contains(out.Content, "欢迎关注！") || !strings.Contains(out.Content, `<a href="https://example.com/mpbot-demo/fengqiao">`) {
		t.Fatalf("passive reply %q, want the welcome and the daily card's link", out.Content)
	}
	if calls := hs.api.Calls(""); len(calls) != 0 {
		t.Fatalf("%d API calls without an AppSecret", len(calls))
	}
	// Two texts of 1,800 bytes and an image: only the first fits in the
	// one reply, and the operator is told what the follower did not get.
	out = hs.send(Inbound{From: "o_new", MsgType: "text", Content: "长文", MsgID: 5, CreateTime: time.Now().Unix()})
	if out.Content != strings.Repeat("甲", 600) {
		t.Fatalf("merged reply %q", out.Content)
	}
	if logs := hs.logs.String(); !strings.Contains(logs, "replies left out") || !strings.Contains(logs, "left_out=2") {
		t.Fatalf("no warning of the replies left out:\n%s", logs)
	}
}

func waitCall(t *testing.T, hs *harness, path string) callRecord {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case c := <-hs.api.Notify():
			if c.Path == path {
				return callRecord{Body: c.Body, Token: c.Token}
			}
		case <-deadline:
			t.Fatalf("no call to %s within 5s; calls: %+v", path, hs.api.Calls(""))
		}
	}
}

type callRecord struct {
	Body  []byte
	Token string
}

func TestURLVerification(t *testing.T) {
	hs := newHarness(t, ModeSafe)
	req, _ := hs.sim.Request(context.Background(), nil)
	q := req.URL.Query()
	q.Set("echostr", "4312587890")
	get := func(q string) (int, string) {
		resp, err := http.Get(hs.srv.URL + "/wechat?" + q)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := get(q.Encode()); code != 200 || body != "4312587890" {
		t.Fatalf("verification: %d %q, want 200 echo", code, body)
	}
	q.Set("signature", strings.Repeat("0", 40))
	if code, body := get(q.Encode()); code != 401 || strings.Contains(body, "4312587890") {
		t.Fatalf("forged verification: %d %q, want 401 without echo", code, body)
	}
}

// TestHungStoreGetsTheApologyInTime: a store that hangs (connections open,
// nothing answering) fails the bot's call before the reply budget ends, so
// the follower gets the apology as the passive reply, not "success" and an
// answer when the store comes back (a fleet run's find: every answer that
// read the store went out late, and without an AppSecret not at all).
func TestHungStoreGetsTheApologyInTime(t *testing.T) {
	hs := newHarness(t, ModeSafe, withBudget(400*time.Millisecond))
	hang := make(chan struct{})
	hs.catalog.hang = hang
	defer close(hang)
	// The passive reply is the apology: the watchdog, at the budget's end,
	// would have made it "success".
	out := hs.send(hs.text("o_hung", "每日一读"))
	if out.Success || out.MsgType != "text" || out.Content != "文章暂时无法读取，请稍后再试。" {
		t.Fatalf("每日一读 with the store hung: %+v", out)
	}
	if calls := hs.api.Calls("/cgi-bin/message/custom/send"); len(calls) != 0 {
		t.Errorf("the answer was also sent late: %d calls", len(calls))
	}
}

// TestSlowAnswerFreesTheConnection: the call that got the fallback "success"
// closes its connection, so the next message a client sends (a reverse
// proxy keeping connections alive, here limited to one) is answered at once
// rather than after the slow answer; it waited for it before.
func TestSlowAnswerFreesTheConnection(t *testing.T) {
	hs := newHarness(t, ModeSafe, withBudget(50*time.Millisecond))
	release := make(chan struct{})
	hs.catalog.block = release
	defer close(release)
	hs.sim.HTTP = &http.Client{Transport: &http.Transport{MaxConnsPerHost: 1}}
	if out := hs.send(hs.text("o_slow", "浦江经验")); !out.Success {
		t.Fatalf("the slow answer's fallback: %+v", out)
	}
	done := make(chan *Outbound, 1)
	go func() { done <- hs.send(hs.text("o_next", "帮助")) }()
	select {
	case out := <-done:
		if out.MsgType != "text" {
			t.Fatalf("the next follower's reply: %+v", out)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the next message waited for the slow answer on the same connection")
	}
}

// TestBudgetCountsFromArrival: WeChat's 5 seconds run from its request, so
// a body that takes longer than the budget to arrive gets the fallback at
// once, its answer through the customer-service API (a hostile run's find:
// the budget and the reply's latency started after the body was read).
func TestBudgetCountsFromArrival(t *testing.T) {
	hs := newHarness(t, ModeSafe, withBudget(100*time.Millisecond))
	req, err := hs.sim.Request(context.Background(), hs.text("o_slow_body", "帮助").XML(testGH))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(req.Body)
	pr, pw := io.Pipe()
	req.Body, req.ContentLength = pr, int64(len(body))
	go func() {
		pw.Write(body[:len(body)/2])
		time.Sleep(300 * time.Millisecond) // a slow client: the input, not a wait for what is asserted
		pw.Write(body[len(body)/2:])
		pw.Close()
	}()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(out) != "success" {
		t.Fatalf("a body arriving after the budget: %q, want success and the answer sent after", out)
	}
	// The answer follows "success" (the handler is still running when the
	// client has it: Wait only after it is sent, as serve waits only after
	// the server's shutdown).
	waitFor(t, func() bool { return len(hs.api.Calls("/cgi-bin/message/custom/send")) == 1 }, "the answer through the customer-service API")
}

// TestShownDoesNotHoldTheReply: recording today's reading as shown runs
// beside the passive reply, not before it (a review's find: a locked
// store held 每日一读's reply past WeChat's 5 seconds); Wait joins it.
func TestShownDoesNotHoldTheReply(t *testing.T) {
	release := make(chan struct{})
	recorded := make(chan string, 1)
	hs := newHarness(t, ModeSafe, func(c *Config, _ *harness) {
		c.Shown = func(_ context.Context, _, id string) {
			<-release // a store that does not take the write yet
			recorded <- id
		}
	})
	if out := hs.send(hs.text("o_reader", "每日一读")); out.MsgType != "news" {
		t.Fatalf("每日一读 while the record waits: %+v", out)
	}
	close(release)
	if err := hs.h.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if id := <-recorded; id != "demo-fengqiao" {
		t.Fatalf("recorded %q", id)
	}
}

// TestQuotedMessages: a text quoting another message, as WeChat delivers a
// quote (「sender：quoted」, a line of spaced dashes, the reply). Its reply
// is the message: a command or a topic under a quote had been searched
// with the quoted text (a list again for 2, 还有吗 or 第二条新闻, the card
// back for 退订, no match for a topic under a friend's question: follower
// run's and re-checks' finds). What the quote names is the answer before:
// 这篇讲的什么, 这是哪天的 or 2024年的呢 under a quoted card or topic had
// been asked of whatever was open, or of nothing (three re-checks' finds).
// want is in the reply's text or its card's URL; "" is what the reply gets
// typed alone.
func TestQuotedMessages(t *testing.T) {
	const card = "「学习号：[链接]浦江经验：领导干部下访接待群众的来历与启示」"
	const list = "「学习号：为你找到以下文章，回复序号查看：1. 浦江经验：领导干部下访接待群众的来历与启示」"
	const pujiang, report = "mpbot-demo/pujiang", "mpbot-demo/gzbg2024"
	hs := newHarness(t, ModeSafe)
	for i, c := range []struct {
		before        []string
		quoted, reply string
		want          string
	}{
		{nil, card, "这篇讲的什么", pujiang},
		{[]string{"浦江经验", "遴选"}, card, "这篇讲的什么", pujiang},
		{nil, card, "这是哪天的", "2026年9月1日"},
		{nil, card, "发布日期", "2026年9月1日"},
		{[]string{"浦江经验"}, card, "是哪天", "2026年9月1日"},
		{[]string{"遴选"}, card, "这是哪天的", "2026年9月1日"},
		{nil, "「我：政府工作报告」", "2024年的呢", report},
		{[]string{"遴选"}, "「我：政府工作报告」", "2024年的呢", report},
		{[]string{"浦江经验"}, "「小王：政府工作报告」", "2024年的呢", report},
		{[]string{"遴选"}, list, "还有吗", ""},
		{[]string{"遴选"}, list, "下一篇", ""},
		{[]string{"遴选"}, list, "别的呢", ""},
		{[]string{"遴选"}, list, "下一批", ""},
		{[]string{"遴选"}, list, "第二条新闻", ""},
		{[]string{"遴选"}, list, "看第二篇", ""},
		{[]string{"遴选"}, list, "最后一篇", ""},
		{nil, card, "退订", ""},
		{nil, card, "谢谢", ""},
		{nil, card, "帮助", ""},
		{nil, card, "每日一读", ""},
		{nil, "「小王：你看过国常会的文章吗」", "浦江经验", ""},
		{nil, "「小王：你看过国常会的文章吗」", "枫桥经验", ""},
		{nil, "「小王：明天考试加油」", "浦江经验", ""},
	} {
		quoting, alone := fmt.Sprintf("o_quoting_%d", i), fmt.Sprintf("o_alone_%d", i)
		for _, text := range c.before {
			hs.send(hs.text(quoting, text))
			hs.send(hs.text(alone, text))
		}
		got := hs.send(hs.text(quoting, c.quoted+quoteRule+c.reply))
		if c.want == "" {
			if want := hs.send(hs.text(alone, c.reply)); got.String() != want.String() {
				t.Errorf("after %q, %s quoted with %q: got\n%s\nwant, as %q typed alone gets,\n%s", c.before, c.quoted, c.reply, got, c.reply, want)
			}
			continue
		}
		if !strings.Contains(got.Content, c.want) && (len(got.Articles) == 0 || !strings.Contains(got.Articles[0].URL, c.want)) {
			t.Errorf("after %q, %s quoted with %q: got %s %q %+v, want %s", c.before, c.quoted, c.reply, got.MsgType, got.Content, got.Articles, c.want)
		}
	}
}

// withArticles adds articles to the harness's demo content (the bot holds
// the catalog by pointer, so its index is swapped in place).
func withArticles(extra ...content.Article) harnessOption {
	return func(_ *Config, hs *harness) {
		arts := append(content.DemoArticles(), extra...)
		hs.catalog.index = mustIndex(arts)
		for _, a := range arts {
			hs.catalog.byID[a.ID] = a
		}
	}
}

// TestQuotedCardJustShownKeepsItsArticle: a re-check's find (of 9d555c9,
// which makes the article a quote finds the answer before). Articles that
// share a title (国常会's 92 meetings on the corpus are all
// 李强主持召开国务院常务会议) quote alike, and the quote takes the first
// found, not the card the follower had just been shown. Through serve on
// the corpus: 国常会, then 2 (the card of 7月31日), then that card quoted
// with 这是哪天的 got 「李强主持召开国务院常务会议」发布于2026年8月21日。
// (typed without the quote, 这是哪天的 gets 7月31日); with 这篇讲的什么 after 3
// (7月20日), the 8月21日 card. At 41c824d both got the list of five, which
// at least holds the right one; now the follower is told a wrong day.
func TestQuotedCardJustShownKeepsItsArticle(t *testing.T) {
	const title = "李强主持召开国务院常务会议"
	meeting := func(day, topic string) content.Article {
		return content.Article{
			ID: "gch-" + day, Title: title, PublishedOn: day,
			URL:     "https://example.com/gch/" + day,
			Summary: "国务院总理李强主持召开国务院常务会议，" + topic + "。",
			Body:    "国务院总理李强主持召开国务院常务会议，" + topic + "。会议指出，国务院常务会议要求各地区各部门抓好落实。",
		}
	}
	hs := newHarness(t, ModeSafe, withArticles(
		meeting("2026-08-21", "听取新一代通信网建设情况汇报"),
		meeting("2026-07-31", "学习贯彻上半年经济形势重要讲话精神"),
		meeting("2026-07-20", "听取服务业扩能提质情况汇报"),
	))
	for i, c := range []struct {
		pick  string // the item chosen from the list 国常会 got
		reply string // under the chosen card, quoted
		want  string // what only the chosen card's answer holds
	}{
		{"1", "这是哪天的", ""}, // the newest: found either way
		{"2", "这是哪天的", ""},
		{"3", "这是哪天的", ""},
		{"2", "这篇讲的什么", ""},
		{"3", "原文链接", ""},
	} {
		from := fmt.Sprintf("o_quoted_shown_%d", i)
		list := hs.send(hs.text(from, title))
		if strings.Count(list.Content, "https://example.com/gch/") < 3 {
			t.Fatalf("%s: got %s %q %+v, want a list of the three meetings", title, list.MsgType, list.Content, list.Articles)
		}
		card := hs.send(hs.text(from, c.pick))
		if len(card.Articles) != 1 || !strings.HasPrefix(card.Articles[0].URL, "https://example.com/gch/") {
			t.Fatalf("%s after %s: got %s %q, want one meeting's card", c.pick, title, card.MsgType, card.Content)
		}
		shown := strings.TrimPrefix(card.Articles[0].URL, "https://example.com/gch/")
		y, m, d := shown[:4], strings.TrimLeft(shown[5:7], "0"), strings.TrimLeft(shown[8:], "0")
		want := map[string]string{"这是哪天的": y + "年" + m + "月" + d + "日"}[c.reply]
		out := hs.send(hs.text(from, "「学习号：[链接]"+title+"」"+quoteRule+c.reply))
		got := out.Content
		for _, a := range out.Articles {
			got += " " + a.URL
		}
		if want == "" {
			want = "https://example.com/gch/" + shown
		}
		if !strings.Contains(got, want) || strings.Count(got, "https://example.com/gch/") > 1 {
			t.Errorf("李强主持召开国务院常务会议, %q (the card of %s), then that card quoted with %q: got %s %q, want the card shown (%s)", c.pick, shown, c.reply, out.MsgType, got, want)
		}
	}
}

// quoteOf is a reply of the account's as WeChat quotes it: its text, the
// links' markup shown as their words, in 「学习号：…」.
func quoteOf(content string) string {
	text := regexp.MustCompile(`<[^>]+>`).ReplaceAllString(content, "")
	return "「学习号：" + text + "」"
}

// TestQuotedListKeepsTheList: the same change quotes a list as a card. A
// list's first line is its heading (「两会」最新的文章：, 2026年8月22日的文章：),
// which quotedTopic searches, and the article found, none of the list's,
// becomes the answer before, in place of the list the follower quoted.
// Through serve on the corpus: 最新的两会, then that list quoted with
// 这是哪天的, got 「多国人士关注中国两会 期待中国为全球发展贡献更多动力」发布于
// 2024年3月3日。 (the list's first is of 2026-03-12); 8月22日的新闻联播, then
// its list quoted with 这是哪天的, got 「国内联播快讯」发布于2026年8月22日。 and
// with 这篇讲的什么 a 国内联播快讯 card, neither in the list. Typed without
// the quote, 这是哪天的 after a list gets the list's days (各篇的发布日期).
func TestQuotedListKeepsTheList(t *testing.T) {
	lianghui := func(id, day, title string) content.Article {
		return newsOf("lh", id, day, title, "全国两会期间，"+title+"。两会代表委员热议。")
	}
	hs := newHarness(t, ModeSafe, withArticles(
		lianghui("lh1", "2026-03-12", "两会“部长通道”：传递权威声音 回应社会关切"),
		lianghui("lh2", "2026-03-09", "外媒看两会：中国新发展 世界新机遇"),
		lianghui("lh3", "2024-03-03", "多国人士关注中国两会 期待中国为全球发展贡献更多动力"),
	))
	for i, c := range []struct{ search, reply string }{
		{"最新的两会", "这是哪天的"},
		{"两会", "这是哪天的"},
		{"最新的基层治理", "这是哪天的"},
		{"基层治理", "这是哪天的"},
		{"最新的群众路线", "这是哪天的"},
		{"3月12日的新闻", "这是哪天的"},
		{"3月12日的新闻", "这篇讲的什么"},
	} {
		plain, quoted := fmt.Sprintf("o_list_plain_%d", i), fmt.Sprintf("o_list_quoted_%d", i)
		list := hs.send(hs.text(plain, c.search))
		if strings.Count(list.Content, "<a href") < 2 {
			t.Logf("%s: not a list (%s %q), skipped", c.search, list.MsgType, list.Content)
			continue
		}
		want := hs.send(hs.text(plain, c.reply))
		hs.send(hs.text(quoted, c.search))
		got := hs.send(hs.text(quoted, quoteOf(list.Content)+quoteRule+c.reply))
		if got.Content != want.Content || len(got.Articles) != len(want.Articles) {
			t.Errorf("%s, then its list quoted with %q: got %s %q %+v, want as typed without the quote: %s %q", c.search, c.reply, got.MsgType, got.Content, got.Articles, want.MsgType, want.Content)
		}
	}
}

// TestQuotedEarlierCardOfTheOpenList: 1a44775 keeps the answer before when
// the quote holds the title of any article of the open list (its IDs) or of
// what it had shown (its Seen), not only the card just shown. A follower
// who opened 1, then 2, and quotes 1's card (scrolling back) with 这是哪天的
// is told 2's day; at 9d555c9 the quote found 1's article. Likewise a card
// shown whose title is short (the corpus has 长江, 贵州, 美丽中国, 联播快讯)
// and contained in the quoted card's title keeps the answer before.
func TestQuotedEarlierCardOfTheOpenList(t *testing.T) {
	bird := func(id, day, title string) content.Article {
		return newsOf("hn", id, day, title, "候鸟迁徙季，"+title+"。各地加强候鸟迁徙保护。")
	}
	hs := newHarness(t, ModeSafe, withArticles(
		bird("hn1", "2026-08-20", "鄱阳湖迎来首批越冬候鸟迁徙"),
		bird("hn2", "2026-05-11", "黄河三角洲候鸟迁徙通道保护纪实"),
		bird("hn3", "2025-11-02", "候鸟迁徙"), // a short title, as the corpus's 长江
	))
	day := map[string]string{"hn1": "2026年8月20日", "hn2": "2026年5月11日", "hn3": "2025年11月2日"}
	for i, c := range []struct {
		picks  []string // the articles opened from the list 候鸟迁徙 got, in order
		quoted string   // the card quoted (one of those opened)
	}{
		{[]string{"hn1", "hn2"}, "hn1"},
		{[]string{"hn2", "hn1"}, "hn2"},
		{[]string{"hn1", "hn3"}, "hn1"}, // hn3's title, 候鸟迁徙, is inside hn1's
		{[]string{"hn2", "hn3"}, "hn2"},
		{[]string{"hn3", "hn1"}, "hn3"},
	} {
		from := fmt.Sprintf("o_quoted_earlier_%d", i)
		list := hs.send(hs.text(from, "候鸟迁徙"))
		if strings.Count(list.Content, "https://example.com/hn/") < 3 {
			t.Fatalf("候鸟迁徙: got %s %q, want a list of the three", list.MsgType, list.Content)
		}
		titles := map[string]string{}
		for _, id := range c.picks {
			// its number in the list, as the list orders them
			p := fmt.Sprint(1 + strings.Count(list.Content[:strings.Index(list.Content, "https://example.com/hn/"+id)], "https://example.com/hn/"))
			card := hs.send(hs.text(from, p))
			if len(card.Articles) != 1 {
				t.Fatalf("%s after 候鸟迁徙: got %s %q, want a card", p, card.MsgType, card.Content)
			}
			titles[strings.TrimPrefix(card.Articles[0].URL, "https://example.com/hn/")] = card.Articles[0].Title
		}
		title, ok := titles[c.quoted]
		if !ok {
			t.Fatalf("%q opened %v, not %s", c.picks, titles, c.quoted)
		}
		out := hs.send(hs.text(from, "「学习号：[链接]"+title+"」"+quoteRule+"这是哪天的"))
		if !strings.Contains(out.Content, day[c.quoted]) {
			t.Errorf("候鸟迁徙, then %q, then %s's card (%s) quoted with 这是哪天的: got %s %q, want its day %s", c.picks, c.quoted, title, out.MsgType, out.Content, day[c.quoted])
		}
	}
}

// newsOf is a news article of the harness's own: its summary its title,
// its address under https://example.com/<site>/.
func newsOf(site, id, day, title, body string) content.Article {
	return content.Article{ID: id, Title: title, PublishedOn: day, URL: "https://example.com/" + site + "/" + id,
		Summary: title + "。", Body: body}
}

// quoteRule is the line WeChat writes between a quoted message and the
// reply to it.
const quoteRule = "\n- - - - - - - - - - - - - - -\n"
