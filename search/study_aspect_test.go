package search

import (
	"strings"
	"testing"

	"mpbot/content"
)

// TestExamTaskVerbIsAFrame: a 申论 question's task verb (概括, 归纳, 分析, 说明)
// opening it was searched as a word no article has: 请根据给定资料，概括枫桥经验的
// 内涵 and 概括枫桥经验的内涵 got no match where 枫桥经验的内涵 has its card. A verb
// naming a kind of question, a skill or a thing stays (概括题, 分析能力, 说明书,
// the Politburo's 分析研究当前经济形势), and so does one before an aspect alone
// (概括要求, 分析原因, 分析材料: how such a question is answered).
func TestExamTaskVerbIsAFrame(t *testing.T) {
	for in, want := range map[string]string{
		"概括枫桥经验的内涵": "枫桥经验的内涵", "请简要概括枫桥经验": "枫桥经验", "归纳新质生产力的特点": "新质生产力的特点",
		"简要分析：新质生产力的意义": "：新质生产力的意义", "分析一下枫桥经验的做法": "枫桥经验的做法", "枫桥经验是什么?请概括它的内涵": "枫桥经验是什么?它的内涵",
		"概括题怎么答": "", "分析能力怎么提高": "", "说明书": "", "概括": "", "分析研究当前经济形势": "", "归纳和概括的区别": "", "说明文": "",
		"概括要求": "", "简要分析启示": "", "分析原因": "", "说明理由": "", "分析材料": "", "分析主要内容": "", "请概括主要问题": "", "分析两会": "",
	} {
		got, ok := withoutTask(in)
		if !ok {
			got = ""
		}
		if strings.TrimSpace(got) != want {
			t.Errorf("withoutTask(%s) = %q (%v), want %q", in, got, ok, want)
		}
	}
}

// TestStudyAspectOfADemoTopic: a study question on a demo article's topic,
// asked of an aspect the article does not name (的主要特点, 的主要做法, 的基本要求,
// 的核心要义, 的主要经验, 有哪些特点), got no match: 59 of these 121 did, each
// topic alone having its card. Each now has the topic's article first.
func TestStudyAspectOfADemoTopic(t *testing.T) {
	ix := demoIndex(t)
	topics := map[string]string{"枫桥经验": "demo-fengqiao", "新质生产力": "demo-xinzhi", "浦江经验": "demo-pujiang",
		"以人民为中心": "demo-renmin", "中国式现代化": "demo-xiandaihua", "全过程人民民主": "demo-minzhu", "两个确立": "demo-liangge",
		"八八战略": "demo-babazhanlue", "千万工程": "demo-qianwan", "共同富裕": "demo-gongtongfuyu", "四下基层": "demo-sixia"}
	asked := []string{"请根据给定资料，概括T的内涵", "归纳T的特点", "T的主要特点", "T的主要做法", "T的基本要求", "T有哪些特点",
		"简要分析T的重要意义", "结合材料，谈谈T的启示", "T的核心要义", "T的主要内容是什么", "请概括T的主要经验", "T的特点是什么？"}
	for topic, id := range topics {
		for _, a := range asked {
			q := strings.ReplaceAll(a, "T", topic)
			if shown := shownHits(t, ix, q); len(shown) == 0 || shown[0].Article.ID != id {
				t.Errorf("%s: want %s first, got %s", q, id, describeHits(shown))
			}
		}
	}
}

// TestStudyAspectNeedsATopic: the aspect is cut only after a topic's word;
// 好的做法 and 先进经验 are the practices asked of (各地有哪些好的做法 searched as
// 各地 好 had cards matched on 好 alone), and a topic ending on an aspect's
// word keeps it (枫桥经验, 浦江经验).
func TestStudyAspectNeedsATopic(t *testing.T) {
	for in, want := range map[string]string{
		"新质生产力的主要特点": "新质生产力", "新质生产力 特点": "新质生产力", "共同富裕的核心要义是什么？": "共同富裕",
		"各地 好的做法": "", "各地好的做法": "", "各地的先进的经验": "", "枫桥经验": "", "浦江经验。": "", "的特点": "", "我 的特点": "",
	} {
		got, ok := withoutAspect(in)
		if !ok {
			got = ""
		}
		if got != want {
			t.Errorf("withoutAspect(%s) = %q (%v), want %q", in, got, ok, want)
		}
	}
}

