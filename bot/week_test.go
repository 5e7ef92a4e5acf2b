package bot

import (
	"strings"
	"testing"
	"time"

	"mpbot/content"
)

// TestWeekTopicNotInsideAWord: 上周 and 本周 name a week where they
// stand as words, as 上月 and 本月 do for monthTopic (基本月薪, 日本月球 name no
// month): inside one, 日本周边, 资本周转, 基本周期, 线上周报, 晚上周杰伦 and
// 马上周年庆 name no week. Read as one, 中俄在日本周边联合巡航 (the topic
// before 本周 long enough to pass smallTalk) was answered 本周（…）没有「中俄在日」的文章。
// above another article, where searched as typed it had the patrol's card.
func TestWeekTopicNotInsideAWord(t *testing.T) {
	today := time.Date(2026, 8, 25, 9, 0, 0, 0, chinaTime)
	for text, want := range map[string]string{
		"上周的国常会": "上周 国常会", "国常会上周讲了什么": "上周 国常会", // as before
		"日本周边安全形势": "", "资本周转": "", "基本周期": "", "线上周报怎么填": "", "晚上周杰伦演唱会": "", "马上周年庆": "",
	} {
		p, topic, ok := weekTopic(Bare(text), today)
		if got := p.name + " " + topic; ok != (want != "") || ok && got != want {
			t.Errorf("%s: %q %v, want %q", text, got, ok, want)
		}
	}

	arts := []content.Article{
		{ID: "jp", Title: "中俄两军在日本周边海空域开展联合巡航", URL: "https://example.com/jp", PublishedOn: "2026-05-12",
			Summary: "中俄两军在日本周边海空域开展第九次联合空中战略巡航。"},
		{ID: "gw", Title: "李强主持召开国务院常务会议", URL: "https://example.com/gw", PublishedOn: "2026-08-24",
			Summary: "国务院总理李强主持召开国务院常务会议，研究部署有关工作。"},
	}
	now := time.Date(2026, 8, 25, 9, 0, 0, 0, chinaTime)
	ask := asker(t, demoBotAt(t, catalogOf(arts), now))
	if r := ask("中俄在日本周边联合巡航"); strings.Contains(r.Text, "本周") || r.Type != ReplyNews || r.Card.URL != "https://example.com/jp" {
		t.Errorf("中俄在日本周边联合巡航: want the patrol's card, searched as typed:\n%s", r.String())
	}
}
