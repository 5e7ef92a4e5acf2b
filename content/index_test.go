package content

import (
	"context"
	"slices"
	"testing"
)

func TestQueryUnits(t *testing.T) {
	cases := map[string][]string{
		"枫桥经验是什么":     {"枫桥", "桥经", "经验"},
		"请问 GDP 增长":   {"gdp", "增长"},
		"C919大飞机":     {"c919", "大飞", "飞机"},
		"社保":          {"社保"},
		"你好":          {"你好"},
		"！？":          nil,
		"2024年政府工作报告": {"2024", "年政", "政府", "府工", "工作", "作报", "报告"},
	}
	for q, want := range cases {
		if got := QueryUnits(q); !slices.Equal(got, want) {
			t.Errorf("QueryUnits(%q) = %q, want %q", q, got, want)
		}
	}
}

func TestIndexRanksTitleMatches(t *testing.T) {
	ix := NewIndex(DemoArticles())
	hits, err := ix.Search(context.Background(), "枫桥经验是什么", 3)
	if err != nil || len(hits) == 0 || hits[0].Article.ID != "demo-fengqiao" || hits[0].Score != 1 {
		t.Fatalf("hits %+v %v", hits, err)
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Score > hits[i-1].Score {
			t.Fatalf("not sorted: %+v", hits)
		}
	}
	if hits, _ := ix.Search(context.Background(), "量子引力", 3); len(hits) != 0 {
		t.Fatalf("unrelated query found %+v", hits)
	}
}
