package insights

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"mpbot/content"
	"mpbot/store"
	"mpbot/store/storetest"
)

// TestTopicsNotChainedByWaysOfAsking: questions are one topic by a word of
// what they ask about, not by a way of asking: 问题, 怎么办 and 政策 (an
// operator run's find: pensions, a household register, the housing fund,
// school places and mortgage rates made one topic, 7× [怎么办 问题 …]);
// a topic most of a log asks about stays one.
func TestTopicsNotChainedByWaysOfAsking(t *testing.T) {
	t.Run("generic words", func(t *testing.T) {
		r := reportOf(t, []string{"养老金 上调 问题", "户口 迁移 问题", "公积金 提取 问题 怎么办", "孩子 上学 怎么办", "延迟退休 政策", "生育补贴 政策", "养老金 上调 多少"})
		if len(r.Unanswered) != 6 {
			t.Errorf("%d topics, want 6 (养老金's two questions one of them):", len(r.Unanswered))
			for _, topic := range r.Unanswered {
				t.Logf("%d× %v e.g. %s", topic.Count, topic.Terms, strings.Join(topic.Examples, " | "))
			}
		}
	})
	t.Run("a topic most of a large log asks", func(t *testing.T) {
		// 30 of 50 questions on 养老金 are one topic (a review's find: a
		// word in more than a fifth of a large log had linked none, and
		// the commonest topic was cut into 30).
		var texts []string
		for i := range 30 {
			texts = append(texts, fmt.Sprintf("养老金 细节%d", i))
		}
		for i := range 20 {
			texts = append(texts, fmt.Sprintf("话题%d 细节x%d", i, i))
		}
		r := reportOf(t, texts)
		if len(r.Unanswered) == 0 || r.Unanswered[0].Count != 30 || len(r.Unanswered) != 21 {
			t.Errorf("%d topics, want 21, the first of 30 (养老金's)", len(r.Unanswered))
		}
	})
}

// TestTopicsNotChainedBy准备: the follower run's report on the
// corpus headed its unanswered topics with
//
//	8× from 6 followers  [遴选 准备 面试]  e.g. "公文写作", "公文写作怎么准备", "遴选好难啊"
//
// 公文写作 (asked three times, no article) shares no word with 遴选 or 面试:
// 公文写作怎么准备 and 遴选考试怎么准备 (a weak card) share 准备, the way an exam
// question is asked (怎么准备), as 怎么办 and 问题 are (TestTopicsNotChainedByWaysOfAsking).
// The operator reads the topic as 遴选/面试 and never sees 公文写作 as a term.
func TestTopicsNotChainedBy准备(t *testing.T) {
	r := reportOf(t, []string{"公文写作", "公文写作 怎么 准备", "公文写作 怎么 准备", "遴选 考试 怎么 准备", "遴选 面试", "面试 技巧"})
	for _, topic := range r.Unanswered {
		if slices.Contains(topic.Examples, "公文写作") && (slices.Contains(topic.Terms, "遴选") || slices.Contains(topic.Terms, "面试")) {
			t.Errorf("公文写作 made one topic with 遴选 and 面试 by 准备: %d× %v e.g. %v", topic.Count, topic.Terms, topic.Examples)
		}
	}
}

