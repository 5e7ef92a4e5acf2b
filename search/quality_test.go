package search

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"hash/fnv"
	"math"
	"mpbot/content"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// shippedMinScore is search.min_score from config.yaml: the bot answers
// no_match below it, so quality is measured with the same cut.
func shippedMinScore(tb testing.TB) float64 {
	b, err := os.ReadFile(filepath.Join("..", "config.yaml"))
	if err != nil {
		tb.Fatal(err)
	}
	var cfg struct {
		Search struct {
			MinScore float64 `yaml:"min_score"`
		} `yaml:"search"`
	}
	if err := yaml.Unmarshal(b, &cfg); err != nil {
		tb.Fatal(err)
	}
	return cfg.Search.MinScore
}

// quality is what a question set measures.
type quality struct {
	recall1, mrr5, nomatch float64
	answerable, nomatches  int
	kinds                  map[string]*kindScore
	misses                 []string
}

type kindScore struct{ first, n int }

func (k *kindScore) recall() float64 { return float64(k.first) / float64(max(k.n, 1)) }

// typoRecall is recall@1 over the typo questions, the fourth target.
func (q *quality) typoRecall() float64 {
	if k := q.kinds["typo"]; k != nil {
		return k.recall()
	}
	return 0
}

func (q *quality) String() string {
	return fmt.Sprintf("recall@1 %.3f, MRR@5 %.3f over %d; nomatch %.3f over %d; typo recall@1 %.3f",
		q.recall1, q.mrr5, q.answerable, q.nomatch, q.nomatches, q.typoRecall())
}

