package search

import (
	"context"
	"math/rand/v2"
	"mpbot/content"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// hostileQueries are the messages issue 10 found expensive, and a 64 KiB
// one of mixed text: what any follower may send.
func hostileQueries() map[string]string {
	var article strings.Builder
	for article.Len() < 64<<10 {
		for _, a := range content.DemoArticles() {
			article.WriteString(a.Title + "\n" + a.Summary + "\n" + a.Body + "\n")
		}
	}
	text := article.String()
	// The 15,000 characters are the articles' Han text alone: runs without
	// punctuation are what made the old typo pass quadratic.
	var hanOnly strings.Builder
	for _, r := range text {
		if unicode.Is(unicode.Han, r) {
			hanOnly.WriteRune(r)
		}
	}
	rng := rand.New(rand.NewPCG(10, 7))
	var han strings.Builder
	for range 4000 {
		han.WriteRune(rune(0x4E00 + rng.IntN(0x9FA5-0x4E00)))
	}
	var mixed strings.Builder
	parts := []string{"枫桥经验", "fengqiao jingyan ", "2024年", "GDP 5.2% ", "😊", "[微笑]", "！？", "\n", "a b ", "的", "二〇二五年",
		"國務院常務會議", "三中全会", "神十七", "两会", "里约", "xinzhi shengchanli"}
	for mixed.Len() < 64<<10 {
		if rng.IntN(3) == 0 {
			mixed.WriteString(parts[rng.IntN(len(parts))])
		} else {
			start := rng.IntN(len(text) - 600)
			for !utf8.RuneStart(text[start]) {
				start++
			}
			end := start + 300
			for !utf8.RuneStart(text[end]) {
				end++
			}
			mixed.WriteString(text[start:end])
		}
	}
	return map[string]string{
		"article-15000": capRunes(hanOnly.String(), 15000),
		"han-4000":      han.String(),
		"ab-2500":       strings.Repeat("a b ", 2500),
		"de-2000":       strings.Repeat("的", 2000),
		"mixed-64KiB":   capBytes(mixed.String(), 64<<10),
	}
}

// capBytes cuts s to at most n bytes on a character boundary.
func capBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// BenchmarkHostileQueries measures what the messages of issue 10 cost to
// search, with snippets and the typo pass, over the demo articles and, when
// it is there, the shared corpus.
func BenchmarkHostileQueries(b *testing.B) {
	qs := hostileQueries()
	names := []string{"article-15000", "han-4000", "ab-2500", "de-2000", "mixed-64KiB"}
	run := func(b *testing.B, ix *Index) {
		for _, name := range names {
			b.Run(name, func(b *testing.B) {
				for b.Loop() {
					ix.SearchResult(b.Context(), qs[name], 5, true)
				}
			})
		}
	}
	b.Run("demo", func(b *testing.B) {
		ix, err := BuildIndex(content.DemoArticles())
		if err != nil {
			b.Fatal(err)
		}
		ix.SetSynonyms(shippedTerms(b))
		run(b, ix)
	})
	b.Run("corpus", func(b *testing.B) {
		ix := buildParallel(b, loadCorpus(b))
		ix.SetSynonyms(shippedTerms(b))
		run(b, ix)
	})
}

// TestHostileQueriesBounded: whatever a message holds, the search reads a
// bounded part of it and does a bounded amount of work on that part; the
// bounds are checked on what each stage produced, not on the clock.
func TestHostileQueriesBounded(t *testing.T) {
	ix, err := BuildIndex(content.DemoArticles())
	if err != nil {
		t.Fatal(err)
	}
	ix.SetSynonyms(shippedTerms(t))
	v := ix.view.Load()
	if v.maxSound() == 0 {
		t.Fatal("no pinyin keys: the typo bound below would prove nothing")
	}
	for name, raw := range hostileQueries() {
		text := prepareQuery(raw)
		if n := utf8.RuneCountInString(text); n > maxQueryRunes {
			t.Errorf("%s: %d runes searched", name, n)
		}
		q := ix.parse(raw)
		if len(q.clauses) > maxClauses || len(q.chunks) > maxChunks || len(q.years) > maxYears {
			t.Errorf("%s: %d clauses, %d chunks, %d years", name, len(q.clauses), len(q.chunks), len(q.years))
		}
		for _, c := range q.clauses {
			for _, alt := range c.alts {
				if len(alt) > maxSinglesRun && len(c.alts) > 1 && !slices.ContainsFunc(alt, func(s string) bool { return len(s) > 4 }) {
					t.Errorf("%s: a run of %d single characters", name, len(alt))
				}
			}
		}
		// The typo pass looks up at most maxSound bytes of sound from
		// each starting character.
		lookups := 0
		correctWith(text, nil, v.maxSound(), func(key []byte) []string {
			lookups++
			return v.soundWords(key)
		}, v.df, func(string) bool { return false }, nil)
		if bound := utf8.RuneCountInString(text) * v.maxSound(); lookups > bound {
			t.Errorf("%s: %d sound lookups for %d runes (bound %d)", name, lookups, utf8.RuneCountInString(text), bound)
		}
		r, err := ix.SearchResult(t.Context(), raw, 5, true)
		if err != nil || len(r.Hits) > 5 {
			t.Errorf("%s: %d hits, %v", name, len(r.Hits), err)
		}
	}
	// A long question is still answered from its topic.
	long := strings.Repeat("老师您好，我是一名基层公务员，最近在准备遴选考试，", 8) + "想问一下枫桥经验的内涵是什么？谢谢老师！"
	if hits, _ := ix.Search(t.Context(), long, 3); len(hits) == 0 {
		t.Errorf("a long question found nothing")
	}
}

// FuzzSearch: any bytes as a query return at most n hits with scores in
// [0, 1], within the parse bounds, and never panic; a synonym clause's
// alternatives line up with their phrases, and a search on what other
// searches kept of synonyms answers as one on nothing kept.
func FuzzSearch(f *testing.F) {
	ix, err := BuildIndex(append(content.DemoArticles(), typoArticles...))
	if err != nil {
		f.Fatal(err)
	}
	ix.SetCacheSize(0) // the second search below must search again
	ix.SetSynonyms([][]string{{"两会", "全国两会"}, {"国常会", "国务院常务会议"}, {"亚投行", "亚洲基础设施投资银行"},
		{"东博会", "中国—东盟博览会"}, {"AI", "人工智能"}, {"枫桥", "枫桥经验"}}, [][]string{{"考试", "笔试", "面试"}, {"雾霾", "重污染天气"}})
	for _, q := range []string{"枫桥经验", "fengqiao jingyan", "三中全会 2024", "神十七", "里约峰会", "的的的", "a b a b", "", "\xff\xfe", "２０２４年　两会？",
		"國務院", "😊[微笑]", strings.Repeat("枫", 300), "2024年亚投行", "东博会通知", "ai国", "遴选考试雾霾"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q := ix.parse(raw)
		if len(q.clauses) > maxClauses || len(q.chunks) > maxChunks || utf8.RuneCountInString(q.text) > maxQueryRunes {
			t.Fatalf("bounds: %d clauses, %d chunks, %d runes", len(q.clauses), len(q.chunks), utf8.RuneCountInString(q.text))
		}
		for _, c := range q.clauses {
			if c.phrase != nil && len(c.phrase) != len(c.alts) {
				t.Fatalf("%d alternatives, %d phrases", len(c.alts), len(c.phrase))
			}
		}
		for _, c := range q.chunks {
			if len(c.others) > maxForms {
				t.Fatalf("%d other forms", len(c.others))
			}
		}
		ix.clauses.Purge()
		ix.expansions.Purge()
		r, err := ix.SearchResult(t.Context(), raw, 3, true)
		if err != nil {
			t.Fatal(err)
		}
		// Other queries fill what is kept of synonyms in between: the
		// second search reads this one's from there, never another's.
		for _, other := range []string{"两会 国常会", "亚投行 东博会", "人工智能 考试 雾霾", "全国两会 枫桥"} {
			ix.Search(t.Context(), other, 3)
		}
		again, _ := ix.SearchResult(t.Context(), raw, 3, true)
		if !slices.EqualFunc(r.Hits, again.Hits, func(a, b content.Hit) bool { return a.Article.ID == b.Article.ID && a.Score == b.Score }) {
			t.Fatalf("a second search answered otherwise: %v, then %v", ids(r.Hits), ids(again.Hits))
		}
		if len(r.Hits) > 3 {
			t.Fatalf("%d hits", len(r.Hits))
		}
		for _, h := range r.Hits {
			if !(h.Score >= 0 && h.Score <= 1) {
				t.Fatalf("score %v", h.Score)
			}
			checkSnippet(t, h.Snippet)
		}
		ix.Snippets(raw, r.Hits, nil)
	})
}

