package main

// A third re-check's finds in this session's changes, each seen failing
// before its fix (at 48baecf). REGRESSION marks one right at 9b5dc8d;
// PARENT one right at 48baecf's parent (dc3054d), wrong at 9b5dc8d too.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recheck3MaterialArticles are the operator-style articles this re-check imported
// beside the demo set (the topics 阅读材料, 给定资料, 资料分析, 材料作文, 新来的干部).
const recheck3MaterialArticles = `{"id":"t-yuedu","title":"阅读材料：申论阅读材料的技巧与速度","summary":"申论考试中阅读材料的方法，如何快速阅读给定材料、提高阅读速度。","body":"阅读材料是申论答题的第一步。快速阅读材料，抓住材料中的关键信息。","url":"https://example.com/t/t-yuedu","category":"考试分析","tags":["阅读材料","申论"],"published_on":"2026-10-01"}
{"id":"t-geiding","title":"给定资料怎么读：申论给定资料的结构","summary":"给定资料是申论考试的核心，本文讲解给定资料的阅读与利用。","body":"给定资料通常包含多则材料。读懂给定资料，才能答好题。","url":"https://example.com/t/t-geiding","category":"考试分析","tags":["给定资料","申论"],"published_on":"2026-10-01"}
{"id":"t-ziliao","title":"资料分析：行测资料分析速算技巧","summary":"资料分析是行测的重要模块，本文讲解增长率、比重等速算方法。","body":"资料分析题考查数据的理解与计算。材料中的数据怎么算是关键。","url":"https://example.com/t/t-ziliao","category":"考试分析","tags":["资料分析","行测"],"published_on":"2026-10-01"}
{"id":"t-zuowen","title":"材料作文：申论大作文的立意与结构","summary":"材料作文是申论的最后一题，本文讲解立意、标题与结构。","body":"材料作文要求根据给定材料确定立意。","url":"https://example.com/t/t-zuowen","category":"考试分析","tags":["材料作文","申论"],"published_on":"2026-10-01"}
{"id":"t-ganbu","title":"新来的干部如何尽快适应基层工作","summary":"新来的干部到基层，如何尽快熟悉情况、融入群众。","body":"新来的干部要多下基层，多听群众意见。","url":"https://example.com/t/t-ganbu","category":"考试分析","tags":["新来的干部","基层"],"published_on":"2026-10-01"}
`