// TestStudyQuestionWithATypo: a study question whose topic is mistyped
// (国常汇, 新质生产立, 共同富俗) is respelt whole, as before the study question's
// fallbacks: searched without its aspect first, 国常汇的特点 had a card on
// 我国常态化帮扶实现稳健开局 (国常 of 常态化), 新质生产立的特点 a list led by
// 深圳六个90%的背后, 共同富俗的特点 one led by a press conference in Serbia (a
// re-check's find).
func TestStudyQuestionWithATypo(t *testing.T) {
	ix := corpusIndex(t)
	for q, want := range map[string]string{
		"国常汇的特点": "国务院常务会议", "国常汇的主要任务": "国务院常务会议", "新质生产立的特点": "新质生产力",
		"新质生产立的内涵": "新质生产力", "共同富俗的特点": "共同富裕",
	} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || !strings.Contains(shown[0].Article.Title, want) {
			t.Errorf("%s: want a first hit on %s, got %s", q, want, describeHits(shown))
		}
	}
}

// TestTaskVerbBeforeNoTopic: a task verb before an aspect alone (概括要求,
// 分析原因: how such a question is answered) had cards on any title holding
// the word once the verb was cut (北京实现减量背景下…, 惠誉…理由充分: a
// re-check's find); it gets no match, on the demo and on the corpus.
func TestTaskVerbBeforeNoTopic(t *testing.T) {
	demo := demoIndex(t)
	for _, q := range []string{"概括要求", "简要分析启示", "简要说明意义", "归纳经验", "请概括经验"} {
		if shown := shownHits(t, demo, q); len(shown) > 0 {
			t.Errorf("demo: %s: want no match, got %s", q, describeHits(shown))
		}
	}
	ix := corpusIndex(t)
	for _, q := range []string{"概括背景", "分析差异", "概括内涵", "说明理由", "分析原因", "概括问题", "归纳启示", "概括特点"} {
		if shown := shownHits(t, ix, q); len(shown) > 0 {
			t.Errorf("corpus: %s: want no match, got %s", q, describeHits(shown))
		}
	}
}

// TestTaskVerbOfATitleOrSkill: a task verb that is a title's own word (the
// Politburo's 分析研究2024年经济工作, Xi's 关于…建议的说明, 阐述…立场) or asks of
// an exam skill (分析材料: the written exam's article) is matched as typed:
// cut as a frame, the title saying it fell behind or out (a re-check's
// find).
func TestTaskVerbOfATitleOrSkill(t *testing.T) {
	demo := demoIndex(t)
	for _, q := range []string{"分析材料", "分析主要内容"} {
		if shown := shownHits(t, demo, q); len(shown) == 0 || shown[0].Article.ID != "demo-linxuan-bishi" {
			t.Errorf("demo: %s: want demo-linxuan-bishi first, got %s", q, describeHits(shown))
		}
	}
	ix := corpusIndex(t)
	for q, want := range map[string]string{
		"分析2024年经济工作": "xwlb-20231208-01", // 中共中央政治局召开会议 分析研究2024年经济工作…
		"说明十五五规划建议":   "xwlb-20251028-01", // 习近平关于《…第十五个五年规划的建议》的说明
		"阐述立场":        "xwlb-20230621-12", // 中方代表…阐述在人权问题上的原则立场
	} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || shown[0].Article.ID != want {
			t.Errorf("corpus: %s: want %s first, got %s", q, want, describeHits(shown))
		}
	}
}

// TestTaskVerbQuestionGivesWayToTheTopic: the give-way rule (a first hit
// whose title names no word of the topic is weighed against the topic) is
// applied to the question as typed, but not to studyTopics' candidates, so
// a question with an exam task verb takes the candidate's plain ranking:
// 浦江经验的本质要求 has demo-pujiang, 概括浦江经验的本质要求 had a card on
// 中国式现代化的五个中国特色与本质要求; 四下基层要点速览 has demo-sixia, 说明四下基层
// 要点速览 one on 2024年政府工作报告要点速览 (a re-check's find: 106 task-verb
// questions on the demo had gone from no match to such a wrong card).
func TestTaskVerbQuestionGivesWayToTheTopic(t *testing.T) {
	ix := demoIndex(t)
	for q, want := range map[string]string{
		"概括浦江经验的本质要求":         "demo-pujiang",
		"请根据给定资料，概括浦江经验的本质要求": "demo-pujiang",
		"说明四下基层要点速览":          "demo-sixia",
		"概括枫桥经验要点速览":          "demo-fengqiao",
		"归纳新时代枫桥经验要点速览":       "demo-fengqiao",
		"简要分析遴选笔试的要求":         "demo-linxuan-bishi",
		"简要分析公文写作要点速览":        "demo-linxuan-bishi",
		"分析基层治理现代化的要求":        "demo-jiceng",
	} {
		if shown := shownHits(t, ix, q); len(shown) > 0 && shown[0].Article.ID != want {
			t.Errorf("%s: want %s first or no match, got %s", q, want, describeHits(shown))
		}
	}
}

