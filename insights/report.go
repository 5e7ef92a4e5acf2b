package insights

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"mpbot/bot"
	"mpbot/content"
	"mpbot/store"
)

// Report is what followers asked over a period and how they were
// answered: `mpbot report` prints it and the console shows it.
type Report struct {
	Since     time.Time `json:"since"`
	Until     time.Time `json:"until"`
	Messages  int       `json:"messages"`
	Followers int       `json:"followers"` // distinct followers who wrote
	// Kept is how long the log keeps a question (insights.retention; 0:
	// not said), and LogOff that no question is logged (insights.enabled
	// is false): the log holds only what was logged before it was turned
	// off; LogOnRestart, that it was turned on in the file of a serve
	// that logs from its next start.
	Kept         time.Duration `json:"-"`
	LogOff       bool          `json:"log_off,omitempty"`
	LogOnRestart bool          `json:"log_on_restart,omitempty"`
	Unanswered   []Topic       `json:"unanswered"` // no match or a weak best answer, grouped by main terms: the maxTopics most asked
	// UnansweredTopics counts them all, listed or not, and
	// UnlistedQuestions the questions of those not listed.
	UnansweredTopics  int     `json:"unanswered_topics"`
	UnlistedQuestions int     `json:"unlisted_questions"`
	Asked             []Asked `json:"asked"` // the most asked questions
	Days              []Day   `json:"days"`  // answered shares by day
	Rules             []Hits  `json:"rules"` // rules by hits, most first (never hit last, with 0)
	Keys              []Hits  `json:"keys"`  // menu keys by clicks
	// UnknownKeys are the keys clicked that no rule answered (a menu
	// published before the config changed): followers got replies.default.
	UnknownKeys  []string  `json:"unknown_keys"`
	NeverHit     []string  `json:"never_hit"`     // rules and menu keys nothing used
	Choices      []Choice  `json:"choices"`       // which item followers picked for which question
	Push         []PushDay `json:"push"`          // the daily push by day
	NewFollowers []Hits    `json:"new_followers"` // new followers by channel (scene; "" for none)
	// Unfollowed counts the followers who unfollowed in the period, and
	// OptedOut those who turned the daily reading off (退订, the menu's
	// button): told only beside a push's day before (an operator run's
	// find).
	Unfollowed int        `json:"unfollowed"`
	OptedOut   int        `json:"opted_out"`
	Votes      []VoteLine `json:"votes"`
	Synonyms   []Synonym  `json:"synonyms"` // questions that ended at the same article
	// Titles are the titles of the articles named above, by id ("" for
	// one removed since).
	Titles map[string]string `json:"titles,omitempty"`
}

// Named is an article's id as the report shows it: with its title.
func (r *Report) Named(id string) string {
	if t := r.Titles[id]; t != "" {
		return fmt.Sprintf("%s 「%s」", id, bot.Cut(t, maxTermRunes))
	}
	return id
}

// Topic is a group of unanswered questions sharing main terms.
type Topic struct {
	Terms     []string   `json:"terms"`
	Count     int        `json:"count"`
	Followers int        `json:"followers"`
	Examples  []string   `json:"examples"` // the most asked, up to three
	Best      bot.Scored `json:"best"`
}

// Asked is one question and how it was answered.
type Asked struct {
	Text        string `json:"text"`
	Count       int    `json:"count"`
	Card        int    `json:"card"`
	List        int    `json:"list"`
	Mentions    int    `json:"mentions"` // of List, lists with no article about it (mentions; each of two topics asked together)
	NoMatch     int    `json:"no_match"`
	Rule        int    `json:"rule"`
	Other       int    `json:"other"` // opt-ins, numbers, 更多, the daily reading: the outcome last seen names which
	LastOutcome string `json:"last_outcome,omitempty"`
	Article     string `json:"article,omitempty"`
}

// Day counts a day's questions by how they were answered.
type Day struct {
	Day       string `json:"day"`
	Questions int    `json:"questions"`
	Card      int    `json:"card"`
	List      int    `json:"list"`
	Mentions  int    `json:"mentions"` // of List, lists with no article about the question (mentions; each of two topics)
	NoMatch   int    `json:"no_match"`
	Rule      int    `json:"rule"`
	// Other is the rest of the day's questions: numbers with no list
	// open or outside it, and the daily reading turned on; the five add
	// up to Questions.
	Other int `json:"other"`
	// Unavailable, of Other, are the apologies sent while the store or the
	// lists could not be read, or a change to the daily reading not be
	// saved: no answer.
	Unavailable int `json:"unavailable"`
}

// Hits counts uses of a rule, a menu key or a channel.
type Hits struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
	// Gone marks a rule no longer in the config (renamed or removed in the
	// period): its answers were given, and are counted under the name they
	// were given by.
	Gone bool `json:"gone,omitempty"`
}

// Choice is an item followers picked from the list a question gave.
type Choice struct {
	Question string `json:"question"`
	Number   int    `json:"number"`
	Article  string `json:"article"`
	Count    int    `json:"count"`
}

