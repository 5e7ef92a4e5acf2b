package bot

import (
	"context"
	"fmt"
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"mpbot/content"
)

// A day's articles: a follower asking for a day's news (8月22日新闻联播,
// 2025年8月22日的新闻, 昨天的新闻联播) gets the articles published that
// day, in the programme's order. Before, 8月22日新闻 (its 8月 and 22日 read
// as counts) and 昨天的新闻 got the latest articles, whatever their day,
// and 2026年8月22日新闻联播 was searched and got no match (a follower run's
// finds). 今天 is left to the latest articles: asked in the morning, today
// has one article or none, and yesterday's are what is new.

// dateWritten matches a date as followers write one: 2025年8月22日, 25年8月22日,
// 8月22日 (日 or 号, or neither before other words), 八月二十二日,
// 二〇二五年八月二十二日 (〇, ○, o or 零 for zero), 2025-08-22, 2025/8/22,
// 2025.8.22 and 20250822; and, loosely, 8.22, 8/22, 8-22 and 8·22 (only
// beside words asking for news: 3.15 alone is a number). Which group holds
// what is read by dateOf.
var dateWritten = regexp.MustCompile(
	`(?:((?:19|20)\d\d|\d\d|(?:一九|二[〇零○o])[〇零○o一二三四五六七八九]{2}|[〇零○o一二三四五六七八九]{2}) ?年 ?)?(\d{1,2}|[一二三四五六七八九十]{1,3}) ?月 ?(\d{1,2}|[一二三四五六七八九十]{1,3}) ?[日号]?` +
		`|((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})|((?:19|20)\d\d)(\d\d)(\d\d)|()(\d{1,2})[-/.·](\d{1,2})`)

// mayHoldDate says whether text holds what every date dateWritten matches
// holds, 月 or an ASCII digit: the regexp, without a literal to start
// from, tried every position of every message (a sixth of a cached
// answer's time).
func mayHoldDate(text string) bool {
	return strings.ContainsAny(text, "0123456789") || strings.Contains(text, "月")
}

// looseDate is the group dateWritten's loose form (8.22) starts at.
const looseDate = 10

// daysBack are words naming a day before today: 昨天 is -1.
var daysBack = map[string]int{"昨天": -1, "昨日": -1, "昨晚": -1, "前天": -2, "前日": -2, "大前天": -3}

// dayWords may stand beside a day besides the what-is-new words
// (latestWords): what the day's news is called, the request around it
// (帮我查一下, 在哪看), what of it is asked for (全文, 文字版) and the
// evening or weekday it was (晚上, 星期五). Follower runs' finds, each
// searched and not found.
var dayWords = slices.Concat([]string{"时政热点", "时政", "热点", "时事新闻", "时事", "联播", "央视新闻", "央视", "cctv",
	"当天", "那天", "这天", "那一天", "一天", "全部", "所有", "报道", "播了", "讲了", "说了", "都", "号", "那",
	"帮我查一下", "帮我查查", "帮我查", "查一下", "查查", "查", "搜一下", "搜", "找一下", "我要", "要", "麻烦", "发一下", "能看", "可以看",
	"在哪看", "在哪里看", "哪里看", "怎么看", "全文", "主要内容", "重点", "稿子", "文字稿", "文字版", "文稿", "汇总", "整理", "摘要", "发布",
	"讲的什么", "说的什么", "能不能", "可不可以", "可以", "谢谢老师", "谢谢", "麻烦了", "主要", "讲了些什么", "说了些什么", "视频", "回放", "完整版", "链接", "要点", "笔记", "求", "想要", "请", "这一天", "大事",
	"晚上", "当晚", "晚", "早上", "上午", "下午"}, recentFront, weekdays())

// weekdays are a date's weekday as followers add it (星期五, 周五, 礼拜五).
func weekdays() []string {
	var out []string
	for _, w := range []string{"星期", "礼拜", "周"} {
		for _, d := range []string{"一", "二", "三", "四", "五", "六", "日", "天"} {
			out = append(out, w+d)
		}
	}
	return out
}

// yearsBack are words naming a year by today, before a date without one.
var yearsBack = map[string]int{"今年": 0, "去年": 1, "前年": 2}

