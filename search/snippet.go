package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"mpbot/content"
)

const (
	// snippetRunes is the length of a highlighted snippet.
	snippetRunes = 60
	// snippetLead is how much text is shown before the first mark.
	snippetLead = 10
	// snippetScan is how much of a summary is searched for marks: a
	// snippet shows the start of the text's first match, and a summary is
	// a sentence or two, so the rest is never needed.
	snippetScan = 1024
	// bodyScan is how much of a body is searched for marks, for an article
	// listed for what its body mentions: a report's passing mention may be
	// deep in it, and a body may be a book.
	bodyScan = 20000
	// maxSnippetBytes bounds a snippet with a mark the window would
	// otherwise grow to fit.
	maxSnippetBytes = 4 * snippetRunes * utf8.UTFMax
)

// snippetText is what a hit's snippet is cut from: the roundup item that
// matched, or what the article's card says (its summary, or its first
// paragraph when the summary says nothing: 各位代表： was a list line, a
// review's find), or its title.
func snippetText(d *doc, h *content.Hit) string {
	desc := d.card.summary
	if d.card.described {
		desc = d.card.desc
	}
	switch {
	case h.Story != nil:
		return h.Story.Text
	case desc != "":
		return desc
	}
	return d.card.title
}

// snippet returns a window of text (snippetText) around the first match of
// the query, on one line, with the matched words wrapped in 【】. What is marked is the query's own words and phrases, whole: a single
// character (基 of 基石, 写 of 怎么写) is never marked, a phrase the query
// had whole is marked whole (【人民至上】, not 【人民】【至上】), marks that
// touch are joined, and the window never ends inside a mark.
//
// terms are snippetTerms of the query, worked out once for all its hits.
func snippet(terms markTerms, text string) string {
	s, _ := snippetIn(terms, text, snippetScan)
	return s
}

// snippetIn is snippet of the first scan characters of text, and whether
// it found the query there.
func snippetIn(terms markTerms, text string, scan int) (string, bool) {
	text = oneLine(strings.ToValidUTF8(capRunes(text, scan), ""))
	if strings.ContainsAny(text, "【】") {
		// The text's own brackets as 〖〗 (the same length): 系列报道【共建“一带
		// 一路”·【权威访谈】】 read as a mark inside a mark (a review's find).
		text = ownBrackets.Replace(text)
	}
	lower := lowerInPlace(text)
	marks := wholeWords(lower, findMarks(lower, terms), terms)

	start := 0
	if len(marks) > 0 {
		start = marks[0][0]
		for back := 0; start > 0 && back < snippetLead; back++ {
			_, size := utf8.DecodeLastRuneInString(text[:start])
			start -= size
		}
	}
	if len(marks) > 0 {
		// A sentence ending inside the lead: the window opens after it
		// (…坚持和发展…, not …。坚持和发展…), as it did after a line break.
		if i := strings.LastIndexAny(text[start:marks[0][0]], "。！？；!?;"); i >= 0 {
			_, size := utf8.DecodeRuneInString(text[start+i:])
			start += i + size
		}
	}
	if len(marks) > 0 && start > 0 {
		start = clauseStart(text, start, marks[0][0], utf8.RuneCountInString(text[marks[0][0]:marks[0][1]]))
	}
	cut := strings.TrimLeft(text[:start], " ") != "" // text before the window, not only spaces
	for start < len(text) && text[start] == ' ' && (len(marks) == 0 || start < marks[0][0]) {
		start++ // a line break made a space: the window opens after it
	}
	end := start
	for n := 0; end < len(text) && n < snippetRunes; n++ {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
	}
	var b strings.Builder
	if cut {
		b.WriteString("…")
	}
	at := start
	for _, m := range marks {
		if m[0] >= end {
			break
		}
		if m[1]-start > maxSnippetBytes {
			// Marks joined into one longer than a snippet (a body of one
			// term over and over): cut where the window would end.
			if m[0] > at {
				end = m[0]
				break
			}
			m[1] = end
		}
		end = max(end, m[1]) // a mark the window would cut ends the window
		b.WriteString(text[at:m[0]])
		b.WriteString("【" + text[m[0]:m[1]] + "】")
		at = m[1]
	}
	b.WriteString(text[at:end])
	if end < len(text) {
		b.WriteString("…")
	}
	return b.String(), len(marks) > 0
}