// PushDay is a day of the daily push.
type PushDay struct {
	Day      string `json:"day"`
	State    string `json:"state"` // the run's state, or Missed
	Sent     int    `json:"sent"`
	Skipped  int    `json:"skipped"`
	Failed   int    `json:"failed"`
	Unknown  int    `json:"unknown"`
	InFlight int    `json:"in_flight"` // marked sending: under way, or of a run stopped mid-call (push status's "in flight")
	OptOuts  int    `json:"opt_outs"`  // opt-outs and unfollows within 24 hours of the push; -1 when not known (no insights.key)
	// Rehearsal: the day went out in push.mode log alone, to the outbox
	// file: it reached nobody (a dashboard had shown such a day's 2 as
	// delivered, 送达: an operator run's find).
	Rehearsal bool `json:"rehearsal"`
}

// VoteLine is the votes an article has for a question.
type VoteLine struct {
	Question  string  `json:"question"`
	Article   string  `json:"article"`
	Followers int     `json:"followers"`
	Boost     float64 `json:"boost"`
}

// Synonym proposes two questions as the same thing: followers asking
// either ended at the same article.
type Synonym struct {
	A       string `json:"a"`
	B       string `json:"b"`
	Article string `json:"article"`
	Count   int    `json:"count"`
}

// Source is what a report is built from.
type Source struct {
	Store *store.Store
	Votes *Votes
	// Terms cuts a question into words (the search's segmenter).
	Terms func(text string) []string
	// Fold writes traditional characters as simplified (search.Fold), for
	// the most asked questions; nil leaves them as written.
	Fold func(text string) string
	// Rules and Keys are the config's rule labels and each rule's menu
	// keys, to name what was never used.
	Rules []string
	Keys  map[string][]string
	// DailyRules are the labels of the rules whose reply is the day's
	// reading: what they said, the reading or that there is none today,
	// is their answer.
	DailyRules []string
	// Synonyms are search.synonyms: a pair already in one group is not
	// proposed again.
	Synonyms [][]string
	// Follower is the hash the log keeps of an openid (the push's ledger
	// keeps openids); nil when it is not known (a shell without
	// insights.key), and the push's opt-outs are then not counted.
	Follower func(openid string) string
	// WeakScore: a best answer under it counts as unanswered.
	WeakScore float64
	Loc       *time.Location
	// PushDue are the days of the period (YYYY-MM-DD, in order) on which
	// the push was due at a time already past, by the config's schedule;
	// nil with the push off. A day of them without a run, from the first
	// run the store holds on, is reported missed: a report listing only the
	// days that ran had left the days serve was down out of its table
	// without a word.
	PushDue []string
}

// Build reports on the period from since to now.
func Build(ctx context.Context, src Source, since, now time.Time) (*Report, error) {
	r := &Report{Since: since, Until: now}
	if src.Loc != nil { // in the account's zone, as the report's days are
		r.Since, r.Until = since.In(src.Loc), now.In(src.Loc)
	}
	b := builder{src: src, r: r, asked: map[string]*Asked{}, days: map[string]*Day{}, rules: map[string]int{}, keys: map[string]int{},
		choices: map[Choice]int{}, scenes: map[string]int{}, followers: map[string]bool{}, unfollowed: map[string]bool{}, optedOut: map[string]bool{}, answeredBy: map[string]bool{}, byArticle: map[string]map[string]int{}}
	if err := src.Store.EachQuery(ctx, since, func(q store.Query) error { b.add(q); return nil }); err != nil {
		return nil, err
	}
	b.finish()
	var err error
	if r.Synonyms, err = b.synonyms(ctx); err != nil {
		return nil, err
	}
	if err := b.push(ctx); err != nil {
		return nil, err
	}
	if err := r.title(ctx, src.Store); err != nil {
		return nil, err
	}
	return r, nil
}

// title fills Titles for the articles the report names: an imported
// page's id (u-91f30ed25bb4) told an operator nothing (an operator run's
// find). At most maxTitled are read, the first named first.
func (r *Report) title(ctx context.Context, st *store.Store) error {
	var ids []string
	for _, t := range r.Unanswered {
		ids = append(ids, t.Best.ID)
	}
	for _, c := range r.Choices {
		ids = append(ids, c.Article)
	}
	for _, v := range r.Votes {
		ids = append(ids, v.Article)
	}
	for _, s := range r.Synonyms {
		ids = append(ids, s.Article)
	}
	r.Titles = map[string]string{}
	for _, id := range ids {
		if _, done := r.Titles[id]; done || id == "" {
			continue
		}
		if len(r.Titles) == maxTitled {
			break
		}
		a, err := st.Get(ctx, id)
		switch {
		case errors.Is(err, content.ErrNotFound):
			r.Titles[id] = "" // removed since
		case err != nil:
			return err
		default:
			r.Titles[id] = a.Title
		}
	}
	return nil
}

// maxTitled bounds the articles a report reads titles of.
const maxTitled = 200