// perKind lists recall@1 by kind of question.
func (q *quality) perKind() string {
	kinds := make([]string, 0, len(q.kinds))
	for k := range q.kinds {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var b strings.Builder
	for _, k := range kinds {
		s := q.kinds[k]
		fmt.Fprintf(&b, " %s %.2f (%d)", k, s.recall(), s.n)
	}
	return b.String()
}

func measure(ix *Index, qs []devQuery, minScore float64) quality {
	q := quality{kinds: map[string]*kindScore{}}
	var hit1, rr float64
	var quiet int
	for _, dq := range qs {
		hits, _ := ix.Search(context.Background(), dq.text, 5)
		var shown []content.Hit
		for _, h := range hits {
			if h.Score >= minScore {
				shown = append(shown, h)
			}
		}
		ks := q.kinds[dq.kind]
		if ks == nil {
			ks = &kindScore{}
			q.kinds[dq.kind] = ks
		}
		ks.n++
		if len(dq.want) == 0 {
			q.nomatches++
			if len(shown) == 0 {
				quiet++
				ks.first++
			} else {
				q.misses = append(q.misses, fmt.Sprintf("nomatch %q → %s (%.2f)", dq.text, shown[0].Article.Title, shown[0].Score))
			}
			continue
		}
		q.answerable++
		rank := 0
		for i, h := range shown {
			if slices.Contains(dq.want, h.Article.ID) {
				rank = i + 1
				break
			}
		}
		if rank == 1 {
			hit1++
			ks.first++
		}
		if rank > 0 {
			rr += 1 / float64(rank)
		}
		if rank != 1 {
			got := "nothing"
			if len(hits) > 0 {
				got = fmt.Sprintf("%s %s (%.2f)", hits[0].Article.ID, hits[0].Article.Title, hits[0].Score)
			}
			q.misses = append(q.misses, fmt.Sprintf("%s %q rank %d; want %v; top: %s", dq.kind, dq.text, rank, dq.want, got))
		}
	}
	q.recall1 = hit1 / float64(max(q.answerable, 1))
	q.mrr5 = rr / float64(max(q.answerable, 1))
	q.nomatch = float64(quiet) / float64(max(q.nomatches, 1))
	return q
}

// questionSplitSeed fixes, once and for all, which of our own questions are
// for tuning the ranking and which only for checking it: a change is
// designed from the tune half's misses and kept only if the check half
// agrees, so the check half measures questions the ranking was not fitted
// to. Changing the seed would spoil that.
const questionSplitSeed = "mpbot issue 12 split"

// inTuneHalf reports whether a question belongs to the tune half.
func inTuneHalf(text string) bool {
	h := fnv.New64a()
	h.Write([]byte(questionSplitSeed))
	h.Write([]byte(text))
	return h.Sum64()&1 == 0
}

// loadQuestionFile reads a question file of ours (testdata, `#` comments).
func loadQuestionFile(tb testing.TB, path string) []devQuery {
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var qs []devQuery
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			tb.Fatalf("%s: bad line %q", path, line)
		}
		q := devQuery{text: parts[0], kind: parts[2]}
		if parts[1] != "" {
			q.want = strings.Split(parts[1], ",")
		}
		if (q.kind == "nomatch") != (len(q.want) == 0) {
			tb.Fatalf("%s: %q: nomatch questions and only they have no answer", path, line)
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return qs
}

// splitQuestions divides questions into the tune and check halves.
func splitQuestions(qs []devQuery) (tune, check []devQuery) {
	for _, q := range qs {
		if inTuneHalf(q.text) {
			tune = append(tune, q)
		} else {
			check = append(check, q)
		}
	}
	return tune, check
}

// Issue 12's targets, measured on questions the ranking was not tuned on.
const (
	targetRecall1 = 0.85
	targetMRR5    = 0.90
	targetNomatch = 0.90
	targetTypo    = 0.80
)

// TestSearchQuality runs our own labelled questions (tune and check halves)
// and the dev queries against the shared corpus. It asserts issue 12's
// targets on the check half, and that the dev set does not fall below the
// level it had reached. Misses are listed for the tune half and the dev set
// only: the check half's misses are never looked at, so that it stays a
// measure of questions nobody tuned for.
func TestSearchQuality(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the whole corpus")
	}
	arts := loadCorpus(t)
	ix := corpusIndex(t)
	minScore := shippedMinScore(t)
	all := loadQuestionFile(t, filepath.Join("testdata", "questions.tsv"))
	// Written on 2026-12-07 by someone who never ran the search nor read
	// the other sets, and never tuned on: what the check half has become
	// after many changes kept only where it agreed, this set is not.
	freshQs := loadQuestionFile(t, filepath.Join("testdata", "questions-fresh.tsv"))
	known := make(map[string]bool, len(arts))
	for _, a := range arts {
		known[a.ID] = true
	}
	for _, q := range append(slices.Clone(all), freshQs...) {
		for _, id := range q.want {
			if !known[id] {
				t.Fatalf("question %q names %s, which the corpus does not hold", q.text, id)
			}
		}
	}
	tuneQs, checkQs := splitQuestions(all)
	dev := measure(ix, loadQueries(t, "queries-dev.tsv"), minScore)
	tune := measure(ix, tuneQs, minScore)
	check := measure(ix, checkQs, minScore)
	fresh := measure(ix, freshQs, minScore)
	if os.Getenv("MPBOT_QUALITY_MISSES") != "" {
		for _, m := range tune.misses {
			t.Log("tune miss:", m)
		}
		for _, m := range dev.misses {
			t.Log("dev miss:", m)
		}
	}
	t.Logf("tune:  %s\n  by kind:%s", &tune, tune.perKind())
	t.Logf("check: %s\n  by kind:%s", &check, check.perKind())
	t.Logf("dev:   %s", &dev)
	t.Logf("fresh: %s\n  by kind:%s", &fresh, fresh.perKind())

	if check.recall1 < targetRecall1 || check.mrr5 < targetMRR5 || check.nomatch < targetNomatch || check.typoRecall() < targetTypo {
		t.Logf("check half below issue 12's targets: recall@1 %.3f (≥%.2f), MRR@5 %.3f (≥%.2f), nomatch %.3f (≥%.2f), typo %.3f (≥%.2f)",
			check.recall1, targetRecall1, check.mrr5, targetMRR5, check.nomatch, targetNomatch, check.typoRecall(), targetTypo)
	}
	// Until the targets are met, the check half is held at the level
	// reached (BENCHMARKS.md), so no change makes it worse. The second
	// batch of questions (250, 60 of them nomatch) set it afresh: its
	// near-miss nomatch questions took the check half from 0.765 to 0.610.
	// Synonyms checked in the form an article holds, and 195 more groups
	// of abbreviations, took recall@1 to 0.851 and answered two more near
	// misses (0.576); an expansion counting for no more than its own
	// articles make it worth (新疆 for 新疆维吾尔自治区) cost two questions
	// (0.848, typo 0.825): the trades are in BENCHMARKS.md. A title numbering
	// the event otherwise cut as the hand-made confidence did: 0.610. A
	// full date counting for the articles of that day: 0.851 / 0.873; a
	// decimal kept whole (华龙一号2.0, 5.7%): 0.857 / 0.879; what a title
	// holds weighing in the choice of candidates: 0.868 / 0.890 / 0.627 /
	// 0.850; a word no article has counting a tenth, not a quarter: 0.870 /
	// 0.891; 3.15 also as 3 and 15: no-match 0.644; a congress's number
	// (四大 is not 十四大): 0.678; an article without the query's rarest
	// word shown less sure: 0.695; a common word counted wherever the
	// follower put it (总理 first in 总理理事会): 0.883 / 0.901. Then the
	// labels learnt which roundups' items answer (judged blind, pooled from
	// every question's top five): the same ranking made 0.881 / 0.899 /
	// 0.690, and ranking those items where no article answers surely cost a
	// near-miss question (0.672).
	// A full text's declared kind (二十大报告): 0.883 / 0.902. A number
	// the query names that the article gives nowhere (第三届, 20周年):
	// no-match 0.707 → 0.741. A word no article has respelt where the
	// query's other words found something sure (公保 as 公报): 0.905 / 0.921
	// / 0.741 / 0.875.
	const floorRecall, floorMRR, floorNomatch, floorTypo = 0.882, 0.901, 0.740, 0.874
	if check.recall1 < floorRecall || check.mrr5 < floorMRR || check.nomatch < floorNomatch || check.typoRecall() < floorTypo {
		t.Errorf("check half regressed: %s", &check)
	}
	// The dev set, which the hand-made confidence had been fitted to, fell
	// from 0.900 / 0.908 / 1.000 when the model fitted on the tune half took
	// its place (BENCHMARKS.md); it is held where it is now.
	// (A full text's declared kind took it to 0.908 / 0.921; later
	// changes to 0.917 / 0.926, and 九三阅兵's synonym to 0.925 / 0.935.)
	const devRecall, devMRR, devNomatch = 0.925, 0.935, 1.000
	if dev.recall1 < devRecall-1e-9 || dev.mrr5 < devMRR-5e-4 || dev.nomatch < devNomatch-5e-4 {
		t.Errorf("dev set regressed: %s (floors %.3f / %.3f / %.3f)", &dev, devRecall, devMRR, devNomatch)
	}
	checkResultsUnchanged(t, ix, loadQueries(t, "queries-dev.tsv"))
	// Issue 12's everyday words: 看病跨省报销 is what the articles call
	// 异地就医直接结算 (through the shipped related terms), 退休年龄推迟 is
	// 延迟法定退休年龄.
	for text, want := range map[string]string{"看病跨省报销": "异地就医直接结算", "退休年龄推迟": "延迟法定退休年龄"} {
		hits, _ := ix.Search(context.Background(), text, 5)
		if len(hits) == 0 || hits[0].Score < minScore || !strings.Contains(hits[0].Article.Title, want) {
			t.Errorf("%s: want an article on %s first, got %v", text, want, ids(hits))
		}
	}
	// Follower runs' finds on the corpus (not questions of the halves):
	// the congress reports reached by their short names, a two-digit year,
	// an unknown Latin word that is no phrase with the word beside it.
	for text, want := range map[string]string{"十八大报告": "doc-9d3cc7c9", "24年政府工作报告": "doc-5bc940b9", "十三大报告": "doc-25c4360e",
		"20大报告": "doc-6081e3e3", "19大报告": "doc-a600c2c1", // in digits, as in characters (20大报告 got no match)
		"党的十九大报告": "doc-a600c2c1",
		"4中全会":    "xwlb-20251023-01", "3中全会公报": "xwlb-20240718-01", // a plenum in digits (4中全会 listed news about it)
		"四中全会开了什么": "xwlb-20251023-01", "三中全会开了吗": "xwlb-20240718-01", // 开了… asks whether it met (a card on 义乌, no match)
		"看看国常会": "xwlb-20260821-02", "想看看国常会": "xwlb-20260821-02", // asking's words no part of the series' title (2024's first)
		"我想看国常会": "xwlb-20260821-02", "我要看国常会": "xwlb-20260821-02", // 看 alone, a stop word, is compared with titles
		"我负责写一篇心得体会，请问有没有中央八项规定的文章": "xwlb-20250601-09", // the follower's reason before the request (no match)
		"政治局会议": "xwlb-20260730-01", "中央政治局会议": "xwlb-20260730-01", "政治局集体学习": "xwlb-20260731-01", // a series by its headline (2025's first)
		"政治局会议 防汛":       "xwlb-20260630-01",                                      // one of them, by what it did
		"2026年6月的CPI是多少": "xwlb-20260709-09", "2026年6月CPI是多少": "xwlb-20260709-09", // asking's particles not compared with titles (0.39: no match)
		"2026年前7个月的外贸数据": "xwlb-20260807-03",                                    // 年 of the year, 前7个月 the period (年前, before the New Year: a card on clothes)
		"总书记参加代表团审议":     "xwlb-20260305-02",                                    // 总书记 for 习近平 (蔡奇's, 赵乐际's listed)
		"@小编 国常会":        "xwlb-20260821-02", "小编你好，想看看国常会": "xwlb-20260821-02", // the editor addressed
		"服贸会什么时候举行":  "xwlb-20250827-09",                                           // its announcement (将于…举办), not the summit's speech
		"四中全会什么时候开的": "xwlb-20251023-01", "请问二十届四中全会是什么时候召开的呀": "xwlb-20251023-01", // when it met (义乌 at 0.96)
		"2025年中央一号文件":   "xwlb-20250223-02",                           // the document by its titles' words (the mentions list, the document nowhere)
		"中财委第六次会议":      "xwlb-20250701-01",                           // an abbreviation the synonyms lacked (no match)
		"2025年两会政府工作报告": "doc-c8ea2145", "两会上的政府工作报告": "doc-c8ea2145", // the report given at the 两会 (the 部长通道, 1978's)
		"新年贺词全文": "xwlb-20251231-01"} { // a series asked as a full text, newest first (2025's first)
		if hits, _ := ix.Search(context.Background(), text, 5); len(hits) == 0 || hits[0].Article.ID != want || hits[0].Score < minScore {
			t.Errorf("%s: want %s first, got %v", text, want, ids(hits))
		}
	}
	// The follower's exam beside a topic, and a reading asked for (a
	// follower run's finds): each had the topic's articles first but a
	// card on another article (解读 of another plenary, 遴选 of 传统产业),
	// or no match. The exam's words inside a question are what it asks
	// about: 遴选报名费多少钱 stays unanswered, not a card on 报名.
	for _, text := range []string{"新质生产力解读", "备考 新质生产力", "遴选 新质生产力", "准备遴选，想看看新质生产力", "我是基层公务员，准备遴选，想看看新质生产力的文章",
		"准备遴选：想看看新质生产力", "准备遴选🙏想看看新质生产力",
		// A re-check run's: other ways of naming the exam, and what a study
		// question asks of a topic.
		"省直遴选 新质生产力", "准备参加遴选，想看看新质生产力", "选调 新质生产力", "新质生产力的意义", "新质生产力的重要性",
		"新质生产力的主要内容是什么，考试可能怎么考", // how the exam may test it (a follower run's: no match)
		// An interview's or a chat's frame (a follower run's: no match, or 指的是什么 a card on 勇挑大梁).
		"谈谈你对新质生产力的理解", "对新质生产力的理解", "我想知道新质生产力是什么", "你知道新质生产力吗", "解释一下新质生产力",
		"科普一下新质生产力", "新质生产力指的是什么"} {
		if hits, _ := ix.Search(context.Background(), text, 5); len(hits) == 0 || !strings.Contains(hits[0].Article.Title, "新质生产力") || hits[0].Score < minScore {
			t.Errorf("%s: want a 新质生产力 article first, got %v", text, ids(hits))
		}
	}
	// The topic named, then asked for, or asked for with 讲 (a follower
	// run's finds: no match, or a card on a banquet's speech).
	for text, topic := range map[string]string{"新质生产力有没有文章": "新质生产力", "新质生产力有没有相关的文章": "新质生产力",
		"乡村振兴有没有素材": "乡村振兴", "有没有讲人工智能的文章": "人工智能", "有讲共同富裕的吗": "共同富裕", "有没有讲乡村振兴的": "乡村振兴"} {
		if hits, _ := ix.Search(context.Background(), text, 5); len(hits) == 0 || !strings.Contains(hits[0].Article.Title, topic) || hits[0].Score < minScore {
			t.Errorf("%s: want a %s article first, got %v", text, topic, ids(hits))
		}
	}
	// What followers and exam courses call them, through the shipped
	// synonyms (a follower run's finds: a card on 非中经贸合作, one on
	// 乌镇峰会, no match, the eve's preview first).
	for text, want := range map[string]string{"中经会": "中央经济工作会议", "SCO峰会": "上海合作组织", "九三阅兵": "胜利80周年大会", "七一讲话": "庆祝中国共产党成立105周年大会"} {
		if hits, _ := ix.Search(context.Background(), text, 5); len(hits) == 0 || !strings.Contains(hits[0].Article.Title, want) || hits[0].Score < minScore {
			t.Errorf("%s: want a title with %s first, got %v", text, want, ids(hits))
		}
	}
	// A Latin abbreviation typed alone that few articles write so lists
	// those writing its Chinese name (a follower run's find: G20 had a card
	// on the one article writing G20, each summit at 0.03; BRICS no match).
	for text, names := range map[string][]string{"G20": {"二十国集团"}, "g20": {"二十国集团"}, "WTO": {"世贸组织", "世界贸易组织"}, "BRICS": {"金砖"}} {
		hits, _ := ix.Search(context.Background(), text, 5)
		named := 0
		for _, h := range hits {
			if h.Score >= minScore && slices.ContainsFunc(names, func(n string) bool { return strings.Contains(h.Article.Title, n) }) {
				named++
			}
		}
		if named < 3 {
			t.Errorf("%s: %d of the first five titled %v, want 3 or more: %v", text, named, names, ids(hits))
		}
	}
	// A 解读 of the topic asked stays first (a review's find: 解读 had been
	// taken out of every question, and the press conferences with it).
	for _, text := range []string{"解读二十届四中全会", "四中全会解读", "二十届三中全会精神解读"} {
		if hits, _ := ix.Search(context.Background(), text, 5); len(hits) == 0 || !strings.Contains(hits[0].Article.Title, "解读") || hits[0].Score < minScore {
			t.Errorf("%s: want a 解读 first, got %v", text, ids(hits))
		}
	}
	// (A review's finds: with the exam's words taken out, 遴选 公告 had a card
	// on a funeral committee's 公告, 上岸 经验 on 县域经济.)
	for _, text := range []string{"遴选报名费多少钱", "笔试成绩什么时候出", "遴选 公告", "遴选，公告", "上岸 经验", "面试 礼仪"} {
		if hits, _ := ix.Search(context.Background(), text, 5); len(hits) > 0 && hits[0].Score >= minScore {
			t.Errorf("%s: answered with %v", text, ids(hits))
		}
	}
	// An ordinal typed in digits, as the articles write it (a re-check
	// follower run's finds: 第5届进博会 and 中央1号文件 got no match); one they
	// write in digits stays so.
	// (A review's finds: rewritten always, 第17届残奥会 had a card on
	// 第十七届海峡论坛, 第6届南博会 no match.)
	for text, want := range map[string]string{"第5届进博会": "第五届进博会", "第6届进博会": "第六届进博会", "中央1号文件": "意见》发布", "第136届广交会": "第136届广交会",
		"第17届残奥会": "第17届残奥会", "第6届南博会": "第6届", "第22届东盟博览会": "第22届", "第12届世界运动会": "第12届世界运动会",
		// (Left alone in an earlier note: 神舟20号, 第46次委员长会议 no match.)
		"神舟20号": "神舟二十号", "天舟9号": "天舟九号", "第46次委员长会议": "第四十六次委员长会议"} {
		if hits, _ := ix.Search(context.Background(), text, 5); len(hits) == 0 || !strings.Contains(hits[0].Article.Title, want) || hits[0].Score < minScore {
			t.Errorf("%s: want a title with %s first, got %v", text, want, ids(hits))
		}
	}
	// A name mentioned in passing is looked for as deep as 更多 reads (a
	// review's find: 十九届六中全会 listed 3 of the 5 articles naming it);
	// a question holding such a run keeps its words marked where the run
	// is not there whole (新质生产力发展's answers had lost their marks).
	if word, named, _ := ix.Mentions(context.Background(), "十九届六中全会", 10); word != "十九届六中全会" || len(named) < 5 {
		t.Errorf("十九届六中全会: %q %v", word, ids(named))
	}
	// The places of 绿水青山就是金山银山, in no title (a follower run's find:
	// no match, where 7 and 14 articles name them).
	for _, place := range []string{"安吉", "余村"} {
		if word, named, _ := ix.Mentions(context.Background(), place, 5); word != place || len(named) < 3 {
			t.Errorf("%s: %q %v", place, word, ids(named))
		}
	}
	if hits, _ := ix.Search(context.Background(), "新质生产力发展", 5); len(hits) == 0 {
		t.Error("新质生产力发展: no hits")
	} else {
		for _, h := range ix.Snippets("新质生产力发展", hits, nil) {
			if !strings.Contains(h.Snippet, "【") {
				t.Errorf("新质生产力发展: %s's snippet marks nothing: %q", h.Article.ID, h.Snippet)
			}
		}
	}
	// A count in digits is no congress (a review's find: 10大 found the
	// 20th congress's report at 0.99, 15大类 the 15th's).
	for _, text := range []string{"10大新闻", "10大", "15大类"} {
		if hits, _ := ix.Search(context.Background(), text, 5); len(hits) > 0 && hits[0].Score >= minScore && strings.HasPrefix(hits[0].Article.ID, "doc-") {
			t.Errorf("%s: a congress's report first at %.2f", text, hits[0].Score)
		}
	}
	// 党的 had kept the report out of the candidates; then it was second,
	// under news titled 二十大代表继续分组讨论二十大报告, the 报告 its opening
	// names not counted in its title by the confidence model (issue 12; a
	// follower run's find).
	for _, text := range []string{"二十大报告", "党的二十大报告全文", "二十大报告原文"} {
		if hits, _ := ix.Search(context.Background(), text, 3); len(hits) == 0 || hits[0].Article.ID != "doc-6081e3e3" || hits[0].Score < minScore {
			t.Errorf("%s: want the report first, got %v", text, ids(hits))
		}
	}
	// A month of a year holds the articles published in it, and figures
	// for it published in the next month; the year's words count for
	// little beside it (a re-check follower run's finds: the month's
	// meetings, their titles naming no date, were not among the
	// candidates, then second behind a title naming 2026年).
	for text, want := range map[string]string{"2026年7月政治局会议": "xwlb-20260730-01", "2025年4月的政治局会议": "xwlb-20250425-01",
		"2025年7月政治局会议": "xwlb-20250730-01", "2026年6月CPI": "xwlb-20260709-09", "2025年5月CPI": "xwlb-20250609-05"} {
		if hits, _ := ix.Search(context.Background(), text, 3); len(hits) == 0 || hits[0].Article.ID != want || hits[0].Score < minScore {
			t.Errorf("%s: want %s first, got %v", text, want, ids(hits))
		}
	}
	// A month nobody published in, asked with its year, answers nothing
	// surely: other months' articles are as far from it as other years'
	// (a review's finds: a card on April's figures, three other months'
	// meetings listed at 0.50).
	for _, text := range []string{"2026年11月居民消费价格", "2026年11月国常会"} {
		if hits, _ := ix.Search(context.Background(), text, 5); len(hits) > 0 && hits[0].Score >= minScore {
			t.Errorf("%s: answered with %v at %.2f", text, ids(hits), hits[0].Score)
		}
	}
	// An everyday word for what the titles say (a follower run's find:
	// 政治局开会 got no match; the meetings' titles say 召开会议).
	if hits, _ := ix.Search(context.Background(), "政治局开会", 5); len(hits) == 0 || !strings.Contains(hits[0].Article.Title, "政治局召开会议") || hits[0].Score < minScore {
		t.Errorf("政治局开会: want a 政治局召开会议 title first, got %v", ids(hits))
	}
	// 政策文件 is what followers call the documents the titles say were
	// 印发 (a follower run's find: a card on 北京：打造人工智能高地).
	if hits, _ := ix.Search(context.Background(), "人工智能的政策文件", 5); len(hits) == 0 || hits[0].Article.ID != "xwlb-20250826-10" || hits[0].Score < minScore {
		t.Errorf("人工智能的政策文件: want xwlb-20250826-10 first, got %v", ids(hits))
	}
	// A slip into known words, found sure of the wrong thing (a card on
	// 深圳六个90%的背后 at 0.84), is respelt where that joins them.
	if res, _ := ix.SearchResult(context.Background(), "新质生产立", 5, false); res.Corrected != "新质生产力" || len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Article.Title, "新质生产力") {
		t.Errorf("新质生产立: corrected %q, %v", res.Corrected, ids(res.Hits))
	}
	// The term typed short, or ended by a slip into a stop word (里, which
	// no respelling changes): 新质 and 生产 had found 深圳六个90%的背后 at
	// 0.98 (a follower run's find).
	for _, text := range []string{"新质生产", "新质生产里"} {
		if hits, _ := ix.Search(context.Background(), text, 5); len(hits) == 0 || !strings.Contains(hits[0].Article.Title, "新质生产力") || hits[0].Score < minScore {
			t.Errorf("%s: want a 新质生产力 title first, got %v", text, ids(hits))
		}
	}
	// A series (each year's report, each meeting) is listed newest first,
	// the same on the first page as 64 deep, where 更多 reads (政府工作报告
	// listed 2023's, 2024's, 2022's, 2006's, 2007's; 2025's was ninth).
	// 中央纪委全会公报's newest, the sixth plenary's at 0.90, was cut off
	// its series 0.06 below the fourth's and listed fifth (a follower run's
	// find). A year's meetings too (2025年国常会 listed February's, May's,
	// March's: a conversation run's find).
	for _, text := range []string{"政府工作报告", "国常会", "新年贺词", "广交会开幕", "巡视反馈", "中央纪委全会公报", "2025年国常会"} {
		page, _ := ix.Search(context.Background(), text, 6)
		deep, _ := ix.Search(context.Background(), text, 64)
		if len(page) < 5 || len(deep) < 5 {
			t.Fatalf("%s: %v", text, ids(page))
		}
		for i := range 5 {
			if page[i].Article.ID != deep[i].Article.ID {
				t.Errorf("%s: the first page %v, 64 deep %v", text, ids(page), ids(deep[:5]))
				break
			}
			// Any series among them, not only the first's (a review's
			// find: 广交会开幕's fairs oldest first below a one-off title).
			for j := range i {
				if a, b := page[j], page[i]; sameSeries(a.Article.Title, b.Article.Title) && min(a.Score, b.Score) >= 0.9 && a.Article.PublishedOn < b.Article.PublishedOn {
					t.Errorf("%s: %s (%s) listed above %s (%s)", text, a.Article.ID, a.Article.PublishedOn, b.Article.ID, b.Article.PublishedOn)
				}
			}
		}
		if text == "广交会开幕" || text == "巡视反馈" {
			continue // led by an article of its own
		}
		newest := ""
		for _, h := range deep {
			if h.Score >= 0.9 && sameSeries(h.Article.Title, page[0].Article.Title) {
				newest = max(newest, h.Article.PublishedOn)
			}
		}
		if page[0].Article.PublishedOn != newest {
			t.Errorf("%s: first %s of %s, want the newest %s", text, page[0].Article.ID, page[0].Article.PublishedOn, newest)
		}
	}
	// Asked for a year, a series whose titles name theirs leads with the
	// one of the year named, not the newest published in it (二〇二六年新年贺词
	// was given on 2025-12-31).
	for text, want := range map[string]string{"2025新年贺词": "二〇二五年", "2024年政府工作报告": "2024年"} {
		if hits, _ := ix.Search(context.Background(), text, 5); len(hits) == 0 || !strings.Contains(hits[0].Article.Title, want) {
			t.Errorf("%s: want a title naming %s first, got %v", text, want, hits[:min(len(hits), 2)])
		}
	}
	// A year asked of a topic whose articles do not write it: the year's
	// article (a follower run's find: of the common words of 国家安全教育日
	// only the articles writing 2025 were read, and 2025年国家安全教育日
	// had a card on the 十五五 proposals).
	for text, want := range map[string]string{"2025年国家安全教育日": "xwlb-20250415-15", "2024年国家安全教育日": "xwlb-20240415-05"} {
		if hits, _ := ix.Search(context.Background(), text, 5); len(hits) == 0 || hits[0].Article.ID != want || hits[0].Score < minScore {
			t.Errorf("%s: want %s first, got %v", text, want, hits[:min(len(hits), 2)])
		}
	}
	// A passage pasted from an article is its article's, answered (a
	// follower run's find: no match at 0.24, the next at 0.04).
	// PASTE_PROBE=1 go test ./search -run TestPasteProbe -v measures it
	// on passages cut at random from the corpus.
	paste := `作用。共听取审议"一府一委两院"21个报告，检查5件法律实施情况，组织开展2次专题询问、9项专题调研，作出2项决议。四是加强和改进代表工作，支持和保障代表依法履`
	if hits, _ := ix.Search(context.Background(), paste, 5); len(hits) == 0 || hits[0].Article.ID != "xwlb-20250308-01" || hits[0].Score < minScore {
		t.Errorf("a pasted passage: got %v", hits[:min(len(hits), 2)])
	}
	// A topic's figures (数据 after it) are the topic's articles: 数据
	// matched 北京：“数”为先 and 大数据 above GDP's figures (a session's find).
	for text, want := range map[string][]string{"GDP数据": {"GDP", "国内生产总值"}, "CPI数据": {"CPI", "居民消费价格"}, "进出口数据": {"进出口"}} {
		hits, _ := ix.Search(context.Background(), text, 5)
		if len(hits) == 0 || hits[0].Score < minScore || !slices.ContainsFunc(want, func(w string) bool { return strings.Contains(hits[0].Article.Title, w) }) {
			t.Errorf("%s: want a title naming %v first, got %v", text, want, hits[:min(len(hits), 2)])
		}
	}
	// A month's figures, published the month after, stay its answer (a
	// review's find: 2026年6月CPI's fell to 0.45 when every article of the
	// month after gave way).
	for text, want := range map[string]string{"2026年6月CPI": "xwlb-20260709-09", "2023年6月CPI": "xwlb-20230710-10"} {
		if hits, _ := ix.Search(context.Background(), text, 5); len(hits) == 0 || hits[0].Article.ID != want || hits[0].Score < 0.5 {
			t.Errorf("%s: want %s first at 0.5 or more, got %v", text, want, hits[:min(len(hits), 2)])
		}
	}
	// The month asked before the month after (a follower run's find: April's
	// meeting second, before two of March's).
	if hits, _ := ix.Search(context.Background(), "2025年3月国常会", 5); len(hits) < 3 || slices.ContainsFunc(hits[:3], func(h content.Hit) bool {
		return !strings.HasPrefix(h.Article.PublishedOn, "2025-03") || h.Score < minScore
	}) {
		t.Errorf("2025年3月国常会: %v", ids(hits))
	}
	// A year asked pulls that year's articles into the candidates: the
	// year's meetings, not four of its 23 and three more by 更多, which
	// searches 64 deep (a follower run's find).
	yearHits, _ := ix.Search(context.Background(), "2023年国常会", 64)
	if len(yearHits) < 5 || slices.ContainsFunc(yearHits[:5], func(h content.Hit) bool {
		return !strings.HasPrefix(h.Article.PublishedOn, "2023") || h.Score < minScore
	}) {
		t.Errorf("2023年国常会: want 2023's meetings first, got %v", ids(yearHits))
	}
	if n := len(slices.DeleteFunc(yearHits, func(h content.Hit) bool {
		return !strings.HasPrefix(h.Article.PublishedOn, "2023") || h.Score < minScore
	})); n < 12 {
		t.Errorf("2023年国常会: %d of 2023's meetings 64 deep, want 12 or more", n)
	}
	// A month written without 份 (5月CPI: no match, where 5月份CPI had a
	// card): the month's releases, whichever year's.
	for _, text := range []string{"5月CPI", "5月的CPI"} {
		hits, _ := ix.Search(context.Background(), text, 5)
		if len(hits) == 0 || hits[0].Score < minScore || !strings.HasPrefix(hits[0].Article.Title, "5月") {
			t.Errorf("%s: want May's consumer prices first, got %v", text, ids(hits))
		}
	}
	// A month its title names otherwise is a near miss however much of
	// the rest it holds (2025年5月CPI listed 2025年12月CPI first, its 2025 in
	// the title, above May's release).
	if hits, _ := ix.Search(context.Background(), "2025年5月CPI", 5); len(hits) == 0 || hits[0].Article.ID != "xwlb-20250609-05" {
		t.Errorf("2025年5月CPI: want May's release first, got %v", ids(hits))
	}
	// 中美元首 is not 中 美元 首: the snippets marked 中【美元】首 (a
	// follower run's find; the user dictionary keeps it whole).
	if res, _ := ix.SearchResult(context.Background(), "中美元首会晤谈了什么", 5, true); len(res.Hits) == 0 ||
		slices.ContainsFunc(res.Hits, func(h content.Hit) bool { return strings.Contains(h.Snippet, "【美元】") }) {
		t.Errorf("中美元首会晤谈了什么: %+v", res.Hits)
	}
	// A word no article has, made of words they have, is those words:
	// as its character pairs it matched titles joining other words across
	// its own (结构化面试技巧 had a card at 0.41 on 中国式现代化面对面, 公文写作
	// one at 0.82 on 把论文写在祖国大地上, 案例分析题怎么答 one at 0.65).
	for _, text := range []string{"lx面试技巧", "结构化面试技巧", "公文写作", "案例分析题怎么答"} {
		if hits, _ := ix.Search(context.Background(), text, 1); len(hits) > 0 && hits[0].Score >= minScore {
			t.Errorf("%s: %s at %.2f, want no match", text, hits[0].Article.Title, hits[0].Score)
		}
	}
	// 面试技巧 (interview skills) is not about 空中技巧 (aerials) on skis.
	hits, _ := ix.Search(context.Background(), "面试技巧", 5)
	for _, h := range hits {
		if h.Score >= minScore && strings.Contains(h.Article.Title, "滑雪") {
			t.Errorf("面试技巧 lists %s (%.2f)", h.Article.Title, h.Score)
		}
	}
	synonymTermsAlone(t, ix, minScore)
	partsInEitherOrder(t, ix, tuneQs)
	junkAddsNothing(t, ix, tuneQs)
	// A number beside Latin words no article has asks of no topic, as the
	// number alone does not: foo 1 and alert(1) listed five articles at
	// 0.85 (the 1 of 1—20册, 1-2月份), iPhone 15 the 15% of a tariff (an
	// operator run's finds).
	for _, text := range []string{"foo 1", "alert(1)", "<script>alert(1)</script>", "iPhone 15"} {
		if hits, _ := ix.Search(context.Background(), text, 1); len(hits) > 0 && hits[0].Score >= minScore {
			t.Errorf("%s: %s at %.2f, want no match", text, hits[0].Article.Title, hits[0].Score)
		}
	}
	misspeltTerm(t, ix)
	latinWordsAlone(t, ix, minScore)
	anniversarySaid(t, ix)
}

