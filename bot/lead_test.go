package bot

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"mpbot/content"
)

// meetingsOfTwoYears is a topic's meetings over two years (one of them on 防汛)
// and other news whose titles hold the follow-ups' words (最新, 防汛).
func meetingsOfTwoYears() []content.Article {
	var arts []content.Article
	for i, day := range []string{"2025-03-12", "2025-07-25", "2025-11-06", "2026-03-13", "2026-06-29", "2026-07-31", "2026-08-21"} {
		d, _ := time.Parse(time.DateOnly, day)
		summary := fmt.Sprintf("%d年%d月%d日，国务院总理李强主持召开国务院常务会议，研究部署有关工作。", d.Year(), d.Month(), d.Day())
		if day == "2026-06-29" {
			summary = "2026年6月29日，国务院总理李强主持召开国务院常务会议，部署防汛抗旱和地质灾害防治工作。"
		}
		arts = append(arts, content.Article{ID: fmt.Sprint("m", i), Title: "李强主持召开国务院常务会议", Summary: summary,
			PublishedOn: day, URL: fmt.Sprintf("https://example.com/m%d", i)})
	}
	arts = append(arts,
		content.Article{ID: "fx", Title: "中共中央办公厅、国务院办公厅印发《关于全力做好防汛抗旱工作的通知》", Summary: "近日，中办国办印发通知，对全力做好防汛抗旱工作作出部署。",
			PublishedOn: "2026-07-09", URL: "https://example.com/fx"},
		content.Article{ID: "zx", Title: "国家文物局发布中华文明探源工程最新进展", Summary: "国家文物局在京发布中华文明探源工程最新进展。",
			PublishedOn: "2023-12-09", URL: "https://example.com/zx"},
		content.Article{ID: "iran", Title: "伊朗提出美伊谈判最新方案", Summary: "伊朗方面提出最新方案。",
			PublishedOn: "2026-05-02", URL: "https://example.com/iran"},
		content.Article{ID: "hs", Title: "世界最大活火山38年来首次喷发", Summary: "夏威夷冒纳罗亚火山最近一次喷发是在38年前。",
			PublishedOn: "2022-11-29", URL: "https://example.com/hs"},
	)
	return arts
}

// TestFollowUpAfterASetApartLead (a follower run's find): a follow-up opened by 那， 那么， 好的，那
// or 好， (voice recognition sets 那 apart with a comma; 好的，那… is how
// followers type) is the same follow-up as without it. On the corpus,
// 国常会 then 那，最新的呢 listed titles holding 最新 (中华文明探源工程最新进展),
// 那，最近一次呢 got a card on a volcano, 那，上一次呢, 那，更早的呢 and
// 那更早的呢 (without the comma too; 更早的呢 lists older meetings) no match, 好的，那最新的呢 a list on 伊朗…最新方案, 好，最新的呢 the
// acknowledgement reply, and 那，2025年的呢 the NPC's financial committee.
func TestFollowUpAfterASetApartLead(t *testing.T) {
	today := time.Date(2026, 12, 5, 9, 0, 0, 0, chinaTime)
	catalog := catalogOf(meetingsOfTwoYears())
	isMeeting := func(u string) bool { return strings.HasPrefix(u, "https://example.com/m") }
	for _, tc := range []struct{ plain, lead string }{
		{"那最新的呢", "那，最新的呢"},
		{"那最新的呢", "那么，最新的呢"},
		{"那最新的呢", "好的，那最新的呢"},
		{"最新的呢", "好，最新的呢"},
		{"那最近一次呢", "那，最近一次呢"},
		{"那上一次呢", "那，上一次呢"},
		{"更早的呢", "那更早的呢"},
		{"更早的呢", "那，更早的呢"},
		{"那2025年的呢", "那，2025年的呢"},
		{"那2025年的呢", "好的，那2025年的呢"},
	} {
		ask := asker(t, demoBotAt(t, catalog, today))
		ask("国务院常务会议")
		want := firstShown(ask(tc.plain))
		if !isMeeting(want) {
			t.Fatalf("国务院常务会议, then %s: %s first, not a meeting", tc.plain, want)
		}
		ask2 := asker(t, demoBotAt(t, catalog, today))
		ask2("国务院常务会议")
		r := ask2(tc.lead)
		if got := firstShown(r); got != want {
			t.Errorf("国务院常务会议, then %s: %s first, want %s (as %s):\n%s", tc.lead, got, want, tc.plain, r.Text)
		}
	}
}

