package search

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"mpbot/content"
)

// TestSnippetMarks: snippets mark the query's words and phrases whole,
// never a single character, never a phrase in pieces, never end inside a
// mark, and are one line.
func TestSnippetMarks(t *testing.T) {
	long := strings.Repeat("各地区各部门认真贯彻落实，", 4) + "坚持和发展新时代枫桥经验，推进基层治理现代化。"
	cases := []struct {
		query, summary string
		want           string // the whole snippet
	}{
		{"人民至上", "始终坚持人民至上，把人民放在心中最高位置。", "始终坚持【人民至上】，把【人民】放在心中最高位置。"},
		{"国家治理基石", "法治是国家治理的基石，也是重要依托。", "法治是【国家治理】的【基石】，也是重要依托。"},
		{"公文写作怎么写", "公文写作是遴选笔试的重点，要写得规范。", "【公文写作】是遴选笔试的重点，要写得规范。"},
		{"遴选 笔试", "遴选笔试\n主要考\r\n申论和\t公文。", "【遴选笔试】主要考申论和 公文。"},
		{"枫桥经验", long, "…坚持和发展新时代【枫桥经验】，推进基层治理现代化。"},
		{"基层治理现代化", long, "…坚持和发展新时代枫桥经验，推进【基层治理现代化】。"},
		{"红烧肉", "法治是国家治理的基石。", "法治是国家治理的基石。"},
		// A window opening on a line break opens after it (a follower run's find: "… 老乡们").
		{"枫桥经验", "第一段说了别的事情。\n坚持和发展新时代的枫桥经验。", "…坚持和发展新时代的【枫桥经验】。"},
		// Numbers are marked whole or not at all.
		// The window opens a clause, not inside a word or a number (a
		// follower run's finds: …近平总书记指出, …1月15日 of 11月15日).
		{"指出", "中共中央总书记、国家主席、中央军委主席习近平总书记近日在会上指出，要推进基层治理现代化建设。", "…中央军委主席习近平总书记近日在会上【指出】，要推进基层治理现代化建设。"},
		{"塞内加尔", "国家主席习近平在人民大会堂同来华进行国事访问的总统会谈并于11月15日下午在京会见塞内加尔总统", "…11月15日下午在京会见【塞内加尔】总统"},
		{"塞内加尔", "国家主席习近平在人民大会堂同来华进行国事访问的总统会谈并于2025年12月19日19:30会见塞内加尔总统", "…19日19:30会见【塞内加尔】总统"},
		{"塞内加尔", "国家主席习近平在人民大会堂同来华进行国事访问的总统会谈并共计1,250,000元用于塞内加尔建设", "…1,250,000元用于【塞内加尔】建设"},
		{"去年12月的政治局会议", "中共中央政治局12月25日召开会议，审议有关文件。", "中共中央【政治局】12月25日召开【会议】，审议有关文件。"},
		// An ASCII comma between words is a clause's (a review's find:
		// …展,坚持…), and the mark stays within a list line's reach (a
		// review's find: a long mark had gone from the line).
		{"枫桥经验", "会议指出,要加快发展新质生产力,推进高质量发展,坚持和发展新时代枫桥经验,推进基层治理现代化", "…坚持和发展新时代【枫桥经验】,推进基层治理现代化"},
		{"新时代中国特色社会主义思想", "会议强调，各级党组织和广大党员干部要深入学习贯彻落实新时代中国特色社会主义思想，坚定拥护两个确立。", "…部要深入学习贯彻落实【新时代中国特色社会主义思想】，坚定拥护两个确立。"},
		{"调研", "中共中央政治局常委、全国人大常委会委员长赵乐际9月28日在北京调研", "…全国人大常委会委员长赵乐际9月28日在北京【调研】"},
		{"第二篇", "中国共产党第二十届中央委员会第二次全体会议在京举行。", "中国共产党第二十届中央委员会【第二】次全体会议在京举行。"},
		{"2026 规划", "2026年是十五五规划开局之年，12026号文件。", "【2026】年是十五五【规划】开局之年，12026号文件。"},
	}
	arts := []content.Article{}
	for i, c := range cases {
		arts = append(arts, content.Article{ID: string(rune('a' + i)), Title: "标题", Summary: c.summary, URL: "u"})
	}
	ix, err := BuildIndex(arts)
	if err != nil {
		t.Fatal(err)
	}
	v := ix.view.Load()
	for i, c := range cases {
		d, _ := v.lookup(arts[i].ID)
		got := snippet(snippetTerms(ix.parse(c.query)), snippetText(&v.docs[d], &content.Hit{}))
		if got != c.want {
			t.Errorf("%s in %q:\n got %s\nwant %s", c.query, c.summary, got, c.want)
		}
	}
	// The window never ends inside a mark, whatever the query.
	text := strings.Repeat("甲", snippetRunes-1) + "全过程人民民主是社会主义民主政治的本质属性。"
	ix, _ = BuildIndex([]content.Article{{ID: "x", Title: "标题", Summary: text, URL: "u"}})
	v = ix.view.Load()
	got := snippet(snippetTerms(ix.parse("全过程人民民主")), snippetText(&v.docs[0], &content.Hit{}))
	if !strings.Contains(got, "【全过程人民民主】") {
		t.Errorf("a mark across the window's end was cut: %s", got)
	}
	checkSnippet(t, got)
}

