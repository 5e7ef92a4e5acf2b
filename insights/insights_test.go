package insights

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"mpbot/bot"
	"mpbot/content"
	"mpbot/store"
	"mpbot/store/storetest"
)

// words stands for the search's segmenter: the tests' questions are spaced.
func words(text string) []string { return strings.Fields(text) }

// TestLogWritesAndVotes: events reach the store in batches with the
// follower hashed, and a follow-up is a vote the bot sees at once.
func TestLogWritesAndVotes(t *testing.T) {
	s := storetest.SQLite(t)
	ctx := context.Background()
	l, err := Open(ctx, s, Config{Key: "k", Retention: 90 * 24 * time.Hour}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	l.Record(ctx, bot.Event{At: now, From: "o_secret_openid", Kind: bot.KindText, Text: "遴选 准备", Outcome: bot.OutcomeList,
		Hits: []bot.Scored{{ID: "a", Score: 0.5}, {ID: "b", Score: 0.4}}})
	l.Record(ctx, bot.Event{At: now, From: "o_secret_openid", Kind: bot.KindText, Text: "2", Outcome: bot.OutcomeFollowUp,
		Number: 2, Query: "遴选 准备", Article: "b"})
	// A follower decides how long a message is: the log keeps what search
	// reads of it, and every report reads no more.
	l.Record(ctx, bot.Event{At: now, From: "o_paste", Kind: bot.KindText, Text: strings.Repeat("政策文件全文", 8000), Outcome: bot.OutcomeNoMatch})
	// ... and of the list question a choice carries, and its vote.
	l.Record(ctx, bot.Event{At: now, From: "o_paste", Kind: bot.KindText, Text: "1", Outcome: bot.OutcomeFollowUp,
		Number: 1, Query: strings.Repeat("长问题", 16000), Article: "a"})
	// A choice from a list no search ranked (the past readings) is no vote.
	l.Record(ctx, bot.Event{At: now, From: "o_paste", Kind: bot.KindText, Text: "1", Outcome: bot.OutcomeFollowUp,
		Number: 1, Query: "往期每日一读", Rule: "daily", Article: "a"})
	l.Close(ctx)
	var got []store.Query
	s.EachQuery(ctx, now.Add(-time.Minute), func(q store.Query) error { got = append(got, q); return nil })
	if len(got) != 5 || utf8.RuneCountInString(got[2].Text) != maxLoggedRunes || !strings.HasSuffix(got[2].Text, "…") ||
		utf8.RuneCountInString(got[3].Question) != maxLoggedRunes {
		t.Fatalf("logged a pasted text of %d characters", utf8.RuneCountInString(got[2].Text))
	}
	voted, err := s.Votes(ctx)
	if err != nil || len(voted) != 2 {
		t.Fatalf("votes %d: %v", len(voted), err)
	}
	for _, v := range voted {
		if utf8.RuneCountInString(v.Question) > maxLoggedRunes {
			t.Fatalf("a vote kept a question of %d characters", utf8.RuneCountInString(v.Question))
		}
	}
	got = got[:2]
	if len(got) != 2 || got[0].Follower == "" || strings.Contains(got[0].Follower, "o_secret") || got[0].Follower != got[1].Follower ||
		got[0].Hits != `[{"id":"a","score":0.5},{"id":"b","score":0.4}]` || got[1].Question != "遴选 准备" {
		t.Fatalf("logged %+v", got)
	}
	if b := l.Votes().Boosts("遴选 准备")["b"]; b < 0.09 || b > 0.1 {
		t.Fatalf("boost %v after one vote", b)
	}
	// Another process sees the vote from the store.
	again, err := Open(ctx, s, Config{Key: "k"}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close(ctx)
	if again.Votes().Boosts("遴选 准备")["b"] == 0 || again.Follower("o_secret_openid") != got[0].Follower {
		t.Fatal("votes or follower hash not the same in another process")
	}
}

// TestVotesDecayAndCountFollowersOnce: a follower's votes count once; a
// vote loses half its worth in 30 days.
func TestVotesDecayAndCountFollowersOnce(t *testing.T) {
	now := time.Now()
	v := NewVotes(func() time.Time { return now })
	v.add(store.Vote{Question: "q", Article: "a", Follower: "f1", At: now})
	v.add(store.Vote{Question: "q", Article: "a", Follower: "f1", At: now})
	v.add(store.Vote{Question: "q", Article: "a", Follower: "f2", At: now.Add(-30 * 24 * time.Hour)})
	if b := v.Boosts("q")["a"]; b < 0.149 || b > 0.151 {
		t.Fatalf("boost %v, want 0.1 + 0.05", b)
	}
	if v.Boosts("other") != nil {
		t.Fatal("votes leak to another question")
	}
}

// TestReport: a seeded log gives the expected groups, counts and orderings.
func TestReport(t *testing.T) {
	s := storetest.SQLite(t)
	ctx := context.Background()
	loc := time.UTC
	day1 := time.Date(2026, 11, 24, 9, 0, 0, 0, loc)
	day2 := day1.Add(24 * time.Hour)
	q := func(at time.Time, follower, text, outcome string, extra func(*store.Query)) store.Query {
		x := store.Query{At: at, Follower: follower, Kind: "text", Text: text, Outcome: outcome, Hits: "[]"}
		if extra != nil {
			extra(&x)
		}
		return x
	}
	best := func(id string, score string) func(*store.Query) {
		return func(x *store.Query) { x.Hits = `[{"id":"` + id + `","score":` + score + `}]` }
	}
	log := []store.Query{
		// Unanswered, about registering for the exam: one topic, three followers.
		q(day1, "f1", "遴选 报名 入口", "no_match", best("x-1", "0.3")),
		q(day1, "f2", "遴选 报名 时间", "no_match", best("x-2", "0.35")),
		q(day2, "f3", "报名 入口", "no_match", nil),
		q(day2, "f1", "遴选 报名 入口", "no_match", nil),
		// Another topic: one question, a weak list.
		q(day2, "f4", "面试 穿什么", "list", best("y-1", "0.45")),
		// Answered well.
		q(day1, "f1", "枫桥经验", "card", func(x *store.Query) { x.Article = "fq"; x.Hits = `[{"id":"fq","score":0.9}]` }),
		q(day2, "f2", "枫桥经验", "card", func(x *store.Query) { x.Article = "fq"; x.Hits = `[{"id":"fq","score":0.9}]` }),
		q(day2, "f5", "小事不出村", "card", func(x *store.Query) { x.Article = "fq"; x.Hits = `[{"id":"fq","score":0.85}]` }),
		q(day2, "f2", "帮助", "rule", func(x *store.Query) { x.Rule = "help" }),
		q(day2, "f3", "基层 治理", "list", best("jc", "0.7")),
		q(day2, "f3", "2", "follow_up", func(x *store.Query) { x.Number, x.Question, x.Article = 2, "基层 治理", "sx" }),
		// Chosen from the past readings: no synonym of the article's
		// questions (往期每日一读 had been proposed as one).
		q(day2, "f3", "1", "follow_up", func(x *store.Query) { x.Number, x.Question, x.Article, x.Rule = 1, "往期每日一读", "fq", "daily" }),
		{At: day2, Follower: "f6", Kind: "subscribe", Outcome: "subscribe", Key: "expo"},
		{At: day2, Follower: "f7", Kind: "subscribe", Outcome: "subscribe", Key: "expo"},
		{At: day2, Follower: "f8", Kind: "subscribe", Outcome: "subscribe"},
		{At: day2, Follower: "f1", Kind: "click", Outcome: "menu", Key: "DAILY_READING", Rule: "daily"},
		{At: day2.Add(time.Hour), Follower: "f2", Kind: "text", Text: "退订", Outcome: "opt_out"},
		// Sent again: one follower leaving, not three (a fleet operator's find).
		{At: day2.Add(time.Hour), Follower: "f2", Kind: "text", Text: "退订", Outcome: "opt_out"},
		{At: day2.Add(time.Hour), Follower: "f2", Kind: "text", Text: "退訂", Outcome: "opt_out"},
		// The menu's 退订 by one the push reached counts (it did not: a
		// follower run's find); one who followed after the push and left
		// got nothing from it, and does not.
		{At: day2.Add(time.Hour), Follower: "o1", Kind: "click", Outcome: "opt_out", Key: "UNSUBSCRIBE"},
		{At: day2.Add(time.Hour), Follower: "f9", Kind: "text", Text: "退订", Outcome: "opt_out"},
		// A page of a list's question is no question of its own (it was
		// listed as asked and unanswered, its page having no hits).
		q(day2, "f3", "更多", "more", func(x *store.Query) { x.Question = "基层 治理"; x.Hits = "" }),
		// A question whose sure answer the follower said was not it: a
		// topic as good as unanswered (不是这个 had been searched).
		q(day2, "f11", "公文 写作", "card", func(x *store.Query) { x.Article = "lw"; x.Hits = `[{"id":"lw","score":0.82}]` }),
		q(day2, "f11", "不是这个", "rejected", func(x *store.Query) { x.Question = "公文 写作"; x.Hits = "" }),
		// A card no search chose (a day's daily reading, logged so before
		// it was the daily rule's): answered, not a weak answer.
		q(day2, "f12", "昨日 导读 补发", "card", func(x *store.Query) { x.Article = "dr" }),
		// Questions that are none of the four: counted apart, so a day's
		// shares add up.
		q(day2, "f4", "订阅", "opt_in", nil),
		q(day2, "f5", "3", "no_list", nil),
		q(day2, "f5", "2", "unavailable", nil), // an apology while the store was down
		q(day2, "f5", "退订", "not_saved", nil),  // and one while it took no writes (a review's find: counted answered)
		// Questions that also ended at fq but are no term of a synonym
		// group: pasted into search.synonyms they would make 你好 a
		// synonym of 枫桥经验, or break the YAML.
		q(day2, "f9", "你好，枫桥经验", "card", func(x *store.Query) { x.Article = "fq"; x.Hits = `[{"id":"fq","score":0.9}]` }),
		q(day2, "f9", "[枫桥]", "card", func(x *store.Query) { x.Article = "fq"; x.Hits = `[{"id":"fq","score":0.9}]` }),
		q(day2, "f9", "枫桥\t经验", "card", func(x *store.Query) { x.Article = "fq"; x.Hits = `[{"id":"fq","score":0.9}]` }),
		// A pasted article, logged before the log kept only what search reads.
		q(day2, "f10", strings.Repeat("长文", 20000), "no_match", nil),
		// A pasted notice holding words of both topics above: it must not
		// chain them into one.
		q(day2, "f10", "关于 遴选 报名 的 通知 面试 时间 穿什么 资格 审查 体检 考察 公示 录用 培训 试用期 安排 如下", "no_match", nil),
	}
	if err := s.RecordQueries(ctx, log); err != nil {
		t.Fatal(err)
	}
	// The push of day 2, and a vote.
	if err := s.AcquirePush(ctx, "2026-11-25", "me", day2, time.Minute); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Upsert(ctx, content.Article{ID: "fq", Title: "枫桥经验", URL: "https://example.com/fq"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ScheduleDaily(ctx, "2026-11-25", "fq"); err != nil {
		t.Fatal(err)
	}
	// o3's call was under way when the run stopped: in flight, which push
	// status counts and the report left out.
	if err := s.RecordDeliveries(ctx, []store.Delivery{{Day: "2026-11-25", Recipient: "o1", ArticleID: "fq", Mode: "customer", State: store.Sent},
		{Day: "2026-11-25", Recipient: "o2", ArticleID: "fq", Mode: "customer", State: store.Skipped, Reason: "45015"},
		{Day: "2026-11-25", Recipient: "o3", ArticleID: "fq", Mode: "customer", State: store.Sending},
		{Day: "2026-11-25", Recipient: "f2", ArticleID: "fq", Mode: "customer", State: store.Sent}}); err != nil {
		t.Fatal(err)
	}
	votes := NewVotes(func() time.Time { return day2 })
	votes.add(store.Vote{Question: "基层 治理", Article: "sx", Follower: "f3", At: day2})

	r, err := Build(ctx, Source{Store: s, Votes: votes, Terms: words, Follower: func(openid string) string { return openid }, Rules: []string{"help", "daily", "exam"},
		Keys: map[string][]string{"daily": {"DAILY_READING"}, "exam": {"EXAM_ANALYSIS"}}, WeakScore: 0.6, Loc: loc}, day1.Add(-time.Hour), day2.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Unanswered) != 5 || !slices.ContainsFunc(r.Unanswered, func(tp Topic) bool { return tp.Examples[0] == "公文 写作" && tp.Count == 1 }) {
		t.Fatalf("topics %+v", r.Unanswered)
	}
	for _, topic := range r.Unanswered {
		if n := utf8.RuneCountInString(topic.Examples[0]); n > shownRunes {
			t.Fatalf("an example of %d characters shown", n)
		}
	}
	top := r.Unanswered[0]
	if top.Count != 4 || top.Followers != 3 || top.Examples[0] != "遴选 报名 入口" || len(top.Examples) != 3 ||
		top.Terms[0] != "报名" || top.Best != (bot.Scored{ID: "x-2", Score: 0.35}) {
		t.Fatalf("first topic %+v", top)
	}
	// The pasted notice stands alone; 面试 穿什么 stays a topic of its own.
	for _, example := range []string{"面试 穿什么", "关于 遴选 报名"} {
		i := slices.IndexFunc(r.Unanswered, func(tp Topic) bool { return strings.HasPrefix(tp.Examples[0], example) })
		if i < 0 || r.Unanswered[i].Count != 1 {
			t.Fatalf("the topic of %q: %+v", example, r.Unanswered)
		}
	}
	// Most asked first; equal counts in text order. 退订 typed (4 times, one
	// of them 退訂) is asked as 订阅 is, under other; the menu's button is
	// no question.
	if r.Asked[0].Text != "退订" || r.Asked[0].Other != 4 || r.Asked[1].Text != "枫桥经验" || r.Asked[1].Card != 2 || r.Asked[2].Text != "遴选 报名 入口" || r.Asked[2].NoMatch != 2 || r.Asked[3].Count != 1 {
		t.Fatalf("asked %+v", r.Asked[:3])
	}
	if len(r.Days) != 2 || r.Days[0] != (Day{Day: "2026-11-24", Questions: 3, Card: 1, NoMatch: 2}) ||
		r.Days[1] != (Day{Day: "2026-11-25", Questions: 22, Card: 7, List: 2, NoMatch: 4, Rule: 1, Other: 8, Unavailable: 2}) {
		t.Fatalf("days %+v", r.Days)
	}
	if r.Rules[0] != (Hits{Name: "help", Count: 1}) || r.Rules[2] != (Hits{Name: "exam", Count: 0}) ||
		!slices.Equal(r.NeverHit, []string{"rule exam", "menu key EXAM_ANALYSIS"}) {
		t.Fatalf("rules %+v never %v", r.Rules, r.NeverHit)
	}
	if len(r.Choices) != 2 || r.Choices[0] != (Choice{Question: "基层 治理", Number: 2, Article: "sx", Count: 1}) {
		t.Fatalf("choices %+v", r.Choices)
	}
	if len(r.Push) != 1 || r.Push[0].Sent != 2 || r.Push[0].Skipped != 1 || r.Push[0].InFlight != 1 || r.Push[0].OptOuts != 2 {
		t.Fatalf("push %+v", r.Push)
	}
	if !slices.Contains(r.Keys, Hits{Name: "UNSUBSCRIBE", Count: 1}) {
		t.Fatalf("keys %+v: the menu's 退订 used once", r.Keys)
	}
	if !slices.Equal(r.NewFollowers, []Hits{{Name: "expo", Count: 2}, {Name: "", Count: 1}}) {
		t.Fatalf("new followers %+v", r.NewFollowers)
	}
	if len(r.Synonyms) != 1 || r.Synonyms[0].A != "小事不出村" || r.Synonyms[0].B != "枫桥经验" || r.Synonyms[0].Article != "fq" {
		t.Fatalf("synonyms %+v", r.Synonyms)
	}
	// A pair search.synonyms already has is not proposed again.
	src := Source{Store: s, Votes: votes, Terms: words, Synonyms: [][]string{{"两会", "全国两会"}, {"枫桥经验", "小事不出村"}, {"枫桥经验", "新时代枫桥经验"}}, WeakScore: 0.6, Loc: loc}
	if again, err := Build(ctx, src, day1.Add(-time.Hour), day2.Add(2*time.Hour)); err != nil || len(again.Synonyms) != 0 {
		t.Fatalf("with the pair configured: %v %+v", err, again.Synonyms)
	}
	if len(r.Votes) != 1 || r.Votes[0].Article != "sx" || r.Votes[0].Followers != 1 {
		t.Fatalf("votes %+v", r.Votes)
	}
	// The three follow events are no messages, and f6, f7 and f8 only followed.
	if r.Messages != len(log)-3 || r.Followers != 10 {
		t.Fatalf("messages %d, followers %d", r.Messages, r.Followers)
	}
}

// TestLogKeepsWhatTheStoreRefuses: while the store refuses writes (a long
// import holding SQLite's lock), the log keeps its entries and writes them
// once the store takes them again.
func TestLogKeepsWhatTheStoreRefuses(t *testing.T) {
	s := storetest.SQLite(t)
	ctx := context.Background()
	l, err := Open(ctx, s, Config{Key: "k", Retention: time.Hour}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	var refusals atomic.Int64
	refusals.Store(3)
	record := l.record
	l.record = func(ctx context.Context, qs []store.Query) error {
		if refusals.Add(-1) >= 0 {
			return errors.New("database is locked (5) (SQLITE_BUSY)")
		}
		return record(ctx, qs)
	}
	now := time.Now()
	for i := range 300 {
		l.Record(ctx, bot.Event{At: now, From: "o", Kind: bot.KindText, Text: fmt.Sprint(i), Outcome: bot.OutcomeNoMatch})
	}
	for refusals.Load() > 0 { // until the store has refused three times
		time.Sleep(time.Millisecond)
	}
	l.Close(ctx)
	n := 0
	s.EachQuery(ctx, now.Add(-time.Minute), func(store.Query) error { n++; return nil })
	if n != 300 {
		t.Fatalf("%d of 300 entries logged", n)
	}
}

// TestLogCloseStopsAStuckWrite: Close ends a write stuck on a locked table
// (it ran on a context nothing cancelled, so Close waited for it past the
// shutdown) and says what it could not log.
func TestLogCloseStopsAStuckWrite(t *testing.T) {
	s := storetest.SQLite(t)
	var logs syncLog
	l, err := Open(context.Background(), s, Config{Key: "k"}, slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	var once sync.Once
	l.record = func(ctx context.Context, _ []store.Query) error {
		once.Do(func() { close(started) })
		<-ctx.Done()
		return ctx.Err()
	}
	l.Record(context.Background(), bot.Event{At: time.Now(), From: "o", Kind: bot.KindText, Text: "遴选", Outcome: bot.OutcomeNoMatch})
	<-started // the periodic write is stuck
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	closed := make(chan struct{})
	go func() { l.Close(ctx); close(closed) }()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("Close waited for a write it could not stop")
	}
	if !strings.Contains(logs.String(), "not written before shutdown") {
		t.Fatalf("logs: %s", logs.String())
	}
}

// syncLog collects log lines from several goroutines.
type syncLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncLog) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncLog) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestTopicsOfTextsWithoutTerms: the same unanswered text with no main term
// (嗯, 666) from two followers is one topic, not two of 1×; a topic's term is
// shown cut (a 5,000-digit message made a 1,135-character line).
func TestTopicsOfTextsWithoutTerms(t *testing.T) {
	s := storetest.SQLite(t)
	ctx := context.Background()
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	digits := strings.Repeat("1234567890", 500)
	log := []store.Query{
		{At: at, Follower: "f1", Kind: "text", Text: "嗯", Outcome: "no_match", Hits: "[]"},
		{At: at, Follower: "f2", Kind: "text", Text: "嗯", Outcome: "no_match", Hits: "[]"},
		{At: at, Follower: "f3", Kind: "text", Text: digits, Outcome: "no_match", Hits: "[]"},
	}
	if err := s.RecordQueries(ctx, log); err != nil {
		t.Fatal(err)
	}
	r, err := Build(ctx, Source{Store: s, Votes: NewVotes(time.Now), Terms: words, WeakScore: 0.6, Loc: time.UTC}, at.Add(-time.Hour), at.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Unanswered) != 2 || r.Unanswered[0].Count != 2 || r.Unanswered[0].Followers != 2 {
		t.Fatalf("topics %+v", r.Unanswered)
	}
	for _, term := range r.Unanswered[1].Terms {
		if utf8.RuneCountInString(term) > maxTermRunes+1 {
			t.Fatalf("a term of %d characters shown", utf8.RuneCountInString(term))
		}
	}
}

// TestSynonymsProposeTerms: questions that ended at one article propose
// the terms they ask about, once, not each way of asking (a follower
// run's find: 浦江经验吗, 浦江经验怎么理解 and 浦江经验是什么意思 were each
// proposed as a synonym of 基层治理).
func TestSynonymsProposeTerms(t *testing.T) {
	s := storetest.SQLite(t)
	ctx := context.Background()
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	dict := []string{"基层治理", "浦江经验", "什么", "怎么", "理解", "意思", "是", "吗"}
	cut := dictCut(dict)
	var log []store.Query
	for i, text := range []string{"浦江经验", "浦江经验吗", "浦江经验怎么理解", "浦江经验是什么意思"} {
		log = append(log, store.Query{At: at, Follower: fmt.Sprint("f", i), Kind: "text", Text: text, Outcome: "card", Article: "pj",
			Hits: `[{"id":"pj","score":0.9}]`})
	}
	log = append(log, store.Query{At: at, Follower: "f9", Kind: "text", Text: "2", Outcome: "follow_up", Number: 2, Question: "基层治理", Article: "pj", Hits: "[]"},
		store.Query{At: at, Follower: "f8", Kind: "text", Text: "2", Outcome: "follow_up", Number: 2, Question: "基层治理", Article: "pj", Hits: "[]"})
	if err := s.RecordQueries(ctx, log); err != nil {
		t.Fatal(err)
	}
	r, err := Build(ctx, Source{Store: s, Votes: NewVotes(time.Now), Terms: cut, WeakScore: 0.6, Loc: time.UTC}, at.Add(-time.Hour), at.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Synonyms) != 1 || r.Synonyms[0].A != "基层治理" || r.Synonyms[0].B != "浦江经验" || r.Synonyms[0].Count != 6 {
		t.Fatalf("synonyms %+v, want 基层治理 and 浦江经验 once, from 6 questions", r.Synonyms)
	}
	// An article holding both terms is about both: no synonyms (an
	// operator's find: pasted, every 基层治理 question would find 浦江经验).
	// One holding only 浦江经验 may be what 基层治理 was asked for.
	// Its tags are its own words too (a fleet run's find: the demo's 枫桥经验
	// article, tagged 基层治理, was proposed as its synonym).
	for _, c := range []struct {
		body string
		tags []string
		want int
	}{
		{"浦江经验是基层治理的好办法。", nil, 0},
		{"浦江经验是领导干部下访接访的制度。", nil, 1},
		{"浦江经验是领导干部下访接访的制度。", []string{"基层治理"}, 0},
	} {
		if _, _, err := s.Upsert(ctx, content.Article{ID: "pj", Title: "传承践行浦江经验", URL: "https://example.com/pj", Body: c.body, Tags: c.tags}); err != nil {
			t.Fatal(err)
		}
		r, err := Build(ctx, Source{Store: s, Votes: NewVotes(time.Now), Terms: cut, WeakScore: 0.6, Loc: time.UTC}, at.Add(-time.Hour), at.Add(time.Hour))
		if err != nil || len(r.Synonyms) != c.want {
			t.Errorf("the article's text %s, tags %v: synonyms %+v (%v), want %d", c.body, c.tags, r.Synonyms, err, c.want)
		}
	}
}

// TestDailyRuleAnswersWithoutReading: the daily rule's reply is its answer
// whatever it said, 今天还没有每日一读 (logged as no match) too (an operator
// run's find: 每日一读, today's reading removed, was an unanswered topic);
// a rule's search that found nothing, and a question no rule took, are
// still unanswered.
func TestDailyRuleAnswersWithoutReading(t *testing.T) {
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name       string
		q          store.Query
		unanswered bool
	}{
		{"the daily rule, no reading today", store.Query{Text: "每日一读", Outcome: "no_match", Rule: "daily"}, false},
		{"an operator's daily rule, no reading today", store.Query{Text: "今日一读", Outcome: "no_match", Rule: "一读"}, false},
		{"a rule's search that found nothing", store.Query{Text: "考试分析", Outcome: "no_match", Rule: "exam"}, true},
		{"no rule", store.Query{Text: "红烧肉", Outcome: "no_match"}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := storetest.SQLite(t)
			ctx := context.Background()
			q := c.q
			q.At, q.Follower, q.Kind, q.Hits = at, "f1", "text", "[]"
			if err := s.RecordQueries(ctx, []store.Query{q}); err != nil {
				t.Fatal(err)
			}
			r, err := Build(ctx, Source{Store: s, Votes: NewVotes(time.Now), Terms: words, Rules: []string{"daily", "一读", "exam"},
				DailyRules: []string{"daily", "一读"}, WeakScore: 0.6, Loc: time.UTC}, at.Add(-time.Hour), at.Add(time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			if got := len(r.Unanswered) > 0; got != c.unanswered || len(r.Days) != 1 || (r.Days[0].NoMatch == 1) != c.unanswered || (r.Days[0].Rule == 1) == c.unanswered {
				t.Errorf("unanswered %v, want %v: topics %+v, days %+v", got, c.unanswered, r.Unanswered, r.Days)
			}
		})
	}
}

// TestReportListsTheMostAskedTopics: one follower's many texts no one else
// asks are each a topic; the report lists the maxTopics most asked, the
// topic of several followers first, and counts the rest (a hostile-input
// run's find: 20,000 pasted texts made 20,000 lines, 24 s and 8 GB to
// build). A pasted text is read for its terms as far as maxTermText.
func TestReportListsTheMostAskedTopics(t *testing.T) {
	s := storetest.SQLite(t)
	ctx := context.Background()
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	var log []store.Query
	for i := range maxTopics + 50 {
		log = append(log, store.Query{At: at, Follower: "flood", Kind: "text", Text: fmt.Sprintf("话题%04d", i), Outcome: "no_match", Hits: "[]"})
	}
	for _, f := range []string{"f1", "f2", "f3"} {
		log = append(log, store.Query{At: at, Follower: f, Kind: "text", Text: "申论怎么写", Outcome: "no_match", Hits: "[]"})
	}
	if err := s.RecordQueries(ctx, log); err != nil {
		t.Fatal(err)
	}
	var read []int
	terms := func(text string) []string {
		read = append(read, utf8.RuneCountInString(text))
		return words(text)
	}
	pasted := strings.Repeat("全过程人民民主", 100)
	if err := s.RecordQueries(ctx, []store.Query{{At: at, Follower: "flood", Kind: "text", Text: pasted, Outcome: "no_match", Hits: "[]"}}); err != nil {
		t.Fatal(err)
	}
	r, err := Build(ctx, Source{Store: s, Votes: NewVotes(time.Now), Terms: terms, WeakScore: 0.6, Loc: time.UTC}, at.Add(-time.Hour), at.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Unanswered) != maxTopics || r.UnansweredTopics != maxTopics+52 || r.UnlistedQuestions != 52 || r.Unanswered[0].Followers != 3 {
		t.Fatalf("%d topics listed of %d, the first %+v", len(r.Unanswered), r.UnansweredTopics, r.Unanswered[0])
	}
	if longest := slices.Max(read); longest > maxTermText {
		t.Errorf("a text of %d characters read for its terms", longest)
	}
}

// TestReportNamesKeysNoRuleAnswers: a key clicked that no rule answered (a
// menu published before the config changed) is named apart from the keys
// that work; listed alike, it had hidden the stale menu (an operator run's
// find).
func TestReportNamesKeysNoRuleAnswers(t *testing.T) {
	s := storetest.SQLite(t)
	ctx := context.Background()
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	log := []store.Query{
		{At: at, Follower: "f1", Kind: "click", Key: "OLD_KEY", Outcome: string(bot.OutcomeUnknownKey), Hits: "[]"},
		{At: at, Follower: "f2", Kind: "click", Key: "OLD_KEY", Outcome: string(bot.OutcomeUnknownKey), Hits: "[]"},
		{At: at, Follower: "f1", Kind: "click", Key: "HELP", Outcome: string(bot.OutcomeMenu), Rule: "help", Hits: "[]"},
	}
	if err := s.RecordQueries(ctx, log); err != nil {
		t.Fatal(err)
	}
	r, err := Build(ctx, Source{Store: s, Votes: NewVotes(time.Now), Terms: words, Rules: []string{"help"}, Keys: map[string][]string{"help": {"HELP"}},
		WeakScore: 0.6, Loc: time.UTC}, at.Add(-time.Hour), at.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.UnknownKeys, []string{"OLD_KEY"}) || len(r.Keys) != 2 {
		t.Errorf("unknown keys %v, keys %v", r.UnknownKeys, r.Keys)
	}
}

// TestRefusedWhileTheStoreRefuses: the log says the store's error while it
// refuses the log's writes (a full disk), for the health checks, and
// nothing once it takes them again.
func TestRefusedWhileTheStoreRefuses(t *testing.T) {
	s := storetest.SQLite(t)
	ctx := context.Background()
	l, err := Open(ctx, s, Config{Key: "k", Retention: time.Hour}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close(ctx)
	var full atomic.Bool
	full.Store(true)
	record := l.record
	l.record = func(ctx context.Context, qs []store.Query) error {
		if full.Load() {
			return errors.New("database or disk is full (13)")
		}
		return record(ctx, qs)
	}
	if l.Refused() != nil {
		t.Fatal("refused before any write")
	}
	l.Record(ctx, bot.Event{At: time.Now(), From: "o", Kind: bot.KindText, Text: "遴选", Outcome: bot.OutcomeNoMatch})
	for l.Refused() == nil {
		time.Sleep(time.Millisecond)
	}
	if !strings.Contains(l.Refused().Error(), "disk is full") {
		t.Fatalf("refused: %v", l.Refused())
	}
	full.Store(false)
	for l.Refused() != nil { // the next write, within flushEvery
		time.Sleep(time.Millisecond)
	}
}

// dictCut cuts text into the words of dict, longest first as listed (as
// the segmenter reads them), and single characters between.
func dictCut(dict []string) func(string) []string {
	return func(text string) []string {
		var out []string
		for text != "" {
			i := slices.IndexFunc(dict, func(w string) bool { return strings.HasPrefix(text, w) })
			w := text[:len(string([]rune(text)[0]))]
			if i >= 0 {
				w = dict[i]
			}
			out = append(out, w)
			text = text[len(w):]
		}
		return out
	}
}
