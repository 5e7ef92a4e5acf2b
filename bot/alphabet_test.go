package bot

import (
	"math/rand/v2"
	"os"
	"regexp"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestAlphabetNeverHidesAMatch: a text the alphabet turns away is never
// one its pattern matches, for the shipped config's regex rules and
// patterns of every shape the check handles; patterns it cannot judge
// have none.
func TestAlphabetNeverHidesAMatch(t *testing.T) {
	patterns := []string{`^(?:嗯|好)+$`, `(?i)^hi[!！]*$`, `^a|^b$`, `^转人工$|^人工$`, `^[\p{P}\s]*谢谢[\p{P}\s]*$`}
	var cfg struct {
		Replies struct {
			Rules []struct {
				Match    string   `yaml:"match"`
				Keywords []string `yaml:"keywords"`
			} `yaml:"rules"`
		} `yaml:"replies"`
	}
	data, err := os.ReadFile("../config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatal(err)
	}
	shipped := 0
	for _, r := range cfg.Replies.Rules {
		if r.Match == MatchRegex {
			patterns = append(patterns, r.Keywords...)
			shipped++
		}
	}
	if shipped < 3 {
		t.Fatalf("%d regex rules in config.yaml: the test reads the wrong file", shipped)
	}
	texts := []string{"", "嗯", "嗯嗯好", "hi", "HI!", "Hi！", "a", "ab", "b", "xb", "转人工", "人工", "，谢谢。", "客服，转人工", "客服老师您好，我想转人工",
		"你好，我要人工客服", "枫桥经验是什么", "好的，客服你好", "谢谢客服", "人工智能", "\xff转人工", "转人工\u200b"}
	var runes []rune
	for _, p := range patterns {
		runes = append(runes, []rune(p)...)
	}
	runes = append(runes, '枫', 'x', ' ', '。', '\ufffd')
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		n := rng.IntN(12)
		b := make([]rune, n)
		for i := range b {
			b[i] = runes[rng.IntN(len(runes))]
		}
		texts = append(texts, string(b))
	}
	judged := 0
	for _, p := range patterns {
		re := regexp.MustCompile(p)
		a := alphabetOf(re.String())
		if a == nil {
			continue
		}
		judged++
		for _, text := range texts {
			if !a.holds(text) && re.MatchString(text) {
				t.Fatalf("%q turned away from %s, which matches it", text, p)
			}
		}
	}
	if judged < len(patterns)-1 { // ^a|^b$ has an alternative not anchored at its end
		t.Errorf("judged %d patterns of %d", judged, len(patterns))
	}
	for _, p := range []string{`^a|^b$`, `人工`, `^.*人工$`, `(?m)^人工$`} {
		if alphabetOf(p) != nil {
			t.Errorf("%s has an alphabet", p)
		}
	}
	// It does turn texts away: a question holds characters no pattern has.
	if a := alphabetOf(regexp.MustCompile(`^转人工$`).String()); a.holds("枫桥经验") || !a.holds("转人工") {
		t.Error("the alphabet of ^转人工$")
	}
}