// checkSnippet asserts what holds of every snippet: marks balanced, not
// nested, of two characters or more, and one line.
func checkSnippet(t *testing.T, s string) {
	t.Helper()
	if strings.ContainsAny(s, "\r\n\t") {
		t.Errorf("line break in %q", s)
	}
	rest := s
	for {
		i := strings.Index(rest, "【")
		if i < 0 {
			if strings.Contains(rest, "】") {
				t.Errorf("unbalanced marks in %s", s)
			}
			return
		}
		j := strings.Index(rest[i:], "】")
		if j < 0 {
			t.Errorf("a mark left open in %s", s)
			return
		}
		inner := rest[i+len("【") : i+j]
		if strings.Contains(inner, "【") || utf8.RuneCountInString(inner) < 2 {
			t.Errorf("bad mark %q in %s", inner, s)
		}
		rest = rest[i+j+len("】"):]
	}
}

// TestSnippetsReuseTheSearchsQuery: the snippets asked for right after a
// search come from the query that search parsed, and are the snippets a
// fresh parse gives (for a corrected query, those of the correction).
func TestSnippetsReuseTheSearchsQuery(t *testing.T) {
	ix, err := BuildIndex(content.DemoArticles())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, q := range []string{"遴选", "枫桥经验 浦江经验", "基层治理", "新质生产力 政府工作报告", "两会"} {
		hits, _ := ix.Search(ctx, q, 5)
		if _, ok := ix.parsed.get(ix.view.Load(), prepareQuery(q)); !ok {
			t.Fatalf("%q: the search's query not kept", q)
		}
		got := ix.Snippets(q, hits, nil)
		ix.parsed = parsedRing{}
		want, _ := ix.reader().snippets(prepareQuery(q), hits, nil)
		for i := range want {
			if got[i].Snippet != want[i].Snippet {
				t.Errorf("%q hit %d: %q, a fresh parse gives %q", q, i, got[i].Snippet, want[i].Snippet)
			}
		}
	}
}

// TestCaselessRange: lowerInPlace passes U+3000 to U+9FFF without asking
// the case tables, which map none of them, and lower-cases the rest as
// unicode.ToLower does where the length stays.
func TestCaselessRange(t *testing.T) {
	for r := rune(caselessFrom); r < caselessTo; r++ {
		if unicode.ToLower(r) != r {
			t.Fatalf("%U has a lower case", r)
		}
	}
	in := "ABC Ｆｕｌｌ ÀÉ 枫桥经验 ΣΑΣ ẞ İ"
	want := strings.Map(func(r rune) rune {
		if l := unicode.ToLower(r); utf8.RuneLen(l) == utf8.RuneLen(r) {
			return l
		}
		return r
	}, in)
	if got := lowerInPlace(in); got != want {
		t.Errorf("lowerInPlace(%q) = %q, want %q", in, got, want)
	}
}

// TestBodySnippetPassesCommonWords: a body snippet is found by the query's
// words that most articles lack, not by one every body opens with (a
// follower run's find: 3月5日新闻 showed 央视网消息（【新闻】联播）： for every
// article listed).
func TestBodySnippetPassesCommonWords(t *testing.T) {
	const opening = "央视网消息（新闻联播）：" // as 19,459 of the corpus's 19,594 bodies open
	bodies := map[string]string{}
	var arts []content.Article
	for i := range 5200 {
		a := content.Article{ID: fmt.Sprintf("a%d", i), Title: fmt.Sprintf("第%d次会议举行", i), Summary: "会议举行。", URL: "https://example.com/a",
			Body: opening + fmt.Sprintf("会议第%d次举行。", i)}
		if i == 7 {
			a.Body = opening + "会议听取了汇报。" + strings.Repeat("会议讨论了工作。", 20) + "会议强调，要坚持和发展新时代枫桥经验。"
		}
		bodies[a.ID] = a.Body
		arts = append(arts, a)
	}
	ix, err := BuildIndex(arts)
	if err != nil {
		t.Fatal(err)
	}
	read := func(id string) (string, error) { return bodies[id], nil }
	hits := []content.Hit{{Article: arts[7]}, {Article: arts[8]}}
	got := ix.Snippets("新闻 枫桥经验", hits, read)
	if !strings.HasPrefix(got[0].Snippet, "…要坚持和发展新时代【枫桥经验】") {
		t.Errorf("by the rare word: %q", got[0].Snippet)
	}
	if got[1].Snippet != "会议举行。" {
		t.Errorf("an article with only the common word shows its summary: %q", got[1].Snippet)
	}
}

