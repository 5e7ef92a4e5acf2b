package bot

import (
	"context"
	"log/slog"
	"regexp"
	"strings"
	"testing"
	"time"

	"mpbot/content"
	"mpbot/search"
)

var okSearch = SearchSpec{MaxResults: 5, MinScore: 0.5, ClearScore: 0.8, ClearMargin: 0.15}

var okPush = PushSpec{SubscribeKeywords: []string{"开启推送"}, UnsubscribeKeywords: []string{"关闭推送", "退订"},
	SubscribeReply: "已订阅每日一读。", UnsubscribeReply: "已退订每日一读。"}

func text(s string) ResponseSpec { return ResponseSpec{Reply: &ReplySpec{Type: "text", Content: s}} }

func kwRule(match string, kws ...string) RuleSpec {
	return RuleSpec{Match: match, Keywords: kws, ResponseSpec: text("r:" + strings.Join(kws, ","))}
}

// TestKeywordInAnotherSpelling: a keyword claimed by another rule in
// another spelling names both (an operator's find: the error named 帮助
// twice, never the 幫助 they had added to another rule).
func TestKeywordInAnotherSpelling(t *testing.T) {
	r := RepliesSpec{NoMatch: text("none"), Rules: []RuleSpec{kwRule("", "口令", "幫助"), kwRule("", "帮助")}}
	_, err := Compile(r, okSearch, okPush, search.Fold)
	want := `replies.rules[1].keywords[0]: keyword "帮助" is already in replies.rules[0].keywords[1], written there as "幫助": both read "帮助"`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("error %v, want %q", err, want)
	}
}