// recentDays are the days before today whose date, without a year, is
// asked as 昨天 is.
const recentDays = 7

// askedDay is a day a follower asks the articles of.
type askedDay struct {
	day      time.Time // midnight, UTC, of the day
	relative bool      // named by today (昨天), or a date of the last recentDays without a year
	yearless bool      // a date without a year (8月22日): its last occurrence by today
	weekday  bool      // named by its weekday (上周五), which the search cannot read
	// noDate is a date as written that is none (2月30日, 13月1日): read as
	// counts, it got the latest articles (a review's find).
	noDate string
	// nth is the day's article asked for (第二条, 头条: 1), 0 for all.
	nth int
	// loose is a date written loosely (8.22): a day only beside news words.
	loose bool
	// coming is a date without its year read as one of the coming week
	// (12月5日 asked on the 4th): the reading's day. News has none yet.
	coming bool
}

// news is the day as a question about news means it: a date of the coming
// week without its year is last year's (a follower run's find: 12月10日的新闻
// asked on the 4th said 2026年12月10日 had no articles), as it was before
// readings were asked for by such dates.
func (a askedDay) news() askedDay {
	if !a.coming {
		return a
	}
	for y := a.day.Year() - 1; y >= a.day.Year()-8; y-- {
		if t, ok := validDate(y, int(a.day.Month()), a.day.Day()); ok {
			a.day, a.yearless, a.coming = t, true, false
			return a
		}
	}
	return a
}

// nthItem is one of a day's articles named by its place: 第二条, 第3篇, 头条.
var nthItem = regexp.MustCompile(`第([0-9]{1,2}|[一二三四五六七八九十]{1,3})(?:条|篇|个|则|项)|头条`)

// dayAsked returns the day text asks the articles of, by its date or by a
// word naming it (昨天), when the rest of the text only asks for news
// (新闻联播, 有什么, 的). A date without a year is its last occurrence by
// today; one that is no date (2月30日) asks for nothing.
func dayAsked(text string, today time.Time) (askedDay, bool) {
	a, rest, ok := readDay(text, today)
	a = a.news()
	if !ok || !asksDayNews(a, rest) {
		return askedDay{}, false
	}
	return a, true
}

// asksDayNews reports whether the day readDay read asks for its news: the
// rest only asks for news (a loose date, 8.22, beside such words).
func asksDayNews(a askedDay, rest string) bool {
	return a.noDate != "" || asksNewsOnly(rest) && (!a.loose || strings.IndexFunc(rest, isWordRune) >= 0)
}

