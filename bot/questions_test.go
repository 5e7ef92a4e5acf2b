package bot

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"mpbot/content"
)

func TestNumberedQuestions(t *testing.T) {
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
		{"1.2024年政府工作报告 2.2026年全国两会", "", []string{"2024年政府工作报告", "2026年全国两会"}, ""},
		{"①共同富裕怎么理解②千万工程是什么③", "", []string{"共同富裕怎么理解", "千万工程是什么"}, ""},
		// Past 9 (the 9th had run on to the 12th, read as 8 questions).
		{"1.新质生产力 2.枫桥经验 3.浦江经验 4.两个确立 5.八八战略 6.千万工程 7.申论怎么写 8.面试技巧 9.乡村振兴 10.全过程人民民主 11.政府工作报告 12.遴选考试", "",
			[]string{"新质生产力", "枫桥经验", "浦江经验", "两个确立", "八八战略", "千万工程", "申论怎么写", "面试技巧", "乡村振兴", "全过程人民民主", "政府工作报告", "遴选考试"}, ""},
		// The parts of the topic before them: the preface says it (and
		// numberedAnswers searches it first).
		{"新质生产力：（1）内涵（2）特征（3）怎么发展", "新质生产力", []string{"内涵", "特征", "怎么发展"}, ""},
		// Topics numbered and compared: one question of two topics.
		{"①两个确立②两个维护有什么区别", "", nil, "两个确立和两个维护有什么区别"},
		{"（1）枫桥经验（2）浦江经验，这两个有什么不同", "", nil, "枫桥经验和浦江经验有什么区别"},
		// The follower's case told in numbered points: passed over.
		{"我准备遴选，有几个情况：1. 我是乡镇公务员 2. 工作三年了 请问能报吗", "我准备遴选,有几个情况", []string{"工作三年了 请问能报吗"}, ""},
		{"1.我是乡镇公务员 2.工作三年了 3.遴选笔试考什么", "", []string{"遴选笔试考什么"}, ""},
	} {
		nb, ok := numberedParts(Bare(c.text))
		if !ok {
			t.Errorf("%q: not read as numbered", c.text)
			continue
		}
		got, compared := nb.questions()
		if nb.preface != c.preface {
			t.Errorf("%q: preface %q, want %q", c.text, nb.preface, c.preface)
		}
		if !slices.Equal(got, c.want) || compared != c.compared {
			t.Errorf("%q: questions %q compared %q, want %q %q", c.text, got, compared, c.want, c.compared)
		}
	}
	// Counted from 1, in turn; not numbered: one only, a word's 第一, 统一是,
	// a date, a count, a pasted article's paragraphs.
	for _, text := range []string{"2. 新质生产力 3. 枫桥经验", "第一，新质生产力是什么；第三，枫桥经验是什么", "第一，新质生产力是什么",
		"第一书记和第二书记", "统一是什么意思", "2026年1.新质生产力", "1、2、3", "（9）乡村振兴（10）共同富裕",
		"一、" + strings.Repeat("新质生产力是创新起主导作用的先进生产力质态，", 5) + "如何发展？二、高质量发展"} {
		if nb, ok := numberedParts(Bare(text)); ok {
			t.Errorf("%q read as numbered: %q", text, nb.parts)
		}
	}
	topics := map[string]bool{"枫桥经验": true, "浦江经验": true, "四下基层": true}
	for text, want := range map[string]bool{"①枫桥经验②浦江经验③四下基层": true, "①枫桥经验②浦江经验是什么": false, "①枫桥经验②低空经济": false} {
		if nb, _ := numberedParts(text); nb.topics(func(w string) bool { return topics[w] }) != want {
			t.Errorf("%q: topics %v", text, !want)
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
	r := ask("老师您好，我是今年准备遴选的考生，想请教几个问题：第一，新质生产力是什么意思，申论里怎么用；第二，枫桥经验和浦江经验有什么区别；" +
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
		qs, compared := nb.questions()
		if qs != nil && compared != "" {
			t.Fatalf("%q: both questions and a comparison", text)
		}
	})
}