func TestCompileErrors(t *testing.T) {
	base := func() RepliesSpec { return RepliesSpec{NoMatch: text("none")} }
	cases := []struct {
		name   string
		edit   func(*RepliesSpec, *SearchSpec)
		errors []string // each must appear in the error text
	}{
		{"duplicate keyword across rules", func(r *RepliesSpec, _ *SearchSpec) {
			r.Rules = []RuleSpec{kwRule("", "帮助"), kwRule("contains", "帮助")}
		}, []string{`replies.rules[1].keywords[0]: duplicate keyword "帮助" (already in replies.rules[0].keywords[0])`}},
		{"duplicate name", func(r *RepliesSpec, _ *SearchSpec) {
			a, b, c := kwRule("", "a"), kwRule("", "b"), kwRule("", "c")
			a.Name, b.Name, c.Name = "test", "other", "test"
			r.Rules = []RuleSpec{a, b, c}
		}, []string{`replies.rules[2].name: "test" is already the name of replies.rules[0]`}},
		{"duplicate after normalising", func(r *RepliesSpec, _ *SearchSpec) {
			r.Rules = []RuleSpec{kwRule("", "Help"), kwRule("", "ｈｅｌｐ ")}
		}, []string{`replies.rules[1].keywords[0]: duplicate keyword`}},
		{"duplicate menu key", func(r *RepliesSpec, _ *SearchSpec) {
			a, b := kwRule("", "a"), kwRule("", "b")
			a.Keys, b.Keys = []string{"K"}, []string{"K"}
			r.Rules = []RuleSpec{a, b}
		}, []string{`replies.rules[1].keys[0]: duplicate menu key "K"`}},
		{"bad match", func(r *RepliesSpec, _ *SearchSpec) { r.Rules = []RuleSpec{kwRule("fuzzy", "x")} },
			[]string{`replies.rules[0].match: "fuzzy" is not one of exact, contains, prefix, regex`}},
		{"bad regex", func(r *RepliesSpec, _ *SearchSpec) { r.Rules = []RuleSpec{kwRule("regex", "(")} },
			[]string{`replies.rules[0].keywords[0]: bad regex`}},
		// An operator run's find: it answered every message, nothing said.
		{"regex matching any message", func(r *RepliesSpec, _ *SearchSpec) {
			r.Rules = []RuleSpec{kwRule("regex", "申论|真题|", ".*", ".", "^$", "^申论$")}
		}, []string{`replies.rules[0].keywords[0]: "申论|真题|" matches any message`, `replies.rules[0].keywords[1]: ".*" matches any message`,
			`replies.rules[0].keywords[2]: "." matches any message`}},
		{"no keywords", func(r *RepliesSpec, _ *SearchSpec) { r.Rules = []RuleSpec{{ResponseSpec: text("x")}} },
			[]string{`replies.rules[0]: needs keywords or keys`}},
		{"empty keyword", func(r *RepliesSpec, _ *SearchSpec) { r.Rules = []RuleSpec{kwRule("", " ")} },
			[]string{`replies.rules[0].keywords[0]: is empty`}},
		{"long keyword", func(r *RepliesSpec, _ *SearchSpec) { r.Rules = []RuleSpec{kwRule("", strings.Repeat("长", 31))} },
			[]string{`is longer than 30 characters`}},
		{"no reply", func(r *RepliesSpec, _ *SearchSpec) { r.Rules = []RuleSpec{{Keywords: []string{"x"}}} },
			[]string{`replies.rules[0]: needs a reply or replies`}},
		{"reply and replies", func(r *RepliesSpec, _ *SearchSpec) {
			r.Rules = []RuleSpec{{Keywords: []string{"x"}, ResponseSpec: ResponseSpec{Reply: &ReplySpec{Type: "daily"}, Replies: []ReplySpec{{Type: "daily"}}}}}
		}, []string{`replies.rules[0]: has both reply and replies`}},
		{"named rule", func(r *RepliesSpec, _ *SearchSpec) {
			r.Rules = []RuleSpec{{Name: "help", Keywords: []string{"x"}, ResponseSpec: ResponseSpec{Reply: &ReplySpec{Type: "text"}}}}
		}, []string{`replies.rules[0] (help).reply: text needs content`}},
		{"text too long", func(r *RepliesSpec, _ *SearchSpec) {
			r.Rules = []RuleSpec{{Keywords: []string{"x"}, ResponseSpec: text(strings.Repeat("字", 700))}}
		}, []string{`text content is 2100 bytes; WeChat delivers at most 2048`}},
		{"news without url", func(r *RepliesSpec, _ *SearchSpec) {
			r.Rules = []RuleSpec{{Keywords: []string{"x"}, ResponseSpec: ResponseSpec{Reply: &ReplySpec{Type: "news", Title: "t", URL: "ftp://x"}}}}
		}, []string{`news needs an http(s) url, got "ftp://x"`}},
		{"articles without query or ids", func(r *RepliesSpec, _ *SearchSpec) {
			r.Rules = []RuleSpec{{Keywords: []string{"x"}, ResponseSpec: ResponseSpec{Reply: &ReplySpec{Type: "articles"}}}}
		}, []string{`articles needs either query or ids`}},
		// An operator run's: passed check, and followers got no match or
		// one article twice.
		{"articles with a blank query", func(r *RepliesSpec, _ *SearchSpec) {
			r.Rules = []RuleSpec{{Keywords: []string{"x"}, ResponseSpec: ResponseSpec{Reply: &ReplySpec{Type: "articles", Query: "   "}}}}
		}, []string{`articles query is blank`}},
		{"articles with an id twice", func(r *RepliesSpec, _ *SearchSpec) {
			r.Rules = []RuleSpec{{Keywords: []string{"x"}, ResponseSpec: ResponseSpec{Reply: &ReplySpec{Type: "articles", IDs: []string{"a", "a", "b"}}}}}
		}, []string{`articles ids lists "a" twice`}},
		{"image without media", func(r *RepliesSpec, _ *SearchSpec) {
			r.Rules = []RuleSpec{{Keywords: []string{"x"}, ResponseSpec: ResponseSpec{Reply: &ReplySpec{Type: "image"}}}}
		}, []string{`image needs media_id`}},
		{"unknown type", func(r *RepliesSpec, _ *SearchSpec) {
			r.Rules = []RuleSpec{{Keywords: []string{"x"}, ResponseSpec: ResponseSpec{Replies: []ReplySpec{{Type: "hologram"}}}}}
		}, []string{`replies.rules[0].replies[0]: type "hologram" is not one of`}},
		{"media replies", func(r *RepliesSpec, _ *SearchSpec) {
			r.Rules = []RuleSpec{{Keywords: []string{"x"}, ResponseSpec: ResponseSpec{Replies: []ReplySpec{
				{Type: "voice"}, {Type: "video"}, {Type: "music", MusicURL: "javascript:x"}}}}}
		}, []string{"replies[0]: voice needs media_id", "replies[1]: video needs media_id", "replies[2]: music needs thumb_media_id",
			`music music_url must be an http(s) url, got "javascript:x"`}},
		{"transfer with others", func(r *RepliesSpec, _ *SearchSpec) {
			r.Rules = []RuleSpec{{Keywords: []string{"x"}, ResponseSpec: ResponseSpec{Replies: []ReplySpec{{Type: "transfer"}, {Type: "daily"}}}}}
		}, []string{`transfer hands the chat to a human`}},
		{"bad mode", func(r *RepliesSpec, _ *SearchSpec) {
			r.Subscribe = ResponseSpec{Mode: "some", Replies: []ReplySpec{{Type: "daily"}}}
		}, []string{`replies.subscribe.mode: "some" is not all or random`}},
		{"no_match missing", func(r *RepliesSpec, _ *SearchSpec) { r.NoMatch = ResponseSpec{} },
			[]string{`replies.no_match: is required`}},
		{"max_results", func(_ *RepliesSpec, s *SearchSpec) { s.MaxResults = 0 }, []string{`search.max_results: 0 is outside 1..10`}},
		{"clear below min", func(_ *RepliesSpec, s *SearchSpec) { s.ClearScore = 0.2 }, []string{`search.clear_score`}},
		{"every search setting at once", func(_ *RepliesSpec, s *SearchSpec) {
			s.MaxResults, s.MinScore, s.ClearScore, s.ClearMargin = 0, 2, 5, 5
		}, []string{`search.max_results`, `search.min_score`, `search.clear_score`, `search.clear_margin`}},
		{"several at once", func(r *RepliesSpec, s *SearchSpec) {
			r.Rules = []RuleSpec{kwRule("bogus", "a"), kwRule("", "a")}
			s.MaxResults = 99
		}, []string{`rules[0].match`, `rules[1].keywords[0]: duplicate`, `search.max_results`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, s := base(), okSearch
			c.edit(&r, &s)
			_, err := Compile(r, s, okPush, nil)
			if err == nil {
				t.Fatal("compiled without error")
			}
			for _, want := range c.errors {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error does not say %q:\n%v", want, err)
				}
			}
		})
	}
}

