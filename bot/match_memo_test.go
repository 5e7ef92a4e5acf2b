package bot

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unsafe"

	"go.yaml.in/yaml/v3"
	"mpbot/search"
)

// shippedRules is config.yaml's rules as serve matches them (their
// replies one text each: matching never reads them).
func shippedRules(t testing.TB) RepliesSpec {
	t.Helper()
	data, err := os.ReadFile("../config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Replies struct {
			Rules []struct {
				Name     string   `yaml:"name"`
				Match    string   `yaml:"match"`
				Alone    bool     `yaml:"alone"`
				Keywords []string `yaml:"keywords"`
			} `yaml:"rules"`
		} `yaml:"replies"`
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatal(err)
	}
	spec := RepliesSpec{NoMatch: text("没有找到。")}
	for _, r := range cfg.Replies.Rules {
		spec.Rules = append(spec.Rules, RuleSpec{Name: r.Name, Match: r.Match, Alone: r.Alone, Keywords: r.Keywords, ResponseSpec: text(r.Name)})
	}
	if len(spec.Rules) < 10 {
		t.Fatalf("%d rules in config.yaml: the test reads the wrong file", len(spec.Rules))
	}
	return spec
}

// TestKeptMatchesAreTheRules' own: a text matched again (from the kept
// answers) gets what the rules give it, for the shipped rules and texts
// of their own words; texts past the kept length are never kept, and a
// kept text is no slice of the message it came in.
func TestKeptMatchesAreTheRules(t *testing.T) {
	s, err := Compile(shippedRules(t), okSearch, okPush, search.Fold)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"你好", "您好", "谢谢老师", "谢谢，枫桥经验", "每日一读", "老师好，每日一读在哪看", "转人工", "客服你好", "帮助",
		"枫桥经验是什么", "好的收到", "嗯嗯", "晚安", "今天天气怎么样", "遴选什么时候考", "你是机器人吗", "[微笑]", "👍", "",
		strings.Repeat("你好", 40), strings.Repeat("谢谢", 200)}
	var words []string
	for _, r := range s.rules {
		for _, kw := range r.keywords {
			if r.re == nil {
				words = append(words, kw)
			}
		}
	}
	words = append(words, "你好", "老师", "请问", "，", "谢谢", "每日一读", "枫桥经验", "人工", "客服", "吗", "？", " ")
	rng := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		var b strings.Builder
		for range 1 + rng.IntN(4) {
			b.WriteString(words[rng.IntN(len(words))])
		}
		texts = append(texts, b.String())
	}
	matched := 0
	for _, text := range texts {
		wantRule, wantQuestion := s.matchRules(text)
		if wantRule >= 0 {
			matched++
		}
		for i := range 2 { // the first fills the kept answers, the second reads them
			if rule, question := s.match(text); rule != wantRule || question != wantQuestion {
				t.Fatalf("match %d of %q: rule %d, question %q; the rules give %d, %q", i+1, text, rule, question, wantRule, wantQuestion)
			}
		}
		if _, kept := s.matched.Peek(text); kept != (len(text) <= maxMatchedBytes) {
			t.Errorf("%q (%d bytes) kept: %v", text, len(text), kept)
		}
	}
	if matched < len(texts)/4 {
		t.Errorf("only %d of %d texts fire a rule: the texts miss the rules", matched, len(texts))
	}

	s, err = Compile(shippedRules(t), okSearch, okPush, search.Fold)
	if err != nil {
		t.Fatal(err)
	}
	message := "你好" + strings.Repeat("。", 1000)
	greeting := message[:len("你好")]
	s.match(greeting)
	if s.matched.Len() != 1 {
		t.Fatalf("%d texts kept", s.matched.Len())
	}
	for _, key := range s.matched.Keys() {
		if key == greeting && unsafe.StringData(key) == unsafe.StringData(greeting) {
			t.Fatal("the kept text is the message's own bytes")
		}
	}
}

// BenchmarkMatch is a greeting's, a thanks' and a question's match against
// the shipped rules, kept and read through the rules each time.
//
//	go test -run '^$' -bench BenchmarkMatch -benchmem ./bot
func BenchmarkMatch(b *testing.B) {
	s, err := Compile(shippedRules(b), okSearch, okPush, search.Fold)
	if err != nil {
		b.Fatal(err)
	}
	for _, text := range []string{"你好", "谢谢老师", "枫桥经验是什么"} {
		b.Run(text+"/kept", func(b *testing.B) {
			for b.Loop() {
				s.match(text)
			}
		})
		b.Run(text+"/rules", func(b *testing.B) {
			for b.Loop() {
				s.matchRules(text)
			}
		})
	}
}
