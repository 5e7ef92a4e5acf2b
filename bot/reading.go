package bot

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"mpbot/content"
)

// Past readings: a follower who missed a day asks for it (昨天的每日一读,
// 8月22日的每日一读) or for the ones before (往期每日一读, 之前的每日一读).
// Searched, they got no match: the daily rule gives today's alone.

// Readings returns the daily readings chosen on days up to through
// (YYYY-MM-DD), newest first, at most n.
type Readings func(ctx context.Context, through string, n int) ([]content.Reading, error)

// readingWords name the daily reading, longest first.
var readingWords = longestFirst([]string{"每日一读", "今日一读", "每天一读", "一日一读", "每日阅读", "推荐阅读"})

// pastAlone ask for the past readings with no reading word (往期 alone, and
// 往期文章: a follower run's finds, no match).
var pastAlone = wordSet("往期", "往期的", "往期文章", "往期内容", "往期的文章", "历史文章", "以前的文章", "之前的文章")

// pastWords, beside a reading word, ask for the ones before today;
// readingAsking may stand beside them, or beside a day: asking for a
// reading missed (没收到, 补发一下, 能再发一次吗) and courtesy around it (a
// second follower run's finds: each got no match).
var (
	pastWords = []string{"往期", "之前", "以前", "历史", "过去", "过往", "前几天", "前两天", "前些天", "前些日子", "前几期", "最近几天", "最近几期", "最近", "近期", "这几天",
		"所有", "全部", "合集", "汇总", "列表", "回顾", "目录", "有哪些", "都有哪些", "错过", "上期", "上一期"}
	readingAsking = longestFirst(slices.Concat(pastWords, courtesy, []string{"有什么", "看看", "我想看看", "想看看", "查看", "我要看", "我想看", "想看", "看一下",
		"发一下", "请问", "求", "在哪里看", "在哪看", "在哪里", "在哪", "怎么看", "还能看", "能看", "可以看", "没收到", "没有收到", "没看到", "没有看到",
		"补发", "再发", "一次", "发给我", "给我", "能", "能不能", "可以", "请", "把", "我", "想", "都", "出差", "你好", "您好", "谢谢"}))
)

// readingDayAsking may stand beside a day's reading.
var readingDayAsking = longestFirst(slices.Concat(dayAsking, readingAsking))

// readingAsk is what a follower asks of past readings: one day's (day),
// or a list (list) of those before, of a week or a month (period) or all.
type readingAsk struct {
	day    askedDay
	list   bool
	period period
}

// readingAsked reports whether text asks for past readings: the list, one
// day's (asked by its date or by 昨天, 上周五, 12-02), or a week's or a
// month's (上周的, 11月的每日一读).
func readingAsked(text string, today time.Time) (readingAsk, bool) {
	if utf8.RuneCountInString(text) > 48 {
		return readingAsk{}, false
	}
	if pastAlone[text] {
		return readingAsk{list: true}, true
	}
	i := slices.IndexFunc(readingWords, func(w string) bool { return strings.Contains(text, w) })
	if i < 0 {
		return pushedAsked(text, today)
	}
	rest := strings.Replace(text, readingWords[i], " ", 1)
	if d, left, ok := readDay(rest, today); ok {
		if d.day.Equal(midnight(today)) && d.noDate == "" && d.nth == 0 {
			if ask, ok := missedToday(left, today); ok {
				return ask, true
			}
		}
		return readingAsk{day: d}, d.noDate == "" && d.nth == 0 && madeOf(left, readingDayAsking, nil)
	}
	if p, left, ok := readPeriod(rest, today); ok {
		return readingAsk{list: true, period: p}, madeOf(left, readingDayAsking, nil)
	}
	if ask, ok := missedToday(rest, today); ok {
		return ask, true
	}
	list := false
	if !madeOf(rest, readingAsking, func(w string) { list = list || slices.Contains(pastWords, w) }) {
		return readingAsk{}, false
	}
	return readingAsk{list: list}, list
}