// readDay reads the one day text names, by its date or by a word naming it,
// and returns the rest of text.
func readDay(text string, today time.Time) (a askedDay, rest string, ok bool) {
	if utf8.RuneCountInString(text) > 48 {
		return askedDay{}, "", false
	}
	named := 0
	rest = text
	var loc [][]int
	if mayHoldDate(text) {
		loc = dateWritten.FindAllStringSubmatchIndex(text, -1)
	}
	switch {
	case len(loc) > 1:
		return askedDay{}, "", false
	case len(loc) == 1 && !digitAround(text, loc[0][0], loc[0][1]):
		a.loose = loc[0][2*looseDate] >= 0
		rest = text[:loc[0][0]] + " " + text[loc[0][1]:]
		var good bool
		a.day, a.yearless, good = dateOf(text, loc[0], today)
		yearWritten := loc[0][2*1] >= 0 || loc[0][2*4] >= 0 || loc[0][2*7] >= 0
		a.coming = good && !yearWritten && a.day.After(midnight(today))
		if !good {
			// Not a number alone (8.32, 20000000): a date with 月 or with
			// its year (2024-02-30), or one beside words asking for news.
			date := text[loc[0][0]:loc[0][1]]
			written := strings.Contains(date, "月") || loc[0][2*4] >= 0
			if asksNewsOnly(rest) && (written || strings.IndexFunc(rest, isWordRune) >= 0) {
				return askedDay{noDate: strings.TrimSpace(date)}, "", true
			}
			return askedDay{}, "", false
		}
		thisYear := false
		for w, back := range yearsBack {
			if i := strings.Index(rest, w); (a.yearless || a.coming) && i >= 0 {
				// 去年8月22日: that year's (a follower run's find: no match).
				t, ok := validDate(today.Year()-back, int(a.day.Month()), a.day.Day())
				if !ok {
					return askedDay{noDate: w + strings.TrimSpace(text[loc[0][0]:loc[0][1]])}, "", true // 去年2月29日
				}
				a.day, a.yearless, a.coming, thisYear = t, false, false, back == 0
				rest = rest[:i] + " " + rest[i+len(w):]
			}
		}
		if last := midnight(today); (a.yearless || thisYear) && a.day.Before(last.Add(24*time.Hour)) &&
			last.Sub(a.day) < recentDays*24*time.Hour {
			// 12月2日 asked on the 3rd is yesterday, as 昨天 is: without
			// articles yet, the latest, not last year's (a follower run's find).
			a.yearless, a.relative = false, true
		}
		named++
	}
	if named == 1 {
		// 今天是2026年12月5日，有什么新闻: today said and its date written
		// (a follower run's find: two days named, searched, a card on an
		// April conference); the date written is the day.
		for _, w := range []string{"今天是", "今天"} {
			if i := strings.Index(rest, w); i >= 0 {
				rest = rest[:i] + " " + rest[i+len(w):]
				// Today's, with none yet, is the latest, as 今天 is.
				a.relative = a.relative || a.day.Equal(midnight(today))
				break
			}
		}
	}
	for w, back := range daysBack {
		for i := strings.Index(rest, w); i >= 0; i = strings.Index(rest, w) {
			if w == "前天" && i >= len("大") && rest[i-len("大"):i] == "大" {
				break // 大前天's
			}
			named++
			a.relative = true
			a.day = midnight(today.AddDate(0, 0, back))
			rest = rest[:i] + " " + rest[i+len(w):]
		}
	}
	if named == 0 && strings.ContainsAny(rest, "周期拜") { // 周, 星期, 礼拜
		// 上周五的新闻联播, 周一的新闻 (a follower run's find: searched,
		// no match): the weekday of this week, or of a week before.
		if loc := weekdayNamed.FindAllStringSubmatchIndex(rest, -1); len(loc) == 1 {
			if back, ok := weekdayBack(rest, loc[0], today); ok {
				named++
				a.relative = back < recentDays // as a date is: 上上周一 with none has none, not none yet
				a.weekday = true
				a.day = midnight(today.AddDate(0, 0, -back))
				rest = rest[:loc[0][0]] + " " + rest[loc[0][1]:]
			}
		}
	}
	if loc := nthItem.FindAllStringSubmatchIndex(rest, -1); len(loc) == 1 {
		// 8月22日新闻联播第二条 (a follower run's find: another day's
		// roundup): the day's second article.
		a.nth = 1
		if loc[0][2] >= 0 {
			a.nth = hanDay(rest[loc[0][2]:loc[0][3]])
		}
		if a.nth == 0 || loc[0][2] < 0 && (strings.HasSuffix(rest[:loc[0][0]], "今日") || strings.HasPrefix(rest[loc[0][1]:], "号")) {
			return askedDay{}, "", false // 第0条; 今日头条 and 头条号 are no headline
		}
		rest = rest[:loc[0][0]] + " " + rest[loc[0][1]:]
	}
	if named != 1 {
		return askedDay{}, "", false
	}
	return a, rest, true
}

// weekdayNamed is a weekday as followers name a day by it: 周五, 星期五,
// 礼拜天, and the week it is in (上周五, 上个星期五, 上上周一, 这周一, 本周一).
var weekdayNamed = regexp.MustCompile(`(上上|上|这|本)?个?(?:星期|礼拜|周)([一二三四五六日天1-7])`)

// weekdayBack is how many days before today the weekday weekdayNamed
// matched at loc is: a weekday alone is the last one by today (周四 on a
// Thursday is today), one of this week (这周五) that is still to come is
// no day asked. Weeks start on Monday.
func weekdayBack(text string, loc []int, today time.Time) (int, bool) {
	week := ""
	if loc[2] >= 0 {
		week = text[loc[2]:loc[3]]
	}
	var asked int // Monday 0
	switch d := text[loc[4]:loc[5]]; {
	case d == "日" || d == "天":
		asked = 6
	case '1' <= d[0] && d[0] <= '7':
		asked = int(d[0] - '1')
	default:
		asked = strings.Index("一二三四五六", d) / len("一")
	}
	now := (int(today.Weekday()) + 6) % 7 // Monday 0
	switch week {
	case "":
		return (now - asked + 7) % 7, true
	case "这", "本":
		return now - asked, now >= asked
	case "上":
		return now - asked + 7, true
	default: // 上上
		return now - asked + 14, true
	}
}

