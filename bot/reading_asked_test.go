package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"mpbot/content"
)

// TestPastReadingOpenedIsTheAnswerAskedOf: the reading's card is now what
// 讲了什么 asks of after 每日一读 and after 昨天的每日一读 (a card kept as the
// answer: README's 每日一读, then 这是哪天的, 讲了什么, 全文), but not after
// one opened from the past readings' list (往期每日一读, then 1): 讲了什么 is
// told 请先发送想查的主题（例如「国常会」），找到文章后再问「讲了什么」。 with the
// reading's card just shown (on the corpus too: 每日一读, 更多, 1, 讲了什么).
// readingsThrough reads readings (newest first) as the store does: up to n
// through a day.
func readingsThrough(readings []content.Reading) Readings {
	return func(_ context.Context, through string, n int) ([]content.Reading, error) {
		var out []content.Reading
		for _, r := range readings {
			if r.Day <= through && len(out) < n {
				out = append(out, r)
			}
		}
		return out, nil
	}
}

// readingsBot is a bot on 2026-12-01 09:00 with a reading for each day of
// 2026-11-20 to 30 (导读r20 … 导读r30, each with its text) and today's
// (今天的导读).
func readingsBot(t *testing.T) *Bot {
	t.Helper()
	var readings []content.Reading // newest first
	for d := 30; d >= 20; d-- {
		id := fmt.Sprintf("r%02d", d)
		readings = append(readings, content.Reading{Day: fmt.Sprintf("2026-11-%02d", d),
			Article: content.Article{ID: id, Title: "导读" + id, Summary: "导读" + id + "的摘要。", URL: "https://example.com/" + id,
				PublishedOn: "2026-01-01", Body: "导读" + id + "的正文。"}})
	}
	read := readingsThrough(readings)
	s, err := Compile(demoSpec(), okSearch, okPush, nil)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, chinaTime)
	c := &demoCatalog{index: mustIndex(nil), byID: map[string]content.Article{}}
	for _, r := range readings {
		c.byID[r.Article.ID] = r.Article // a number opens the catalog's article
	}
	todays := content.Article{ID: "r-today", Title: "今天的导读", URL: "https://example.com/today"}
	c.byID[todays.ID] = todays
	daily := func(context.Context) (content.Article, error) { return todays, nil }
	return New(s, Deps{Catalog: c, FollowUps: NewMemoryFollowUps(), Daily: daily, Readings: read, Log: slog.New(slog.DiscardHandler),
		Now: func() time.Time { return now }})
}

func TestPastReadingOpenedIsTheAnswerAskedOf(t *testing.T) {
	ask := asker(t, readingsBot(t))
	// As README has it of a reading's card.
	ask("昨天的每日一读")
	if r := ask("讲了什么"); r.Type != ReplyNews || r.Card.Title != "导读r30" {
		t.Fatalf("昨天的每日一读, then 讲了什么: %+v", r)
	}
	if list := ask("往期每日一读"); !strings.HasPrefix(list.Text, "往期每日一读：\n1. ") {
		t.Fatalf("往期每日一读:\n%s", list.Text)
	}
	if r := ask("1"); r.Type != ReplyNews || r.Card.Title != "导读r30" {
		t.Fatalf("1: %+v", r)
	}
	if r := ask("讲了什么"); r.Type != ReplyNews || r.Card.Title != "导读r30" {
		t.Errorf("往期每日一读, 1 (导读r30's card), then 讲了什么: want 导读r30's card again, as after 昨天的每日一读; got %+v", r)
	}
}