// anniversarySaid: an anniversary in numerals (建党一百零五周年, as voice
// writes it) finds what the digits do (建党105周年): it found the 五四
// editorial, the only title with 一百零五 (a follower run's find).
func anniversarySaid(t *testing.T, ix *Index) {
	for said, typed := range map[string]string{"建党一百零五周年": "建党105周年"} {
		got, _ := ix.Search(context.Background(), said, 3)
		want, _ := ix.Search(context.Background(), typed, 3)
		if len(got) == 0 || len(want) == 0 || got[0].Article.ID != want[0].Article.ID {
			t.Errorf("%s: first %v; %s first %v", said, hitsOf(got), typed, hitsOf(want))
		}
	}
}

// misspeltTerm: one term typed with a homophone (风桥经验) is answered as the
// term, even where its right half alone (经验, in many titles) looks a sure
// answer: on the corpus 风桥经验 listed five 经验 articles at 0.47–0.66.
func misspeltTerm(t *testing.T, ix *Index) {
	for typed, term := range map[string]string{"风桥经验": "枫桥经验", "乡村震兴": "乡村振兴"} {
		got, _ := ix.SearchResult(context.Background(), typed, 5, false)
		want, _ := ix.SearchResult(context.Background(), term, 5, false)
		if got.Corrected != term || !slices.Equal(hitsOf(got.Hits), hitsOf(want.Hits)) {
			t.Errorf("%s: respelt %q, answers %v; %s answers %v", typed, got.Corrected, hitsOf(got.Hits), term, hitsOf(want.Hits))
		}
	}
}

