package bot

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNumberedQuestions(t *testing.T) {
	topics := map[string]bool{"浦江经验": true, "两个确立": true, "八八战略": true, "两个维护": true, "枫桥经验": true, "新质生产力": true}
	topic := func(w string) bool { return topics[w] }
	for _, c := range []struct {
		text, preface string
		want          []string
		compared      string
	}{
		{"老师您好，想请教几个问题：第一，新质生产力的内涵是什么；第二，枫桥经验和浦江经验有什么区别。谢谢老师！", "老师您好,想请教几个问题",
			[]string{"新质生产力的内涵是什么", "枫桥经验和浦江经验有什么区别"}, ""},
		{"第一个问题，两个确立是什么意思。第二个问题，八八战略是哪一年提出的。", "", []string{"两个确立是什么意思", "八八战略是哪一年提出的"}, ""},
		{"1. 新质生产力是什么 2. 枫桥经验是什么", "", []string{"新质生产力是什么", "枫桥经验是什么"}, ""},
		{"嗯，我有两个问题，第一个问题是新质生产力是什么，第二个问题就是枫桥经验是啥。", "嗯,我有两个问题", []string{"新质生产力是什么", "枫桥经验是啥"}, ""},
		{"嗯，老师我有两个问题，第一个是新质生产力是什么，第二个是枫桥经验怎么理解。", "嗯,老师我有两个问题", []string{"新质生产力是什么", "枫桥经验怎么理解"}, ""},
		{"一是新质生产力怎么理解，二是枫桥经验是什么", "", []string{"新质生产力怎么理解", "枫桥经验是什么"}, ""},
		{"一、浦江经验  二、四下基层有哪些", "", []string{"浦江经验", "四下基层有哪些"}, ""},
		{"（1）两个确立（2）八八战略", "", []string{"两个确立", "八八战略"}, ""},
		{"①共同富裕怎么理解②千万工程是什么③", "", []string{"共同富裕怎么理解", "千万工程是什么"}, ""},
		// The parts of the topic before them: the preface says it.
		{"新质生产力：（1）内涵（2）特征（3）怎么发展", "新质生产力", nil, ""},
		// Topics numbered and compared: one question of two topics.
		{"①两个确立②两个维护有什么区别", "", nil, "两个确立和两个维护有什么区别"},
		{"（1）枫桥经验（2）浦江经验，这两个有什么不同", "", nil, "枫桥经验和浦江经验有什么区别"},
		// The follower's case told in numbered points: no questions.
		{"我准备遴选，有几个情况：1. 我是乡镇公务员 2. 工作三年了 请问能报吗", "我准备遴选,有几个情况", nil, ""},
		// Counted from 1, in turn.
		{"2. 新质生产力 3. 枫桥经验", "", nil, ""},
		{"第一，新质生产力是什么；第三，枫桥经验是什么", "", nil, ""},
		// Not numbered: one only, a word's 第一, a date, a count, a pasted
		// article's paragraphs.
		{"第一，新质生产力是什么", "", nil, ""},
		{"第一书记和第二书记", "", nil, ""},
		{"统一是什么意思", "", nil, ""},
		{"2026年1.新质生产力", "", nil, ""},
		{"1、2、3", "", nil, ""},
		{"一、" + strings.Repeat("新质生产力是创新起主导作用的先进生产力质态，", 5) + "如何发展？二、高质量发展", "", nil, ""},
	} {
		nb, ok := numberedParts(Bare(c.text))
		var got []string
		var compared string
		if ok {
			got, compared = nb.questions(topic)
			if nb.preface != c.preface {
				t.Errorf("%q: preface %q, want %q", c.text, nb.preface, c.preface)
			}
		}
		if !slices.Equal(got, c.want) || compared != c.compared {
			t.Errorf("%q: questions %q compared %q, want %q %q", c.text, got, compared, c.want, c.compared)
		}
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
	if r.Type != ReplyText || !strings.HasPrefix(r.Text, "你的5个问题，第4个没有找到相关文章，其余的：") {
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
	f.Add("①两个确立②两个维护有什么区别")
	f.Fuzz(func(t *testing.T, text string) {
		nb, ok := numberedParts(text)
		if !ok {
			return
		}
		if len(nb.parts) < 2 || !strings.Contains(text, nb.preface) {
			t.Fatalf("%q: %d parts, preface %q", text, len(nb.parts), nb.preface)
		}
		for _, q := range nb.parts {
			if q == "" || !strings.Contains(text, q) || utf8.RuneCountInString(q) > maxQuestionRunes || !utf8.ValidString(q) && utf8.ValidString(text) {
				t.Fatalf("%q: part %q", text, q)
			}
		}
		qs, compared := nb.questions(func(string) bool { return true })
		if qs != nil && compared != "" {
			t.Fatalf("%q: both questions and a comparison", text)
		}
	})
}
