package insights

import (
	"context"
	"fmt"
	"testing"
	"time"

	"mpbot/content"
	"mpbot/store"
	"mpbot/store/storetest"
)

// TestRecheckSynonymProposalKeeps国家: 中国/我国/国家/全国 were made
// questionWords so they link no topics; questionWords are also what
// proposalTerm strips from a short question's ends. 国家安全 (cut 国家 安全)
// and 国安, both ended at the same article, are now proposed as the pair
// [国安, 安全]: pasted into search.synonyms it makes every 安全 question
// (食品安全, 安全生产) search 国安. Before the change the pair was
// [国安, 国家安全]. The same for 全国人大 → 人大, 中国制造 → 制造.
func TestRecheckSynonymProposalKeeps国家(t *testing.T) {
	at := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	s := storetest.SQLite(t)
	ctx := context.Background()
	if _, _, err := s.Upsert(ctx, content.Article{ID: "ga", Title: "全民国家安全教育日", URL: "https://example.com/ga", Body: "今年4月15日是第十个全民国家安全教育日。"}); err != nil {
		t.Fatal(err)
	}
	cut := map[string][]string{"国家安全": {"国家", "安全"}, "国安": {"国安"}}
	terms := func(text string) []string {
		if w, ok := cut[text]; ok {
			return w
		}
		return []string{text}
	}
	var log []store.Query
	for i, text := range []string{"国家安全", "国家安全", "国家安全", "国安", "国安"} {
		log = append(log, store.Query{At: at, Follower: fmt.Sprint("f", i), Kind: "text", Text: text, Outcome: "card", Article: "ga", Hits: `[{"id":"ga","score":0.9}]`})
	}
	if err := s.RecordQueries(ctx, log); err != nil {
		t.Fatal(err)
	}
	r, err := Build(ctx, Source{Store: s, Votes: NewVotes(time.Now), Terms: terms, WeakScore: 0.6, Loc: time.UTC}, at.Add(-time.Hour), at.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, syn := range r.Synonyms {
		t.Logf("proposed [%s, %s] (%d×)", syn.A, syn.B, syn.Count)
		if syn.A == "安全" || syn.B == "安全" {
			t.Errorf("proposed [%s, %s]: 国家安全 was asked, not 安全; the synonym would send every 安全 question to 国安", syn.A, syn.B)
		}
		if syn.A == "国家安全" || syn.B == "国家安全" {
			found = true
		}
	}
	if !found {
		t.Errorf("no proposal of [国安, 国家安全]")
	}
}
