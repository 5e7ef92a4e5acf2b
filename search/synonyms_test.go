package search

import (
	"context"
	"slices"
	"strings"
	"testing"

	"mpbot/content"
)

// TestRelatedTermsWorkOneWay: a related entry lets its first term find the
// others' articles as relevant (at the shipped min_score), the literal
// word still first, and never the reverse.
func TestRelatedTermsWorkOneWay(t *testing.T) {
	ix, err := BuildIndex([]content.Article{
		{ID: "bishi", Title: "遴选笔试备考指南", Summary: "案例分析与公文写作", Body: "遴选笔试考查案例分析、公文写作。"},
		{ID: "mianshi", Title: "遴选面试答题思路", Summary: "结构化面试", Body: "遴选面试多为结构化面试。"},
		{ID: "kaoshi", Title: "遴选考试报名须知", Summary: "报名与资格审查", Body: "遴选考试报名前请核对资格条件。"},
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	found := func(q string) map[string]bool {
		hits, _ := ix.Search(ctx, q, 5)
		m := map[string]bool{}
		for _, h := range hits {
			if h.Score >= shippedMinScore(t) {
				m[h.Article.ID] = true
			}
		}
		return m
	}
	if got := found("遴选考试"); got["bishi"] || got["mianshi"] {
		t.Fatalf("before any related terms 遴选考试 found %v", got)
	}
	ix.SetSynonyms(nil, [][]string{{"考试", "笔试", "面试"}})
	hits, _ := ix.Search(ctx, "遴选考试", 5)
	if got := found("遴选考试"); !got["bishi"] || !got["mianshi"] || len(hits) == 0 || hits[0].Article.ID != "kaoshi" {
		t.Fatalf("遴选考试 with related terms: %+v (want kaoshi first, then bishi and mianshi)", hits)
	}
	if got := found("遴选面试"); got["kaoshi"] || got["bishi"] {
		t.Fatalf("related terms worked backwards: 遴选面试 found %v", got)
	}
}

// TestRelatedTermIsAWordNotASubstring: a related term is found among the
// words the segmenter cut, never inside another word as synonyms are: 高考试卷
// is 高考 and 试卷, not 考试 with 笔试 and 面试 beside it.
func TestRelatedTermIsAWordNotASubstring(t *testing.T) {
	ix, err := BuildIndex(content.DemoArticles())
	if err != nil {
		t.Fatal(err)
	}
	ix.SetSynonyms(nil, [][]string{{"考试", "笔试", "面试"}})
	q := ix.parse("高考试卷")
	if !slices.Equal(q.cut, []string{"高考", "试卷"}) {
		t.Fatalf("高考试卷 was cut into %v", q.cut)
	}
	for _, c := range q.clauses {
		for _, alt := range c.alts {
			if slices.Contains(alt, "笔试") {
				t.Fatalf("高考试卷 was read with the related terms of 考试: %v", q.clauses)
			}
		}
	}
	q = ix.parse("遴选考试")
	found := false
	for _, c := range q.clauses {
		for _, alt := range c.alts {
			found = found || slices.Contains(alt, "笔试")
		}
	}
	if !found {
		t.Fatalf("遴选考试 was read without the related terms of 考试: %v", q.clauses)
	}
}

// splitByScan is how split found synonyms before it read the query once: each
// member looked for at every place in the whole text, the leftmost whole one
// (edge allowing its start and its end) and then the longest kept.
func splitByScan(members []string, chunk string, edge func(int, bool) bool) []span {
	var out []span
	base := 0
	rest := chunk
	for rest != "" {
		at, length := -1, 0
		for _, m := range members {
			for from := 0; from < len(rest); {
				i := strings.Index(rest[from:], m)
				if i < 0 {
					break
				}
				i += from
				if edge(base+i, true) && edge(base+i+len(m), false) && (at < 0 || i < at || i == at && len(m) > length) {
					at, length = i, len(m)
				}
				from = i + 1
			}
		}
		for _, a := range abbreviations { // the first of its matches where a word starts (and a congress's words follow)
			for _, loc := range a.re.FindAllStringIndex(rest, -1) {
				if edge(base+loc[0], true) && (a.follow == nil || a.follow.MatchString(rest[loc[1]:])) {
					if at < 0 || loc[0] < at {
						at, length = loc[0], loc[1]-loc[0]
					}
					break
				}
			}
		}
		if at < 0 {
			out = append(out, span{text: rest})
			break
		}
		if at > 0 {
			out = append(out, span{text: rest[:at]})
		}
		out = append(out, span{text: rest[at : at+length], synonym: true})
		base += at + length
		rest = rest[at+length:]
	}
	return out
}

// FuzzSynonymSplit holds split to the plain reading: the leftmost whole
// synonym, the longest of those starting there, numbered abbreviations
// where they start first. Word edges are a function of the text here, so
// that members are refused at some places and taken at others.
func FuzzSynonymSplit(f *testing.F) {
	ix, err := BuildIndex(nil)
	if err != nil {
		f.Fatal(err)
	}
	groups := [][]string{{"两会", "全国两会"}, {"国常会", "国务院常务会议"}, {"常务会议", "常会"}, {"G20", "二十国集团"}, {"会", "集会"}}
	ix.SetSynonyms(groups, [][]string{{"考试", "笔试"}})
	s := ix.view.Load().synonyms
	var members []string // as SetSynonyms normalises them; related terms are not looked for in text
	for _, g := range groups {
		for _, m := range g {
			members = append(members, NormalizeTerm(m))
		}
	}
	for _, seed := range []string{"全国两会国常会", "国务院常务会议", "三中全会二十大", "g20峰会", "神十七常会两会", "\xff两会\xe4", "开两会开国常会", ""} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		edge := func(i int, start bool) bool {
			return i == len(text) || i == 0 || (i*7+len(text))%3 != 1 || start && i%2 == 0
		}
		if got, want := s.split(text, edge), splitByScan(members, text, edge); !slices.Equal(got, want) {
			t.Fatalf("split(%q) = %v, want %v", text, got, want)
		}
	})
}

