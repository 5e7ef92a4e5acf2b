package search

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestSegmenterKeepsTerms(t *testing.T) {
	s, err := DefaultSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		"坚持和发展新时代枫桥经验":      "坚持/和/发展/新时代枫桥经验",
		"浦江经验是什么":           "浦江经验/是/什么",
		"深刻领悟两个确立的决定性意义":    "深刻/领悟/两个确立/的/决定性/意义",
		"学习运用千万工程经验":        "学习/运用/千万工程/经验",
		"发展全过程人民民主":         "发展/全过程人民民主",
		"习近平出席会议":           "习近平/出席/会议",
		"CR450样车发布，GDP增长5%": "cr450/样车/发布/gdp/增长/5",
	}
	for in, want := range cases {
		if got := strings.Join(s.Words(in), "/"); got != want {
			t.Errorf("Words(%q) = %s, want %s", in, got, want)
		}
	}
	if got := strings.Join(s.SearchWords("人工智能大会"), "/"); !strings.Contains(got, "智能") || !strings.Contains(got, "人工智能") {
		t.Errorf("SearchWords(人工智能大会) = %s, want the whole word and its parts", got)
	}
	if inner := s.innerWords("新时代枫桥经验"); !slices.Contains(inner, "枫桥经验") {
		t.Errorf("innerWords(新时代枫桥经验) = %v, want 枫桥经验 among them", inner)
	}
}

// TestIsHan: isHan's shortcuts agree with unicode.Han on every rune.
func TestIsHan(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isHan(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("isHan(%U) = %v", r, isHan(r))
		}
	}
}

// TestCompleted: a topic term typed without its last character is the
// term, where no word but a stop word follows (新质生产里: 里 a stop word no
// respelling changes; 新质 and 生产 had found an article on Shenzhen).
func TestCompleted(t *testing.T) {
	for text, want := range map[string]string{
		"新质生产": "新质生产力", "新质生产里": "新质生产力里", "新质生产是什么": "新质生产力是什么", "新质生产 2024": "新质生产力 2024",
		"新质生产力": "新质生产力", "新质生产立": "新质生产立", "四个意见": "四个意见", "全过程人民民": "全过程人民民主",
		"发展新质生产和高质量发": "发展新质生产力和高质量发展", "": "", "新": "新",
	} {
		if got := completed(text); got != want {
			t.Errorf("completed(%q) = %q, want %q", text, got, want)
		}
	}
}