// TestNumberedQuestionsPastTheMostByMore: questions past max_results are
// answered by 更多, numbered as the follower numbered them (they had to be
// sent again: the last session's note).
func TestNumberedQuestionsPastTheMostByMore(t *testing.T) {
	ask := asker(t, newDemoBot(t, newDemoCatalog(), NewMemoryFollowUps()))
	text := "1.新质生产力是什么 2.枫桥经验是什么 3.浦江经验是什么 4.两个确立是什么 5.八八战略是什么 6.千万工程是什么 7.申论怎么写"
	first := replyText(ask(text))
	if !strings.HasPrefix(first, "你的7个问题，先找了前5个（其余的回复「更多」）") || !strings.Contains(first, "「更多」看下一批") || strings.Contains(first, "qianwan") {
		t.Fatalf("%s: want five answered and 更多 offered:\n%s", text, first)
	}
	more := replyText(ask("更多"))
	if !strings.HasPrefix(more, "你的7个问题的第6、7个，找到的文章") || !strings.Contains(more, "mpbot-demo/qianwan") || !strings.Contains(more, "问题6：千万工程是什么") ||
		!strings.Contains(more, "问题7：申论怎么写") || strings.Contains(more, "看下一批") {
		t.Fatalf("更多: want questions 6 and 7 answered:\n%s", more)
	}
	if got := replyText(ask("1")); !strings.Contains(got, "mpbot-demo/qianwan") {
		t.Errorf("1 after 更多: want question 6's article (千万工程), got:\n%s", got)
	}
	if got := replyText(ask("更多")); !strings.Contains(got, "没有更多") {
		t.Errorf("更多 after the last questions: want none more, got:\n%s", got)
	}
}

// TestNumberedTopicsWhichOfThem: which of the topics is asked after the
// last (1.枫桥经验 2.新质生产力，哪个是重点): each topic's article, none said
// missing (the last part had been searched with the remark, nothing found).
func TestNumberedTopicsWhichOfThem(t *testing.T) {
	ask := asker(t, newDemoBot(t, newDemoCatalog(), NewMemoryFollowUps()))
	for _, text := range []string{"1.枫桥经验 2.新质生产力，哪个是重点", "1.枫桥经验 2.新质生产力，这两个哪个更重要？", "（1）枫桥经验（2）新质生产力 哪一个考得多"} {
		got := replyText(ask(text))
		if !strings.Contains(got, "mpbot-demo/fengqiao") || !strings.Contains(got, "mpbot-demo/xinzhi") || strings.Contains(got, "没有找到") {
			t.Errorf("%s: want both topics' articles:\n%s", text, got)
		}
	}
}

// TestNumberedQuestionsCutToFitByMore: numbered questions whose articles
// do not all fit WeChat's 2,048 bytes (long addresses) offer 更多 for the
// ones cut, as for those past max_results (none was offered: the list
// ended as if whole).
func TestNumberedQuestionsCutToFitByMore(t *testing.T) {
	arts := content.DemoArticles()
	for i := range arts {
		arts[i].URL += "?from=" + strings.Repeat("x", 400)
	}
	ask := asker(t, newDemoBot(t, catalogOf(arts), NewMemoryFollowUps()))
	first := replyText(ask("1.新质生产力是什么 2.枫桥经验是什么 3.浦江经验是什么 4.两个确立是什么 5.八八战略是什么"))
	shown := strings.Count(first, "问题")
	if shown == 0 || shown >= 5 || len(first) > 2048 {
		t.Fatalf("want the list cut to fit (%d bytes):\n%s", len(first), first)
	}
	if !strings.Contains(first, "「更多」看下一批") {
		t.Fatalf("a list cut to fit offers no 更多:\n%s", first)
	}
	more := replyText(ask("更多"))
	if !strings.Contains(more, fmt.Sprintf("问题%d：", shown+1)) || strings.Contains(more, "没有更多") {
		t.Fatalf("更多: want question %d on, got:\n%s", shown+1, more)
	}
}

// TestPastedPassageIsNoQuestionsOneByOne: sentences of a pasted article
// holding 求 (需求, 要求, 实事求是) or 推荐 had been read as asking for
// something, one by one: on the corpus the reply was "你的2个问题" with
// another article first (a re-check's find).
func TestPastedPassageIsNoQuestionsOneByOne(t *testing.T) {
	for _, text := range []string{
		"从需求看，7月份，物流业新订单指数为50.6%，较上月回升0.2个百分点。其中，道路运输业新订单指数连续两个月环比回升，市场新增需求有所好转。",
		"春节临近，市场需求旺盛。国家粮食和物资储备局要求各地抓好粮源调度，协调好加工、储运、销售等各个环节，保障粮油产品量足价稳，确保市场供应不脱销、不断档。",
		"我们要全面落实“立党为公、为民造福、科学决策、真抓实干”总要求，当好贯彻党中央决策部署的执行者、行动派、实干家。要坚持实事求是，从实际出发、按规律办事。",
		"《通知》明确了推荐评选范围和条件。2019年以来为我国民族团结进步事业作出突出贡献的模范集体和模范个人均可被推荐。",
	} {
		if parts := askedOneByOne(Bare(text)); parts != nil {
			t.Errorf("%q read as questions one by one: %q", text, parts)
		}
	}
	for text, want := range map[string]int{"请问有没有关于枫桥经验的文章？另外面试怎么准备？": 2, "新质生产力是什么？两个确立怎么理解？": 2, "想看看枫桥经验，还有面试怎么准备": 2} {
		if parts := askedOneByOne(Bare(text)); len(parts) != want {
			t.Errorf("%q: %q, want %d questions", text, parts, want)
		}
	}
}