// TestTaskVerbNotKeptWhenTheAspectIsCut: studyTopics tries the question with
// its aspect cut but its task verb kept (说明中国的能源转型) before the one
// without both (中国的能源转型), and 说明 and 分析 are words of real titles
// (习近平关于《…第十五个五年规划的建议》的说明, the Politburo's 分析研究…经济工作):
// questions that had no match got a sure card on those titles, on the very
// verb the frame was meant to cut (a re-check's find).
func TestTaskVerbNotKeptWhenTheAspectIsCut(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{
		"说明中国的能源转型的背景", "说明乡村振兴的实践路径", "说明人类命运共同体的本质要求",
		"说明国家安全的实践路径", "请说明11•21的主要特点",
		"分析生娃的背景", "分析开发商有哪些特点", "分析退伍的主要任务", "分析应届生的主要任务",
	} {
		shown := shownHits(t, ix, q)
		if len(shown) == 0 {
			continue
		}
		title := shown[0].Article.Title
		if strings.Contains(title, "的说明") || strings.Contains(title, "分析研究") {
			t.Errorf("%s: first hit found by the task verb it was to drop: %s", q, describeHits(shown))
		}
	}
}

// demoIndex is an index of the demo articles with the shipped synonyms.
func demoIndex(t *testing.T) *Index {
	t.Helper()
	ix, err := BuildIndex(content.DemoArticles())
	if err != nil {
		t.Fatal(err)
	}
	ix.SetSynonyms(shippedTerms(t))
	return ix
}