// TestSynonymsAreWholeWords: a synonym is found where it is whole words of
// the query as the segmenter cuts it, not across a word: 全国开行 (全国 and
// 开行) holds no 国开行, 古巴新闻 no 巴新. Where the segmenter glues a
// character it has no word for onto the synonym (年亚 in 2024年亚投行), or
// cuts a dictionary word whose rest is a word with its neighbour (会通 in
// 东博会通知: 通知), the synonym is still found.
func TestSynonymsAreWholeWords(t *testing.T) {
	ix, err := BuildIndex(nil)
	if err != nil {
		t.Fatal(err)
	}
	ix.SetSynonyms([][]string{{"国开行", "国家开发银行"}, {"巴新", "巴布亚新几内亚"}, {"亚投行", "亚洲基础设施投资银行"},
		{"东博会", "中国—东盟博览会"}, {"发改委", "国家发展改革委"}, {"科技部", "科学技术部"}, {"民建", "中国民主建国会"},
		{"央行", "中国人民银行"}, {"联大", "联合国大会"}, {"党中央", "中共中央"}, {"ai", "人工智能"}, {"g20", "二十国集团"}}, nil)
	for _, tc := range []struct {
		query string
		want  bool // read with the synonym's alternatives
	}{
		{"国开行", true},
		{"国开行贷款", true},
		{"中欧班列全国开行", false},
		{"巴新", true},
		{"古巴新闻", false},
		{"2024年亚投行", true},
		{"东博会通知", true},
		{"2024年发改委的通知", true},
		{"科技部门", false},
		{"网民建言", false},
		// A word the dictionary knows, whose rest is a word by itself with
		// no neighbour to join: the synonym is not inside it.
		{"日本央行", false},
		{"西南联大", false},
		{"国民党中央", false},
		// Nor inside a Latin word or a number (a follower's pinyin).
		{"taiwan guangfu", false},
		{"laiyang", false},
		{"g2020", false},
		{"ai国", true},
		{"ai 芯片", true},
		{"2024g20峰会", true},
		// A numbered abbreviation after a place or a year, or other words,
		// but not inside a word.
		{"广州十五运会开幕", true},
		{"2025年十五运会", true},
		{"去看神十七发射", true},
		{"关于神十八的新闻", true},
		{"精神十足", false},
		{"眼神十分坚定", false},
	} {
		q := ix.parse(tc.query)
		expanded := false
		for _, c := range q.clauses {
			expanded = expanded || len(c.alts) > 1
		}
		if expanded != tc.want {
			t.Errorf("%s (cut %v): expanded %v, want %v", tc.query, ix.seg.Words(tc.query), expanded, tc.want)
		}
	}
}