// clauseStart moves a window's start in text off the middle of a word: to
// just after a clause's punctuation a few characters before it, or else
// after one between it and the first mark (mark), or else off the middle of
// a number (…近平总书记指出 and …1月15日, of 11月15日, were a follower run's
// finds).
func clauseStart(text string, start, mark, markRunes int) int {
	// The nearest clause start either way: back (up to snippetSnap
	// characters, or the text's start) or on towards the mark. Not so far
	// back that a list's line, 36 characters, loses the mark (a review's
	// find: 【新时代中国特色社会主义思想】 was dropped from its line).
	reach := min(snippetSnap, max(0, snippetLine-snippetLead-markRunes))
	back, backN := -1, 0
	for at := start; backN <= reach; backN++ {
		if at == 0 {
			return 0 // the text's own start, nearer than a clause's ahead or not
		}
		if backN == reach {
			break
		}
		r, size := utf8.DecodeLastRuneInString(text[:at])
		if opening(r) {
			back = at - size // 《政府工作报告》 keeps its 《
			break
		}
		if clauseBreak(text, at-size, r) {
			back = at
			break
		}
		at -= size
	}
	on, onN := -1, 0
	for at := start; at < mark && (back < 0 || onN < backN); onN++ {
		r, size := utf8.DecodeRuneInString(text[at:])
		if opening(r) {
			on = at
			break
		}
		if clauseBreak(text, at, r) {
			on = at + size
			break
		}
		at += size
	}
	switch {
	case on >= 0:
		return on
	case back >= 0:
		return back
	}
	// Not after a number's first digits (…月15日 was 11月15日), its
	// separators too (1,250,000, 19:30, 3.5).
	for n := 0; start > 0 && n < snippetSnap; n++ {
		r, size := utf8.DecodeLastRuneInString(text[:start])
		if !unicode.IsDigit(r) {
			if d, _ := utf8.DecodeLastRuneInString(text[:start-size]); !strings.ContainsRune(",.:", r) || !unicode.IsDigit(d) {
				break
			}
		}
		start -= size
	}
	return start
}

// snippetSnap is how far back a window's start may move to open a clause:
// far enough for a leader's titles (全国人大常委会委员长赵乐际: a follower
// run's find at 6, …乐际9月28日). snippetLine is how much of a snippet a
// list's line shows (the bot's), which the lead and the first mark must
// fit in.
const (
	snippetSnap = 12
	snippetLine = 30
)

// clauseBreak reports whether r, at i in text, is a character a clause
// begins after: punctuation and spaces (。，、：“” and the like), not the
// dots and dashes inside numbers and names (3.5, 2024-01, 马克·吐温), nor
// an ASCII , or : between digits (1,250,000, 19:30: a review's find; one
// between words is a clause's, 会议指出,要…).
func clauseBreak(text string, i int, r rune) bool {
	switch r {
	case '.', '-', '·', '•', '\'', '_', '/':
		return false
	case ',', ':':
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+1:])
		return !unicode.IsDigit(before) || !unicode.IsDigit(after)
	}
	return unicode.IsSpace(r) || unicode.IsPunct(r)
}

// opening reports an opening bracket or quote (《, “, （): a clause
// begins at it, not after it.
func opening(r rune) bool { return unicode.In(r, unicode.Ps, unicode.Pi) }

// uncommon is terms without those most articles have (新闻, 消息), for
// finding a snippet in a body: every news body opens with 央视网消息（新闻联播）.
func (r reader) uncommon(terms markTerms) markTerms {
	var out markTerms
	for _, t := range terms.terms {
		if common(float64(r.v.df(t)), float64(r.v.live)) {
			continue
		}
		out.terms = append(out.terms, t)
		if c, _ := utf8.DecodeRuneInString(t); !slices.Contains(out.firsts, c) {
			out.firsts = append(out.firsts, c)
		}
	}
	return out
}

// markTerms are what may be marked in a snippet, longest first, with the
// distinct characters they start with: a place in the text starting with
// none of those is passed over at once.
type markTerms struct {
	terms  []string
	firsts []rune
	// ends and starts are the query's words of two characters or more
	// with the single character the query had after or before it, as
	// typed (政绩观, cut 政绩 观): a mark is made whole to them (wholeWords).
	ends, starts []string
	seg          *Segmenter // nil: no word of the text is told apart
	asked        string     // the query's text
}

