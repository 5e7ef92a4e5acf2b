package search

import (
	"context"
	"mpbot/content"
	"strings"
	"testing"
)

func TestIndexRanksTitleMatches(t *testing.T) {
	ix, err := BuildIndex(content.DemoArticles())
	if err != nil {
		t.Fatal(err)
	}
	hits, err := ix.Search(context.Background(), "枫桥经验是什么", 3)
	if err != nil || len(hits) == 0 || hits[0].Article.ID != "demo-fengqiao" {
		t.Fatalf("hits %+v %v", hits, err)
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Score > hits[i-1].Score {
			t.Fatalf("not sorted: %+v", hits)
		}
	}
}

func TestHanYears(t *testing.T) {
	got := hanYears("习近平主席二〇二五年新年贺词；一九七八年；二零二四年；三十年")
	if strings.Join(got, ",") != "2025,1978,2024" {
		t.Fatalf("hanYears = %v", got)
	}
}

func TestSnippetHighlights(t *testing.T) {
	ix, err := BuildIndex(content.DemoArticles())
	if err != nil {
		t.Fatal(err)
	}
	r, _ := ix.SearchResult(context.Background(), "枫桥经验 基层治理", 1, true)
	if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].Snippet, "【枫桥经验】") {
		t.Fatalf("snippet %+v", r.Hits)
	}
}