// TestWithoutLead: only a lead set apart before a follow-up goes.
func TestWithoutLead(t *testing.T) {
	for in, want := range map[string]string{
		"那，最新的呢": "最新的呢", "好的，那2025年的呢": "那2025年的呢", "好的谢谢，那2025年的呢": "那2025年的呢", "那更早的呢": "更早的呢", "好，那么，上一次呢": "上一次呢", "谢谢，最近一次": "最近一次",
		// What stays: thanks after an acknowledgement, a lead glued to its word, no follow-up after it.
		"好的，谢谢": "好的，谢谢", "好，没了": "好，没了", "那，这个": "那，这个", "行政": "行政", "好几次呢": "好几次呢", "那些呢": "那些呢", "那": "那",
	} {
		if got := withoutLead(in); got != want {
			t.Errorf("withoutLead(%s) = %q, want %q", in, got, want)
		}
	}
}

// TestRefiningTheTopic (a follower run's find): a few words narrowing the
// question just asked (关于防汛的, 防汛那次) are asked of it, not searched
// alone; another topic asked after it (那乡村振兴的呢) is not. On the corpus
// 国常会 then 关于防汛的 listed 防汛 notices and inspections, no meeting;
// 政治局集体学习 then 人工智能那次 got no match (together the search has the
// 第二十次集体学习 on 人工智能 at 0.98).
func TestRefiningTheTopic(t *testing.T) {
	today := time.Date(2026, 12, 5, 9, 0, 0, 0, chinaTime)
	const want = "https://example.com/m4" // the meeting on 防汛
	ask := asker(t, demoBotAt(t, catalogOf(meetingsOfTwoYears()), today))
	if got := firstShown(ask("国务院常务会议 防汛")); got != want {
		t.Fatalf("国务院常务会议 防汛: %s first, want %s", got, want)
	}
	for _, refine := range []string{"关于防汛的", "讲防汛的那次", "防汛那次", "和防汛有关的", "关于防汛的呢"} {
		ask("国务院常务会议")
		if r := ask(refine); firstShown(r) != want {
			t.Errorf("国务院常务会议, then %s: %s first, want the meeting on 防汛 %s:\n%s", refine, firstShown(r), want, r.Text)
		}
	}
	for text, want := range map[string]string{"关于防汛的": "防汛", "讲人工智能的那次": "人工智能", "人工智能那次": "人工智能", "和教育有关的": "教育",
		"那乡村振兴的呢": "", "关于": "", "最新的": "", "2025年的呢": "", "那次": ""} {
		if got, ok := refinement(text); ok != (want != "") || got != want {
			t.Errorf("refinement(%s) = %q %v, want %q", text, got, ok, want)
		}
	}
}

// TestPreviousOfTheOneOpened: 上一次呢 after an item opened from a list is
// the list's meeting before it (a follower run's find: 政治局会议, 第三篇,
// 讲了什么, then 上一次呢 got the list's second, a newer meeting); after the
// list alone, the one before its first.
func TestPreviousOfTheOneOpened(t *testing.T) {
	today := time.Date(2026, 12, 5, 9, 0, 0, 0, chinaTime)
	for _, c := range []struct {
		asked []string
		want  string
	}{
		{[]string{"国务院常务会议", "3", "讲了什么", "上一次呢"}, "https://example.com/m3"},
		{[]string{"国务院常务会议", "第三篇", "上一次呢"}, "https://example.com/m3"},
		{[]string{"国务院常务会议", "上一次呢"}, "https://example.com/m5"},
	} {
		ask := asker(t, demoBotAt(t, catalogOf(meetingsOfTwoYears()), today))
		var r Reply
		for _, q := range c.asked {
			r = ask(q)
		}
		if got := firstShown(r); got != c.want {
			t.Errorf("%v: %s, want %s", c.asked, got, c.want)
		}
	}
}