// TestRelatedTermCutApart: a related term the segmenter cuts into several
// words (雾霾 is 雾 and 霾) is found as those words in a row, and finds its
// related terms' articles; its words apart, or one of them alone, do not.
func TestRelatedTermCutApart(t *testing.T) {
	ix, err := BuildIndex([]content.Article{
		{ID: "wuran", Title: "重污染天气应急预案发布", Summary: "京津冀启动重污染天气预警", Body: "各地启动重污染天气应急响应。"},
		{ID: "tianqi", Title: "今冬天气偏暖", Summary: "气象台预报", Body: "今冬多地天气偏暖，雾天较少。"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if words := ix.seg.Words("雾霾"); len(words) < 2 {
		t.Skipf("the segmenter keeps 雾霾 whole (%v): nothing to test", words)
	}
	ctx := context.Background()
	top := func(q string) string {
		hits, _ := ix.Search(ctx, q, 5)
		if len(hits) == 0 || hits[0].Score < shippedMinScore(t) {
			return ""
		}
		return hits[0].Article.ID
	}
	if got := top("雾霾预警"); got == "wuran" {
		t.Fatalf("before any related terms 雾霾预警 found %s", got)
	}
	ix.SetSynonyms(nil, [][]string{{"雾霾", "重污染天气"}})
	if got := top("雾霾预警"); got != "wuran" {
		t.Fatalf("雾霾预警 with 雾霾 → 重污染天气: first %q, want wuran", got)
	}
	q := ix.parse("雾天 霾")
	for _, c := range q.clauses {
		if len(c.alts) > 1 {
			t.Fatalf("雾天 霾 has an expanded clause %v: the words are not 雾霾", c.alts)
		}
	}
}

// TestExpansionPhrases: a synonym's expansion of several words is found where
// an article has it as written, not as its words apart (亚运会 is not 亚洲沙滩
// 运动会), and what is kept of it between searches follows the index: an
// article added or removed since is found or forgotten.
func TestExpansionPhrases(t *testing.T) {
	ix, err := BuildIndex([]content.Article{
		{ID: "yayunhui", Title: "第十九届亚洲运动会开幕", Summary: "杭州", Body: "第十九届亚洲运动会在杭州开幕。"},
		{ID: "yashahui", Title: "亚洲沙滩运动会闭幕", Summary: "三亚", Body: "第六届亚洲沙滩运动会在三亚闭幕。"},
	})
	if err != nil {
		t.Fatal(err)
	}
	ix.SetSynonyms([][]string{{"亚运会", "亚洲运动会"}}, nil)
	ctx := context.Background()
	found := func() []string {
		hits, _ := ix.Search(ctx, "亚运会", 5)
		return ids(hits)
	}
	if got := found(); !slices.Equal(got, []string{"yayunhui"}) {
		t.Fatalf("亚运会 found %v, want only yayunhui", got)
	}
	ix.Add(ix.Analyze(content.Article{ID: "yayunhui2", Title: "亚洲运动会火炬传递启动", Summary: "火炬", Body: "亚洲运动会火炬传递今天启动。"}))
	if got := found(); !slices.Contains(got, "yayunhui2") || slices.Contains(got, "yashahui") {
		t.Fatalf("after an article was added 亚运会 found %v, want yayunhui2 and not yashahui", got)
	}
	ix.Remove("yayunhui")
	if got := found(); slices.Contains(got, "yayunhui") {
		t.Fatalf("after yayunhui was removed 亚运会 still found %v", got)
	}
}

// TestSynonymsAreNeverRespelt: a synonym is a word the search knows, whether
// a group's member, a numbered abbreviation or written in latin letters: the
// respelling by sound leaves it as typed (神五 is not 深悟, ai国 not 爱国).
func TestSynonymsAreNeverRespelt(t *testing.T) {
	ix, err := BuildIndex([]content.Article{
		{ID: "shenwu", Title: "深悟理论精髓", Summary: "学习", Body: "深悟理论精髓，笃行实干。"},
		{ID: "aiguo", Title: "爱国主义教育", Summary: "教育", Body: "开展爱国主义教育。"},
		{ID: "shenzhou", Title: "神舟五号载人飞船发射成功", Summary: "航天", Body: "神舟五号载人飞船发射成功。"},
		{ID: "ai", Title: "人工智能赋能千行百业", Summary: "人工智能", Body: "人工智能赋能千行百业。"},
	})
	if err != nil {
		t.Fatal(err)
	}
	ix.SetSynonyms([][]string{{"AI", "人工智能"}}, nil)
	for _, q := range []string{"2024年神五", "神五", "ai国", "AI国"} {
		res, _ := ix.SearchResult(context.Background(), q, 3, false)
		if res.Corrected != "" {
			t.Errorf("%s was respelt as %s", q, res.Corrected)
		}
	}
}

// TestAbbreviationAfterARefusedOne: a numbered abbreviation refused where
// no word starts (精神十足's 神十) is looked for further on (神十七), not
// given up (a fuzz find).
func TestAbbreviationAfterARefusedOne(t *testing.T) {
	ix, err := BuildIndex(nil)
	if err != nil {
		t.Fatal(err)
	}
	s := ix.view.Load().synonyms
	text := "精神十足神十七"
	edge := func(i int, start bool) bool { return i != len("精") } // no word starts at 精神's 神
	got := s.split(text, edge)
	want := []span{{text: "精神十足"}, {text: "神十七", synonym: true}}
	if !slices.Equal(got, want) {
		t.Fatalf("split(%q) = %v, want %v", text, got, want)
	}
}

// TestNumberedAbbreviationsInDigits: a crewed flight in digits is the one
// in characters and in full (a follower run's find: 神23航天员是谁 listed
// other crews at 0.98); a longer number is none.
func TestNumberedAbbreviationsInDigits(t *testing.T) {
	ix, err := BuildIndex(nil)
	if err != nil {
		t.Fatal(err)
	}
	s := ix.view.Load().synonyms
	for w, want := range map[string][]string{
		"神23":  {"神23", "神二十三", "神舟二十三号"},
		"神5":   {"神5", "神五", "神舟五号"},
		"4中全会": {"4中全会", "四中全会", "中央委员会第四次全体会议"},
		"神234": nil,
		// An anniversary said in numerals is also in digits; typed in
		// digits it stays as typed.
		"一百零五周年": {"一百零五周年", "105周年"},
		"两周年":    {"两周年", "2周年"},
		"二十五周年":  {"二十五周年", "25周年"},
		"105周年":  nil,
		"零周年":    nil,
	} {
		if got := s.alternatives(w); !slices.Equal(got, want) {
			t.Errorf("alternatives(%q) = %q, want %q", w, got, want)
		}
	}
	edge := func(int, bool) bool { return true }
	if got := s.split("神234", edge); len(got) != 1 || got[0].synonym {
		t.Errorf("split(神234) = %v, want no abbreviation", got)
	}
}
