package bot

import (
	"context"
	"fmt"
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
// day, in the programme's order. Searched, a date found nothing (a
// follower run's find: 8月22日新闻 and 2026年8月22日新闻联播 got no match),
// and 昨天 got the latest articles, whatever their day.

// dateWritten matches a date as followers write one: 2025年8月22日, 8月22日
// (日 or 号, or neither before other words), 八月二十二日, 二〇二五年八月二十二日,
// 2025-08-22, 2025/8/22, 2025.8.22 and 20250822. Which group holds what is
// read by dateOf.
var dateWritten = regexp.MustCompile(
	`(?:((?:19|20)\d\d|[〇零一二][〇零一二三四五六七八九]{3}) ?年 ?)?(\d{1,2}|[一二三四五六七八九十]{1,3}) ?月 ?(\d{1,2}|[一二三四五六七八九十]{1,3}) ?[日号]?` +
		`|((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})|((?:19|20)\d\d)(\d\d)(\d\d)`)

// daysBack are words naming a day by today: 今天 is 0, 昨天 -1.
var daysBack = map[string]int{"今天": 0, "今日": 0, "今晚": 0, "昨天": -1, "昨日": -1, "昨晚": -1, "前天": -2, "前日": -2, "大前天": -3}

// dayWords may stand beside a day besides the what-is-new words
// (latestWords): what the day's news is called and the question around it.
var dayWords = longestFirst([]string{"时政热点", "时政", "热点", "联播", "央视", "当天", "那天", "这天", "那一天", "一天", "全部", "所有",
	"报道", "播了", "讲了", "说了", "都", "号"})

// dayAsked returns the day text asks the articles of, by its date or by a
// word naming it (relative: 昨天), when the rest of the text only asks
// for news (新闻联播, 有什么, 的). A date without a year is its last
// occurrence by today; one that is no date (2月30日) asks for nothing.
func dayAsked(text string, today time.Time) (day time.Time, relative, ok bool) {
	if utf8.RuneCountInString(text) > 32 {
		return time.Time{}, false, false
	}
	named := 0
	var rest string
	if loc := dateWritten.FindAllStringSubmatchIndex(text, -1); len(loc) == 1 && !digitAround(text, loc[0][0], loc[0][1]) {
		var good bool
		if day, good = dateOf(text, loc[0], today); !good {
			return time.Time{}, false, false
		}
		named++
		rest = text[:loc[0][0]] + " " + text[loc[0][1]:]
	} else if len(loc) > 1 {
		return time.Time{}, false, false
	} else {
		rest = text
	}
	for w, back := range daysBack {
		for i := strings.Index(rest, w); i >= 0; i = strings.Index(rest, w) {
			if w == "前天" && i >= len("大") && rest[i-len("大"):i] == "大" {
				break // 大前天's
			}
			named++
			relative = true
			d := today.AddDate(0, 0, back)
			day = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
			rest = rest[:i] + " " + rest[i+len(w):]
		}
	}
	if named != 1 || !asksNewsOnly(rest) {
		return time.Time{}, false, false
	}
	return day, relative, true
}

// digitAround reports a digit just before or after text[i:j]: 120250822
// and 2025-08-221 hold no date.
func digitAround(text string, i, j int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[j:])
	return '0' <= before && before <= '9' || '0' <= after && after <= '9'
}

// dateOf reads the date dateWritten matched at loc; a date without a year
// is the last one by today.
func dateOf(text string, loc []int, today time.Time) (time.Time, bool) {
	group := func(g int) string {
		if loc[2*g] < 0 {
			return ""
		}
		return text[loc[2*g]:loc[2*g+1]]
	}
	first := 1
	for _, g := range []int{4, 7} {
		if group(g) != "" {
			first = g
		}
	}
	year, month, day := hanDigits(group(first)), hanDay(group(first+1)), hanDay(group(first+2))
	if month < 1 || month > 12 || day < 1 || day > 31 || group(first) != "" && year == 0 {
		return time.Time{}, false
	}
	valid := func(y int) (time.Time, bool) {
		t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		return t, t.Day() == day
	}
	if year != 0 {
		return valid(year)
	}
	last := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	for y := today.Year(); y >= today.Year()-8; y-- { // 2月29日: the last leap year's
		if t, ok := valid(y); ok && !t.After(last) {
			return t, true
		}
	}
	return time.Time{}, false
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
		if r == '零' {
			d = 0
		}
		if d < 0 {
			return 0
		}
		n = 10*n + d
	}
	return n
}

// hanDay reads a month or a day: digits, or Han numerals up to 三十一
// (十, 十二, 二十, 二十二); 0 when it is none.
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

// asksNewsOnly reports whether text, a day's name taken out, holds only
// words asking for news (or nothing).
func asksNewsOnly(text string) bool {
	for rest := text; rest != ""; {
		rest = strings.TrimLeftFunc(rest, func(r rune) bool { return !isWordRune(r) })
		if rest == "" {
			break
		}
		w := ""
		for _, words := range [][]string{dayWords, latestWords} {
			if i := slices.IndexFunc(words, func(w string) bool { return strings.HasPrefix(rest, w) }); i >= 0 && len(words[i]) > len(w) {
				w = words[i]
			}
		}
		if w == "" {
			return false
		}
		rest = rest[len(w):]
	}
	return true
}

// day answers with the articles published on day, as a numbered list in the
// programme's order (更多 shows the rest). A day named by its date with no
// articles says so; 今天 or 昨天 without any gets the latest articles, as
// before.
func (b *Bot) day(ctx context.Context, s *Settings, m Message, day time.Time, relative bool) []Reply {
	on := day.Format(content.DateLayout)
	found, err := b.catalog.Day(ctx, on, s.searchN())
	if err != nil {
		b.log.ErrorContext(ctx, "articles of a day", "day", on, "err", err)
		return b.noMatch(ctx, s, m, 0)
	}
	if len(found) == 0 {
		if relative {
			return b.latest(ctx, s, m)
		}
		note(ctx, func(e *Event) { e.Outcome = OutcomeNoMatch })
		return []Reply{{Type: ReplyText, Text: fmt.Sprintf(noDayArticles, dayName(on))}}
	}
	more := len(found) > s.search.MaxResults
	found = found[:min(len(found), s.search.MaxResults)]
	note(ctx, func(e *Event) {
		e.Outcome = OutcomeList
		for _, h := range found {
			e.Hits = append(e.Hits, Scored{ID: h.Article.ID, Score: h.Score})
		}
	})
	reply, ids := listReplyWith(found, dayHeaderFor(on), true, more)
	list := FollowUp{Query: asked(m), Day: on, IDs: ids, Stories: storiesOf(found[:len(ids)])}
	return []Reply{b.keepList(ctx, m, list, reply)}
}

const (
	dayHeader     = "%s的文章：\n"
	noDayArticles = "没有%s发布的文章。回复「最新」看最近发布的文章。"
	noMoreOfDay   = "%s的文章都在上面了，回复列表里的序号查看文章。"
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
