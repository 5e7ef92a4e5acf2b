package bot

import (
	"strings"
	"testing"

	"mpbot/content"
)

// TestRecheck2HeaderMeetingPointedBackAt: c0ed9aa drops 它/他 pointing back at
// the meeting in a voice message's quoted clauses (「中央经济工作会议的重点
// 任务」), but not 这个会议, as voice says it as often: 「中央经济工作会议，
// 会议的重点任务」 reads as the bot having misheard (这个 is dropped as a
// filler before the header is made; pointingBack's 这个会 never sees it).
func TestRecheck2HeaderMeetingPointedBackAt(t *testing.T) {
	arts := []content.Article{
		{ID: "z1", Title: "中央经济工作会议在北京举行", Summary: "中央经济工作会议在北京举行，部署明年经济工作的重点任务。", PublishedOn: "2025-12-11", URL: "https://example.com/z1"},
		{ID: "z2", Title: "人民日报评论员文章：抓住关键——论学习贯彻中央经济工作会议精神", Summary: "评论员文章谈中央经济工作会议提出的重点任务。", PublishedOn: "2025-12-15", URL: "https://example.com/z2"},
		{ID: "z3", Title: "中央经济工作会议在北京举行", Summary: "中央经济工作会议在北京举行。", PublishedOn: "2024-12-12", URL: "https://example.com/z3"},
		{ID: "z4", Title: "《求是》杂志发表重要文章《当前经济工作的重点任务》", Summary: "《求是》杂志发表重要文章《当前经济工作的重点任务》。", PublishedOn: "2026-02-16", URL: "https://example.com/z4"},
		{ID: "z5", Title: "突出重点 把握关键——中央经济工作会议精神引发热烈反响", Summary: "中央经济工作会议精神引发热烈反响。", PublishedOn: "2023-12-17", URL: "https://example.com/z5"},
		{ID: "z6", Title: "中央经济工作会议在北京举行", Summary: "中央经济工作会议在北京举行。", PublishedOn: "2023-12-12", URL: "https://example.com/z6"},
	}
	b := newDemoBot(t, catalogOf(append(arts, content.DemoArticles()...)), NewMemoryFollowUps())
	text := "嗯，老师，那个我想问一下，就是最近那个，嗯，中央经济工作会议，这个会议的重点任务有哪些啊。"
	r := voiceAsker(t, b)(text)
	first, _, _ := strings.Cut(r.Text, "\n")
	if !strings.Contains(first, "最新的文章") {
		t.Fatalf("%s: want the newest articles' list, got %v", text, r)
	}
	if strings.Contains(first, "，会议的") {
		t.Errorf("%s: header %s: want 「中央经济工作会议的重点任务」, as 它的 gets", text, first)
	}
}