// latinWordsAlone: a Latin word typed alone (C919, 5G, GDP) is answered by
// the titles holding it, or another of its names, as a Han word is: they
// were found first at 0.02, below the cut; and PMI's 采购经理指数 at
// 0.33–0.40, below the euro zone's titled PMI (a follower run's find). A
// number or a letter alone (666, A: chat, a poll's answer) stays
// unanswered, and typed pinyin is still respelt.
func latinWordsAlone(t *testing.T, ix *Index, minScore float64) {
	for _, word := range []string{"C919", "5G", "GDP", "APEC", "PMI"} {
		hits, _ := ix.Search(context.Background(), word, 5)
		names := append(ix.Names(word), word)
		if len(hits) == 0 || hits[0].Score < minScore || !slices.ContainsFunc(names, func(n string) bool {
			return strings.Contains(strings.ToUpper(hits[0].Article.Title), strings.ToUpper(n))
		}) {
			t.Errorf("%s alone: want a title holding it above %.2f, got %v", word, minScore, hitsOf(hits))
		}
	}
	if hits, _ := ix.Search(context.Background(), "PMI", 5); len(hits) == 0 || !strings.Contains(hits[0].Article.Title, "中国") {
		t.Errorf("PMI: want China's figures first, got %v", hitsOf(hits))
	}
	for _, chat := range []string{"666", "ok", "a", "B", "x"} {
		if hits, _ := ix.Search(context.Background(), chat, 5); len(hits) > 0 && hits[0].Score >= minScore {
			t.Errorf("%s: answered with %s (%.2f)", chat, hits[0].Article.Title, hits[0].Score)
		}
	}
	if res, _ := ix.SearchResult(context.Background(), "xiamen", 5, false); res.Corrected != "厦门" {
		t.Errorf("xiamen: respelt %q, want 厦门", res.Corrected)
	}
}