// missedWords say a reading did not arrive; beside a reading or a push
// word with no day (今天没收到每日一读, 每日一读怎么没收到, 没收到推送: a
// follower run's finds, no match) they ask for today's.
var (
	// Only words of not having it: a repeat complained of (推送怎么又再发: a
	// review's find, answered with the card) is none; missed again
	// (今天又没收到每日一读) is.
	missedWords = []string{"没收到", "没有收到", "收不到", "没看到", "没有看到", "补发",
		// Not pushed, not sent (今天的每日一读怎么没推送, 今天没有推送吗: a
		// follower run's finds, no match).
		"没推送", "没有推送", "没推", "没发", "没有发", "没发送"}
	missedAsking = longestFirst(slices.Concat(readingAsking, missedWords, pushedWords, []string{"今天", "今日", "今早", "早上", "怎么", "为什么", "为啥", "咋", "还", "又"}))
	repeated     = []string{"又再发", "又发", "还再发", "还发", "重复发", "发两遍", "发了两次"}
)

// missedToday reads rest, what stands beside a reading or a push word, as
// today's reading missed.
func missedToday(rest string, today time.Time) (readingAsk, bool) {
	missed, past := false, false
	ok := madeOf(strings.Replace(rest, "文章", " ", 1), missedAsking, func(w string) {
		missed = missed || slices.Contains(missedWords, w)
		past = past || slices.Contains(pastWords, w)
	})
	if !ok || !missed || past || slices.ContainsFunc(repeated, func(w string) bool { return strings.Contains(rest, w) }) {
		return readingAsk{}, false
	}
	return readingAsk{day: askedDay{day: midnight(today)}}, true
}

// pushedWords, beside a day before today or a week or a month, ask what
// the account pushed then: the readings (昨天推送的是什么, 前天推送的文章,
// 上周推送的文章; a follower run's finds: each got that day's or week's
// news, "还没有文章"). Today's (今天推送了什么) is answered as before.
var pushedWords = longestFirst([]string{"推送", "推了", "推的", "发的推送", "公众号发了"})

// pushedAsked reads text as asking for the readings pushed on a day
// before today, or in a week or a month.
func pushedAsked(text string, today time.Time) (readingAsk, bool) {
	i := slices.IndexFunc(pushedWords, func(w string) bool { return strings.Contains(text, w) })
	if i < 0 {
		return readingAsk{}, false
	}
	// Today's not pushed: the missed word may hold the push's (没推送).
	if ask, ok := missedToday(text, today); ok {
		return ask, true
	}
	rest := strings.Replace(text, pushedWords[i], " ", 1)
	if d, left, ok := readDay(rest, today); ok {
		return readingAsk{day: d}, d.noDate == "" && d.nth == 0 && d.day.Before(midnight(today)) && madeOf(left, readingDayAsking, nil)
	}
	if p, left, ok := readPeriod(rest, today); ok {
		return readingAsk{list: true, period: p}, madeOf(left, readingDayAsking, nil)
	}
	if ask, ok := missedToday(rest, today); ok {
		return ask, true
	}
	// The pushes before (历史推送, 以前的推送, 之前推送的文章: a follower run's
	// finds, no match) are the past readings.
	past := false
	return readingAsk{list: true}, madeOf(strings.Replace(rest, "文章", " ", 1), readingAsking, func(w string) { past = past || slices.Contains(pastWords, w) }) && past
}

// period is the days a follower names by their week or month (上周,
// 这个月, 11月, 去年11月, 今年), from and through (YYYY-MM-DD), named as
// the follower reads it; ahead, one to come (下周, 明天: the readings of
// weeks and days to come were searched, and 上周的每日一读 got an article
// on 本周 and 上周's illnesses, a follower's run find).
type period struct {
	from, through, name string
	ahead               bool
}

// periodNamed is a week, a month or a year, or a day to come: the
// groups are the week's word (上, 这…), the month's word, the year and the
// month of a numbered month, and 今年 or 去年 alone.
var periodNamed = regexp.MustCompile(`(上上|上|这|本|下)个?(?:星期|礼拜|周)|(上上|上|这|本|下)个?月|(?:((?:19|20)\d\d|今|去|前) ?年 ?)?(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]) ?月份?|(今|去|(?:19|20)\d\d) ?年(?:度|份)?|(明天|明日|后天|大后天)`)