func TestMatchOrderAndKinds(t *testing.T) {
	s, err := Compile(RepliesSpec{NoMatch: text("none"), Rules: []RuleSpec{
		kwRule("contains", "经验"),
		kwRule("", "枫桥经验", "ABC"),
		kwRule("prefix", "订阅"),
		kwRule("regex", `^第\d+期$`),
		kwRule("", "ｘｙ"),
	}}, okSearch, okPush, nil)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text string
		want int
	}{
		{"枫桥经验", 0}, // rule 0 (contains) comes first in config order
		{"abc", 1},
		{"  ABC ", 1},
		{"订阅每日一读", 2},
		{"我要订阅", -1},
		{"第12期", 3},
		{"第十二期", -1},
		{"xy", 4},
		{"Xy", 4},
		{"别的", -1},
		{"ABC!", 1},    // punctuation around a keyword
		{"订阅每日一读。", 2}, // a voice message's full stop
		{"[微笑]ｘｙ～", 4},
	}
	for _, c := range cases {
		if got, _ := s.match(Bare(c.text)); got != c.want {
			t.Errorf("match(%q) = %d, want %d", c.text, got, c.want)
		}
	}
}

// TestAloneRules: a courtesy rule marked alone answers thanks and
// greetings, but not a question that happens to contain its keyword; the
// question is then searched without the keyword.
func TestAloneRules(t *testing.T) {
	thanks := kwRule("contains", "谢谢", "感谢")
	thanks.Alone = true
	hi := kwRule("contains", "你好", "hi")
	hi.Alone = true
	s, err := Compile(RepliesSpec{NoMatch: text("none"), Rules: []RuleSpec{thanks, hi}}, okSearch, okPush, nil)
	if err != nil {
		t.Fatal(err)
	}
	long := "老师，枫桥经验和浦江经验在申论里怎么用？想请您讲讲两者的区别和联系，谢谢老师！"
	cases := []struct {
		text, question string
		want           int
	}{
		{"谢谢老师！", "", 0},
		{"非常感谢小编的分享", "", 0},
		{"谢谢你们的帮助", "", 0},
		{long, "老师,枫桥经验和浦江经验在申论里怎么用?想请您讲讲两者的区别和联系, 老师", -1},
		{"你好啊", "", 1},
		{"😊你好", "", 1},
		{"Hi!", "", 1},
		{"china", "", -1}, // hi inside a word is not hi
		{"你好，请问枫桥经验", ",请问枫桥经验", -1},
	}
	for _, c := range cases {
		got, q := s.match(Bare(c.text))
		if got != c.want || q != c.question {
			t.Errorf("match(%q) = %d %q, want %d %q", c.text, got, q, c.want, c.question)
		}
	}
	if _, err := Compile(RepliesSpec{NoMatch: text("none"), Rules: []RuleSpec{{Keywords: []string{"x"}, Alone: true, ResponseSpec: text("y")}}}, okSearch, okPush, nil); err == nil || !strings.Contains(err.Error(), "alone") {
		t.Fatalf("alone on an exact rule: %v", err)
	}
}

