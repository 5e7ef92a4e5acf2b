package bot

import (
	"context"
	"mpbot/content"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// editionsBack is how many editions before the one asked 上一次呢 looks
// through for one the store has (第45次, then the 44th, 43rd, 42nd).
const editionsBack = 3

// editionHits is how many of the hits for a card's title, its edition
// one before, are looked through for that edition's card.
const editionHits = 5

// editionRe is an event's edition with its measure word (第八届, 四中全会,
// 第46次, 第136届), or a year's document by its year (2025年政府工作报告).
// A party congress too (十九大, 二十大: 上一届的呢 after 十九大报告 had said none
// came before, a follower run's find); not 十大 (十大新闻).
var editionRe = regexp.MustCompile(`([0-9]{1,3}|[一二三四五六七八九十]{1,3})(届|次|中全会|期)|((?:19|20)[0-9]{2})(年)|([一二三四五六七八九十]{2,3})(大)`)

// yearlyDocuments are what comes once a year, numbered by its year: the
// one before 2025年政府工作报告 is 2024年's (a re-check's find: a card on
// the meeting that discussed the 2025 report). Not a meeting: the one
// before one of 2025年政治局会议 may be of 2025 too.
var yearlyDocuments = []string{"政府工作报告", "新年贺词", "一号文件", "经济工作会议", "统计公报", "两会"}

// previousEdition is question with its last edition one before
// (第八届进博会 is 第七届进博会, 二十届四中全会公报 二十届三中全会公报);
// false when it names none, or the first.
func previousEdition(question string) (string, bool) {
	locs := editionRe.FindAllStringSubmatchIndex(question, -1)
	if len(locs) == 0 {
		return "", false
	}
	l := locs[len(locs)-1]
	if l[2] < 0 && l[6] >= 0 { // a year
		if !slices.ContainsFunc(yearlyDocuments, func(d string) bool { return strings.Contains(question, d) }) {
			return "", false
		}
		y, _ := strconv.Atoi(question[l[6]:l[7]])
		return question[:l[6]] + strconv.Itoa(y-1) + question[l[7]:], true
	}
	if l[2] < 0 { // a congress
		l[2], l[3] = l[10], l[11]
	}
	if before, _ := utf8.DecodeLastRuneInString(question[:l[2]]); strings.ContainsRune("百千零〇0123456789", before) {
		return "", false // 第一百二十届: read from its 二十 (a review's find)
	}
	num := question[l[2]:l[3]]
	n, han := hanDay(num), num[0] > '9'
	if n <= 1 {
		return "", false
	}
	prev := strconv.Itoa(n - 1)
	if han {
		prev = hanOf(n - 1)
	}
	return question[:l[2]] + prev + question[l[3]:], true
}

// hanOf writes 1 to 99 in Han numerals, as hanDay reads them.
func hanOf(n int) string {
	ds := []rune("一二三四五六七八九")
	switch {
	case n < 10:
		return string(ds[n-1])
	case n == 10:
		return "十"
	case n < 20:
		return "十" + string(ds[n-11])
	case n%10 == 0:
		return string(ds[n/10-1]) + "十"
	}
	return string(ds[n/10-1]) + "十" + string(ds[n%10-1])
}

// editionBefore answers 上一次呢 after the card of a numbered event reached
// without its number (政治局集体学习, then 那人工智能那次呢: the 第二十次's
// card): the card whose title names the edition before, found by the
// card's title so numbered; nil when its title names none, or the store
// has no such card (a review's find: "none earlier", the follower's words
// naming no edition).
func (b *Bot) editionBefore(ctx context.Context, s *Settings, m Message, id string) []Reply {
	a, err := b.catalog.Get(ctx, id)
	if err != nil {
		return nil
	}
	prev, ok := previousEdition(a.Title)
	if !ok {
		return nil
	}
	edition := editionRe.FindAllString(prev, -1)
	// The title searched finds its edition before among the first few,
	// however sure: most of its words are the card's (in a small store
	// every hit is unsure).
	hits, err := b.catalog.Search(ctx, prev, editionHits)
	if err != nil {
		return nil
	}
	for _, h := range hits {
		if h.Article.ID != id && strings.Contains(h.Article.Title, edition[len(edition)-1]) {
			return b.pick(ctx, s, m, prev, []content.Hit{{Article: h.Article}}, true, false, 0)
		}
	}
	return nil
}