// importBesideDemo is a config whose store holds the demo articles and
// articles (JSON Lines).
func importBesideDemo(t *testing.T, articles string) string {
	t.Helper()
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	demo, err := os.ReadFile("content/demo/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(file, append(demo, articles...), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCmd(t, "import", "--config", cfg, file); code != 0 {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	return cfg
}

// firstShownHas asks each text of a bot on cfg (mpbot try) and wants the
// card's title, or the first item of a list, to hold its want. A reply of
// no match holds the topics its text suggests (「枫桥经验」「新质生产力」):
// it never passes.
func firstShownHas(t *testing.T, cfg string, cases map[string]string) {
	t.Helper()
	for text, want := range cases {
		_, got, _ := runCmd(t, "try", "--config", cfg, text)
		first := strings.SplitN(got, "\n", 2)[0]
		if strings.HasPrefix(first, "找到") || strings.HasPrefix(first, "没有同时讲") {
			if i := strings.Index(got, "\n1. "); i >= 0 {
				first = strings.SplitN(got[i+1:], "\n", 2)[0]
			}
		}
		if strings.HasPrefix(got, "没有找到相关文章") || !strings.Contains(first, want) {
			t.Errorf("%s: got\n%s\nwant 「%s」 first", text, got, want)
		}
	}
}

// TestRecheck3MaterialTopicBeforeQuestionFrame (REGRESSION; fails at dc3054d too): 材料/资料 asked of,
// then a question's frame with no topic after it. 阅读材料谈谈技巧 and
// 给定资料，谈谈怎么读 had the material's article at 9b5dc8d; now the
// material is cut as an exam frame (a question's frame follows) and 技巧 or
// 怎么读 is searched alone: no match, or 枫桥经验's list (一文读懂).
// 给定资料中的… (给定资料中的 now always a frame) lost its card too.
func TestRecheck3MaterialTopicBeforeQuestionFrame(t *testing.T) {
	cfg := importBesideDemo(t, recheck3MaterialArticles)
	firstShownHas(t, cfg, map[string]string{
		"阅读材料谈谈技巧":   "阅读材料：申论阅读材料的技巧与速度",
		"给定资料，谈谈怎么读": "给定资料怎么读：申论给定资料的结构",
		"给定资料中的结构":   "给定资料怎么读：申论给定资料的结构",
	})
}

// TestRecheck3ExamFrameBeforeOtherVerb (PARENT): 根据/结合/依据 + 材料/资料 before
// a mark is an exam's frame whatever follows (概括, 归纳, 说明, 简述, 如何理解,
// the topic itself); dc3054d cut it and had each topic's card, 48baecf cuts
// it only before 谈谈/说说你对/我想知道…: no match. 申论's commonest verbs
// are 概括, 归纳, 分析, 提出, 说明.
func TestRecheck3ExamFrameBeforeOtherVerb(t *testing.T) {
	cfg := importBesideDemo(t, "")
	firstShownHas(t, cfg, map[string]string{
		"根据给定资料，枫桥经验是什么":       "枫桥经验",
		"根据给定资料，浦江经验":          "浦江经验",
		"根据给定资料，如何理解以人民为中心":    "以人民为中心",
		"根据给定资料4，说明全过程人民民主的含义": "全过程人民民主",
		"根据材料，简述新质生产力的特征":      "新质生产力",
		"根据给定资料3，归纳千万工程的经验":    "千万工程",
	})
}

// TestRecheck3ExamVerbIsFrame: 申论's own verbs after the material's
// frame (简要分析, 提出) are searched with the topic, and the topic is still
// found. (请根据给定资料，概括枫桥经验的内涵 gets no match: it had passed here
// only because the no-match reply names 枫桥经验 as an example; left out,
// a defect in the closing note.)
func TestRecheck3ExamVerbIsFrame(t *testing.T) {
	cfg := importBesideDemo(t, "")
	firstShownHas(t, cfg, map[string]string{
		"请根据给定资料2，简要分析浦江经验的意义":   "浦江经验",
		"请根据给定资料，提出推进基层治理现代化的对策": "基层治理",
	})
}

// TestRecheck3LaterSentenceCourtesyFrame (PARENT): a later sentence opening on a
// frame that is never a topic (我想查一下, 请教一个问题, 问个问题, 我想咨询一下,
// 急求, 不好意思) keeps it since withoutQuestionFrames, and the message gets
// no match; dc3054d listed both topics' articles.
func TestRecheck3LaterSentenceCourtesyFrame(t *testing.T) {
	cfg := importBesideDemo(t, "")
	for text, want := range map[string]string{
		"枫桥经验。我想查一下浦江经验":      "浦江经验",
		"八八战略。请教一个问题，千万工程是什么": "千万工程",
		"枫桥经验。问个问题：浦江经验是什么":   "浦江经验",
		"遴选面试。我想咨询一下遴选笔试":     "遴选笔试",
		"枫桥经验。急求浦江经验":         "浦江经验",
		"枫桥经验。不好意思，我想知道浦江经验":  "浦江经验",
	} {
		_, got, _ := runCmd(t, "try", "--config", cfg, text)
		if strings.HasPrefix(got, "没有找到相关文章") || !strings.Contains(got, want) {
			t.Errorf("%s: got\n%s\nwant an article on %s", text, got, want)
		}
	}
}

// TestRecheck3CheckTwoTopicExampleWording (defect, said alike at 9b5dc8d): an
// example of two topics asked together is warned as "a follower gets only a
// list of articles mentioning it: name a topic of your articles", where a
// follower gets one article about each topic and each is a topic.
func TestRecheck3CheckTwoTopicExampleWording(t *testing.T) {
	path := shippedSuggesting(t, "「枫桥经验和浦江经验有什么区别」「新质生产力」")
	_, got, _ := runCmd(t, "try", "--config", path, "枫桥经验和浦江经验有什么区别")
	if !strings.Contains(got, "以下分别是两者的文章") {
		t.Skipf("precondition: each topic's list; got\n%s", got)
	}
	_, _, errOut := runCmd(t, "check", "--config", path)
	if strings.Contains(errOut, `"枫桥经验和浦江经验有什么区别", which no article is about (a follower gets only a list of articles mentioning it)`) {
		t.Errorf("check calls each topic's articles a list of articles mentioning it:\n%s", errOut)
	}
}

// TestRecheck3FirstKeyLineKeywordHoldsAlreadyIn (defect, minor): a keyword holding
// "already in " (English keywords) hides the first keyword's line: firstKey
// reads the quoted keyword as the place.
func TestRecheck3FirstKeyLineKeywordHoldsAlreadyIn(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, `replies:
  no_match: 没有找到。
  rules:
    - name: e1
      keywords: [already in stock]
      reply: a
    - name: e2
      keywords: [already in stock]
      reply: b
`)
	_, _, errOut := runCmd(t, "check", "--config", cfg)
	if !strings.Contains(errOut, "replies.rules[0].keywords[0], line ") {
		t.Errorf("the first keyword's line unsaid:\n%s", errOut)
	}
}

// TestRecheck3ColonHintTabComment (defect, minor): a comment after a tab (YAML
// reads it a comment) is put inside the hint's quotes, which would make it
// the reply's text.
func TestRecheck3ColonHintTabComment(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "replies:\n  no_match: 没有找到。\n  rules:\n    - name: n1\n      keywords: [课程报名]\n      reply: 注意: 周三上课\t# 备注\n")
	_, _, errOut := runCmd(t, "check", "--config", cfg)
	if strings.Contains(errOut, `# 备注"`) || strings.Contains(errOut, `# 备注'`) {
		t.Errorf("the comment quoted into the value:\n%s", errOut)
	}
}
