package search

import (
	"context"
	"fmt"
	"mpbot/content"
	"sync"
	"testing"
)

func TestRaceSearchWhileUpdating(t *testing.T) {
	demo := content.DemoArticles()
	ix, err := BuildIndex(demo)
	if err != nil {
		t.Fatal(err)
	}
	syn, rel := shippedTerms(t)
	ix.SetSynonyms(syn, rel)
	ix.SetCacheSize(16)
	ctx := context.Background()
	var wg sync.WaitGroup
	stop := make(chan struct{})
	queries := []string{"枫桥经验", "国常会", "新质生产力", "2025年政府工作报告", "fengqiao jingyan", "风桥经验", "两会", "乡村振兴", "十八届三中全会", "人民至上"}
	for g := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				q := queries[(i+g)%len(queries)]
				res, _ := ix.SearchResult(ctx, q, 5, true)
				ix.Snippets(q, res.Hits, nil)
				ix.Mentions(ctx, q, 5)
				ix.Latest(ctx, 3)
				ix.Day(ctx, "2026-07-31", 3)
				ix.Topic(q)
				ix.Names(q)
			}
		}()
	}
	an := make([]*Analyzed, len(demo))
	for i, a := range demo {
		a.ID = fmt.Sprintf("%s-copy", a.ID)
		an[i] = ix.Analyze(a)
	}
	for round := range 30 {
		for i := range an {
			ix.Add(an[i])
		}
		if round%3 == 0 {
			ix.SetSynonyms(syn[:len(syn)/2+round%2], rel)
		}
		for i := range an {
			if i%2 == round%2 {
				ix.Remove(an[i].article.ID)
			}
		}
		ix.Compact()
		_ = ix.encodeSnapshot(int64(round))
	}
	close(stop)
	wg.Wait()
}
