package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"mpbot/insights"
)

// TestReportCountsAMentionsListAsAList: a follower asks 枫桥经验是什么; no
// article is about it, one mentions it, and the follower gets a numbered
// list (没有专门讲「枫桥经验」的文章，以下文章提到了它：) and picks 1. The
// report's Most asked said "card 0, list 0, rule 0, nothing 1", by day and
// in the console likewise, beside the choice from that list (a newcomer's
// run): it is a list, of mentions only, and its topic stays unanswered.
func TestReportCountsAMentionsListAsAList(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	t.Setenv("MPBOT_INSIGHTS_KEY", "test-key-test-key")
	lines := []string{
		`{"id":"lx-001","title":"2026年中央遴选笔试真题解析","summary":"本文逐题解析2026年中央机关遴选笔试案例分析题与公文写作题。","body":"2026年中央机关遴选笔试共三道题。第一题案例分析考查基层治理。第二题要求起草一份调研报告。第三题是大作文。","url":"https://www.example-lx.cn/a/001.html","category":"遴选考试分析","published_on":"2026-11-20"}`,
		`{"id":"lx-002","title":"遴选面试结构化答题思路","summary":"结构化面试的三步答题法","body":"遴选面试多为结构化面试。答题要先表态，再分析，最后落实。","url":"https://www.example-lx.cn/a/002.html","category":"遴选考试分析","published_on":"2026-11-26"}`,
		`{"id":"lx-004","title":"乡村振兴与新质生产力","summary":"乡村振兴中的新质生产力","body":"新质生产力正在改变乡村。智慧农业、数字乡村、农村电商都是新质生产力的体现。","url":"https://www.example-lx.cn/a/004.html","published_on":"2026-11-27"}`,
		`{"id":"lx-005","title":"每周时政热点汇总（11月第4周）","summary":"本周时政热点","body":"本周国务院常务会议研究部署了防汛工作；中央经济工作会议将于12月召开。","url":"https://www.example-lx.cn/a/005.html","category":"时政热点","published_on":"2026-11-28"}`,
		`{"id":"lx-010","title":"申论大作文：如何写好基层治理主题","summary":"基层治理主题申论大作文的立意、结构与素材。","body":"基层治理是申论大作文的高频主题。\n\n立意要紧扣以人民为中心。结构上可采用总分总。素材可以引用枫桥经验、浦江经验。","url":"https://www.example-lx.cn/a/010.html","category":"政策理论导读","published_on":"2026-11-29"}`,
	}
	posts := filepath.Join(dir, "a.jsonl")
	os.WriteFile(posts, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	if code, out, errOut := runCmd(t, "import", "--config", cfg, posts); code != 0 {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	base, stop := startServe(t, cfg, &syncBuffer{})
	sim := simulatorFor(t, cfg, base)
	msg := int64(0)
	outs := truthAsk(t, sim, &msg, "o_fq", "枫桥经验是什么", "1")
	if !strings.Contains(outs[0].Content, "提到了它") || outs[1].MsgType != "news" {
		t.Fatalf("precondition: a list of the articles mentioning it, then a card: %+v %+v", outs[0], outs[1])
	}
	stop()
	r := reportJSON(t, cfg)
	chose := false
	for _, c := range r.Choices {
		if strings.Contains(c.Question, "枫桥经验") {
			chose = true
		}
	}
	i := slices.IndexFunc(r.Asked, func(a insights.Asked) bool { return a.Text == "枫桥经验是什么" })
	if !chose || i < 0 || r.Asked[i].List != 1 || r.Asked[i].Mentions != 1 || r.Asked[i].NoMatch != 0 {
		t.Errorf("most asked %+v (a choice from its list: %v): the follower got a list", r.Asked, chose)
	}
	// Still no article answers it: its topic is unanswered.
	if !slices.ContainsFunc(r.Unanswered, func(tp insights.Topic) bool { return slices.Contains(tp.Examples, "枫桥经验是什么") }) {
		t.Errorf("unanswered %+v", r.Unanswered)
	}
	if _, text, _ := runCmd(t, "report", "--config", cfg); !strings.Contains(text, `1× "枫桥经验是什么": card 0, list 1 (1 with no article about it), rule 0, nothing 0`) {
		t.Errorf("report:\n%s", text)
	}
}