// snippetTerms is what may be marked: the query's phrases as typed and its
// words, of two characters or more, longest first.
func snippetTerms(q query) markTerms {
	var terms []string
	var firsts []rune
	add := func(t string) {
		t = strings.TrimPrefix(t, bigramPrefix)
		if len(t) <= 2 && strings.Trim(t, "0123456789") == "" && (strings.Contains(q.text, t+"月") || strings.Contains(q.text, t+"日")) {
			// A month's or a day's number (12 of 去年12月的政治局会议)
			// is everywhere: marked, it joined the word beside it,
			// 中共中央【政治局12】月25日 (a follower run's find). Not
			// 75 of 75周年.
			return
		}
		if utf8.RuneCountInString(t) >= 2 && !slices.Contains(terms, t) {
			terms = append(terms, t)
			if r, _ := utf8.DecodeRuneInString(t); !slices.Contains(firsts, r) {
				firsts = append(firsts, r)
			}
		}
	}
	for _, c := range q.chunks {
		add(c.text)
	}
	for _, c := range q.clauses {
		for i, alt := range c.alts {
			if c.literal > 0 && i >= c.literal && len(alt) > 1 {
				// An expansion put in several words (河湖长制: 河湖 长制)
				// is marked whole, as written (中国—东盟博览会, with its
				// dash): its words alone are other things (河长制 marked
				// 加强【河湖】管理保护: an operator run's find). A figure's
				// parts (12.4 as 12 4) are none.
				if i < len(c.phrase) && hasHan(c.phrase[i].text) {
					add(strings.ToLower(c.phrase[i].text))
				}
				continue
			}
			for _, t := range alt {
				add(t)
			}
		}
	}
	slices.SortStableFunc(terms, func(a, b string) int { return len(b) - len(a) })
	m := markTerms{terms: terms, firsts: firsts, seg: q.seg, asked: q.text}
	single := func(w string) bool {
		r, size := utf8.DecodeRuneInString(w)
		return size == len(w) && unicode.Is(unicode.Han, r) && !strings.ContainsRune(hanNumerals, r) && !stopWords[w]
	}
	han := func(w string) bool { // a word of Chinese, no numeral in it
		return utf8.RuneCountInString(w) >= 2 && !strings.ContainsFunc(w, func(r rune) bool {
			return !unicode.Is(unicode.Han, r) || strings.ContainsRune(hanNumerals, r)
		})
	}
	for i := 1; i < len(q.cut); i++ {
		a, b := q.cut[i-1], q.cut[i]
		switch {
		case single(b) && han(a) && strings.Contains(q.text, a+b):
			m.ends = append(m.ends, a+b) // 政绩观: the word before has it
		case single(a) && han(b) && (i == 1 || stopWords[q.cut[i-2]]) && strings.Contains(q.text, a+b):
			// 锂电池: the word after, when none before could (届 of
			// 第138届广交会 is the number's, 本【届广交会】 else).
			m.starts = append(m.starts, a+b)
		}
	}
	return m
}