// digitAround reports a digit just before or after text[i:j], or a Han
// numeral just before it: 120250822, 2025-08-221 and 一〇〇〇年一月一日 (whose
// 〇〇年 is no two-digit year) hold no date.
func digitAround(text string, i, j int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[j:])
	return '0' <= before && before <= '9' || '0' <= after && after <= '9' || strings.ContainsRune("〇零○一二三四五六七八九十", before)
}

// dateOf reads the date dateWritten matched at loc, and whether it had no
// year; a date without a year is the last one by today.
func dateOf(text string, loc []int, today time.Time) (time.Time, bool, bool) {
	group := func(g int) string {
		if loc[2*g] < 0 {
			return ""
		}
		return text[loc[2*g]:loc[2*g+1]]
	}
	first := 1
	for _, g := range []int{4, 7, looseDate} {
		if loc[2*g] >= 0 {
			first = g
		}
	}
	year, month, day := hanDigits(group(first)), hanDay(group(first+1)), hanDay(group(first+2))
	if utf8.RuneCountInString(group(first)) == 2 {
		year += 2000 // 25年 and 二五年 are 2025, 98年 1998
		if year > today.Year() {
			year -= 100
		}
	}
	if month < 1 || month > 12 || day < 1 || day > 31 || group(first) != "" && year == 0 {
		return time.Time{}, false, false
	}
	if year != 0 {
		t, ok := validDate(year, month, day)
		return t, false, ok
	}
	last := midnight(today)
	// A day of the coming week is that one (12月5日的每日一读 asked on the
	// 4th is tomorrow's: a follower run's find, it was last year's).
	for _, y := range []int{today.Year(), today.Year() + 1} {
		if t, ok := validDate(y, month, day); ok && t.After(last) && t.Sub(last) <= comingDays*24*time.Hour {
			return t, false, true
		}
	}
	for y := today.Year(); y >= today.Year()-8; y-- { // 2月29日: the last leap year's
		if t, ok := validDate(y, month, day); ok && !t.After(last) {
			return t, true, true
		}
	}
	return time.Time{}, false, false
}

// comingDays are the days after today whose date, without a year, names
// them rather than last year's.
const comingDays = 7

// midnight is t's day (as t's location has it) at midnight, UTC: the form
// of askedDay.day.
func midnight(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// validDate is year-month-day, when that is a date (not 2月30日).
func validDate(year, month, day int) (time.Time, bool) {
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == day
}

// hanDigits reads a number written digit by digit, in digits or Han
// numerals (二〇二五); 0 when it is neither.
func hanDigits(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	n := 0
	for _, r := range s {
		d := slices.Index([]rune("〇一二三四五六七八九"), r)
		if r == '零' || r == '○' || r == 'o' {
			d = 0
		}
		if d < 0 {
			return 0
		}
		n = 10*n + d
	}
	return n
}

// hanDay reads a month, a day, a place or an edition: digits, or Han
// numerals up to 九十九 (十, 十二, 二十, 四十六); 0 when it is none.
func hanDay(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	rs := []rune(s)
	digit := func(r rune) int { return slices.Index([]rune("一二三四五六七八九"), r) + 1 }
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return digit(rs[0])
	case len(rs) == 2 && rs[0] == '十' && digit(rs[1]) > 0:
		return 10 + digit(rs[1])
	case len(rs) == 2 && rs[1] == '十' && digit(rs[0]) > 0:
		return 10 * digit(rs[0])
	case len(rs) == 3 && rs[1] == '十' && digit(rs[0]) > 0 && digit(rs[2]) > 0:
		return 10*digit(rs[0]) + digit(rs[2])
	}
	return 0
}

// dayAsking are the words that may stand beside a day, longest first.
var dayAsking = longestFirst(slices.Concat(dayWords, latestWords))