// dayRangeNamed is a range of days: 8月17日到8月21日, 8月17日至21日, 8月17号到21号,
// 2026年8月17日-21日.
// 从…到…, …之间, …期间 and a year before each day too (2025年12月30日到2026年1月2日).
var dayRangeNamed = regexp.MustCompile(`(?:从 ?)?(?:((?:19|20)\d\d) ?年 ?)?(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]) ?月 ?([0-3]?[0-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]) ?[日号]? ?(?:到|至|~|～|-|－|—|–) ?(?:((?:19|20)\d\d) ?年 ?)?(?:(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]) ?月 ?)?([0-3]?[0-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]) ?[日号](?:之间|期间)?`)

// maxRangeDays is the longest range of days read as one period.
const maxRangeDays = 62

// readDayRange reads the one range of days text names (a follower run's
// find: 8月17日到8月21日的新闻 got a card of 2025's August, 8月17日至21日新闻联播
// no match), and returns the rest. Without a year it is the last such
// range begun by today.
func readDayRange(text string, today time.Time) (period, string, bool) {
	if !strings.ContainsAny(text, "到至~～-－—–") {
		return period{}, "", false
	}
	at, group, ok := onlyMatch(dayRangeNamed, text)
	if !ok {
		return period{}, "", false
	}
	day := midnight(today)
	month, first, last := hanDay(group(2)), hanDay(group(3)), hanDay(group(6))
	lastMonth := month
	if group(5) != "" {
		lastMonth = hanDay(group(5))
	}
	year := day.Year()
	if group(1) != "" {
		year = hanDigits(group(1))
	}
	from := time.Date(year, time.Month(month), first, 0, 0, 0, 0, time.UTC)
	// Without a year, the last year the range begun by today has its first
	// day in (2月29日到3月2日 in 2026: 2024's, not no range: a review's find).
	for back := 0; group(1) == "" && (from.After(day) || from.Day() != first) && back < 8; back++ {
		year--
		from = time.Date(year, time.Month(month), first, 0, 0, 0, 0, time.UTC)
	}
	through := time.Date(year, time.Month(lastMonth), last, 0, 0, 0, 0, time.UTC)
	if group(4) != "" {
		through = time.Date(hanDigits(group(4)), time.Month(lastMonth), last, 0, 0, 0, 0, time.UTC)
	}
	if through.Before(from) && group(4) == "" {
		through = through.AddDate(1, 0, 0) // 12月30日到1月2日
	}
	if from.Day() != first || through.Day() != last || through.Before(from) || through.Sub(from) > maxRangeDays*24*time.Hour {
		return period{}, "", false // 2月30日, or more than a month
	}
	name := fmt.Sprintf("%d年%d月%d日至", from.Year(), from.Month(), from.Day())
	switch {
	case through.Year() != from.Year():
		name += fmt.Sprintf("%d年%d月%d日", through.Year(), through.Month(), through.Day())
	case through.Month() != from.Month():
		name += fmt.Sprintf("%d月%d日", through.Month(), through.Day())
	default:
		name += fmt.Sprintf("%d日", through.Day())
	}
	ahead := from.After(day)
	if through.After(day) {
		through = day
	}
	rest := text[:at[0]] + " " + text[at[1]:]
	return period{from: from.Format(content.DateLayout), through: through.Format(content.DateLayout), name: name, ahead: ahead}, rest, true
}

// onlyMatch is re's one match in text, not inside a number: where it is,
// and its groups.
func onlyMatch(re *regexp.Regexp, text string) (at []int, group func(int) string, ok bool) {
	loc := re.FindAllStringSubmatchIndex(text, -1)
	if len(loc) != 1 || digitAround(text, loc[0][0], loc[0][1]) {
		return nil, nil, false
	}
	at = loc[0]
	return at, func(g int) string {
		if at[2*g] < 0 {
			return ""
		}
		return text[at[2*g]:at[2*g+1]]
	}, true
}