// partsInEitherOrder: a question typed as two parts (巴黎残奥会 第10个比赛日)
// gets the same first answer with the parts the other way round. A common
// word typed first once counted for nothing. Only the first of several years
// counts, so questions with a year in each part are left out.
func partsInEitherOrder(t *testing.T, ix *Index, qs []devQuery) {
	n := 0
	for _, q := range qs {
		parts := strings.Fields(q.text)
		if len(parts) != 2 || yearRe.MatchString(parts[0]) && yearRe.MatchString(parts[1]) {
			continue
		}
		n++
		a, _ := ix.Search(context.Background(), q.text, 1)
		b, _ := ix.Search(context.Background(), parts[1]+" "+parts[0], 1)
		if len(a) != len(b) || len(a) > 0 && (a[0].Article.ID != b[0].Article.ID || math.Abs(a[0].Score-b[0].Score) > 0.1) {
			t.Errorf("%q and its parts the other way round answer %v and %v", q.text, hitsOf(a), hitsOf(b))
		}
	}
	if n < 100 {
		t.Errorf("%d questions in two parts; the check needs more", n)
	}
	t.Logf("%d questions in two parts answered alike either way round", n)
}

// junkAddsNothing: a Latin word no article uses (ppt, xyz, href of pasted
// HTML) beside a question nothing answers surely does not make an answer of
// it (a hostile run's find: 枫桥经验 ppt answered a mention at 0.67, where
// 枫桥经验 alone scored 0.04, and 有人吗 ppt at 0.81). The query's length and
// word count still move the score a little: a rise of 0.1 or less, or one
// staying under min_score, passes.
func junkAddsNothing(t *testing.T, ix *Index, qs []devQuery) {
	minScore, n := shippedMinScore(t), 0
	for _, q := range append(qs, devQuery{text: "枫桥经验"}) {
		a, _ := ix.Search(context.Background(), q.text, 1)
		if len(a) == 0 || a[0].Score >= minScore {
			continue
		}
		n++
		for _, junk := range []string{"ppt", "xyzq", "href"} {
			if b, _ := ix.Search(context.Background(), q.text+" "+junk, 1); len(b) > 0 && b[0].Score >= minScore && b[0].Score > a[0].Score+0.1 {
				t.Errorf("%q (%.2f) answered with %s beside it: %v", q.text, a[0].Score, junk, hitsOf(b))
			}
		}
	}
	if n < 20 {
		t.Errorf("%d unanswered questions; the check needs more", n)
	}
}