// asksNewsOnly reports whether text, a day's name taken out, holds only
// words asking for news (or nothing).
func asksNewsOnly(text string) bool { return madeOf(text, dayAsking, nil) }

// madeOf reports whether text, less what is no word (punctuation, spaces),
// is made of words (longest first) alone, telling each to seen (when set).
func madeOf(text string, words []string, seen func(w string)) bool {
	for rest := text; rest != ""; {
		rest = strings.TrimLeftFunc(rest, func(r rune) bool { return !isWordRune(r) })
		if rest == "" {
			break
		}
		i := slices.IndexFunc(words, func(w string) bool { return strings.HasPrefix(rest, w) })
		if i < 0 {
			return false
		}
		if seen != nil {
			seen(words[i])
		}
		rest = rest[len(words[i]):]
	}
	return true
}

// day answers with the articles published on the day asked, as a
// numbered list in the programme's order (更多 shows the rest), or its one
// article's card. A date without a year with no articles is the last year's
// that has some, within five (a follower run's find: 9月3日 asked in
// December, the store's last article in August, is last year's parade).
// A day named by its date with no articles says so; 今天 or 昨天 without
// any gets the latest articles, as before, and so does any day after the
// store's newest article.
func (b *Bot) day(ctx context.Context, s *Settings, m Message, a askedDay) []Reply {
	if a.noDate != "" {
		note(ctx, func(e *Event) { e.Outcome = OutcomeNoMatch })
		return []Reply{{Type: ReplyText, Text: fmt.Sprintf(notADay, a.noDate)}}
	}
	var found []content.Hit
	var on string
	for back := 0; back <= 5 && (back == 0 || a.yearless); back++ {
		d, ok := validDate(a.day.Year()-back, int(a.day.Month()), a.day.Day())
		if !ok {
			continue // 2月29日 in a year without one
		}
		var err error
		if found, err = b.catalog.Day(ctx, d.Format(content.DateLayout), max(s.searchN(), a.nth)); err != nil {
			b.log.ErrorContext(ctx, "articles of a day", "day", d.Format(content.DateLayout), "err", err)
			return b.noMatch(ctx, s, m, 0)
		}
		if len(found) > 0 || back == 0 {
			on = d.Format(content.DateLayout)
		}
		if len(found) > 0 {
			break
		}
	}
	switch {
	case len(found) == 0 && (a.relative || b.nothingSince(ctx, on)):
		// Said (a follower run's find: 12月1日新闻 got September's
		// articles as if they were that day's). A day after the store's
		// newest article is one whose articles are not in yet, however
		// long ago (上周五, nine days back: "none on that day", without
		// the latest, a follower run's find).
		return b.latestAfter(ctx, s, m, fmt.Sprintf(noDayArticlesYet, dayName(on)))
	case len(found) == 0:
		note(ctx, func(e *Event) { e.Outcome = OutcomeNoMatch })
		return []Reply{{Type: ReplyText, Text: fmt.Sprintf(noDayArticles, dayName(on))}}
	case len(found) == 1 || a.nth > 0 && a.nth <= len(found):
		// One article is its card, as a search's one answer is, and so is
		// the one asked by its place; 更多 after it shows the rest of the day.
		// (A place past a day of one is that one: it read past the end,
		// a review's find.)
		card := found[0]
		if a.nth > 0 && a.nth <= len(found) {
			card = found[a.nth-1]
		}
		note(ctx, func(e *Event) { e.Outcome, e.Article = OutcomeCard, card.Article.ID })
		if err := b.putFollowUp(ctx, m, FollowUp{Query: asked(m), Day: on, Seen: []string{card.Article.ID}}); err != nil {
			b.log.DebugContext(ctx, "store follow-up of a card", "openid", m.From, "err", err)
		}
		return []Reply{b.articleReply(ctx, card.Article)}
	}
	found, more := firstPage(ctx, s, found)
	reply, ids := listReplyWith(found, dayHeaderFor(on), true, more)
	list := FollowUp{Query: asked(m), Day: on, IDs: ids, Stories: storiesOf(found[:len(ids)])}
	return []Reply{b.keepList(ctx, m, list, reply)}
}

