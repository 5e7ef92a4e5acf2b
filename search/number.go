package search

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Numbers that name an event must agree: 第七届 is not 第十七届, 神舟二十五号
// not 天舟五号, 十九届 not 二十届, a report of 2019 not the 2020 one. A
// number is compared with the numbers the title gives with the same
// measure word (届, 次, 号, 年, …), written in digits or in characters alike.

// mention is a number with its measure word.
type mention struct {
	n       int
	measure string
}

// maxMentions bounds the numbers taken from a query.
const maxMentions = 8

// hanNumerals are the characters numbers are written in.
const hanNumerals = "〇零一二两三四五六七八九十百千"

var mentionRe = regexp.MustCompile(`([0-9]+|[` + hanNumerals + `]+)(周年|届|次|号|年|月|期|批|条|项|代|轮|季|版|中全会|大)`)

// mentions finds the numbers of s with their measure words. A year (a
// number of 年 from 1900 on) is told apart from a span of years (三年).
func mentions(s string, limit int) []mention {
	var out []mention
	for _, m := range mentionRe.FindAllStringSubmatchIndex(s, limit) {
		n, ok := parseNumber(s[m[2]:m[3]])
		if !ok {
			continue
		}
		measure := s[m[4]:m[5]]
		if measure == "大" && !congressAt(s, m[2], m[5]) {
			continue
		}
		switch {
		case measure == "年" && n >= 1900:
			measure = "年份"
		case measure == "中全会" || measure == "大":
			measure = "次" // 五中全会 is 第五次全体会议, 二十大 第二十次全国代表大会
		}
		out = append(out, mention{n, measure})
	}
	// A five-year plan by its number (十四五, “十五五”): no number is
	// written 十四五, so the reading is not a guess.
	for at := 0; limit < 0 || len(out) < limit; {
		i := strings.Index(s[at:], "十")
		if i < 0 {
			break
		}
		i += at
		at = i + len("十")
		r, size := utf8.DecodeRuneInString(s[at:])
		if d := hanDigitValue(r); d > 0 && strings.HasPrefix(s[at+size:], "五") {
			// Not 十四五岁 (fourteen or fifteen years old) nor 十一五一 (two holidays).
			next, _ := utf8.DecodeRuneInString(s[at+size+len("五"):])
			if p, _ := utf8.DecodeLastRuneInString(s[:i]); !strings.ContainsRune(hanNumerals, p) && !strings.ContainsRune("岁一〇零二两三四五六七八九十", next) {
				out = append(out, mention{10 + d, "五年规划"})
			}
		}
	}
	return out
}

// congressAt reports whether the number at s[start:] with 大 ending at end
// names a congress (党的二十大, 十八大以来, (十四大)), not a count (三大攻坚战,
// 一大批, 第一大贸易伙伴, 5大看点, 八一大楼): a number in characters, not after
// 第, and followed by nothing more of a name, or by what is said of a
// congress.
func congressAt(s string, start, end int) bool {
	if isDigit(s[start]) || strings.HasSuffix(s[:start], "第") {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[end:])
	if end == len(s) || !isHan(next) {
		return true
	}
	for _, w := range congressFollowers {
		if strings.HasPrefix(s[end:], w) {
			return true
		}
	}
	return false
}

var congressFollowers = []string{"以来", "报告", "精神", "代表", "召开", "开幕", "闭幕", "胜利", "党章", "期间", "决议", "通过",
	"上", "后", "前", "的", "和", "与", "至", "到", "时", "以",
	// The congress's own bodies and what it did (二十大新闻发言人, 二十大主席团,
	// 二十大提出: a follower run's find, 二十一大 got their card).
	"新闻", "主席团", "秘书处", "代表团", "文件", "提出", "强调", "作出", "部署", "确定", "明确"}

