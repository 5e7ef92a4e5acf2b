package wechat

import (
	"context"
	"strings"
	"testing"

	"mpbot/content"
)

// hostileHarness is the safe-mode harness with the demo articles and arts.
func hostileHarness(t *testing.T, arts ...content.Article) *harness {
	t.Helper()
	hs := newHarness(t, ModeSafe)
	all := append(content.DemoArticles(), arts...)
	hs.catalog.index = mustIndex(all)
	for _, a := range arts {
		hs.catalog.byID[a.ID] = a
	}
	return hs
}

// TestHostileTitleReachesFollower: an article imported with a title
// holding "]]", a control character and ">" (JSON "\u0001", Markdown front
// matter "\x01", an HTML page's &#1;: mpbot import stores each as it is)
// is answered as a card whose reply XML is malformed: the follower asking
// for it gets nothing (mpbot chat: "reply XML: XML syntax error on line 1:
// unescaped ]]> not in CDATA section"), while the query log records a card.
func TestHostileTitleReachesFollower(t *testing.T) {
	for _, title := range []string{"控制字符]]\x01>标题 鹦鹉螺", "非字符\ufffe]]\uffff>标题 鹦鹉螺"} {
		hs := hostileHarness(t, content.Article{ID: "x-ctrl", Title: title, Summary: "鹦鹉螺的摘要", Body: "鹦鹉螺 正文", URL: "https://example.com/x3"})
		out, err := hs.sim.Send(context.Background(), hs.text("o_follower", "鹦鹉螺"))
		if err != nil {
			t.Errorf("title %q: the follower gets no reply: %v", title, err)
			continue
		}
		if !strings.Contains(out.String(), "鹦鹉螺") {
			t.Errorf("title %q: reply %s", title, out)
		}
	}
}

// TestLongTitleCardFitsWeChat: a card's title and address are sent
// whole, however long (mpbot import takes a 150,000-character title, a
// 100,000-byte URL): the passive reply is hundreds of KiB, past what
// mpbot's own Simulator (MaxBody, 64 KiB, "WeChat messages are a few KiB")
// reads, and far past what a card can show: mpbot chat says "reply
// envelope: XML syntax error on line 1: unexpected EOF in CDATA section".
// A list cuts titles (listTitle); a card does not.
func TestLongTitleCardFitsWeChat(t *testing.T) {
	for _, a := range []content.Article{
		{ID: "long-title", Title: "超长标题独角鲸" + strings.Repeat("长", 150000), Summary: "独角鲸", Body: "独角鲸 正文", URL: "https://example.com/long1"},
		{ID: "long-url", Title: "超长地址 剑齿虎", Summary: "剑齿虎", Body: "剑齿虎 正文", URL: "https://example.com/" + strings.Repeat("a", 100000)},
	} {
		hs := hostileHarness(t, a)
		q := "独角鲸"
		if a.ID == "long-url" {
			q = "剑齿虎"
		}
		if _, err := hs.sim.Send(context.Background(), hs.text("o_follower", q)); err != nil {
			t.Errorf("%s: the follower gets no reply: %v", a.ID, err)
		}
	}
}