// readPeriod reads the one period text names, and returns the rest.
func readPeriod(text string, today time.Time) (period, string, bool) {
	at, group, ok := onlyMatch(periodNamed, text)
	if !ok {
		return period{}, "", false
	}
	rest := text[:at[0]] + " " + text[at[1]:]
	if next, _ := utf8.DecodeRuneInString(text[at[1]:]); strings.ContainsRune("一二三四五六日天末1234567", next) {
		return period{}, "", false // 下周一, 这周末: a day, not the week
	}
	day := midnight(today)
	var from, through time.Time
	var name string
	ahead := false
	switch {
	case group(1) != "": // a week, Monday first
		monday := day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
		weeks := map[string]int{"上上": -2, "上": -1, "这": 0, "本": 0, "下": 1}[group(1)]
		from = monday.AddDate(0, 0, 7*weeks)
		through = from.AddDate(0, 0, 6)
		name = map[int]string{-2: "上上周", -1: "上周", 0: "本周", 1: "下周"}[weeks]
		ahead = weeks > 0
	case group(2) != "":
		months := map[string]int{"上上": -2, "上": -1, "这": 0, "本": 0, "下": 1}[group(2)]
		from = time.Date(day.Year(), day.Month()+time.Month(months), 1, 0, 0, 0, 0, time.UTC)
		name, ahead = fmt.Sprintf("%d年%d月", from.Year(), from.Month()), months > 0
		through = from.AddDate(0, 1, -1)
	case group(4) != "": // 11月, 去年11月, 2025年11月: a month without a year is its last by today
		month := hanDay(group(4))
		year := day.Year()
		switch y := group(3); y {
		case "":
			if time.Month(month) > day.Month() {
				year--
			}
		case "今":
		case "去":
			year--
		case "前":
			year -= 2
		default:
			year = hanDigits(y)
		}
		from = time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC)
		through = from.AddDate(0, 1, -1)
		name, ahead = fmt.Sprintf("%d年%d月", year, month), from.After(day)
	case group(5) != "": // 今年, 去年, 2026年 (a follower run's: 2026年的每日一读 got a card on 春运)
		year := day.Year()
		switch y := group(5); y {
		case "今":
		case "去":
			year--
		default:
			year = hanDigits(y)
		}
		from = time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
		through = from.AddDate(1, 0, -1)
		name, ahead = fmt.Sprintf("%d年", year), from.After(day)
	default: // 明天, 后天
		from = day.AddDate(0, 0, map[string]int{"明天": 1, "明日": 1, "后天": 2, "大后天": 3}[group(6)])
		through, name, ahead = from, dayName(from.Format(content.DateLayout)), true
	}
	if through.After(day) {
		through = day // a period that goes on: its readings so far
	}
	return period{from: from.Format(content.DateLayout), through: through.Format(content.DateLayout), name: name, ahead: ahead}, rest, true
}

const (
	readingsHeader     = "往期每日一读：\n"
	noReadings         = "还没有往期的每日一读。回复「每日一读」看今天的推荐阅读。"
	noReadingOn        = "%s没有每日一读。回复「往期每日一读」看之前的，回复「每日一读」看今天的。"
	noMoreReadings     = "往期每日一读都在上面了，回复列表里的序号查看文章。"
	noReadingYet       = "%s的每日一读还没有推送。回复「每日一读」看今天的。"
	readingsUnreadable = "往期每日一读暂时无法读取，请稍后再试。"
)