// nothingSince reports whether the store's newest article was published
// before day (a date in content.DateLayout).
func (b *Bot) nothingSince(ctx context.Context, day string) bool {
	newest, err := b.catalog.Latest(ctx, 1)
	if err != nil {
		b.log.ErrorContext(ctx, "latest article", "err", err)
		return false
	}
	return len(newest) > 0 && newest[0].Article.PublishedOn != "" && newest[0].Article.PublishedOn < day
}

const (
	dayHeader        = "%s的文章：\n"
	noDayArticles    = "没有%s发布的文章。回复「最新」看最近发布的文章。"
	noDayArticlesYet = "%s还没有文章。\n"
	noMoreOfDay      = "%s的文章都在上面了，回复列表里的序号查看文章。"
	noMoreOfDayCard  = "%s只有这一篇文章。"
	notADay          = "没有「%s」这一天，换个日期试试。"
)

// maxSeenOfDay bounds how far 更多 pages through a day's articles (a
// programme has some twenty; maxSeen's 50 cut a day of 57 short).
const (
	maxSeenOfDay = 200
)

// dayHeaderFor is the header of a list of the articles of day (YYYY-MM-DD).
func dayHeaderFor(day string) func(int) string {
	h := fmt.Sprintf(dayHeader, dayName(day))
	return func(int) string { return h }
}