// TestOwnWorkAndCountermeasureFrames: 结合工作实际 before a mark or 谈谈 is
// an exam's frame (not before a topic's words: 结合实际情况的分析 stays), and
// a countermeasure task's topic is its problem's.
func TestOwnWorkAndCountermeasureFrames(t *testing.T) {
	for in, want := range map[string]string{
		"结合工作实际，谈谈枫桥经验": "枫桥经验", "结合实际谈谈如何发展新质生产力": "如何发展新质生产力", "请结合本职工作，谈谈共同富裕": "共同富裕",
		"结合实际": "结合实际", "结合实际情况的分析": "结合实际情况的分析",
	} {
		if got := withoutFrames(in); strings.TrimSpace(got) != want {
			t.Errorf("withoutFrames(%s) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"针对基层治理中的问题,提出对策": "基层治理", "针对共同富裕存在的问题提出建议": "共同富裕", "针对城市内涝问题,请提出解决对策": "城市内涝",
		"针对问题提出对策": "", "提出推动共同富裕的对策建议": "推动共同富裕",
	} {
		got := studyTopics(in)
		if want == "" && len(got) > 0 || want != "" && (len(got) == 0 || got[len(got)-1].text != want) {
			t.Errorf("studyTopics(%s) = %q, want %q last", in, got, want)
		}
	}
}

// TestStudyQuestionRespeltStillUnsure: a study question with a mistyped
// topic is respelt whole (风桥经验的精神实质 → 枫桥经验的精神实质) and then still
// unsure (0.36): its answers had been taken as they were, no match, where
// the respelt topic alone has its card (a re-check's find: 一文读懂枫桥精验的
// 主要特点 had the card only by the frame word in its title).
func TestStudyQuestionRespeltStillUnsure(t *testing.T) {
	ix := demoIndex(t)
	for _, q := range []string{"一文读懂枫桥精验的主要特点", "一文读懂风桥经验的精神实质", "风桥经验的精神实质", "枫桥精验的主要特点"} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || shown[0].Article.ID != "demo-fengqiao" {
			t.Errorf("%s: want demo-fengqiao first, got %s", q, describeHits(shown))
		}
	}
}

// TestTaskVerbQuestionKeepsItsTopicsAnswer: a study question with a task
// verb got no match where the topic alone is sure (乡村振兴 at 0.97): the
// typed question's first hit, far under what is shown (提出乡村振兴的背景:
// 0.34, 分析基层治理的主要做法: 0.16), names the topic and had kept the
// topic's answers away (a re-check's find: 124 of 11,700 generated study
// questions on the corpus).
func TestTaskVerbQuestionKeepsItsTopicsAnswer(t *testing.T) {
	ix := corpusIndex(t)
	for q, topic := range map[string]string{
		"提出乡村振兴的背景":   "乡村振兴",
		"请提出基层治理的对策":  "基层治理",
		"提出青年就业的背景":   "青年就业",
		"请提出统一大市场的对策": "统一大市场",
		"分析基层治理的主要做法": "基层治理",
		"概括四下基层的主要做法": "四下基层",
		"说明三中全会的背景":   "第三次全体会议", // the communiqué
		"归纳新型工业化的背景":  "新型工业化",
		"概括长江经济带的对策":  "长江经济带",
		"分析新质生产力的背景":  "新质生产力",
		"请提出形式主义的对策":  "形式主义",
		"提出粮食安全的背景":   "粮食安全",
	} {
		shown := shownHits(t, ix, q)
		if len(shown) == 0 || !strings.Contains(shown[0].Article.Title, topic) {
			t.Errorf("%s: want a hit titled with %s first, got %s", q, topic, describeHits(shown))
		}
	}
}

// TestOwnWorkFrameNeedsWordsAfterIt: 结合实际 before a mark alone (结合实际？)
// was cut as the exam's frame and nothing was searched: no match, where it
// is answered as 结合实际 is (a re-check's find).
func TestOwnWorkFrameNeedsWordsAfterIt(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"结合实际？", "结合实际。", "结合实际：", "联系实际!", "结合工作实际，", "结合实际情况？", "联系工作？"} {
		if shown := shownHits(t, ix, q); len(shown) == 0 {
			t.Errorf("%s: no match (answered as %s is)", q, strings.TrimRight(q, "？。：!，"))
		}
	}
}

// TestOwnWorkWordsOfATitle: 结合实际 before a title's words, not a question's
// frame, is the title's (结合实际 推动全会精神落地生根, typed whole, had lost
// its article to 深入基层一线 推动全会精神落地生根: a re-check's find).
func TestOwnWorkWordsOfATitle(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"结合实际 推动全会精神落地生根", "结合实际,推动全会精神落地生根"} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || shown[0].Article.ID != "xwlb-20251226-05" {
			t.Errorf("%s: want xwlb-20251226-05 (the title typed) first, got %s", q, describeHits(shown))
		}
	}
}

// TestCountermeasureVerbsNoWrongCard: 提出 and 给出 are task verbs of a
// countermeasure only (提出…的对策建议); before other aspects they had
// been cut and the rest found another topic's card (给出枫桥经验的建议 the
// 十五五 proposal's, 提出四中全会的原因 a meeting on 形式主义), and a verb
// kept as asked of (分析法治中国: 分析法) is kept with the aspect too (a
// re-check's finds: each had no match).
func TestCountermeasureVerbsNoWrongCard(t *testing.T) {
	ix := corpusIndex(t)
	for q, wrong := range map[string]string{
		"给出枫桥经验的建议":   "xwlb-20251028-02",
		"给出平台经济的建议":   "xwlb-20251028-02",
		"提出四中全会的原因":   "xwlb-20251029-07",
		"分析法治中国的对策建议": "xwlb-20251208-01",
	} {
		if shown := shownHits(t, ix, q); len(shown) > 0 && shown[0].Article.ID == wrong {
			t.Errorf("%s: first hit %s is another topic's, got %s", q, wrong, describeHits(shown))
		}
	}
}

