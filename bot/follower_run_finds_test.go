package bot

import (
	"regexp"
	"strings"
	"testing"

	"mpbot/content"
)

// A follower helper run's find (run): a question naming a year the answer
// is not of (a long paste, 今年打算报考省直机关的公开遴选……还有就是习近平总书记关于
// 建议的说明, against the shared corpus) is answered, by otherYear, with the
// hits listed and their dates after the titles (withDates), and the list
// line then cuts the title, date and all, to listTitle runes:
//
//	找到 1 篇相关文章：
//	1. <a …>习近平关于《中共中央关于制定国民经济和社会发展第十五个五年规划的建议》的说明（…</a>
//
// (and 「…蔡奇主持并讲话（202…」 for a long paste naming 2026年). The date put
// there to say the article is not of the year asked is lost, and the line
// ends in a half bracket. Alike titles listed without a year asked show
// 「李强主持召开国务院常务会议（2026-08-21）」 whole: that date is added after
// the title is cut (listReplyWith's sharesTitle).
func TestYearListKeepsDateWhole(t *testing.T) {
	hits := []content.Hit{{Article: content.Article{ID: "shuoming", Title: "习近平关于《中共中央关于制定国民经济和社会发展第十五个五年规划的建议》的说明",
		PublishedOn: "2025-10-28", URL: "https://example.com/shuoming"}, Score: 0.6}}
	reply, _ := listReplyWith(withDates(hits), func(n int) string { return "找到 1 篇相关文章：\n" }, true, false)
	cutDate := regexp.MustCompile(`（[0-9-]*…`)
	for _, line := range strings.Split(reply.Text, "\n") {
		if cutDate.MatchString(line) {
			t.Errorf("a list line's date is cut: %q", line)
		}
	}
	if !strings.Contains(reply.Text, "2025-10-28") {
		t.Errorf("the list does not show the date withDates gave it:\n%s", reply.Text)
	}
}

// A follower helper run's find (run): with a list open and none of its
// items opened, a quote of one item's card (opened from the same list
// earlier, then the topic asked again) asked of with 这篇讲的什么 got
// 「回复序号（1 到 4）打开对应文章…」, 这是哪天的 the dates of all four, and 打开这篇
// the no-match reply. quotedAsAnswer returns early when the quoted title is
// among shown(list), and shown is every item of a list none of which is
// opened: "a quote of another item of the list open opens that item"
// (README) holds only once some other item was opened.
func TestQuotedItemOfListNoneOpened(t *testing.T) {
	b := newDemoBot(t, newDemoCatalog(), NewMemoryFollowUps())
	ask := asker(t, b)
	list := ask("遴选")
	m := regexp.MustCompile(`(?m)^2\. <a href="([^"]+)">([^<]+)</a>`).FindStringSubmatch(list.Text)
	if list.Type != ReplyText || m == nil {
		t.Fatalf("遴选 gave no list of two or more: %v", list)
	}
	url, title := m[1], m[2]
	for _, text := range []string{"这篇讲的什么", "这是哪天的"} {
		ask("遴选") // the list again, none opened
		r := b.Answer(t.Context(), Message{From: "o", Kind: KindText, Text: text, Quoted: title})
		if len(r) != 1 {
			t.Fatalf("%s under a quote of %s: %d replies", text, title, len(r))
		}
		got := r[0]
		switch {
		case text == "这篇讲的什么" && (got.Card == nil || got.Card.URL != url):
			t.Errorf("%s under a quote of item 2 (%s): want its card, got %s", text, title, got.String())
		case text == "这是哪天的" && strings.Count(got.Text, "\n") > 1:
			t.Errorf("%s under a quote of item 2 (%s): want its date, got the list's:\n%s", text, title, got.String())
		}
	}
}

// A follower helper run's find (run): a list's follow-ups asked with
// 还有没有 (is there any more …) got the no-match reply where the same
// follow-up without it is understood: after 中国式现代化 and 那最新的呢 on
// the shared corpus, 还有没有更早的 — no match; after the 2026 一号文件's list,
// by voice, 还有没有去年的。 — no match. Here, on the demo articles, 更早的呢
// under 基层治理's list says there is none earlier, 还有没有更早的 gets
// 没有找到相关文章。. And 然后呢 (and then?), said under a list as voice
// messages go on, gets the no-match reply too, where 还有吗 pages on.
func TestStillAnyFollowUps(t *testing.T) {
	for _, c := range []struct{ said, as string }{{"还有没有更早的", "更早的呢"}, {"然后呢", "还有吗"}, {"还有没有2026年的。", "2026年的呢"}} {
		ask := asker(t, newDemoBot(t, newDemoCatalog(), NewMemoryFollowUps()))
		ask("基层治理")
		want := ask(c.as)
		ask = asker(t, newDemoBot(t, newDemoCatalog(), NewMemoryFollowUps()))
		ask("基层治理")
		if got := ask(c.said); got.String() != want.String() {
			t.Errorf("%s under 基层治理's list: %q, want it answered as %s is: %q", c.said, got.String(), c.as, want.String())
		}
	}
}

// TestAllTheirDatesAfterAnItemOpened: 都是哪天的 after item 1 of a list was
// opened asks of every item (a follower run's find: the opened one's date
// alone), as 这是哪天的 asks of the one opened.
func TestAllTheirDatesAfterAnItemOpened(t *testing.T) {
	ask := asker(t, newDemoBot(t, newDemoCatalog(), NewMemoryFollowUps()))
	list := ask("遴选")
	if n := strings.Count(list.Text, "\n"); n < 3 {
		t.Fatalf("遴选 gave no list of two or more:\n%s", list.Text)
	}
	ask("1")
	if got := ask("都是哪天的"); !strings.Contains(got.Text, "各篇的发布日期") || !strings.Contains(got.Text, "2. ") {
		t.Errorf("都是哪天的 after item 1 opened: %q, want every item's date", got.String())
	}
	if got := ask("这是哪天的"); strings.Contains(got.Text, "各篇的发布日期") {
		t.Errorf("这是哪天的 after item 1 opened: %q, want the opened item's date", got.String())
	}
}
