package bot

import (
	"context"
	"fmt"
	"log/slog"
	"testing"

	"mpbot/content"
)

// TestPreviousAfterAnotherFollowerAsked: 上一次呢 (and 上一届呢, 前一届呢,
// 那上一次呢…) after a list asks of that list. A follower who sends the
// same words with nothing open is searched for them, and that way is kept
// in the route cache (search.cache_size, 4096 by default) by the text
// alone: from then on (until a reload or midnight) every follower's
// 上一次呢 is searched as text, whatever list they have open.
func TestPreviousAfterAnotherFollowerAsked(t *testing.T) {
	ctx := context.Background()
	newBot := func() *Bot {
		spec := okSearch
		spec.CacheSize = 4096 // the shipped search.cache_size
		s, err := Compile(demoSpec(), spec, okPush, nil)
		if err != nil {
			t.Fatal(err)
		}
		catalog := newDemoCatalog()
		daily := func(ctx context.Context) (content.Article, error) { return catalog.Get(ctx, "demo-renmin") }
		return New(s, Deps{Catalog: catalog, FollowUps: NewMemoryFollowUps(), Daily: daily, Log: slog.New(slog.DiscardHandler)})
	}
	for _, words := range []string{"上一次呢", "上一届呢", "前一届呢", "那上一次呢"} {
		fresh := newBot()
		fresh.Answer(ctx, Message{Kind: KindText, From: "b", Text: "基层治理"})
		want := fmt.Sprint(fresh.Answer(ctx, Message{Kind: KindText, From: "b", Text: words}))

		primed := newBot()
		primed.Answer(ctx, Message{Kind: KindText, From: "a", Text: words}) // another follower, nothing open
		primed.Answer(ctx, Message{Kind: KindText, From: "b", Text: "基层治理"})
		got := fmt.Sprint(primed.Answer(ctx, Message{Kind: KindText, From: "b", Text: words}))
		if got != want {
			t.Errorf("%s after 基层治理's list, once another follower had sent it with nothing open:\n got %.200s\nwant %.200s", words, got, want)
		}
	}
}