// TestInvisibleCharactersInAQuery: a zero-width space, soft hyphen, word
// joiner or BOM inside a word (copied from a page) is no word break (a
// hostile run's find: 枫桥\u200b经验 found nothing).
func TestInvisibleCharactersInAQuery(t *testing.T) {
	ix, err := BuildIndex(content.DemoArticles())
	if err != nil {
		t.Fatal(err)
	}
	want, _ := ix.Search(context.Background(), "枫桥经验", 1)
	if len(want) == 0 {
		t.Fatal("枫桥经验 finds nothing")
	}
	for _, q := range []string{"枫桥\u200b经验", "枫\u00ad桥经验", "枫桥\u2060经验", "\ufeff枫桥经验"} {
		got, _ := ix.Search(context.Background(), q, 1)
		if len(got) == 0 || got[0].Article.ID != want[0].Article.ID || got[0].Score != want[0].Score {
			t.Errorf("%q: %v, want %s at %.2f", q, got, want[0].Article.ID, want[0].Score)
		}
	}
}

// FuzzBodySnippet: whatever a body holds and whatever is asked, a snippet
// cut from it is one line of valid text, its marks paired, a snippet's
// length.
func FuzzBodySnippet(f *testing.F) {
	arts := []content.Article{{ID: "x", Title: "座谈会召开", Summary: "会议召开。", URL: "https://example.com/x"}}
	ix, err := BuildIndex(arts)
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range [][2]string{{"枫桥经验", "坚持和发展新时代枫桥经验。"}, {"枫桥经验", strings.Repeat("枫桥经验", 500)},
		{"新闻 两会", "央视网消息（新闻联播）：\n两会开幕。"}, {"a", "\xff\xfe枫"}, {"两会", "两会【两会】两会"},
		{"政绩观学习教育中央指导组", "践行正确政绩观学习教育统一部署，8个中央指导组"}, {"锂电池第138届广交会", "本届广交会锂电池"}} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, query, body string) {
		got := ix.Snippets(query, []content.Hit{{Article: arts[0]}}, func(string) (string, error) { return body, nil })
		s := got[0].Snippet
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\n\r") || len(s) > maxSnippetBytes+2*snippetRunes*utf8.UTFMax {
			t.Fatalf("%q in %q: %d bytes %q", query, body, len(s), s)
		}
	})
}
