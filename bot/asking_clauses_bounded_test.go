package bot

// A follower's message costs searches bounded by design, whatever its
// length: a hostile run (xy22) found a message of many clauses each opening
// with an asking frame (想问一下…，请问…，), none found, searched one clause
// after another, 66 of them at WeChat's 2,048 bytes and ~260 at 10 KB.

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"mpbot/content"
	"mpbot/search"
)

// countingCatalog counts the searches a message costs.
type countingCatalog struct {
	*demoCatalog
	searches, mentions int
}

func (c *countingCatalog) Search(ctx context.Context, q string, n int) ([]content.Hit, error) {
	c.searches++
	return c.demoCatalog.Search(ctx, q, n)
}

func (c *countingCatalog) Mentions(ctx context.Context, q string, n int) (string, []content.Hit, error) {
	c.mentions++
	return c.demoCatalog.Mentions(ctx, q, n)
}

func TestAskingClausesSearchesBounded(t *testing.T) {
	// The whole message, its last sentences, the clauses tried, each
	// with its mentions: generous, and a fraction of the 130 counted.
	const most = 4 * maxClausesTried
	for _, c := range []struct {
		kind Kind
		unit string
	}{
		{KindText, "想问一下第%d号方案怎么样，"},
		{KindText, "请问第%d号方案怎么样，"},
		{KindVoice, "想问一下第%d号方案怎么样，"},
	} {
		var b strings.Builder
		for i := 0; b.Len() < 2000; i++ {
			fmt.Fprintf(&b, c.unit, i)
		}
		text := b.String()
		if c.kind == KindVoice {
			text += "。"
		}
		cat := &countingCatalog{demoCatalog: newDemoCatalog()}
		s, err := Compile(shippedRules(t), okSearch, okPush, search.Fold)
		if err != nil {
			t.Fatal(err)
		}
		bot := New(s, Deps{Catalog: cat, FollowUps: NewMemoryFollowUps(), Log: slog.New(slog.DiscardHandler)})
		r := bot.Answer(context.Background(), Message{From: "o", Kind: c.kind, Text: text})
		if calls := cat.searches + cat.mentions; calls > most {
			t.Errorf("%s %q… (%d bytes): %d searches (Search %d, Mentions %d), want at most %d; reply %q",
				c.kind, Cut(text, 24), len(text), calls, cat.searches, cat.mentions, most, Cut(r[0].String(), 30))
		}
	}
}