type builder struct {
	src       Source
	r         *Report
	asked     map[string]*Asked
	days      map[string]*Day
	rules     map[string]int
	keys      map[string]int
	choices   map[Choice]int
	scenes    map[string]int
	followers map[string]bool
	weak      []weakQuestion
	byArticle map[string]map[string]int // article → question → times it ended there
	leaving   []leaving                 // opt-outs and unfollows
	// ... and the followers of each
	unfollowed, optedOut map[string]bool
	answeredBy           map[string]bool // the rules that gave answers (not a list's maker)
}

// leaving is a follower turning the daily reading off, or unfollowing.
type leaving struct {
	follower string
	at       time.Time
}

// written reports whether a message of kind is one a follower sent the
// account (a text, a voice message, a picture, a menu button asking for an
// answer), which Messages and Followers count: not the events of a follow
// or unfollow, a scan, a menu link opened, nor WeChat's own notices (a
// template message's or a mass send's receipt, one for each recipient of a
// push; the location a client reports), which had made every recipient of
// a template push a follower who wrote (an operator run's find).
func written(kind bot.Kind) bool {
	switch kind {
	case bot.KindEvent, bot.KindLocationEv, bot.KindSubscribe, bot.KindUnsubscribe, bot.KindScan, bot.KindView:
		return false
	}
	return true
}

type weakQuestion struct {
	text, follower string
	best           bot.Scored
}

func (b *builder) add(q store.Query) {
	if written(bot.Kind(q.Kind)) {
		b.r.Messages++
		b.followers[q.Follower] = true
	}
	// Logged before the log kept only maxLoggedRunes of a message.
	q.Text, q.Question = bot.Cut(q.Text, maxLoggedRunes), bot.Cut(q.Question, maxLoggedRunes)
	if bot.Outcome(q.Outcome) == bot.OutcomeNoMatch && q.Rule != "" && slices.Contains(b.src.DailyRules, q.Rule) {
		// The bot logs 今天还没有每日一读 as no match (to show followers
		// asked); it is the daily rule's answer, as the reading is, not a
		// question unanswered (an operator run's find: 每日一读, today's
		// reading removed, was listed among the unanswered topics).
		q.Outcome = string(bot.OutcomeRule)
	}
	switch bot.Outcome(q.Outcome) {
	case bot.OutcomeOptOut, bot.OutcomeOptIn, bot.OutcomeNotSaved:
		if q.Kind == string(bot.KindClick) {
			b.keys[q.Key]++ // the menu's 退订 or 订阅 button, used
		}
	}
	switch bot.Outcome(q.Outcome) {
	case bot.OutcomeSubscribe:
		b.scenes[q.Key]++
		return
	case bot.OutcomeOptOut, bot.OutcomeLeave:
		b.leaving = append(b.leaving, leaving{q.Follower, q.At})
		if bot.Outcome(q.Outcome) == bot.OutcomeLeave {
			b.unfollowed[q.Follower] = true
			return
		}
		b.optedOut[q.Follower] = true // 退订 sent three times is one follower's
		if q.Kind == string(bot.KindClick) {
			return // the menu's button: a key used, no question
		}
		// 退订 typed or said is asked as 订阅 is, under other (a
		// newcomer's run: 订阅 counted a question and 退订 none).
	case bot.OutcomeMenu, bot.OutcomeUnknownKey:
		b.keys[q.Key]++
		if bot.Outcome(q.Outcome) == bot.OutcomeUnknownKey && !slices.Contains(b.r.UnknownKeys, q.Key) {
			b.r.UnknownKeys = append(b.r.UnknownKeys, q.Key)
		}
		if q.Rule != "" {
			b.rules[q.Rule]++
			b.answeredBy[q.Rule] = true
		}
		return
	case bot.OutcomeFollowUp:
		if q.Number > 0 {
			// A question of the answer shown (这篇讲的什么, 这是哪天的,
			// 这些是哪天的) chose no item: it had headed the choices as
			// "" → item 0 (a follower run's find).
			b.choices[Choice{Question: q.Question, Number: q.Number, Article: q.Article}]++
		}
		if q.Rule == "" { // a search's list: not the past readings, the latest or a day's
			b.endedAt(q.Article, q.Question)
		}
		return
	case bot.OutcomeMore:
		return // a page of a question counted when it was asked
	case bot.OutcomeRejected:
		// 不是这个 after the question's answer: as good as unanswered,
		// whatever its score, for the topics to show.
		if q.Question != "" {
			b.weak = append(b.weak, weakQuestion{q.Question, q.Follower, bot.Scored{}})
		}
		return
	}
	if q.Text == "" || q.Kind == "subscribe" {
		return
	}
	if q.Rule != "" {
		b.rules[q.Rule]++
		if o := bot.Outcome(q.Outcome); o != bot.OutcomeOutOfRange && o != bot.OutcomeNoList {
			// A rule's answer: a number past a list's end names the
			// list's maker (latest, newest), no rule of the config.
			b.answeredBy[q.Rule] = true
		}
	}
	day := q.At.In(b.src.Loc).Format("2006-01-02")
	d := b.days[day]
	if d == nil {
		d = &Day{Day: day}
		b.days[day] = d
	}
	// One question however it was written: 楓橋經驗 is 枫桥经验 (two rows of
	// 1× had said neither was asked twice: an operator run's find).
	asked := q.Text
	if b.src.Fold != nil {
		asked = b.src.Fold(asked)
	}
	a := b.asked[asked]
	if a == nil {
		a = &Asked{Text: asked}
		b.asked[asked] = a
	}
	a.Count++
	d.Questions++
	a.LastOutcome, a.Article = q.Outcome, q.Article
	var hits []bot.Scored
	json.Unmarshal([]byte(q.Hits), &hits)
	best := bot.Scored{}
	if len(hits) > 0 {
		best = hits[0]
	}
	switch bot.Outcome(q.Outcome) {
	case bot.OutcomeCard:
		a.Card++
		d.Card++
		b.endedAt(q.Article, q.Text)
		if len(hits) > 0 && best.Score < b.src.WeakScore { // a card without hits was no search's
			b.weak = append(b.weak, weakQuestion{q.Text, q.Follower, best})
		}
	case bot.OutcomeList:
		a.List++
		d.List++
		if len(hits) > 0 && best.Score < b.src.WeakScore {
			b.weak = append(b.weak, weakQuestion{q.Text, q.Follower, best})
		}
	case bot.OutcomeNoMatch:
		a.NoMatch++
		d.NoMatch++
		b.weak = append(b.weak, weakQuestion{q.Text, q.Follower, best})
	case bot.OutcomeMentions:
		// A list the follower got, of articles that mention the topic:
		// no article answers it, so its topic is unanswered.
		a.List++
		d.List++
		a.Mentions++
		d.Mentions++
		b.weak = append(b.weak, weakQuestion{q.Text, q.Follower, best})
	case bot.OutcomeRule:
		a.Rule++
		d.Rule++
	default:
		a.Other++
		d.Other++
		switch bot.Outcome(q.Outcome) {
		case bot.OutcomeUnavailable, bot.OutcomeNotSaved:
			d.Unavailable++
		}
	}
}