func hitsOf(hs []content.Hit) []string {
	var out []string
	for _, h := range hs {
		out = append(out, fmt.Sprintf("%s %.2f", h.Article.ID, h.Score))
	}
	return out
}

// synonymTermsAlone searches every shipped synonym on its own, as a follower
// types a name (中科院, 国家网信办), without the synonyms and with them: a
// synonym must never lose a confident answer the words had on their own, nor
// be respelt as another word (国开行 is not 郭凯行). Our questions rarely
// type a name alone, so the halves above cannot see this. Each is also
// searched after a year and before 通知, and must not be respelt there.
func synonymTermsAlone(t *testing.T, ix *Index, minScore float64) {
	synonyms, related := shippedTerms(t)
	defer ix.SetSynonyms(synonyms, related)
	var terms []string
	alone := map[string]bool{}
	for _, g := range synonyms {
		for _, m := range g {
			// Alone, and in the contexts followers type them in, where the
			// segmenter may glue a neighbour onto them (2024年亚投行).
			terms = append(terms, m, "2024年"+m, m+"通知")
			alone[m] = true
		}
	}
	ctx := context.Background()
	search := func() []Result {
		out := make([]Result, len(terms))
		for i, term := range terms {
			out[i], _ = ix.SearchResult(ctx, term, 1, false)
		}
		return out
	}
	ix.SetSynonyms(nil, nil)
	without := search()
	ix.SetSynonyms(synonyms, related)
	with := search()
	score := func(r Result) float64 {
		if len(r.Hits) == 0 {
			return 0
		}
		return r.Hits[0].Score
	}
	answered := [2]int{}
	for i, term := range terms {
		a, w := score(without[i]), score(with[i])
		if a >= minScore {
			answered[0]++
		}
		if w >= minScore {
			answered[1]++
		}
		// In context the words alone are often answered by the context
		// (2024年农交会 by 2024年农业农村经济运行), so only the respelling
		// is held there.
		// Only an answer that holds the term counts as lost: without
		// the groups, 中国国际农产品交易会 finds the 服务贸易交易会 at 0.70.
		if alone[term] && a >= correctionBelow && w < minScore && holdsTerm(without[i].Hits[0].Article, term) {
			t.Errorf("synonym %s alone: %.2f %s without synonyms, %.2f with them", term, a, without[i].Hits[0].Article.Title, w)
		}
		if with[i].Corrected != "" {
			t.Errorf("synonym in %s was respelt: %s", term, with[i].Corrected)
		}
	}
	t.Logf("%d synonyms searched alone and in context: %d answered without the synonym groups, %d with them", len(terms), answered[0], answered[1])
}