// pastReading answers with the reading of the day asked, or with the
// readings before (of the period asked), newest first, as a numbered list
// (更多 pages on).
func (b *Bot) pastReading(ctx context.Context, s *Settings, m Message, ask readingAsk) []Reply {
	// A day's answer is the daily reading's, as 每日一读's is: logged as its
	// rule, not as a search (昨天的每日一读 answered had been reported among
	// the unanswered topics: an operator run's find). A list of readings is
	// logged as a list, with its hits.
	today := midnight(s.readingDay(b.now()))
	if p := ask.period; p.ahead {
		note(ctx, func(e *Event) { e.Outcome, e.Rule = OutcomeRule, DailyRule })
		return []Reply{{Type: ReplyText, Text: fmt.Sprintf(noReadingYet, p.name)}}
	}
	if ask.list {
		var of ReadingsOf
		if p := ask.period; p.name != "" {
			of = ReadingsOf{From: p.from, Through: p.through, Name: p.name}
		}
		found, err := b.readingHits(ctx, of, s.searchN())
		if err != nil {
			b.log.ErrorContext(ctx, "past readings", "err", err)
			return unavailable(ctx, readingsUnreadable)
		}
		if len(found) == 0 {
			note(ctx, func(e *Event) { e.Outcome, e.Rule = OutcomeRule, DailyRule })
			if of.Name != "" {
				return []Reply{{Type: ReplyText, Text: fmt.Sprintf(noReadingOn, of.Name)}}
			}
			return []Reply{{Type: ReplyText, Text: noReadings}}
		}
		found, more := firstPage(ctx, s, found)
		reply, ids := listReplyWith(found, of.header, true, more)
		return []Reply{b.keepList(ctx, m, FollowUp{Query: asked(m), Readings: &of, IDs: ids}, reply)}
	}
	a := ask.day
	on, t := a.day.Format(content.DateLayout), today.Format(content.DateLayout)
	switch {
	case on == t:
		// 周五的每日一读 on a Friday: today's, chosen now if no one asked
		// yet (a review's find: there was none until someone had).
		r, sent := b.dailyReply(ctx, s, m, 0, false, false)
		if sent { // as 每日一读 is: answered, and the list before it closed
			note(ctx, func(e *Event) { e.Outcome, e.Rule = OutcomeRule, DailyRule })
			b.closeList(ctx, m, r)
		}
		return r
	case on > t: // one scheduled ahead is not shown before its day
		note(ctx, func(e *Event) { e.Outcome, e.Rule = OutcomeRule, DailyRule })
		return []Reply{{Type: ReplyText, Text: fmt.Sprintf(noReadingYet, dayName(on))}}
	}
	rs, err := b.readings(ctx, on, 1)
	if err != nil {
		b.log.ErrorContext(ctx, "past readings", "day", on, "err", err)
		return unavailable(ctx, readingsUnreadable)
	}
	if len(rs) == 0 || rs[0].Day != on {
		note(ctx, func(e *Event) { e.Outcome, e.Rule = OutcomeRule, DailyRule })
		return []Reply{{Type: ReplyText, Text: fmt.Sprintf(noReadingOn, dayName(on))}}
	}
	note(ctx, func(e *Event) { e.Outcome, e.Rule, e.Article = OutcomeRule, DailyRule, rs[0].Article.ID })
	// 更多 after it lists the readings (it said no list was open).
	if err := b.putFollowUp(ctx, m, FollowUp{Query: asked(m), Readings: &ReadingsOf{}, Seen: []string{rs[0].Article.ID}}); err != nil {
		b.log.DebugContext(ctx, "store follow-up of a card", "openid", m.From, "err", err)
	}
	return []Reply{b.articleReply(ctx, rs[0].Article)}
}

// ReadingsOf are the readings a list shows: those through Through
// (YYYY-MM-DD; today when empty), from From, of a week or a month called
// Name.
type ReadingsOf struct {
	From    string `json:"from,omitempty"`
	Through string `json:"through,omitempty"`
	Name    string `json:"name,omitempty"`
	// At is, for a period's news, the day its next page starts from (the
	// last day shown; "" for Through).
	At string `json:"at,omitempty"`
}

func (of *ReadingsOf) header(int) string {
	if of.Name == "" {
		return readingsHeader
	}
	return of.Name + "的每日一读：\n"
}

// readingHits are the readings of as a list's hits, each with its day
// under its title.
func (b *Bot) readingHits(ctx context.Context, of ReadingsOf, n int) ([]content.Hit, error) {
	through := of.Through
	if through == "" {
		through = midnight(b.settings.Load().readingDay(b.now())).Format(content.DateLayout)
	}
	rs, err := b.readings(ctx, through, n)
	hits := make([]content.Hit, 0, len(rs))
	for _, r := range rs {
		if r.Day >= of.From {
			hits = append(hits, content.Hit{Article: r.Article, Score: 1, Snippet: r.Day})
		}
	}
	return hits, err
}