func (b *builder) endedAt(article, question string) {
	if article == "" || question == "" {
		return
	}
	if b.byArticle[article] == nil {
		b.byArticle[article] = map[string]int{}
	}
	b.byArticle[article][question]++
}

func (b *builder) finish() {
	r := b.r
	r.Followers = len(b.followers)
	for _, a := range b.asked {
		r.Asked = append(r.Asked, *a)
	}
	slices.SortFunc(r.Asked, func(x, y Asked) int { return cmp.Or(cmp.Compare(y.Count, x.Count), cmp.Compare(x.Text, y.Text)) })
	r.Asked = r.Asked[:min(len(r.Asked), 20)]
	for i := range r.Asked {
		r.Asked[i].Text = bot.Cut(r.Asked[i].Text, shownRunes)
	}
	for _, d := range b.days {
		r.Days = append(r.Days, *d)
	}
	slices.SortFunc(r.Days, func(x, y Day) int { return cmp.Compare(x.Day, y.Day) })
	for _, label := range b.src.Rules {
		r.Rules = append(r.Rules, Hits{Name: label, Count: b.rules[label]})
		if b.rules[label] == 0 {
			r.NeverHit = append(r.NeverHit, "rule "+label)
		}
		for _, k := range b.src.Keys[label] {
			if b.keys[k] == 0 {
				r.NeverHit = append(r.NeverHit, "menu key "+k)
			}
		}
	}
	// A rule renamed or removed by a reload in the period answered under
	// its old label: left out, its answers went uncounted here while Most
	// asked showed them (an operator run's find).
	var gone []Hits
	for label, n := range b.rules {
		if n > 0 && b.answeredBy[label] && !slices.Contains(b.src.Rules, label) && label != bot.DailyRule {
			gone = append(gone, Hits{Name: label, Count: n, Gone: true})
		}
	}
	slices.SortFunc(gone, func(x, y Hits) int { return cmp.Compare(x.Name, y.Name) })
	r.Rules = append(r.Rules, gone...)
	slices.SortStableFunc(r.Rules, func(x, y Hits) int { return cmp.Compare(y.Count, x.Count) })
	r.Keys = sortedHits(b.keys)
	r.NewFollowers = sortedHits(b.scenes)
	r.Unfollowed, r.OptedOut = len(b.unfollowed), len(b.optedOut)
	for c, n := range b.choices {
		c.Count = n
		c.Question = bot.Cut(c.Question, shownRunes)
		r.Choices = append(r.Choices, c)
	}
	slices.SortFunc(r.Choices, func(x, y Choice) int {
		return cmp.Or(cmp.Compare(y.Count, x.Count), cmp.Compare(x.Question, y.Question), cmp.Compare(x.Number, y.Number))
	})
	r.Unanswered = b.topics()
	r.UnansweredTopics = len(r.Unanswered)
	for _, t := range r.Unanswered[min(len(r.Unanswered), maxTopics):] {
		r.UnlistedQuestions += t.Count
	}
	r.Unanswered = r.Unanswered[:min(len(r.Unanswered), maxTopics)]
	r.Votes = b.votes()
}