// holdsTerm reports whether a's title or summary has term as written.
func holdsTerm(a content.Article, term string) bool {
	return strings.Contains(lower(foldText(a.Title+" "+a.Summary)), lower(foldText(term)))
}

// TestDemoQuestions runs our labelled questions over the demo articles the
// binary ships with: what a fresh install answers.
func TestDemoQuestions(t *testing.T) {
	ix, err := BuildIndex(content.DemoArticles())
	if err != nil {
		t.Fatal(err)
	}
	ix.SetSynonyms(shippedTerms(t))
	minScore := shippedMinScore(t)
	qs := loadQuestionFile(t, filepath.Join("testdata", "questions-demo.tsv"))
	q := measure(ix, qs, minScore)
	if os.Getenv("MPBOT_QUALITY_MISSES") != "" {
		for _, m := range q.misses {
			t.Log("demo miss:", m)
		}
	}
	t.Logf("demo: %s\n  by kind:%s", &q, q.perKind())
	// The study questions issue 12 names must be answered by an article
	// that answers them, not with no_match. 遴选考试怎么准备 is answered through
	// the shipped related terms (考试 → 笔试, 面试): the exam articles say 笔试
	// and 面试, never 考试.
	for _, text := range []string{"遴选考试怎么准备", "申论怎么写", "面试技巧", "枫桥经验和浦江经验有什么区别"} {
		i := slices.IndexFunc(qs, func(q devQuery) bool { return q.text == text })
		if i < 0 {
			t.Fatalf("%s is not in the demo questions", text)
		}
		hits, _ := ix.Search(context.Background(), text, 5)
		found := false
		for _, h := range hits {
			found = found || h.Score >= minScore && slices.Contains(qs[i].want, h.Article.ID)
		}
		if !found {
			t.Errorf("%s: no answering article shown: %v", text, ids(hits))
		}
	}
	// (Fuzzy pinyin took 以人民为中兴 to 以人民为中心: 0.922 → 0.931, typo 1.000.
	// A follower run's question frames, 是哪一年开始的, 从哪几个角度, took it to
	// 0.961: three demo questions are so framed.)
	const floorRecall, floorMRR, floorNomatch, floorTypo = 0.960, 0.960, 0.944, 0.999
	if q.recall1 < floorRecall || q.mrr5 < floorMRR || q.nomatch < floorNomatch || q.typoRecall() < floorTypo {
		t.Errorf("demo questions regressed: %s", &q)
	}
}