// dayName is day (YYYY-MM-DD) as followers write it: 2026年8月22日.
func dayName(day string) string {
	t, err := time.Parse(content.DateLayout, day)
	if err != nil {
		return day
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
}

// A day and a topic: 9月3日阅兵, 8月22日 一带一路, 8月22日的新闻联播有国常会吗.
// Searched as typed, the date was a word to find: 9月3日阅兵 got no match
// and 8月22日 一带一路 a 2023 article, though that day's first item was on
// it (a follower run's finds).

// topicOnDay returns the topic asked about on the day readDay read (rest
// is the text less the day), the rest less the words asking for news at
// its ends.
func topicOnDay(a askedDay, rest string) (string, bool) {
	if a.noDate != "" || a.nth > 0 || a.loose {
		return "", false
	}
	topic := trimAsking(rest)
	if t, ok := strings.CutPrefix(topic, "有"); ok && utf8.RuneCountInString(t) >= 2 &&
		strings.HasSuffix(strings.TrimFunc(rest, func(r rune) bool { return !isWordRune(r) }), "吗") {
		topic = t // 昨天有国常会吗: asked whether there was one (and 有机农业吗 of 机农业, a word this cannot tell)
	}
	if strings.IndexFunc(topic, isWordRune) < 0 || utf8.RuneCountInString(topic) > maxDayTopic {
		return "", false
	}
	return topic, true
}

// maxDayTopic bounds, in characters, the topic asked about on a day.
const maxDayTopic = 16

// dayEdges are the words asking for a day's news trimmed off a topic's ends:
// the words of two characters or more, and particles (not 新 of 新质生产力).
var dayEdges = longestFirst(slices.Concat(slices.DeleteFunc(slices.Clone(dayAsking), func(w string) bool { return utf8.RuneCountInString(w) < 2 }),
	// What is asked of the day's news about the topic (昨晚新闻联播有没有讲
	// 国常会, 昨天有国常会吗: a follower run's find, 讲国常会 searched).
	// Not 有, 讲 or 提 alone: 有机农业, 讲党课, 提高收入 are topics.
	[]string{"有没有讲", "有没有提到", "有没有说", "有没有报道", "讲没讲", "讲了", "提到了", "报道了",
		"的", "了", "吗", "呢", "呀", "啊", "吧"}))

// trimAsking is s without dayEdges, punctuation and spaces at its ends.
func trimAsking(s string) string {
	for {
		s = strings.TrimFunc(s, func(r rune) bool { return !isWordRune(r) })
		if i := slices.IndexFunc(dayEdges, func(w string) bool { return strings.HasPrefix(s, w) }); i >= 0 {
			s = s[len(dayEdges[i]):]
			continue
		}
		if i := slices.IndexFunc(dayEdges, func(w string) bool { return strings.HasSuffix(s, w) }); i >= 0 {
			s = s[:len(s)-len(dayEdges[i])]
			continue
		}
		return s
	}
}

// dayTopicDepth is how many of the topic's articles are looked through for
// the day's.
const dayTopicDepth = 100

// dayTopic answers with the articles on topic published on the day asked
// (for a date without a year, the last year's that has some), its card or
// a list; nil when there are none, for the question to be searched.
func (b *Bot) dayTopic(ctx context.Context, s *Settings, m Message, a askedDay, topic string) []Reply {
	hits, err := b.catalog.Search(ctx, topic, dayTopicDepth)
	if err != nil {
		b.log.ErrorContext(ctx, "search", "err", err)
		return nil
	}
	want := a.day.Format(content.DateLayout)
	today := midnight(b.now().In(chinaTime)).Format(content.DateLayout)
	on := ""
	for _, h := range hits {
		p := h.Article.PublishedOn
		if h.Score < s.search.MinScore || p > today {
			continue
		}
		if p == want || a.yearless && len(p) == len(want) && p[4:] == want[4:] && p > on {
			on = max(on, p)
		}
	}
	if on == "" {
		return nil
	}
	var found []content.Hit
	for _, h := range hits {
		if h.Score >= s.search.MinScore && h.Article.PublishedOn == on && len(found) < s.search.MaxResults {
			found = append(found, h)
		}
	}
	if len(found) == 1 {
		note(ctx, func(e *Event) { e.Outcome, e.Article = OutcomeCard, found[0].Article.ID })
		// The card closes the list before it, as a search's does: its
		// numbers had opened that list's items (a follower run's find:
		// 国常会, 8月22日 一带一路, then 2 opened a meeting).
		if err := b.putFollowUp(ctx, m, FollowUp{Query: asked(m), Day: on, Topic: topic, TopicDay: on, Seen: []string{found[0].Article.ID}}); err != nil {
			b.log.DebugContext(ctx, "store follow-up of a card", "openid", m.From, "err", err)
		}
		if st := found[0].Story; st != nil { // a roundup's item, not its recurring title (a review's find)
			return []Reply{storyReply(found[0].Article, *st)}
		}
		return []Reply{b.articleReply(ctx, found[0].Article)}
	}
	found, _ = firstPage(ctx, s, b.catalog.Snippets(ctx, topic, found))
	header := fmt.Sprintf(dayTopicHeader, dayName(on), html.EscapeString(Cut(topic, listTitle)))
	reply, ids := listReplyWith(found, func(int) string { return header }, false, false)
	return []Reply{b.keepList(ctx, m, FollowUp{Query: asked(m), IDs: ids, Stories: storiesOf(found[:len(ids)]), Topic: topic, TopicDay: on}, reply)}
}

// topicOnDayAsked answers topic asked on a day, in one message (9月3日阅兵)
// or after a question (阅兵, then 那昨天的呢): the topic's articles of the
// day; for a day named by today without any (昨天), the topic's newest, and
// for one named by its weekday further back (上周五), the newest under a
// line saying the day has none; nil for the question to be searched.
func (b *Bot) topicOnDayAsked(ctx context.Context, s *Settings, m Message, day askedDay, topic string) []Reply {
	if r := b.dayTopic(ctx, s, m, day, topic); r != nil {
		return r
	}
	switch {
	case day.relative:
		// 昨晚新闻联播有没有讲国常会, yesterday without one: the newest, not
		// whichever year's the search ranks first (a follower run's find:
		// a 2023 meeting's card).
		return b.newest(ctx, s, m, topic)
	case day.weekday:
		// 上周五的国常会 searched had got a card on 本周…比上周有所上升 (a
		// follower run's find): the search reads no weekday.
		on := day.day.Format(content.DateLayout)
		lead := fmt.Sprintf(noneOfDay, dayName(on), html.EscapeString(Cut(topic, listTitle)))
		if b.nothingSince(ctx, on) {
			// After the store's newest article it cannot know (a
			// review's find: it said there was no meeting that day).
			lead = strings.TrimSuffix(fmt.Sprintf(noDayArticlesYet, dayName(on)), "\n")
		}
		return b.newestAfter(ctx, s, m, topic, topic, lead)
	}
	return nil
}

const dayTopicHeader = "%s「%s」的文章：\n"