// TestGiveOutBeforeAnAspect: 给出 is a task verb before any aspect (it is
// no title's word, as 提出 is): 给出粮食安全的举措 had got no match once it
// was a countermeasure's only (a re-check's find, 83 of 172).
func TestGiveOutBeforeAnAspect(t *testing.T) {
	ix := corpusIndex(t)
	for q, topic := range map[string]string{
		"给出粮食安全的举措": "粮食安全", "请给出碳达峰碳中和的举措": "碳达峰碳中和", "给出碳达峰碳中和的要求": "碳达峰碳中和",
		"给出一带一路的原因": "一带一路", "给出营商环境的思路": "营商环境", "请给出新质生产力的意义": "新质生产力",
		"给出新质生产力的背景": "新质生产力", "给出教育强国的要求": "教育强国", "请给出数字经济的问题": "数字经济",
	} {
		firstNames(t, ix, q, topic)
	}
}

// TestTaskVerbBeforeAMarkOrSpace: a task verb before a mark or a space
// (请分析，人工智能的特点), or before a word a refused verb opens (分析书香社会:
// 书), is still cut or kept for an answer titled by what follows: each had
// got no match (a re-check's find, 68 of 1,656).
func TestTaskVerbBeforeAMarkOrSpace(t *testing.T) {
	ix := corpusIndex(t)
	for q, topic := range map[string]string{
		"分析 一带一路的原因": "一带一路", "请分析，人工智能的特点": "人工智能", "分析 数字经济的做法": "数字经济",
		"说明 文旅融合的特点": "文旅融合", "说明，文旅融合的背景": "文旅融合", "分析书香社会的特点": "书香",
	} {
		firstNames(t, ix, q, topic)
	}
}

// TestOwnWorkThenATopic: 结合实际 before a mark and a topic alone
// (结合实际，共同富裕) is the exam's frame too: no match once it was one only
// before a question's frame (a re-check's find).
func TestOwnWorkThenATopic(t *testing.T) {
	ix := corpusIndex(t)
	for q, topic := range map[string]string{
		"结合实际？新质生产力": "新质生产力", "结合实际？共同富裕": "共同富裕", "结合实际，数字经济": "数字经济",
		"联系实际，一带一路": "一带一路", "结合实际，碳达峰碳中和": "碳达峰碳中和",
	} {
		firstNames(t, ix, q, topic)
	}
}

// firstNames wants the first hit shown for q titled with topic.
func firstNames(t *testing.T, ix *Index, q string, words ...string) {
	t.Helper()
	shown := shownHits(t, ix, q)
	if len(shown) > 0 {
		for _, w := range words {
			if strings.Contains(shown[0].Article.Title, w) {
				return
			}
		}
	}
	t.Errorf("%s: want a first answer titled by %v, got %s", q, words, describeHits(shown))
}

// TestProblemsAndCountermeasuresOnTheDemo: a topic's problems asked with
// their answers (基层治理存在的问题和对策), a countermeasure task naming the
// experience to draw on (针对矛盾纠纷，结合枫桥经验提出对策) and a question
// opening on the candidate's line of work (结合信访工作，谈谈浦江经验) each got
// no match where the topic alone is answered (a demo follower run's finds).
func TestProblemsAndCountermeasuresOnTheDemo(t *testing.T) {
	ix := demoIndex(t)
	for q, want := range map[string]string{
		"基层治理存在的问题和对策":          "demo-jiceng",
		"基层治理面临的困难及对策。":         "demo-jiceng",
		"共同富裕的主要问题与建议":          "demo-gongtongfuyu",
		"针对矛盾纠纷，结合枫桥经验提出对策":     "demo-fengqiao",
		"针对矛盾纠纷,请结合枫桥经验提出对策建议。": "demo-fengqiao",
		"针对群众信访问题，借鉴浦江经验提出对策":   "demo-pujiang",
		"结合信访工作，谈谈浦江经验":         "demo-pujiang",
		"结合基层工作,谈谈枫桥经验。":        "demo-fengqiao",
		"联系本地实际，谈谈新质生产力":        "demo-xinzhi",
	} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || shown[0].Article.ID != want {
			t.Errorf("%s: want %s first, got %s", q, want, describeHits(shown))
		}
	}
	// The line of work named may be the question's topic: it is not cut
	// when what follows finds nothing sure alone.
	if shown := shownHits(t, ix, "结合基层治理工作，谈谈你的认识"); len(shown) == 0 || shown[0].Article.ID != "demo-jiceng" {
		t.Errorf("结合基层治理工作，谈谈你的认识: want demo-jiceng first, got %s", describeHits(shown))
	}
}
