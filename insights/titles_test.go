package insights

import (
	"context"
	"strings"
	"testing"
	"time"

	"mpbot/content"
	"mpbot/store"
	"mpbot/store/storetest"
)

// TestReportNamesArticlesByTitle: the report named its best candidates,
// choices and synonyms' articles by id only; an imported page's id
// (u-91f30ed25bb4) told an operator nothing (an operator run's find).
func TestReportNamesArticlesByTitle(t *testing.T) {
	s := storetest.SQLite(t)
	ctx := context.Background()
	at := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	if _, _, err := s.Upsert(ctx, content.Article{ID: "u-91f30ed25bb4", Title: "遴选考试怎么准备：一份三个月的计划", Body: "遴选考试。"}); err != nil {
		t.Fatal(err)
	}
	log := []store.Query{
		{At: at, Follower: "fa", Kind: "text", Text: "遴选政审", Outcome: "no_match", Hits: `[{"id":"u-91f30ed25bb4","score":0.03}]`},
		{At: at, Follower: "fb", Kind: "text", Text: "遴选体检", Outcome: "no_match", Hits: `[{"id":"gone-1","score":0.02}]`},
	}
	if err := s.RecordQueries(ctx, log); err != nil {
		t.Fatal(err)
	}
	r, err := Build(ctx, Source{Store: s, Votes: NewVotes(time.Now), Terms: func(s string) []string { return []string{s} }, WeakScore: 0.6, Loc: time.UTC}, at.Add(-time.Hour), at.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Named("u-91f30ed25bb4"); !strings.Contains(got, "遴选考试怎么准备") || !strings.Contains(got, "u-91f30ed25bb4") {
		t.Errorf("Named: %q, want the id and its title", got)
	}
	if got := r.Named("gone-1"); got != "gone-1" {
		t.Errorf("Named of a removed article: %q, want its id alone", got)
	}
}