var updateResults = flag.Bool("update-results", false, "rewrite testdata/dev-results.golden")

// checkResultsUnchanged holds every dev query's top five (ids and scores,
// snippets included) to testdata/dev-results.golden: a change made for
// speed must leave them exactly as they were. A change to the ranking
// rewrites the file with -update-results, and its diff shows what moved.
func checkResultsUnchanged(t *testing.T, ix *Index, qs []devQuery) {
	t.Helper()
	var b strings.Builder
	for i, q := range qs {
		res, err := ix.SearchResult(context.Background(), q.text, 5, true)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%d", i+1)
		for _, h := range res.Hits {
			fmt.Fprintf(&b, "\t%s %.9f %s", h.Article.ID, h.Score, h.Snippet)
		}
		if res.Corrected != "" {
			fmt.Fprintf(&b, "\tcorrected %s", res.Corrected)
		}
		b.WriteByte('\n')
	}
	path := filepath.Join("testdata", "dev-results.golden")
	if *updateResults {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update-results to write it)", err)
	}
	got := strings.Split(b.String(), "\n")
	for i, line := range strings.Split(string(want), "\n") {
		if i >= len(got) || got[i] != line {
			g := ""
			if i < len(got) {
				g = got[i]
			}
			t.Fatalf("dev query results changed (line %d):\n got %s\nwant %s\n(a ranking change: rerun with -update-results and review the diff)", i+1, g, line)
		}
	}
}