// reportOf builds the report of texts, each written as the search's
// segmenter cuts it (the words the report reads), one follower each, all
// no match.
func reportOf(t *testing.T, texts []string) *Report {
	t.Helper()
	at := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	s := storetest.SQLite(t)
	ctx := context.Background()
	var log []store.Query
	for i, text := range texts {
		log = append(log, store.Query{At: at, Follower: fmt.Sprint("f", i), Kind: "text", Text: text, Outcome: "no_match", Hits: "[]"})
	}
	if err := s.RecordQueries(ctx, log); err != nil {
		t.Fatal(err)
	}
	r, err := Build(ctx, Source{Store: s, Votes: NewVotes(time.Now), Terms: words, WeakScore: 0.6, Loc: time.UTC}, at.Add(-time.Hour), at.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// topicsOf is the unanswered topics of texts (reportOf's).
func topicsOf(t *testing.T, texts []string) []Topic {
	t.Helper()
	return reportOf(t, texts).Unanswered
}

// TestTopicsNotChainedBy什么时候: the segmenter cuts 什么时候 into 什么 and
// 时候, and 时候 (like 时间) is a way of asking when, not a subject. An
// operator run's find on the corpus (1,659 messages from 341 followers):
//
//	70× from 54 followers  [准考证 遴选 笔试]  e.g. "准考证丢了怎么办", "遴选准考证在哪下载", "2027年全国两会什么时候召开"
//
// held 28 questions on the admission ticket, 23 on the exam's scores, 16 on
// the 2027 两会 (a news event: it had no topic of its own, and 两会 was no
// term shown), one on the 天文二号 launch and one on when a law takes
// effect: 2027年全国两会什么时候召开 and 遴选笔试成绩什么时候出 share 时候,
// 2027年两会时间 and 社会救助法施行时间 share 时间.
func TestTopicsNotChainedBy什么时候(t *testing.T) {
	topics := topicsOf(t, []string{
		"2027 全国两会 什么 时候 召开", // 2027年全国两会什么时候召开
		"遴选 笔试 成绩 什么 时候",     // 遴选笔试成绩什么时候出
		"天文 二号 什么 时候 发射",     // 天文二号什么时候发射
		"2027 两会 时间",         // 2027年两会时间
		"社会 救助 施行 时间",        // 社会救助法施行时间
	})
	// Four subjects at least: the 2027 两会 (its two questions may be one
	// topic), the exam's scores, the launch, the law.
	if len(topics) < 4 {
		t.Errorf("%d topics, want 4 or more:", len(topics))
		for _, tp := range topics {
			t.Logf("%d× %v e.g. %s", tp.Count, tp.Terms, strings.Join(tp.Examples, " | "))
		}
	}
}

// TestTopicsNotChainedByNumbers: a year or a month number (2026, 12, 11)
// says when, not what. The same run's second topic:
//
//	30× from 26 followers  [2026 得主 今年]  e.g. "今年诺贝尔奖得主是谁", "2026年诺贝尔文学奖得主", "2026诺贝尔和平奖"
//
// held 23 questions on the 2026 Nobel prizes and, by 2026 and 12, the
// November 2026 CPI, the December 2026 中央经济工作会议, the 2026 New Year tea
// party, 2026's PM2.5 and US aid to Ukraine in December.
func TestTopicsNotChainedByNumbers(t *testing.T) {
	topics := topicsOf(t, []string{
		"2026 诺贝尔文学奖 得主",       // 2026年诺贝尔文学奖得主
		"老师 2026 11 cpi",       // 老师，2026年11月CPI
		"2026 12 中央经济工作会议",     // 2026年12月中央经济工作会议
		"请问 美国 12 再援 2.75 亿美元", // 请问美国12月再援乌2.75亿美元
	})
	if len(topics) != 4 {
		t.Errorf("%d topics, want 4 (Nobel prizes, CPI, the economic work conference, aid to Ukraine):", len(topics))
		for _, tp := range topics {
			t.Logf("%d× %v e.g. %s", tp.Count, tp.Terms, strings.Join(tp.Examples, " | "))
		}
	}
}

// TestTopicsNotChainedBy你好: 你好 before a question is kept in the logged
// text (你好,枫桥经验), and the report takes it for a main term: the run's
// topic of 枫桥经验 was headed [枫桥经验 你好], and any two unanswered
// questions starting 你好， are one topic.
func TestTopicsNotChainedBy你好(t *testing.T) {
	topics := topicsOf(t, []string{"你好 准考证 怎么 打印", "你好 诺贝尔奖 得主"})
	if len(topics) != 2 {
		t.Errorf("%d topics, want 2 (the admission ticket, the Nobel prize):", len(topics))
		for _, tp := range topics {
			t.Logf("%d× %v e.g. %s", tp.Count, tp.Terms, strings.Join(tp.Examples, " | "))
		}
	}
}

// TestSynonymsNotOfTypos: a misspelling the search already corrected (it
// ended at the article) is no synonym to add. The run's six proposals were
// three typo pairs and three of 这篇 (a question of a list, see the root
// package's TestReportQuestionOfListIsNoVote), the first:
//
//   - [浦江径验, 浦江经验]   # both ended at xwlb-20230819-01 (23×)
//   - [中央经济工作会议, 中央经济工作汇议]   # both ended at xwlb-20231216-05 (3×)
//   - [中央径济工作会议, 中央经济工作会议]   # both ended at xwlb-20231215-05 (2×)
//
// Pasted, they put misspellings into search.synonyms; and they head the
// section, above any real pair (the README's 小事不出村 and 枫桥经验).
func TestSynonymsNotOfTypos(t *testing.T) {
	at := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	s := storetest.SQLite(t)
	ctx := context.Background()
	if _, _, err := s.Upsert(ctx, content.Article{ID: "pj", Title: "传承践行浦江经验", URL: "https://example.com/pj", Body: "浦江经验是领导干部下访接待群众的经验。"}); err != nil {
		t.Fatal(err)
	}
	var log []store.Query
	for i, text := range []string{"浦江经验", "浦江经验", "浦江经验", "浦江径验", "浦江径验"} {
		log = append(log, store.Query{At: at, Follower: fmt.Sprint("f", i), Kind: "text", Text: text, Outcome: "card", Article: "pj", Hits: `[{"id":"pj","score":0.9}]`})
	}
	if err := s.RecordQueries(ctx, log); err != nil {
		t.Fatal(err)
	}
	r, err := Build(ctx, Source{Store: s, Votes: NewVotes(time.Now), Terms: words, WeakScore: 0.6, Loc: time.UTC}, at.Add(-time.Hour), at.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	for _, syn := range r.Synonyms {
		t.Errorf("proposed [%s, %s] (%d×): one is the other misspelt", syn.A, syn.B, syn.Count)
	}
}