// parseNumber reads digits, or a number in characters: 二十五, 一百三十, 十九,
// and years written digit by digit (二〇二四).
func parseNumber(s string) (int, bool) {
	if isDigit(s[0]) {
		n, err := strconv.Atoi(s)
		return n, err == nil && len(s) <= 6
	}
	if utf8.RuneCountInString(s) > 8 {
		return 0, false
	}
	if !strings.ContainsAny(s, "十百千") {
		n := 0
		for _, r := range s {
			n = n*10 + hanDigitValue(r)
		}
		return n, true
	}
	total, cur := 0, 0
	for _, r := range s {
		switch r {
		case '十', '百', '千':
			unit := map[rune]int{'十': 10, '百': 100, '千': 1000}[r]
			if cur == 0 {
				cur = 1
			}
			total += cur * unit
			cur = 0
		default:
			cur = hanDigitValue(r)
		}
	}
	return total + cur, true
}

// numbersBefore returns the numbers title gives with measure (as mentions
// names it): each place the measure word occurs, read backwards. It is the
// regexp's reading without the regexp (but for 中全会 and five-year plans,
// which few titles have): this runs for every leading candidate of a query
// with numbers, on its title and its summary.
func numbersBefore(title, measure string) []int {
	switch measure {
	case "年份":
		return numbersAt(title, measure, "年")
	case "次":
		// 五中全会 and 二十大 count as 第五次 and 第二十次 (see mentions).
		if strings.Contains(title, "中全会") {
			return numbersOf(mentions(title, -1), measure)
		}
		return append(numbersAt(title, measure, "次"), numbersAt(title, measure, "大")...)
	case "五年规划":
		if !strings.Contains(title, "五") {
			return nil
		}
		return numbersOf(mentions(title, -1), measure)
	}
	return numbersAt(title, measure, measure)
}

// numbersAt reads the numbers before each place title has word.
func numbersAt(title, measure, word string) []int {
	var out []int
	for at := 0; ; {
		i := strings.Index(title[at:], word)
		if i < 0 {
			return out
		}
		end := at + i
		at = end + len(word)
		start := end
		for start > 0 {
			r, size := utf8.DecodeLastRuneInString(title[:start])
			if !(r >= '0' && r <= '9' || strings.ContainsRune(hanNumerals, r)) {
				break
			}
			start -= size
		}
		if start == end || word == "年" && strings.HasPrefix(title[at:], "份") {
			continue
		}
		// The longer measure words win as in mentions: 周年 is not 年.
		if word == "年" && strings.HasSuffix(title[:start], "周") {
			continue
		}
		if word == "大" && !congressAt(title, start, at) {
			continue
		}
		n, ok := parseNumber(title[start:end])
		if !ok {
			continue
		}
		isYear := word == "年" && n >= 1900
		if measure == "年份" && isYear || measure == "年" && !isYear || measure != "年份" && measure != "年" {
			out = append(out, n)
		}
	}
}

func numbersOf(ms []mention, measure string) []int {
	var out []int
	for _, m := range ms {
		if m.measure == measure {
			out = append(out, m.n)
		}
	}
	return out
}

