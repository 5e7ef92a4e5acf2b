package bot

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNumberedQuestions(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"老师您好，想请教几个问题：第一，新质生产力的内涵是什么；第二，枫桥经验和浦江经验有什么区别。谢谢老师！",
			[]string{"新质生产力的内涵是什么", "枫桥经验和浦江经验有什么区别"}},
		{"第一个问题，两个确立是什么意思。第二个问题，八八战略是哪一年提出的。", []string{"两个确立是什么意思", "八八战略是哪一年提出的"}},
		{"1. 新质生产力是什么 2. 枫桥经验是什么", []string{"新质生产力是什么", "枫桥经验是什么"}},
		{"嗯，我有两个问题，第一个问题是新质生产力是什么，第二个问题就是枫桥经验是啥。", []string{"新质生产力是什么", "枫桥经验是啥"}},
		{"一、浦江经验  二、四下基层有哪些", []string{"浦江经验", "四下基层有哪些"}},
		{"（1）两个确立（2）八八战略", []string{"两个确立", "八八战略"}},
		{"①共同富裕怎么理解②千万工程是什么③", []string{"共同富裕怎么理解", "千万工程是什么"}},
		// Counted from 1, in turn: a 1. inside the last question starts no new count.
		{"2. 新质生产力 3. 枫桥经验", nil},
		{"第一，新质生产力是什么；第三，枫桥经验是什么", nil},
		// Not numbered questions: one only, a word's 第一, a date, topics too long to be
		// topics and asking nothing, a pasted article's paragraphs.
		{"第一，新质生产力是什么", nil},
		{"第一书记和第二书记", nil},
		{"2026年1.新质生产力", nil},
		{"1、2、3", nil},
		{"一、坚持党的全面领导和人民当家作主有机统一的根本政治制度 二、发展全过程人民民主保障人民当家作主的制度安排", nil},
		{"一、" + strings.Repeat("新质生产力是创新起主导作用的先进生产力质态，", 5) + "如何发展？二、高质量发展", nil},
	} {
		if got := numberedQuestions(Bare(c.text), 5); !slices.Equal(got, c.want) {
			t.Errorf("numberedQuestions(%q) = %q, want %q", c.text, got, c.want)
		}
	}
	// At most max.
	if got := numberedQuestions("1.两个确立 2.八八战略 3.枫桥经验 4.浦江经验", 3); len(got) != 3 {
		t.Errorf("four numbered, at most three: %q", got)
	}
}

// TestEachNumberedQuestion: a study-platform follower run's find. Five
// numbered questions in one message, each answered by a demo article when
// asked alone, got the no-match reply; each gets its article now, in order,
// the question under it, and the one none answers is named. The list's
// items open by number.
func TestEachNumberedQuestion(t *testing.T) {
	ask := asker(t, newDemoBot(t, newDemoCatalog(), NewMemoryFollowUps()))
	r := ask("老师您好，我是今年准备遴选的考生，想请教几个问题：第一，新质生产力的内涵是什么，申论里怎么用；第二，枫桥经验和浦江经验有什么区别；" +
		"第三，全过程人民民主怎么理解；第四，乡村振兴有哪些典型案例；第五，面试的时候遇到综合分析题应该怎么答。谢谢老师！")
	if r.Type != ReplyText || !strings.HasPrefix(r.Text, "你的5个问题中，第4个没有找到相关文章") {
		t.Fatalf("want each question's article:\n%v", r)
	}
	for i, want := range []string{"xinzhi", "fengqiao", "minzhu", "linxuan-mianshi"} {
		item := r.Text[strings.Index(r.Text, "\n"+string(rune('1'+i))+". ")+1:]
		item, _, _ = strings.Cut(item, "\n")
		if !strings.Contains(item, "mpbot-demo/"+want+`"`) {
			t.Errorf("item %d: %s, want %s's", i+1, item, want)
		}
	}
	if !strings.Contains(r.Text, "问题5：面试的时候遇到综合分析题应该怎么答\n") || strings.Contains(r.Text, "谢谢") || strings.Contains(r.Text, ",") {
		t.Errorf("the questions under the articles, as asked, less the thanks:\n%s", r.Text)
	}
	if card := ask("3"); card.Type != ReplyNews || card.Card == nil || !strings.Contains(card.Card.URL, "mpbot-demo/minzhu") {
		t.Errorf("3 after the list: %v, want its third article", card)
	}
}

func FuzzNumberedQuestions(f *testing.F) {
	f.Add("第一，新质生产力是什么；第二，枫桥经验和浦江经验有什么区别。谢谢老师！")
	f.Add("（1）两个确立（2）八八战略")
	f.Add("①共同富裕怎么理解②千万工程是什么")
	f.Add("1. 新质生产力是什么 2. 枫桥经验是什么 3. ")
	f.Fuzz(func(t *testing.T, text string) {
		qs := numberedQuestions(text, 5)
		if qs != nil && (len(qs) < 2 || len(qs) > 5) {
			t.Fatalf("%q: %d questions", text, len(qs))
		}
		for _, q := range qs {
			if q == "" || !strings.Contains(text, q) || utf8.RuneCountInString(q) > maxQuestionRunes || !utf8.ValidString(q) && utf8.ValidString(text) {
				t.Fatalf("%q: question %q", text, q)
			}
		}
	})
}
