package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"mpbot/bot/wechat"
	"mpbot/insights"
	"mpbot/store"
)

// TestQueryLogAndReport: serve logs what followers ask (the openid only as
// a keyed hash), mpbot report groups what went unanswered, and a follower's
// choice from a list raises that article for the same question.
func TestQueryLogAndReport(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	t.Setenv("MPBOT_INSIGHTS_KEY", "test-key-test-key")
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	sim := simulatorFor(t, cfg, base)
	msg := int64(0)
	ask := func(openid, text string) *wechat.Outbound {
		msg++
		out, err := sim.Send(context.Background(), wechat.Inbound{From: openid, MsgType: "text", Content: text, MsgID: msg, CreateTime: time.Now().Unix()})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	ask("o_reader_1", "遴选报名入口在哪里")
	ask("o_reader_2", "遴选报名入口在哪")
	ask("o_reader_3", "红烧肉怎么做")
	ask("o_reader_1", "枫桥经验")
	ask("o_reader_3", "退订了吗")
	list := ask("o_reader_2", "基层治理")
	if !strings.Contains(list.Content, "2. ") {
		t.Fatalf("want a list for 基层治理: %+v", list)
	}
	// Three followers choose item 2: it becomes the first answer.
	var chosen string
	for i, who := range []string{"o_v1", "o_v2", "o_v3"} {
		ask(who, "基层治理")
		out := ask(who, "2")
		if out.MsgType != "news" {
			t.Fatalf("follow-up %d: %+v", i, out)
		}
		chosen = out.Articles[0].URL
	}
	if strings.Contains(strings.Split(list.Content, "\n")[1], chosen) {
		t.Fatalf("the chosen article %s was first before the votes", chosen)
	}
	waitFor(t, func() bool {
		out := ask("o_later", "基层治理")
		if out.MsgType == "news" {
			return out.Articles[0].URL == chosen
		}
		return strings.Contains(strings.Split(out.Content, "\n")[1], chosen)
	}, "the voted article first")
	// A click without an EventKey: named as such in the report, not a blank key.
	msg++
	if _, err := sim.Send(context.Background(), wechat.Inbound{From: "o_clicker", MsgType: "event", Event: "CLICK", MsgID: msg, CreateTime: time.Now().Unix()}); err != nil {
		t.Fatal(err)
	}
	stop()
	if strings.Contains(logs.String(), "红烧肉") {
		t.Fatalf("message text at info:\n%s", logs)
	}
	st, err := store.Open(context.Background(), filepath.Join(dir, "mpbot.db"))
	if err != nil {
		t.Fatal(err)
	}
	logged := 0
	st.EachQuery(context.Background(), time.Now().Add(-time.Hour), func(q store.Query) error {
		logged++
		if strings.Contains(q.Follower, "o_") || q.Follower == "" {
			t.Errorf("follower %q in the query log", q.Follower)
		}
		return nil
	})
	st.Close()
	if logged < 10 {
		t.Fatalf("%d queries logged", logged)
	}

	code, out, errOut := runCmd(t, "report", "--config", cfg, "--json")
	var r insights.Report
	if code != 0 || json.Unmarshal([]byte(out), &r) != nil {
		t.Fatalf("report: %d %s %s", code, out, errOut)
	}
	// One naming style throughout (Go's field names stood beside the
	// hits' lowercase ones).
	for _, want := range []string{`"unanswered": [`, `"id": "`, `"no_match": `, `"never_hit": `} {
		if !strings.Contains(out, want) {
			t.Errorf("report --json lacks %s", want)
		}
	}
	if regexp.MustCompile(`"[A-Z]\w*":`).MatchString(out) {
		t.Errorf("report --json has Go field names:\n%s", out)
	}
	if len(r.Unanswered) < 2 || r.Unanswered[0].Count != 2 || r.Unanswered[0].Followers != 2 || !strings.Contains(strings.Join(r.Unanswered[0].Terms, " "), "遴选") {
		t.Fatalf("unanswered %+v", r.Unanswered)
	}
	if len(r.Choices) == 0 || r.Choices[0].Count != 3 || r.Choices[0].Question != "基层治理" || r.Choices[0].Number != 2 {
		t.Fatalf("choices %+v", r.Choices)
	}
	if len(r.Votes) == 0 || r.Votes[0].Followers != 3 {
		t.Fatalf("votes %+v", r.Votes)
	}
	if _, text, _ := runCmd(t, "report", "--config", cfg); !strings.Contains(text, "## Unanswered") || !strings.Contains(text, "never used: ") ||
		!strings.Contains(text, "menu key (none: clicks without an EventKey)\t1") {
		t.Fatalf("report text:\n%s", text)
	}
	// The messages beside the questions: a number chosen, a click, 退订
	// are messages and no questions ("7 messages" above "4 questions" a
	// day had read as a miscount: a newcomer's run).
	questions := 0
	for _, d := range r.Days {
		questions += d.Questions
	}
	if _, text, _ := runCmd(t, "report", "--config", cfg); questions >= r.Messages ||
		!strings.Contains(strings.SplitN(text, "\n", 2)[0], fmt.Sprintf(": %d messages from %d followers, %d of them questions (the rest: ", r.Messages, r.Followers, questions)) {
		t.Errorf("report's first line, want %d messages, %d of them questions:\n%s", r.Messages, questions, text)
	}
	// An opt-in is none of the four answers: said what it was (an
	// operator's find: 订阅 and 退订了吗 listed with every count 0).
	if _, text, _ := runCmd(t, "report", "--config", cfg); !strings.Contains(text, `1× "退订了吗": card 0, list 0, rule 0, nothing 0, other 1 (last: opt_status)`) {
		t.Fatalf("report text of an opt-in's status asked:\n%s", text)
	}
	// An empty question (an unset shell variable) is refused, not taken
	// as "every vote"; a question is matched as votes keep it (trimmed,
	// without a filler: a review found 那个，基层治理 cleared nothing).
	if code, _, errOut := runCmd(t, "votes", "clear", "--config", cfg, " "); code != 2 || !strings.Contains(errOut, "empty") {
		t.Fatalf("votes clear with an empty question: %d %s", code, errOut)
	}
	if code, out, _ := runCmd(t, "votes", "clear", "--config", cfg, "那个，基层治理？"); code != 0 || !strings.Contains(out, "cleared 3 votes") {
		t.Fatalf("votes clear 基层治理？: %d %s", code, out)
	}
	// No question is no "every vote" either (an operator run cleared
	// them all asking for the usage): that takes --all.
	if code, _, errOut := runCmd(t, "votes", "clear", "--config", cfg); code != 2 || !strings.Contains(errOut, "--all") {
		t.Fatalf("votes clear with nothing: %d %s", code, errOut)
	}
	if code, _, errOut := runCmd(t, "votes", "clear", "--all", "--config", cfg, "基层治理"); code != 2 || !strings.Contains(errOut, "not both") {
		t.Fatalf("votes clear with a question and --all: %d %s", code, errOut)
	}
	if code, out, _ := runCmd(t, "votes", "clear", "--all", "--config", cfg); code != 0 || !strings.Contains(out, "cleared 0 votes") {
		t.Fatalf("votes clear --all: %d %s", code, out)
	}
	// A period past the log's retention is said to be cut to it (an
	// operator run's find: --since 400d's header claimed the year).
	if code, _, errOut := runCmd(t, "report", "--since", "400d", "--config", cfg); code != 0 || !strings.Contains(errOut, "reaches past insights.retention (90d)") {
		t.Fatalf("report --since 400d: %d %s", code, errOut)
	}
	// A question nobody voted on (mistyped) is said so, exit 1: it had
	// said "cleared 0 votes", exit 0 (an operator run's find).
	if code, _, errOut := runCmd(t, "votes", "clear", "--config", cfg, "不存在的问题"); code != 1 || !strings.Contains(errOut, `no votes on "不存在的问题"`) || !strings.Contains(errOut, "mpbot report") {
		t.Fatalf("votes clear of a question nobody voted on: %d %s", code, errOut)
	}
}

func TestShares(t *testing.T) {
	for _, c := range []struct {
		of   int
		ns   []int
		want string
	}{
		{3, []int{1, 1, 1, 0, 0}, "34% 33% 33% 0% 0%"}, // rounded one by one: 33% ×3, 99%
		{6, []int{1, 1, 1, 1, 1, 1}, "17% 17% 17% 17% 16% 16%"},
		{8, []int{1, 1, 1, 5, 0}, "13% 13% 12% 62% 0%"}, // one by one: 13 13 13 63, 102%
		{4, []int{1, 3, 0, 0, 0}, "25% 75% 0% 0% 0%"},
		{0, []int{0, 0}, "- -"},
	} {
		if got := strings.Join(shares(c.of, c.ns...), " "); got != c.want {
			t.Errorf("shares(%d, %v) = %s, want %s", c.of, c.ns, got, c.want)
		}
	}
}

// TestReportDailyWithoutReading: 每日一读 with no reading today (nothing of
// push.category left) gets 今天还没有每日一读, the daily rule's answer: the
// report counts it so, not among the unanswered topics (an operator run's
// find: [一读 每日] e.g. "每日一读" was listed as unanswered).
func TestReportDailyWithoutReading(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	t.Setenv("MPBOT_PUSH_CATEGORY", "无此栏目") // no reading to give today
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	sim := simulatorFor(t, cfg, base)
	for i, text := range []string{"每日一读", "红烧肉怎么做"} {
		out, err := sim.Send(context.Background(), wechat.Inbound{From: "o_daily", MsgType: "text", Content: text, MsgID: int64(i + 1), CreateTime: time.Now().Unix()})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 && !strings.Contains(out.Content, "今天还没有每日一读") {
			t.Fatalf("每日一读 with no reading today: %+v", out)
		}
	}
	stop()
	code, out, errOut := runCmd(t, "report", "--config", cfg, "--json")
	var r insights.Report
	if code != 0 || json.Unmarshal([]byte(out), &r) != nil {
		t.Fatalf("report: %d %s %s", code, out, errOut)
	}
	var examples []string
	for _, topic := range r.Unanswered {
		examples = append(examples, topic.Examples...)
	}
	if slices.Contains(examples, "每日一读") || !slices.Contains(examples, "红烧肉怎么做") {
		t.Errorf("unanswered examples %q: want 红烧肉怎么做 and not 每日一读", examples)
	}
	// Without insights.key in this shell, no votes is not said to be
	// none kept: serve may keep them with its own (an operator run's find).
	if _, text, _ := runCmd(t, "report", "--config", cfg); !strings.Contains(text, "none, or none kept: serve keeps votes when it has insights.key (MPBOT_INSIGHTS_KEY), which this shell does not") {
		t.Errorf("report without votes or a key:\n%s", text)
	}
}

// TestReportSaysTopicsNotListed: past the topics listed, the report says
// how many more there are, and it marks a menu key no rule answers (the
// console does both too).
func TestReportSaysTopicsNotListed(t *testing.T) {
	r := &insights.Report{Unanswered: []insights.Topic{{Terms: []string{"申论"}, Count: 3, Followers: 3, Examples: []string{"申论怎么写"}}}, UnansweredTopics: 151, UnlistedQuestions: 160,
		Keys: []insights.Hits{{Name: "OLD_KEY", Count: 2}, {Name: "HELP", Count: 1}}, UnknownKeys: []string{"OLD_KEY"}}
	var out strings.Builder
	printReport(&out, r, true)
	if !strings.Contains(out.String(), "… and 150 more topics of 160 questions, each asked less") {
		t.Errorf("report:\n%s", out.String())
	}
	// A key no rule answers is marked, apart from the keys that work.
	if !strings.Contains(out.String(), "menu key OLD_KEY\t2\tno rule answers it") || strings.Contains(out.String(), "menu key HELP\t1\tno rule") {
		t.Errorf("report's keys:\n%s", out.String())
	}
}

// reportJSON runs `mpbot report --json` on cfg.
func reportJSON(t *testing.T, cfg string) insights.Report {
	t.Helper()
	code, out, errOut := runCmd(t, "report", "--config", cfg, "--json")
	var r insights.Report
	if code != 0 || json.Unmarshal([]byte(out), &r) != nil {
		t.Fatalf("report: %d %s %s", code, out, errOut)
	}
	return r
}

// TestReportPushOptOutsOfRealFollowers: the report's push section counts
// the followers the push reached who opted out (退订) or unfollowed within
// 24 hours of it. An operator run's find: after `mpbot push` (log mode)
// reached 175 followers, three of them sent 退订, two unfollowed and one
// pressed the menu's UNSUBSCRIBE, and the report said
//
//	2026-12-06	done	175	154	0	0	0	0
//
// (opt-outs within 24 h: 0, expected 6). The query log keeps a follower
// as a keyed hash, the push ledger keeps the openid: the report looks the
// hashes up among the ledger's recipients and finds none, whatever happens.
// (insights' own test gives both the same ids, "f1", so it passes.)
func TestReportPushOptOutsOfRealFollowers(t *testing.T) {
	pushAwayFromNow(t)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	t.Setenv("MPBOT_INSIGHTS_KEY", "test-key-test-key")
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	sim := simulatorFor(t, cfg, base)
	msg := int64(0)
	send := func(in wechat.Inbound) {
		t.Helper()
		msg++
		in.CreateTime = time.Now().Unix()
		if in.MsgType != "event" {
			in.MsgID = msg
		}
		if _, err := sim.Send(context.Background(), in); err != nil {
			t.Fatal(err)
		}
	}
	for _, who := range []string{"o_stays", "o_optout", "o_leaves"} {
		send(wechat.Inbound{From: who, MsgType: "text", Content: "基层治理"})
	}
	// The follower table is written behind the replies: wait for all three.
	waitFor(t, func() bool {
		_, out, _ := runCmd(t, "push", "--config", cfg, "--dry-run")
		return strings.Contains(out, "3 followers")
	}, "three followers to push to")
	code, out, errOut := runCmd(t, "push", "--config", cfg)
	if code != 0 || !strings.Contains(out, "sent 3") {
		t.Fatalf("push: %d %s %s", code, out, errOut)
	}
	send(wechat.Inbound{From: "o_optout", MsgType: "text", Content: "退订"})
	send(wechat.Inbound{From: "o_leaves", MsgType: "event", Event: "unsubscribe"})
	stop() // flushes the query log
	r := reportJSON(t, cfg)
	if len(r.Push) != 1 || r.Push[0].Sent != 3 {
		t.Fatalf("push %+v", r.Push)
	}
	if r.Push[0].OptOuts != 2 {
		t.Errorf("opt-outs within 24 h of the push: %d, want 2 (o_optout's 退订 and o_leaves' unfollow)", r.Push[0].OptOuts)
	}
}

// TestReportQuestionOfListIsNoVote: 这篇讲的什么 after a numbered list, none
// opened, asks which one (it had searched again and shown the list as the
// answer to 这篇讲的什么); the number the follower then sends picks an item of
// the list's question. An operator run's find (19 followers, on the corpus):
// the report listed 这篇讲的什么 as its own question (Most asked: 19×
// "这篇讲的什么": list 19), its items as choices and votes of the question
// "这篇讲的什么" (1× "这篇讲的什么" → item 4 (xwlb-20240203-07), …, seven
// vote lines), and proposed synonyms like
//
//   - [政府工作报告, 这篇]   # both ended at doc-c8ea2145 (3×)
//
// which would make every 政府工作报告 question find what 这篇 finds. The
// README says a question of the answer shown picks none; the vote belongs
// to the list's question.
func TestReportQuestionOfListIsNoVote(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	t.Setenv("MPBOT_INSIGHTS_KEY", "test-key-test-key")
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	sim := simulatorFor(t, cfg, base)
	msg := int64(0)
	ask := func(who, text string) *wechat.Outbound {
		t.Helper()
		msg++
		out, err := sim.Send(context.Background(), wechat.Inbound{From: who, MsgType: "text", Content: text, MsgID: msg, CreateTime: time.Now().Unix()})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	for _, who := range []string{"o_a", "o_b"} {
		if out := ask(who, "基层治理"); !strings.Contains(out.Content, "2. ") {
			t.Fatalf("want a list for 基层治理: %+v", out)
		}
		if out := ask(who, "这篇讲的什么"); !strings.Contains(out.Content, "回复序号（1 到 ") {
			t.Fatalf("这篇讲的什么 after the list: want to be asked which one, got %+v", out)
		}
		if out := ask(who, "2"); out.MsgType != "news" {
			t.Fatalf("2 after the list: %+v", out)
		}
	}
	stop()
	r := reportJSON(t, cfg)
	for _, c := range r.Choices {
		if strings.Contains(c.Question, "这篇") {
			t.Errorf("choice of the question %q → item %d (%s): the list's question is 基层治理", c.Question, c.Number, c.Article)
		}
	}
	for _, v := range r.Votes {
		if strings.Contains(v.Question, "这篇") {
			t.Errorf("vote on the question %q → %s", v.Question, v.Article)
		}
	}
	for _, s := range r.Synonyms {
		if strings.Contains(s.A+s.B, "这篇") {
			t.Errorf("synonym proposed: [%s, %s]", s.A, s.B)
		}
	}
}

// TestConsoleMostAskedSaysOther: the console's most asked questions add
// up as the report's do. An operator run's find: `mpbot report` said
//
//	23× "2": card 0, list 0, rule 0, nothing 0, other 23 (last: no_list)
//	11× "订阅": card 0, list 0, rule 0, nothing 0, other 11 (last: opt_in)
//
// and the console's 最常问的问题 showed the rows 2 | 23 | 0 | 0 | 0 | 0 and
// 订阅 | 11 | 0 | 0 | 0 | 0: asked 23 times, answered in none of the ways
// shown, and not unanswered either. It has no column for the rest.
func TestConsoleMostAskedSaysOther(t *testing.T) {
	const token = "console-test-token-123"
	t.Setenv("MPBOT_ADMIN_TOKEN", token)
	t.Setenv("MPBOT_ADMIN_ADDR", "127.0.0.1:0")
	t.Setenv("MPBOT_INSIGHTS_KEY", "test-key-test-key")
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	defer stop()
	sim := simulatorFor(t, cfg, base)
	for i := range 3 {
		if _, err := sim.Send(context.Background(), wechat.Inbound{From: "o_num", MsgType: "text", Content: "订阅", MsgID: int64(i + 1), CreateTime: time.Now().Unix()}); err != nil {
			t.Fatal(err)
		}
	}
	m := adminRe.FindStringSubmatch(logs.String())
	if m == nil {
		t.Fatalf("no admin console in the log:\n%s", logs)
	}
	var page string
	waitFor(t, func() bool {
		req, _ := http.NewRequest("GET", "http://"+m[1]+"/", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		page = string(b)
		// All three counted: the query log is written in batches, and
		// the row had shown 2 of them (a CI rehearsal's flake).
		return strings.Contains(page, "<td>订阅</td>") && strings.Contains(page, `<td class="n">3（最近`)
	}, "订阅 among the most asked, asked 3 times")
	row := regexp.MustCompile(`<tr><td>订阅</td>(.*?)</tr>`).FindString(page)
	if !strings.HasSuffix(row, `<td class="n">0</td><td class="n">0</td><td class="n">0</td><td class="n">0</td><td class="n">3（最近：开启每日一读）</td></tr>`) {
		t.Errorf("the console's row for 订阅 (asked 3 times, 3 opt-ins) says how it was answered in none of its columns: %s", row)
	}
}

// TestReportNeverUsedKeysAreTheMenus: a rule's menu key no button of
// menu.buttons carries can never be clicked: with the shipped empty menu
// the report listed `menu key DAILY_READING, menu key EXAM_ANALYSIS` as
// never used (a newcomer run's find). With a menu, its keys nobody clicked
// are.
func TestReportNeverUsedKeysAreTheMenus(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好") // the store
	_, text, errOut := runCmd(t, "report", "--config", cfg)
	if !strings.Contains(text, "never used: ") || strings.Contains(text, "menu key DAILY_READING") || strings.Contains(text, "menu key EXAM_ANALYSIS") {
		t.Fatalf("report with no menu:\n%s\n%s", text, errOut)
	}
	shipped, _ := os.ReadFile(cfg)
	withMenu := strings.Replace(string(shipped), "  buttons: []\n", "  buttons:\n    - {name: 遴选, type: click, key: EXAM_ANALYSIS}\n", 1)
	if err := os.WriteFile(cfg, []byte(withMenu), 0o644); err != nil {
		t.Fatal(err)
	}
	_, text, errOut = runCmd(t, "report", "--config", cfg)
	if !strings.Contains(text, "menu key EXAM_ANALYSIS") || strings.Contains(text, "menu key DAILY_READING") {
		t.Fatalf("report with a menu of EXAM_ANALYSIS:\n%s\n%s", text, errOut)
	}
}

// TestReportEmptySectionsSayNone: each section with nothing to list says
// (none), alike; a rule never used is listed once, under never used, not
// also at 0 above it (a newcomer's run: sections empty, header-only,
// (none) or rules at 0 repeated below).
func TestReportEmptySectionsSayNone(t *testing.T) {
	cfg := writeConfig(t, t.TempDir(), "")
	runCmd(t, "try", "--config", cfg, "你好") // the store
	_, text, errOut := runCmd(t, "report", "--config", cfg)
	sections := strings.Split(text, "\n## ")[1:]
	if len(sections) < 9 {
		t.Fatalf("report:\n%s\n%s", text, errOut)
	}
	for _, sec := range sections {
		title, body, _ := strings.Cut(sec, "\n")
		switch {
		case strings.HasPrefix(title, "Rules and menu keys"):
			if !strings.HasPrefix(body, "never used: rule help, ") || regexp.MustCompile(`(?m)^rule \S+\t0`).MatchString(body) {
				t.Errorf("%s:\n%s", title, body)
			}
		case strings.HasPrefix(title, "Followers' votes"): // says why there may be none
		case !strings.HasPrefix(body, "(none)\n"):
			t.Errorf("%s: want (none), got:\n%s", title, body)
		}
	}
	if first, _, _ := strings.Cut(text, "\n"); strings.Contains(first, "of them questions") {
		t.Errorf("first line: %s", first)
	}
}

// TestSinceIsDaysWeeksOrHours: --since 1m, an operator's month, was read
// as one minute and the last minute reported as if it were the month
// (a newcomer's run); weeks were refused. Minutes and a bare number are
// refused saying what to give.
func TestSinceIsDaysWeeksOrHours(t *testing.T) {
	for _, c := range []struct {
		in   string
		want time.Duration
		err  string
	}{
		{"7d", 7 * 24 * time.Hour, ""}, {"2w", 14 * 24 * time.Hour, ""}, {"12h", 12 * time.Hour, ""}, {"30d", 30 * 24 * time.Hour, ""},
		{"1m", 0, `--since "1m" is minutes: give days, weeks or hours (a month is 30d`}, {"90m", 0, "is minutes"},
		{"30", 0, "give days, weeks or hours"}, {"3650d", 3650 * 24 * time.Hour, ""}, {"3651d", 0, "more than ten years"}, {"522w", 0, "more than ten years"}, {"99999999999999999d", 0, "more than ten years"}, {"0d", 0, "give days"}, {"-2w", 0, "give days"}, {"30s", 0, "give days"}, {"1mo", 0, "give days"},
	} {
		d, err := parseSince(c.in)
		if c.err == "" && (err != nil || d != c.want) || c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)) {
			t.Errorf("parseSince(%q) = %v, %v; want %v, %q", c.in, d, err, c.want, c.err)
		}
	}
	cfg := writeConfig(t, t.TempDir(), "")
	runCmd(t, "try", "--config", cfg, "你好") // a store
	for _, args := range [][]string{{"report"}, {"followers", "stats"}} {
		if code, _, errOut := runCmd(t, append(args, "--config", cfg, "--since", "1m")...); code != 2 || !strings.Contains(errOut, "a month is 30d") {
			t.Errorf("%v --since 1m: exit %d\n%s", args, code, errOut)
		}
	}
}

// TestReportCountsOptOutAsOptIn: the report's first line said "N of them
// questions (the rest: …, 退订, …)", while 订阅 was counted as one, under
// other (a newcomer's run): both are, and 退订 still counts as leaving.
func TestReportCountsOptOutAsOptIn(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	t.Setenv("MPBOT_INSIGHTS_KEY", "test-key-test-key")
	pushAwayFromNow(t)
	base, stop := startServe(t, cfg, &syncBuffer{})
	sim := simulatorFor(t, cfg, base)
	msg := int64(0)
	truthAsk(t, sim, &msg, "o_sw", "退订", "订阅")
	stop()
	r := reportJSON(t, cfg)
	q := 0
	for _, d := range r.Days {
		q += d.Questions
	}
	if r.Messages != 2 {
		t.Fatalf("messages %d, want 2", r.Messages)
	}
	if q != 2 {
		t.Errorf("of 退订 and 订阅, %d counted as questions, want both", q)
	}
	if _, text, _ := runCmd(t, "report", "--config", cfg); !strings.Contains(text, `1× "退订": card 0, list 0, rule 0, nothing 0, other 1 (last: opt_out)`) || !strings.Contains(text, "Leaving: 0 unfollowed; 1 turned the daily reading off") {
		t.Errorf("report:\n%s", text)
	}
}