// TestBodySnippetsCachedPerPage: each page of a list keeps its own
// snippets (a review's find: pages 1 and 2 of a question took each other's
// place, and every page read its bodies again).
func TestBodySnippetsCachedPerPage(t *testing.T) {
	var arts []content.Article
	bodies := map[string]string{}
	for i := range 10 {
		a := content.Article{ID: fmt.Sprintf("a%d", i), Title: fmt.Sprintf("第%d场座谈会召开", i), Summary: "座谈会召开。", URL: "https://example.com/a",
			Body: "与会代表交流了坚持和发展新时代枫桥经验的做法。"}
		bodies[a.ID] = a.Body
		arts = append(arts, a)
	}
	ix, err := BuildIndex(arts)
	if err != nil {
		t.Fatal(err)
	}
	ix.SetCacheSize(16)
	reads := 0
	read := func(id string) (string, error) { reads++; return bodies[id], nil }
	var pages [2][]content.Hit
	for i := range 10 {
		pages[i/5] = append(pages[i/5], content.Hit{Article: arts[i]})
	}
	for _, p := range []int{0, 1, 0, 1} {
		if got := ix.Snippets("枫桥经验", pages[p], read); !strings.Contains(got[4].Snippet, "【枫桥经验】") {
			t.Fatalf("page %d: %q", p+1, got[4].Snippet)
		}
	}
	if reads != 10 {
		t.Errorf("%d bodies read for two pages shown twice, want 10", reads)
	}
}

// TestHostileBodySnippet: a body of one term over and over joins its marks
// into one as long as the body; the snippet stays a snippet's length (it
// was 60 KB, cached for every hit).
func TestHostileBodySnippet(t *testing.T) {
	arts := []content.Article{{ID: "x", Title: "座谈会召开", Summary: "座谈会召开。", URL: "https://example.com/x", Body: strings.Repeat("枫桥经验", 16000)}}
	ix, err := BuildIndex(arts)
	if err != nil {
		t.Fatal(err)
	}
	got := ix.Snippets("枫桥经验", []content.Hit{{Article: arts[0]}}, func(string) (string, error) { return arts[0].Body, nil })
	if s := got[0].Snippet; len(s) > maxSnippetBytes+16 || !strings.HasPrefix(s, "【枫桥经验") || !strings.HasSuffix(s, "】…") {
		t.Errorf("%d bytes: %.80q…", len(s), s)
	}
}

// TestSnippetMarksExpansionsWhole: a synonym put in several words (河湖长制:
// 河湖 长制) is marked where it stands whole, never a word of it alone (an
// operator run's find: 河长制 marked 加强【河湖】管理保护).
func TestSnippetMarksExpansionsWhole(t *testing.T) {
	ix, err := BuildIndex([]content.Article{
		{ID: "a", Title: "全面推行河湖长制", Summary: "各地全面推行河湖长制，加强河湖管理保护。", URL: "https://example.com/a"},
		{ID: "b", Title: "加强河湖管理保护", Summary: "加强河湖管理保护，维护河湖健康生命。", URL: "https://example.com/b"},
	})
	if err != nil {
		t.Fatal(err)
	}
	ix.SetSynonyms([][]string{{"河长制", "河湖长制", "河长"}}, nil)
	res, err := ix.SearchResult(t.Context(), "河长制", 5, true)
	if err != nil || len(res.Hits) == 0 {
		t.Fatalf("河长制: %v %v", res.Hits, err)
	}
	for _, h := range res.Hits {
		if strings.Contains(h.Snippet, "【河湖】") || h.Article.ID == "a" && !strings.Contains(h.Snippet, "【河湖长制】") {
			t.Errorf("%s: snippet %q", h.Article.ID, h.Snippet)
		}
	}
	// As written, its marks between its words (a review's find: joined
	// without them it was never found, and nothing was marked); a figure's
	// parts are no expansion to mark (12.4 marked 全国【124】个城市).
	ix, err = BuildIndex([]content.Article{
		{ID: "c", Title: "东博会在南宁开幕", Summary: "第22届中国—东盟博览会在南宁开幕。", URL: "https://example.com/c"},
		{ID: "d", Title: "宪法宣传周", Summary: "12月4日是国家宪法日，全国124个城市举办活动。", URL: "https://example.com/d"},
	})
	if err != nil {
		t.Fatal(err)
	}
	ix.SetSynonyms([][]string{{"东博会", "中国—东盟博览会"}}, nil)
	for q, want := range map[string]string{"东博会": "【中国—东盟博览会】", "12.4宪法": ""} {
		res, _ := ix.SearchResult(t.Context(), q, 5, true)
		for _, h := range res.Hits {
			if h.Article.ID == "c" && !strings.Contains(h.Snippet, want) || strings.Contains(h.Snippet, "【124】") {
				t.Errorf("%s: %s snippet %q", q, h.Article.ID, h.Snippet)
			}
		}
	}
}