// wholeWords widens a mark by the character the query had as a word of its
// own after or before one of the mark's: a word of three the segmenter cut
// in two and one (政绩观 as 政绩 观, 中央指导组 as 中央指导 组) was marked
// 正确【政绩】观, 8个【中央指导】组, single characters being marked never alone
// (a follower run's find). Not a character of a longer word of the query
// (主 of 主旨 after 习近平), a stop word (的) nor a numeral.
func wholeWords(lower string, marks [][2]int, m markTerms) [][2]int {
	if len(m.ends) == 0 && len(m.starts) == 0 {
		return marks
	}
	// The text's character is another word's when it makes one with its
	// other neighbour (超 of 融资超过, 连 of 英雄连队, 论 of 理论学习: a
	// re-check's finds), or numbers what follows (第 of 第六十次).
	ownWord := func(pair string) bool { return m.seg != nil && m.seg.IsWord(pair) }
	numeral := func(r rune) bool { return r >= '0' && r <= '9' || strings.ContainsRune(hanNumerals, r) }
	for i := range marks {
		k := &marks[i]
		if r, size := utf8.DecodeRuneInString(lower[k[1]:]); size > 0 && slices.ContainsFunc(m.ends, func(w string) bool {
			return strings.HasSuffix(lower[k[0]:k[1]]+string(r), w) && len(w) > size
		}) {
			next, n := utf8.DecodeRuneInString(lower[k[1]+size:])
			// ... unless the question had it so too (远程协商会, 巴西副总统:
			// the question's own words had been split, 【远程】协【商会】).
			if n == 0 || strings.Contains(m.asked, lower[k[0]:k[1]+size+n]) || !(r == '第' && numeral(next)) && !ownWord(string(r)+string(next)) {
				k[1] += size
			}
		}
		if r, size := utf8.DecodeLastRuneInString(lower[:k[0]]); size > 0 && (i == 0 || marks[i-1][1] < k[0]) && slices.ContainsFunc(m.starts, func(w string) bool {
			return strings.HasPrefix(string(r)+lower[k[0]:k[1]], w) && len(w) > size
		}) {
			if prev, n := utf8.DecodeLastRuneInString(lower[:k[0]-size]); n == 0 || strings.Contains(m.asked, lower[k[0]-size-n:k[1]]) || !ownWord(string(prev)+string(r)) {
				k[0] -= size
			}
		}
	}
	// Marks widened to touch are one, as findMarks joins them.
	out := marks[:0]
	for _, m := range marks {
		if n := len(out); n > 0 && out[n-1][1] >= m[0] {
			out[n-1][1] = max(out[n-1][1], m[1])
			continue
		}
		out = append(out, m)
	}
	return out
}

// findMarks returns the byte ranges of lower to mark: at each position the
// longest term that starts there, left to right, with touching ranges
// joined.
func findMarks(lower string, m markTerms) [][2]int {
	if len(m.terms) == 0 {
		return nil
	}
	var marks [][2]int
	for i := 0; i < len(lower); {
		r, size := utf8.DecodeRuneInString(lower[i:])
		matched := 0
		if slices.Contains(m.firsts, r) {
			for _, t := range m.terms {
				if strings.HasPrefix(lower[i:], t) && wholeNumber(lower, i, i+len(t)) {
					matched = len(t)
					break
				}
			}
		}
		if matched == 0 {
			i += size
			continue
		}
		if n := len(marks); n > 0 && marks[n-1][1] == i {
			marks[n-1][1] = i + matched
		} else {
			marks = append(marks, [2]int{i, i + matched})
		}
		i += matched
	}
	return marks
}

// wholeNumber reports whether lower[from:to] takes no number apart: 第二
// is not marked in 第二十届, nor 20 in 2026. Digits and Chinese numerals
// are numbers of their own: 076 is whole in 076两栖攻击舰.
func wholeNumber(lower string, from, to int) bool {
	kind := func(r rune) int {
		switch {
		case r >= '0' && r <= '9':
			return 1
		case strings.ContainsRune(hanNumerals, r):
			return 2
		}
		return 0
	}
	last, _ := utf8.DecodeLastRuneInString(lower[from:to])
	next, _ := utf8.DecodeRuneInString(lower[to:])
	if k := kind(last); k > 0 && k == kind(next) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(lower[from:to])
	prev, _ := utf8.DecodeLastRuneInString(lower[:from])
	k := kind(first)
	return k == 0 || k != kind(prev)
}

// oneLine folds every run of white space (line breaks, tabs) into one
// space: a snippet is one line of a list.
// ownBrackets shows a text's own 【】, which snippets mark with, as 〖〗.
var ownBrackets = strings.NewReplacer("【", "〖", "】", "〗")

func oneLine(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) && r != ' ' }) < 0 && !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// lowerInPlace lower-cases s rune by rune, keeping any rune whose lower
// case has another length, so that byte offsets in the result are offsets
// in s.
func lowerInPlace(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				return r + 'a' - 'A'
			}
			return r
		case r >= caselessFrom && r < caselessTo:
			return r // most of a Chinese summary: no table lookup
		}
		if l := unicode.ToLower(r); utf8.RuneLen(l) == utf8.RuneLen(r) {
			return l
		}
		return r
	}, s)
}

// From CJK punctuation to the end of the unified ideographs (U+3000 to
// U+9FFF), no character has a lower case (TestCaselessRange).
const (
	caselessFrom = 0x3000
	caselessTo   = 0xA000
)