func sortedHits(m map[string]int) []Hits {
	out := make([]Hits, 0, len(m))
	for k, n := range m {
		out = append(out, Hits{Name: k, Count: n})
	}
	slices.SortFunc(out, func(x, y Hits) int { return cmp.Or(cmp.Compare(y.Count, x.Count), cmp.Compare(x.Name, y.Name)) })
	return out
}

// numeric reports a word of digits (a year, a month, an amount: 2026, 12,
// 2.75), which says when or how much, not what: the 2026 Nobel prizes, the
// November CPI and the December 中央经济工作会议 had made one topic by 2026 and
// 12 (an operator run's find).
func numeric(w string) bool {
	return strings.Trim(w, "0123456789.") == ""
}

// mainTerms are a question's words that say what it is about: two
// characters or more, not a question word nor a number.
func (b *builder) mainTerms(text string) []string {
	var out []string
	if i := runeOffset(text, maxTermText); i < len(text) {
		text = text[:i]
	}
	for _, w := range b.src.Terms(text) {
		if utf8.RuneCountInString(w) >= 2 && !questionWords[w] && !countryWords[w] && !markupWords[strings.ToLower(w)] && !numeric(w) && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// questionWords are words every kind of question has: sharing them does
// not make two questions one topic.
// 问题, 怎么办 and 政策 are such words too (an operator run's find:
// questions on pensions, a household register, the housing fund, school
// places and mortgage rates made one topic, 7× [怎么办 问题 …]).
var questionWords = map[string]bool{"什么": true, "怎么": true, "如何": true, "哪里": true, "哪些": true, "多少": true, "是否": true,
	"可以": true, "请问": true, "一下": true, "老师": true, "谢谢": true, "为什么": true, "怎么样": true, "什么时候": true, "有没有": true,
	"问题": true, "怎么办": true, "政策": true, "相关": true, "情况": true, "内容": true, "文章": true, "资料": true, "方面": true,
	"规定": true, "最新": true, "知道": true, "需要": true, "一些": true, "这个": true, "那个": true, "现在": true, "想问": true,
	// How a study question is asked (公文写作怎么准备 and 遴选考试怎么准备 made
	// one topic, [遴选 准备 面试], 公文写作 named nowhere: a follower run's find).
	"准备": true, "复习": true, "备考": true, "技巧": true, "方法": true,
	// When it is asked (什么时候 is cut 什么 时候: 2027年全国两会什么时候召开 made
	// one topic with 遴选笔试成绩什么时候出), and a greeting before the question
	// (你好，准考证怎么打印 with 你好，诺贝尔奖得主: the same run's finds).
	"时候": true, "时间": true, "你好": true, "您好": true}

// countryWords are where nearly every question of this account is: no main
// word of a topic (中国足球 and 中国高铁 made one topic [中国 足球 高铁] with
// 足球彩票 and 高铁票: an operator run's find), but words of what was asked,
// kept in a synonym proposed (国家安全, not 安全: a re-check's find).
var countryWords = map[string]bool{"中国": true, "我国": true, "国家": true, "全国": true}

// markupWords are HTML's and scripts' that followers paste or probe with
// (<script>alert(1)</script>, <img src=x onerror=…>): 枫桥经验 and a
// question on milk tea made one topic through alert (an operator run's
// find).
var markupWords = map[string]bool{"script": true, "alert": true, "img": true, "src": true, "onerror": true, "onload": true,
	"onclick": true, "onmouseover": true, "href": true, "javascript": true, "iframe": true, "svg": true, "div": true,
	"span": true, "http": true, "https": true, "www": true, "html": true}

// maxTermText is how much of a question is read for its main terms: more
// is a passage pasted, which links to no topic by its terms when it has
// more than maxLinkingTerms of them; reading all of 20,000 such questions
// of one follower had taken the report 24 s and 8 GB (a hostile-input
// run's find).
const maxTermText = 100

// runeOffset is the byte offset of s's nth rune, or len(s).
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// maxTopics is how many unanswered topics the report lists, the most asked
// first: one follower's many texts no one else asks are each a topic of
// their own, and had made a report of 20,000 lines.
const maxTopics = 100

// maxTermRunes is how much of a topic's term is shown.
const maxTermRunes = 20

// maxLinkingTerms is how many main terms a question may have and still
// join a topic: a question has a few, a pasted text dozens.
const maxLinkingTerms = 8

// topics groups the unanswered questions: questions that share a main term
// are one topic (a union of the questions linked by shared terms).
func (b *builder) topics() []Topic {
	n := len(b.weak)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	byTerm := map[string]int{}
	byText := map[string]int{} // the same text (嗯, 666: no main term) is one topic
	terms := make([][]string, n)
	unanswered := map[string]int{} // a term → the unanswered questions holding it
	for i, w := range b.weak {
		if j, ok := byText[w.text]; ok {
			terms[i] = terms[j]
		} else {
			byText[w.text] = i
			terms[i] = b.mainTerms(w.text)
		}
		for _, t := range terms[i] {
			unanswered[t]++
		}
	}
	accountWords := b.accountWords(unanswered)
	clear(byText)
	for i, w := range b.weak {
		if j, ok := byText[w.text]; ok {
			parent[find(i)] = find(j)
			continue
		}
		byText[w.text] = i
		if len(terms[i]) > maxLinkingTerms {
			// A pasted text shares a word with half the other topics:
			// linked by them all, it would chain unrelated questions
			// into one topic. It stands alone.
			continue
		}
		for _, t := range terms[i] {
			if accountWords[t] {
				continue
			}
			if j, ok := byTerm[t]; ok {
				parent[find(i)] = find(j)
			} else {
				byTerm[t] = i
			}
		}
	}
	groups := map[int][]int{}
	for i := range b.weak {
		groups[find(i)] = append(groups[find(i)], i)
	}
	var out []Topic
	for _, members := range groups {
		t := Topic{Count: len(members)}
		followers := map[string]bool{}
		texts := map[string]int{}
		termCount := map[string]int{}
		for _, i := range members {
			w := b.weak[i]
			followers[w.follower] = true
			texts[w.text]++
			for _, term := range terms[i] {
				termCount[term]++
			}
			if w.best.Score > t.Best.Score {
				t.Best = w.best
			}
		}
		t.Followers = len(followers)
		for _, h := range sortedHits(texts)[:min(3, len(texts))] {
			t.Examples = append(t.Examples, bot.Cut(h.Name, shownRunes))
		}
		for _, h := range sortedHits(termCount)[:min(3, len(termCount))] {
			t.Terms = append(t.Terms, bot.Cut(h.Name, maxTermRunes)) // a 5,000-digit "word" made a 1,135-character line
		}
		out = append(out, t)
	}
	slices.SortFunc(out, func(x, y Topic) int {
		return cmp.Or(cmp.Compare(y.Count, x.Count), cmp.Compare(y.Followers, x.Followers), cmp.Compare(strings.Join(x.Examples, ""), strings.Join(y.Examples, "")))
	})
	return out
}

// accountWords are the terms of unanswered questions that the period's
// answered questions hold as often at least (and minAccountWord times): the
// account's own word, 遴选 on a 遴选 study platform's, which had joined
// unanswered questions on its 政审, 体检 and 工资待遇 into one topic, as 中国
// had (an operator run's find). A gap's word is asked unanswered more
// often than answered.
func (b *builder) accountWords(unanswered map[string]int) map[string]bool {
	if len(b.weak) < 2 {
		return nil
	}
	weak := make(map[string]bool, len(b.weak))
	for _, w := range b.weak {
		weak[w.text] = true
	}
	answered := map[string]int{}
	for text, a := range b.asked {
		if a.Card+a.List == 0 || weak[text] {
			continue
		}
		for _, t := range b.mainTerms(text) {
			if unanswered[t] > 0 {
				answered[t] += a.Card + a.List
			}
		}
	}
	out := map[string]bool{}
	for t, n := range answered {
		if n >= max(minAccountWord, unanswered[t]) {
			out[t] = true
		}
	}
	return out
}

// minAccountWord is the fewest answered questions holding a term that
// make it the account's word.
const minAccountWord = 3

// synonyms proposes pairs of short questions that share no main term but
// ended at the same article, one of them a term the article does not
// hold: candidates for search.synonyms. Two terms it holds both are two
// topics it is about (基层治理 and 浦江经验: an operator's find, pasted
// into the synonyms they would have made every 基层治理 question find
// 浦江经验), which the search connects without a synonym.
func (b *builder) synonyms(ctx context.Context) ([]Synonym, error) {
	groups := map[string][]int{} // a configured term → its groups (a term may be in several)
	for i, g := range b.src.Synonyms {
		for _, term := range g {
			groups[strings.ToLower(term)] = append(groups[strings.ToLower(term)], i)
		}
	}
	known := func(a, c string) bool {
		gc := groups[strings.ToLower(c)]
		return slices.ContainsFunc(groups[strings.ToLower(a)], func(g int) bool { return slices.Contains(gc, g) })
	}
	var out []Synonym
	for article, questions := range b.byArticle {
		// The most asked short questions of the article, each segmented
		// once: followers decide how many distinct questions there are,
		// and every pair of them is compared.
		var qs []string
		for q := range questions {
			if utf8.RuneCountInString(q) <= 12 && oneTerm(q) {
				qs = append(qs, q)
			}
		}
		slices.SortFunc(qs, func(x, y string) int { return cmp.Or(cmp.Compare(questions[y], questions[x]), cmp.Compare(x, y)) })
		qs = qs[:min(len(qs), synonymQuestions)]
		// Each question as the term it asks about: 浦江经验吗 and
		// 浦江经验是什么意思 propose 浦江经验, once, with their counts (an
		// operator pasted each as a synonym).
		count := map[string]int{}
		var asked []string
		for _, q := range qs {
			t := b.proposalTerm(q)
			if t == "" {
				continue
			}
			if _, ok := count[t]; !ok {
				asked = append(asked, t)
			}
			count[t] += questions[q]
		}
		terms := make([][]string, len(asked))
		for i, q := range asked {
			terms[i] = b.mainTerms(q)
		}
		var text string // the article's, read once, when a pair is to be proposed
		read := false
		holds := func(term string) (bool, error) {
			if !read {
				read = true
				a, err := b.src.Store.Get(ctx, article)
				if err != nil && !errors.Is(err, content.ErrNotFound) {
					return false, err
				}
				// Its tags too: the demo's 枫桥经验 article says 基层治理 only there.
				text = strings.ToLower(a.Title + "\n" + a.Summary + "\n" + strings.Join(a.Tags, "\n") + "\n" + a.Body) // removed since: "", holding nothing
			}
			// Each of its words: 遴选公文写作 is in an article on 遴选's
			// 公文写作 that never writes them together.
			words := b.mainTerms(term)
			if len(words) == 0 {
				words = []string{term}
			}
			return !slices.ContainsFunc(words, func(w string) bool { return !strings.Contains(text, strings.ToLower(w)) }), nil
		}
		for i := range asked {
			for j := i + 1; j < len(asked); j++ {
				if shareTerm(terms[i], terms[j]) || known(asked[i], asked[j]) || misspelt(asked[i], asked[j]) {
					continue
				}
				hi, err := holds(asked[i])
				if err != nil {
					return nil, err
				}
				hj, err := holds(asked[j])
				if err != nil {
					return nil, err
				}
				if hi && hj {
					continue
				}
				a, c := asked[i], asked[j]
				if c < a {
					a, c = c, a
				}
				out = append(out, Synonym{A: a, B: c, Article: article, Count: count[asked[i]] + count[asked[j]]})
			}
		}
	}
	slices.SortFunc(out, func(x, y Synonym) int { return cmp.Or(cmp.Compare(y.Count, x.Count), cmp.Compare(x.A+x.B, y.A+y.B)) })
	return out[:min(len(out), 20)], nil
}

// proposalTerm is what a short question asks about, as a synonym group
// would hold it: its words less those of asking at either end (吗, 是什么意思,
// 怎么理解); "" when nothing else is left.
func (b *builder) proposalTerm(q string) string {
	words := b.src.Terms(q)
	asking := func(w string) bool { return questionWords[w] || askingWords[w] }
	// What it holds asked of it (遴选公文写作有哪些文种) is asked of what
	// comes before (a proposal had been the question whole: an operator
	// run's find).
	for i := 1; i < len(words); i++ {
		if words[i] == "有" || words[i] == "包括" || words[i] == "分为" {
			if i+1 < len(words) && questionWords[words[i+1]] || i+1 < len(words) && askingWords[words[i+1]] {
				words = words[:i]
				break
			}
		}
	}
	for len(words) > 0 && asking(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	for len(words) > 0 && asking(words[0]) {
		words = words[1:]
	}
	return strings.Join(words, "")
}

// misspelt reports two terms of one length, three characters or more, that
// differ in one character: one is the other mistyped (浦江径验, 浦江经验),
// which the search corrected, no synonym to add (an operator run's find:
// the report's proposals had been three such pairs).
func misspelt(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) || len(ra) < 3 {
		return false
	}
	diff := 0
	for i := range ra {
		if ra[i] != rb[i] {
			diff++
		}
	}
	return diff == 1
}

// askingWords are the words around what a question asks about: they are
// no part of a synonym.
var askingWords = map[string]bool{"吗": true, "呢": true, "啊": true, "呀": true, "吧": true, "的": true, "了": true, "么": true, "嘛": true,
	"是": true, "意思": true, "理解": true, "含义": true, "介绍": true, "解读": true, "指": true, "讲": true, "是什么": true, "什么意思": true,
	"怎么理解": true, "啥": true, "是啥": true, "讲的是": true, "的是": true,
	// What a study question asks to do with it (调研报告怎么写, …怎么答).
	"写": true, "答": true, "回答": true, "做": true, "学": true, "怎么写": true, "怎么答": true}

// shownRunes is how much of a question a report line shows: a pasted
// article is recognised by its start.
const shownRunes = 80

// oneTerm reports whether a question could be a term of a synonym group:
// letters and digits only. 你好，枫桥经验是什么 or [枫桥经验] pasted into
// search.synonyms would make 你好 a synonym, or break the YAML.
func oneTerm(q string) bool {
	for _, r := range q {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return q != ""
}

// synonymQuestions bounds the questions of one article compared pairwise
// for synonyms (50: 1,225 pairs).
const synonymQuestions = 50

func shareTerm(a, b []string) bool {
	for _, t := range a {
		if slices.Contains(b, t) {
			return true
		}
	}
	return false
}

func (b *builder) votes() []VoteLine {
	if b.src.Votes == nil {
		return nil
	}
	b.src.Votes.mu.RLock()
	defer b.src.Votes.mu.RUnlock()
	var out []VoteLine
	for q, arts := range b.src.Votes.by {
		for article, followers := range arts {
			out = append(out, VoteLine{Question: q, Article: article, Followers: len(followers)})
		}
	}
	for i := range out {
		out[i].Boost = min(b.src.Votes.boostLocked(out[i].Question, out[i].Article), 0.3)
	}
	slices.SortFunc(out, func(x, y VoteLine) int {
		return cmp.Or(cmp.Compare(y.Followers, x.Followers), cmp.Compare(x.Question, y.Question), cmp.Compare(x.Article, y.Article))
	})
	for i := range out {
		out[i].Question = bot.Cut(out[i].Question, shownRunes)
	}
	return out
}

// Missed is the state of a day the push was due and never ran.
const Missed = "missed"

// logMode is push.mode log's name in the ledger (jobs.ModeLog).
const logMode = "log"

// push reports the daily push of each day in the period, with the
// opt-outs and unfollows within 24 hours of it, and the days it was due
// and never ran.
func (b *builder) push(ctx context.Context) error {
	runs, err := b.src.Store.Runs(ctx, b.r.Since.In(b.src.Loc).Format("2006-01-02"))
	if err != nil {
		return err
	}
	for _, run := range runs {
		sum, err := b.src.Store.LedgerSummary(ctx, run.Day)
		if err != nil {
			return err
		}
		d := PushDay{Day: run.Day, State: string(run.State), Sent: sum.Counts[store.Sent], Skipped: sum.Counts[store.Skipped],
			Failed: sum.Counts[store.Failed], Unknown: sum.Counts[store.Unknown], InFlight: sum.Counts[store.Sending]}
		if d.Rehearsal, err = b.src.Store.GoneOutOnlyIn(ctx, run.Day, logMode); err != nil {
			return err
		}
		// Followers, not messages: 退订 sent three times (退订, 退订。, 退訂)
		// is one follower leaving; and followers the push reached (those
		// who followed after it and left had been counted: a follower
		// run's find).
		left := map[string]bool{}
		var ids []string
		// A message's time is WeChat's, in whole seconds: one in the
		// second the push began is after it.
		started := run.Started.Truncate(time.Second)
		for _, l := range b.leaving {
			if !run.Started.IsZero() && !l.at.Before(started) && l.at.Before(started.Add(24*time.Hour)) && !left[l.follower] {
				left[l.follower] = true
				ids = append(ids, l.follower)
			}
		}
		mass, err := b.src.Store.Deliveries(ctx, run.Day, []string{store.BroadcastRecipient})
		if err != nil {
			return err
		}
		switch _, all := mass[store.BroadcastRecipient]; {
		case all: // a mass send: every follower
			d.OptOuts = len(ids)
		case len(ids) == 0:
		case b.src.Follower == nil:
			d.OptOuts = -1
		default:
			// The log keeps each follower as a keyed hash, the ledger its
			// openid: the ledger's are hashed to be matched (the hashes had
			// been looked up among openids: always 0, an operator run's
			// find).
			reached, err := b.src.Store.Reached(ctx, run.Day)
			if err != nil {
				return err
			}
			hashed := make(map[string]bool, len(reached))
			for _, openid := range reached {
				hashed[b.src.Follower(openid)] = true
			}
			for _, id := range ids {
				if hashed[id] {
					d.OptOuts++
				}
			}
		}
		b.r.Push = append(b.r.Push, d)
	}
	b.r.Push, err = b.missed(ctx, b.r.Push)
	return err
}

// missed adds to days (the runs of the period, by day) the days due
// without a run, from the first run the store holds: the days before it
// are a store's before its push began (or was turned on), not missed.
func (b *builder) missed(ctx context.Context, days []PushDay) ([]PushDay, error) {
	if len(b.src.PushDue) == 0 {
		return days, nil
	}
	first := ""
	if len(days) > 0 {
		first = days[0].Day
	}
	// Only the period's runs were read: the first of all is one query
	// more, for a period that starts before the push's first run or has
	// none (a week serve was down through).
	earlier, err := b.src.Store.FirstRun(ctx)
	if err != nil {
		return nil, err
	}
	if earlier != "" && (first == "" || earlier < first) {
		first = earlier
	}
	if first == "" {
		return days, nil
	}
	ran := make(map[string]bool, len(days))
	for _, d := range days {
		ran[d.Day] = true
	}
	for _, day := range b.src.PushDue {
		if day >= first && !ran[day] {
			days = append(days, PushDay{Day: day, State: Missed})
		}
	}
	slices.SortStableFunc(days, func(a, b PushDay) int { return strings.Compare(a.Day, b.Day) })
	return days, nil
}