func TestBare(t *testing.T) {
	for in, want := range map[string]string{
		"你好！":          "你好",
		"退订。":          "退订",
		"２。":           "2",
		"  在吗？？ ":      "在吗",
		"😊你好":          "你好",
		"[微笑]订阅[玫瑰]":   "订阅",
		"枫桥[捂脸]经验":     "枫桥经验",
		"[不是表情包的文字很长]": "不是表情包的文字很长", // not an emoticon: only its outer brackets go
		"a[微笑]b":       "ab",
		"？":            "?",
		"...":          "...",
		"新质生产力，是什么？":   "新质生产力,是什么",
		"Hi!":          "hi",
		"":             "",
	} {
		if got := Bare(in); got != want {
			t.Errorf("Bare(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"\u3000帮助 ":   "帮助",
		"ＡＢＣ１２３":      "abc123",
		"GDP":         "gdp",
		"plain ascii": "plain ascii",
		"？":           "?",
		// Invisible format characters text copied from a page carries (a
		// hostile run's find: 枫桥\u200b经验 got no match).
		"枫桥\u200b经验": "枫桥经验", "\ufeff退订": "退订", "帮\u00ad助": "帮助", "帮\u2060助": "帮助",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFoldedKeywords: keywords and text are compared folded to simplified
// characters. A traditional spelling beside its simplified keyword (which
// configs had before) is dropped, not a duplicate that stops the config;
// the same keyword written twice still is. A regex with a traditional
// character matches the folded text.
func TestFoldedKeywords(t *testing.T) {
	rule := func(kws ...string) RuleSpec {
		return RuleSpec{Match: "contains", Keywords: kws, ResponseSpec: text("不客气")}
	}
	s, err := Compile(RepliesSpec{NoMatch: text("none"), Rules: []RuleSpec{rule("谢谢", "謝謝"), {Match: "regex", Keywords: []string{"^幫助$"}, ResponseSpec: text("帮助")}}},
		okSearch, okPush, search.Fold)
	if err != nil {
		t.Fatalf("a traditional spelling beside its keyword: %v", err)
	}
	for text, want := range map[string]int{"謝謝老師": 0, "谢谢": 0, "幫助": 1, "帮助": 1} {
		if got, _ := s.match(s.fold(Bare(text))); got != want {
			t.Errorf("%s: rule %d, want %d", text, got, want)
		}
	}
	if _, err := Compile(RepliesSpec{NoMatch: text("none"), Rules: []RuleSpec{rule("谢谢", "谢谢！")}}, okSearch, okPush, search.Fold); err == nil {
		t.Error("the same keyword twice accepted")
	}
	// In another rule, a spelling that folds to a keyword there is an error
	// (an operator's find: 幫助 and 帮助！ in one rule took 帮助 from the
	// help rule, and check said ok), as is one of the push's keywords.
	for _, rules := range [][]RuleSpec{
		{rule("考试时间", "幫助", "帮助！"), rule("帮助")},
		{rule("幫助"), rule("帮助")},
		{rule("帮助"), rule("幫助")},
		{rule("退訂")},
	} {
		_, err := Compile(RepliesSpec{NoMatch: text("none"), Rules: rules}, okSearch, okPush, search.Fold)
		if err == nil || !strings.Contains(err.Error(), "already in") {
			t.Errorf("%v: %v", rules, err)
		}
	}
}

// TestPushTimeInReplies: {push_time} in a reply's text is the push's times
// of day on China's clock, as followers read them, in rules, confirmations,
// status and list replies alike (the shipped texts had said 每天早上
// whatever push.schedule said); a schedule firing at too many times of
// day to say is an error naming where the mark was written.
func TestPushTimeInReplies(t *testing.T) {
	faq := RuleSpec{Name: "faq", Keywords: []string{"几点推送"}, ResponseSpec: text("每天{push_time}推送。")}
	push := okPush
	push.SubscribeReply, push.StatusOnReply = "已订阅，每天{push_time}推送。", "订阅着，{push_time}见。"
	replies := RepliesSpec{NoMatch: text("none"), Rules: []RuleSpec{faq}, NoList: "没有列表；每日一读{push_time}来。"}
	at := func(zone *time.Location, hm ...[2]int) []time.Time {
		var out []time.Time
		for day := 1; day <= 2; day++ {
			for _, x := range hm {
				out = append(out, time.Date(2026, 1, day, x[0], x[1], 0, 0, zone))
			}
		}
		return out
	}
	utc := time.UTC
	for _, c := range []struct {
		firings []time.Time
		want    string
	}{
		{at(chinaTime, [2]int{7, 30}), "早上7:30"}, {at(chinaTime, [2]int{20, 5}), "晚上8:05"}, {at(chinaTime, [2]int{12, 0}), "中午12:00"},
		{at(chinaTime, [2]int{0, 15}), "凌晨0:15"}, {at(chinaTime, [2]int{10, 0}), "上午10:00"}, {at(chinaTime, [2]int{15, 45}), "下午3:45"},
		{at(chinaTime, [2]int{19, 0}, [2]int{7, 0}), "早上7:00和晚上7:00"},
		// push.timezone UTC: followers read China's clock.
		{at(utc, [2]int{23, 30}), "早上7:30"},
	} {
		push.Firings = c.firings
		s, err := Compile(replies, okSearch, push, nil)
		if err != nil {
			t.Fatalf("%s: %v", c.want, err)
		}
		for _, got := range []string{s.rules[0].resp.replies[0].Content, s.push.SubscribeReply, s.push.StatusOnReply, s.noList} {
			if !strings.Contains(got, c.want) || strings.Contains(got, pushTimeMark) {
				t.Errorf("%s: %q, want %q in it", c.firings[0], got, c.want)
			}
		}
	}
	push.Firings = at(chinaTime, [2]int{6, 0}, [2]int{9, 0}, [2]int{12, 0}, [2]int{15, 0}, [2]int{18, 0})
	_, err := Compile(replies, okSearch, push, nil)
	for _, where := range []string{"replies.rules[0] (faq).reply.content", "push.subscribe_reply", "push.status_on_reply", "replies.no_list"} {
		if err == nil || !strings.Contains(err.Error(), where+": names {push_time}, but push.schedule fires at more than 4 times of day") {
			t.Errorf("five times a day: error %v, want one at %s", err, where)
		}
	}
	// No schedule (one that does not parse, said on its own): the text
	// stays, and no error is added.
	push.Firings = nil
	if _, err := Compile(replies, okSearch, push, nil); err != nil {
		t.Errorf("no firings: %v", err)
	}
}

// TestRegexRulesReadShortTexts: a whole-message regex rule reads a text of
// up to maxRegexRunes characters, longer than a voice message; a longer
// one is a passage pasted, and the shipped whole-message patterns had cost
// some 3.4 µs a byte on a text of their own words (a hostile-input run's
// find).
func TestRegexRulesReadShortTexts(t *testing.T) {
	hi := RuleSpec{Name: "hi", Match: MatchRegex, Keywords: []string{`^(?:你好|老师)+$`}, ResponseSpec: text("你好！")}
	complaint := RuleSpec{Name: "complaint", Match: MatchRegex, Keywords: []string{`投诉|退款`}, ResponseSpec: text("转人工")}
	s, err := Compile(RepliesSpec{NoMatch: text("none"), Rules: []RuleSpec{hi, complaint}}, okSearch, okPush, nil)
	if err != nil {
		t.Fatal(err)
	}
	for n, want := range map[int]int{1: 0, maxRegexRunes / 2: 0, maxRegexRunes/2 + 1: -1, 20000: -1} {
		if got, _ := s.match(strings.Repeat("你好", n)); got != want {
			t.Errorf("你好 × %d: rule %d, want %d", n, got, want)
		}
	}
	// A pattern for words anywhere reads a long text (a review's find: a
	// complaint of 331 characters missed it).
	if got, _ := s.match(strings.Repeat("课程内容和宣传的不一样", 40) + "我要退款"); got != 1 {
		t.Errorf("a long complaint: rule %d, want 1", got)
	}
}

// TestWelcomeRule: a rule of type welcome answers what replies.subscribe
// says, edited or not (an operator run's find: the shipped newcomer rule
// kept a copy of the welcome's text, and an edit of replies.subscribe did
// not reach it); in replies.subscribe itself it is refused.
func TestWelcomeRule(t *testing.T) {
	for _, welcome := range []string{"欢迎关注！", "欢迎来到北辰遴选！"} {
		spec := demoSpec()
		spec.Subscribe.Replies[0].Content = welcome
		spec.Rules = append(spec.Rules, RuleSpec{Keywords: []string{"我是新来的"}, ResponseSpec: ResponseSpec{Reply: &ReplySpec{Type: "welcome"}}})
		s, err := Compile(spec, okSearch, okPush, nil)
		if err != nil {
			t.Fatal(err)
		}
		b := New(s, Deps{Catalog: newDemoCatalog(), FollowUps: NewMemoryFollowUps(), Log: slog.New(slog.DiscardHandler),
			Daily: func(context.Context) (content.Article, error) { return content.DemoArticles()[0], nil }})
		got := b.Answer(context.Background(), Message{From: "o", Kind: KindText, Text: "我是新来的"})
		if len(got) != 2 || got[0].Text != welcome || got[1].Type != ReplyNews {
			t.Errorf("我是新来的 with the welcome %q: %+v", welcome, got)
		}
	}
	spec := demoSpec()
	spec.Subscribe.Replies = append(spec.Subscribe.Replies, ReplySpec{Type: "welcome"})
	if _, err := Compile(spec, okSearch, okPush, nil); err == nil || !strings.Contains(err.Error(), "replies.subscribe: type welcome is this reply itself") {
		t.Errorf("welcome in replies.subscribe: %v", err)
	}
}

// TestSuggested: the examples a reply's text gives of what to send, not
// its other quotes (instructions).
func TestSuggested(t *testing.T) {
	for text, want := range map[string]string{
		"没有找到相关文章。发送关键词，例如「枫桥经验」「新质生产力」「国常会 防汛」。\n回复「每日一读」看今天的推荐阅读，回复「帮助」": "枫桥经验|新质生产力|国常会 防汛",
		"直接发送关键词即可搜索文章，例如：枫桥经验、中国式现代化、国常会 防汛。":                             "枫桥经验|中国式现代化|国常会 防汛",
		"· 直接发送关键词，例如「浦江经验」、「全过程人民民主」；":                                    "浦江经验|全过程人民民主",
		"点右上角「…」→「不再关注」即可。":                                                "",
		"回复「退订」即可停止推送": "",
	} {
		if got := strings.Join(suggested(text), "|"); got != want {
			t.Errorf("suggested(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestRegexHint: a regex keyword's commonest slips are said in an
// operator's words beside the parser's (an operator run's find: '*遴选真题'
// got "missing argument to repetition operator" alone).
func TestRegexHint(t *testing.T) {
	for pattern, want := range map[string]string{
		"*遴选真题": "for any text write .*", "+真题": `\+`,
		// ? said as "optional", not .? "for any text" (a re-check's find).
		"?遴选": "? makes what comes before it optional", "(遴选真题": "is not closed", "[遴选": "is not closed", "真题)": "closes nothing", "^真题$": "",
	} {
		_, err := regexp.Compile(pattern)
		got := ""
		if err != nil {
			got = regexHint(err)
		}
		if want == "" && got != "" || !strings.Contains(got, want) {
			t.Errorf("%s: hint %q, want it to hold %q", pattern, got, want)
		}
	}
}

func TestSaidOnce(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"退订退订", "退订"}, {"退订，退订，退订", "退订"}, {"退订！退订！", "退订"}, {"取消订阅取消订阅", "取消订阅"},
		{"订阅 订阅", "订阅"}, {"哈哈哈", "哈"}, {"退订，订阅", ""}, {"退订", ""}, {"", ""}, {"，，", ""},
	} {
		if got := saidOnce(c.text); got != c.want {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
}

// TestPairAskedWithShi: 是什么关系 is the relation asked, not 是 a word of
// the second topic (a voice follower run's find: 「浦江经验是」).
func TestPairAskedWithShi(t *testing.T) {
	if parts, _, ok := twoTopics("四下基层和浦江经验是什么关系"); !ok || parts[1] != "浦江经验" {
		t.Errorf("四下基层和浦江经验是什么关系: %q %v, want 四下基层 and 浦江经验", parts, ok)
	}
}

// TestRequestBeforeOwnNotBeforeBut: what follows 但是 is what the follower
// wants, and a question after the own words is the question (a re-check's
// finds: 高考 and 遴选面试 articles answered the request before them).
func TestRequestBeforeOwnNotBeforeBut(t *testing.T) {
	for _, text := range []string{
		"我今年打算参加遴选考试，但是工作比较忙，申论和案例分析应该先看哪个？",
		"我在准备遴选面试，因为工作比较忙，想问一下八八战略是什么？",
		"谢谢，但是我想要的是浦江经验",
	} {
		if request, ok := requestBeforeOwn(text); ok {
			t.Errorf("%q: request %q", text, request)
		}
	}
	if request, ok := requestBeforeOwn("申论怎么准备啊我完全不会写"); !ok || request != "申论怎么准备啊" {
		t.Errorf("申论怎么准备啊我完全不会写: %q %v", request, ok)
	}
}

// TestReadingsBounded: what a follower sends costs a bounded number of
// reads of the switch however it is built (a review's finds: switchApart
// had read opt and stopsReading at every pair of split points, 341 of each
// for 40 characters; a correction 不对 read the rest of the text again).
func TestReadingsBounded(t *testing.T) {
	hostile := strings.Repeat("太忙了", 13) // a reason before and after at every 了
	starts, ends := apartAt(hostile)
	if len(starts) > maxApart+1 || len(ends) > maxApart+1 {
		t.Errorf("apartAt: %d starts and %d ends, want at most %d of each", len(starts), len(ends), maxApart+1)
	}
	// A correction is read only in a short text.
	push := okPush
	push.SubscribeKeywords = append(push.SubscribeKeywords, "订阅")
	s, err := Compile(RepliesSpec{NoMatch: text("none")}, okSearch, push, nil)
	if err != nil {
		t.Fatal(err)
	}
	if out, ok := s.opt("订阅不对退订"); !ok || !out {
		t.Errorf("订阅不对退订: %v %v, want a stop", out, ok)
	}
	if _, ok := s.opt("订阅不对" + strings.Repeat("嗯", 40) + "退订"); ok {
		t.Errorf("a correction past maxRepeatedBytes read")
	}
	if _, _, ok := wordChoice("第一篇不对" + strings.Repeat("嗯", 30) + "我是说第二篇"); ok {
		t.Errorf("a choice corrected past maxCorrectedChoice read")
	}
}