func hanDigitValue(r rune) int {
	switch r {
	case '一':
		return 1
	case '二', '两':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return 0
}

// numberAgreement compares the query's numbers with an article's title:
// -1 when the title gives another number with the same measure word and
// never the query's, 1 when it gives the query's, 0 when it says nothing
// either way. A month the title does not name is compared with the
// publication month; an article published the month after the one asked
// about neither agrees nor disagrees.
// Years count only against: their agreement is the year preference's.
func numberAgreement(query []mention, title string, day int32) int {
	if len(query) == 0 {
		return 0
	}
	agree := 0
	for _, q := range query {
		same, other := false, false
		for _, n := range numbersBefore(title, q.measure) {
			same = same || n == q.n
			other = other || n != q.n
		}
		if !same && !other && q.measure == "月" && day != 0 {
			m := int(epoch.AddDate(0, 0, int(day)).Month())
			// Figures for a month come out in the next (6月 CPI on 7月
			// 10日): published then, the article neither agrees nor
			// disagrees.
			same, other = m == q.n, m != q.n && m != q.n%12+1
		}
		switch {
		case same && q.measure != "年份":
			agree = 1
		case !same && other:
			return -1
		}
	}
	return agree
}

// monthAfter reports whether an article published on day, its title naming
// no month, came out in the month after one the query asks about (of a
// year it asks about, when it asks about one).
func monthAfter(months []mention, years []int, title string, day int32) bool {
	if len(months) == 0 || day == 0 || len(numbersBefore(title, "月")) > 0 {
		return false
	}
	t := epoch.AddDate(0, 0, int(day))
	return slices.ContainsFunc(months, func(q mention) bool {
		if int(t.Month()) != q.n%12+1 {
			return false
		}
		if len(years) == 0 {
			return true
		}
		return slices.ContainsFunc(years, func(y int) bool { return t.Year() == y+q.n/12 })
	})
}

// decemberReported reports whether an article published on day may report
// December of year y, which the query asks about by month: figures for it
// come out in January of the next year (2024年12月CPI on 2025-01-09).
func decemberReported(y int, query []mention, day int32) bool {
	if day == 0 || !slices.Contains(query, mention{12, "月"}) {
		return false // day 0 is an article without a date, not 1970-01-01
	}
	t := epoch.AddDate(0, 0, int(day))
	return t.Year() == y+1 && t.Month() == 1
}

// fullDate is the day a date of text names with its year, month and day
// (2024年2月7日, 2024年10月14号, 2024.2.7, 2024-2-7, 2024/2/7), as days since
// 1970; 0 when text names none. Only the first date counts.
func fullDate(text string) int32 {
	if !strings.Contains(text, "月") && !strings.ContainsAny(text, ".-/") {
		return 0
	}
	m := dateRe.FindStringSubmatch(text)
	if m == nil {
		return 0
	}
	month, day := m[2], m[3]
	if month == "" {
		month, day = m[4], m[5]
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(month)
	d, _ := strconv.Atoi(day)
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != mo || t.Day() != d {
		return 0 // 2月30日
	}
	return int32(t.Sub(epoch).Hours() / 24)
}

// mentionKeyPrefix starts the keys numbers are kept under in an article's
// pair filter (a byte no Han pair starts with).
const mentionKeyPrefix = "\x00"

// mentionKey is the key a number with its measure word is kept under in
// an article's pair filter, however it is written (第二十三届, 第23届).
func mentionKey(m mention) string { return mentionKeyPrefix + strconv.Itoa(m.n) + m.measure }

// addMentionKeys adds the keys of the numbers text gives (with their
// measure words) to a pair filter's items: whether an article names the
// 第三届 or the 20周年 a query asks about anywhere, its body included, is
// then a probe of its filter.
func addMentionKeys(items map[string]struct{}, text string) {
	if !strings.ContainsAny(text, "0123456789"+hanNumerals) {
		return
	}
	for _, m := range mentions(text, -1) {
		items[mentionKey(m)] = struct{}{}
	}
	// 首次, 首届 are the first: 第一次 asked about is 首次 as often.
	for _, m := range firstRe.FindAllStringSubmatch(text, -1) {
		items[mentionKey(mention{1, m[1]})] = struct{}{}
	}
}

var firstRe = regexp.MustCompile(`首(届|次|批|期|轮|号)`)

// numberKeys are the pair-filter keys of the query's numbers that name
// something: not years, months, days or five-year plans, which articles
// write in other ways (2025年 is the publication year, 十四五 the 第十四个
// 五年规划).
func (q *query) numberKeys() [][2]uint64 {
	var out [][2]uint64
	for _, m := range q.mentions {
		switch m.measure {
		case "年", "年份", "月", "五年规划":
			continue
		case "号":
			// 9月1号 is a day; the document 中央一号文件 names is not
			// called so in itself (2023中央一号文件's answer, the 意见 it
			// is, fell from 0.98 to 0.49).
			if len(q.months) > 0 || q.day > 0 || strings.Contains(q.text, "号文件") {
				continue
			}
		}
		h1, h2 := bloomHash(mentionKey(m))
		out = append(out, [2]uint64{h1, h2})
	}
	return out
}
