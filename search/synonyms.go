package search

import (
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// synonymSet holds operators' synonym groups (两会 = 全国两会 = …), applied at
// query time so that a config edit takes effect without reindexing.
type synonymSet struct {
	group map[string][]string // member → every member of its group, and a related term's key → it and its related terms
	// byFirst are the synonyms by their first character, longest first,
	// for finding them in text: a query is read once, not once a synonym
	// (an operator's list may hold hundreds).
	byFirst map[rune][]string
	// runs are the related terms the segmenter cuts into several words
	// (雾霾 is 雾 and 霾), by their first word: looked for as those words in
	// a row, never inside other words.
	runs map[string][][]string
	// terms are every term of every group and related entry: topics the
	// operators named (Topic).
	terms map[string]bool
	// sounds are the terms by their pinyin, as segments keep their words'
	// (for typos and typed pinyin of a term no article writes), and
	// maxSound the longest key.
	sounds   map[string][]string
	maxSound int
}

// SetSynonyms replaces the synonym groups and the related terms. Each group
// lists terms that mean the same; a query containing one matches articles
// containing any. A related entry works one way: a query with its first
// term also matches articles with the others (考试 finds 笔试 and 面试; a
// question about 面试 is not about every exam).
func (ix *Index) SetSynonyms(groups, related [][]string) {
	s := &synonymSet{group: map[string][]string{}, terms: map[string]bool{}}
	normalized := func(g []string) []string {
		var norm []string
		for _, m := range g {
			if m = NormalizeTerm(m); m != "" {
				norm = append(norm, m)
			}
		}
		return norm
	}
	for _, g := range groups {
		norm := normalized(g)
		for _, m := range norm {
			s.group[m] = append(s.group[m], norm...)
			s.terms[m] = true
		}
	}
	var members []string
	for m := range s.group {
		members = append(members, m)
	}
	// A related term is looked up as a word the segmenter cut, never found
	// inside the raw text as synonyms are: 高考试卷 is 高考 and 试卷, not 考试.
	for _, r := range related {
		norm := normalized(r)
		if len(norm) < 2 {
			continue
		}
		for _, m := range norm {
			s.terms[m] = true
		}
		key := norm[0]
		if s.group[key] == nil {
			s.group[key] = []string{key}
		}
		s.group[key] = append(s.group[key], norm[1:]...)
		if words := ix.seg.queryWords(key); len(words) > 1 {
			if s.runs == nil {
				s.runs = map[string][][]string{}
			}
			s.runs[words[0]] = append(s.runs[words[0]], slices.Clone(words))
		}
	}
	for _, rs := range s.runs {
		slices.SortStableFunc(rs, func(a, b []string) int { return len(b) - len(a) })
	}
	for m, g := range s.group {
		s.group[m] = dedupe(g)
	}
	sort.Slice(members, func(i, j int) bool {
		if len(members[i]) != len(members[j]) {
			return len(members[i]) > len(members[j])
		}
		return members[i] < members[j]
	})
	s.sounds = map[string][]string{}
	for _, t := range slices.Sorted(maps.Keys(s.terms)) {
		s.maxSound = max(s.maxSound, learnSound(s.sounds, t))
	}
	s.byFirst = map[rune][]string{}
	for _, m := range members {
		r, _ := utf8.DecodeRuneInString(m)
		s.byFirst[r] = append(s.byFirst[r], m)
	}
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	nv := *ix.view.Load()
	nv.gen++
	nv.synonyms = s
	ix.view.Store(&nv)
}

// NormalizeTerm is what a synonym or related term is looked up as: folded,
// lower-cased, its question words taken out as they are from queries. It
// is empty for a term that is only question words (技巧, 老师), which can
// never match.
func NormalizeTerm(term string) string { return normalizeQuery(term) }

func dedupe(list []string) []string {
	seen := map[string]bool{}
	out := list[:0]
	for _, x := range list {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// abbreviation is a family of standard abbreviations with one expansion
// rule, where a synonym list would need an entry per number.
type abbreviation struct {
	trigger string // text every match contains: a cheap test before the regexp
	re      *regexp.Regexp
	expand  string // regexp replacement template
	// follow, when set, must match what comes after (or nothing must):
	// the words that make a number a congress's and not a count's.
	follow *regexp.Regexp
}

var abbreviations = []abbreviation{
	// 三中全会: a plenary session of the Central Committee (中 is 中央委员会),
	// 中央委员会第三次全体会议 in every official title; not the discipline
	// commission's (中央纪律检查委员会第三次全体会议, 中纪委三次全会).
	{"中全会", regexp.MustCompile(`([一二三四五六七八九])中全会`), "中央委员会第${1}次全体会议", nil},
	// 4中全会: the same in digits (a follower run's find: it listed news
	// about the plenum, not its communiqué).
	{"中全会", regexp.MustCompile(`([1-9])中全会`), "digits", nil},
	{"次全会", regexp.MustCompile(`([一二三四五六七八九十]+)次全会`), "第${1}次全体会议", nil},
	// 十三大, 二十大: Party congresses are 第十三次全国代表大会 in full.
	// Anchored, so that 扩大 and 强大 stay themselves.
	{"大", regexp.MustCompile(`^(二十|十[一二三四五六七八九]?|[一二三四五六七八九])大`), "第${1}次全国代表大会", nil},
	// 20大, 18大: the same congresses in digits, as the characters (a
	// follower run's find: 20大报告 got no match). Only the reform era's,
	// alone or before a congress's words: 3大攻坚战, 10大新闻 and 15大类 are
	// counts (a review's find: 10大 found the 20th congress's report).
	{"大", regexp.MustCompile(`^(1[1-9]|20)大`), "digits", regexp.MustCompile(`^(?:$|[\s\p{P}]|报告|精神|以来|党章|召开|开幕|闭幕|代表|期间|胜利|上的|提出|强调|部署|新闻发布)`)},
	// 神十七: crewed spacecraft are 神舟十七号 in full, also after other
	// words (去看神十七发射); not inside a word (精神十足, 眼神十分): a
	// pattern counts only where a word of the query starts.
	{"神", regexp.MustCompile(`神([一二三四五六七八九十]+)`), "神舟${1}号", nil},
	// 神23: the same in digits (a follower run's find: 神23航天员是谁 listed
	// other crews at 0.98), not a longer number's first digits.
	{"神", regexp.MustCompile(`神([1-9][0-9]?)`), "digits", regexp.MustCompile(`^(?:$|[^0-9])`)},
	// 十五运会: the National Games are 第十五届全国运动会 in full (亚运会
	// and 大运会 have no number, and stay themselves). Not anchored: the
	// segmenter has no word for it, and it follows a place or a year
	// (广州十五运会, 2025年十五运会).
	{"运会", regexp.MustCompile(`(二十|十[一二三四五六七八九]?|[一二三四五六七八九])运会`), "第${1}届全国运动会", nil},
	// 一百零五周年 said, as voice writes it, is also 105周年: news titles
	// write anniversaries in digits, editorials in characters (a follower
	// run's find: 建党一百零五周年 found the 五四 editorial, the only title
	// with 一百零五). Digits typed get no characters: on the check half
	// that cost two no-match questions (BENCHMARKS.md).
	{"周年", regexp.MustCompile(`([一二两三四五六七八九十百零〇]+)周年`), "number", nil},
}

// alternatives returns what w may also be written as, or nil.
func (s *synonymSet) alternatives(w string) []string {
	if g, ok := s.group[w]; ok {
		return g
	}
	for _, a := range abbreviations {
		if !strings.Contains(w, a.trigger) {
			continue
		}
		if loc := a.re.FindStringSubmatchIndex(w); loc != nil && loc[0] == 0 && loc[1] == len(w) {
			switch a.expand {
			case "digits": // in characters, and as those are expanded
				n, _ := strconv.Atoi(w[loc[2]:loc[3]])
				han := w[:loc[2]] + hanNumeral(n) + w[loc[3]:]
				if alts := s.alternatives(han); alts != nil {
					return append([]string{w}, alts...)
				}
				return []string{w, han}
			case "number": // in digits
				n, ok := parseNumber(w[loc[2]:loc[3]])
				if !ok || n < 1 || n > 999 {
					return nil
				}
				return []string{w, w[:loc[2]] + strconv.Itoa(n) + w[loc[3]:]}
			}
			return []string{w, string(a.re.ExpandString(nil, a.expand, w, loc))}
		}
	}
	return nil
}

// hanNumeral writes n (1–99) in Chinese numerals as titles do: 十三, 二十.
func hanNumeral(n int) string {
	const digits = "〇一二三四五六七八九"
	d := []rune(digits)
	switch {
	case n < 10:
		return string(d[n])
	case n < 20:
		return "十" + strings.TrimPrefix(string(d[n%10]), "〇")
	case n%10 == 0:
		return string(d[n/10]) + "十"
	}
	return string(d[n/10]) + "十" + string(d[n%10])
}

// run returns the length in words of the longest multi-word related term
// starting at words[i], or 0.
func (s *synonymSet) run(words []string, i int) int {
	for _, r := range s.runs[words[i]] {
		if len(r) <= len(words)-i && slices.Equal(words[i:i+len(r)], r) {
			return len(r)
		}
	}
	return 0
}

// span is part of a query chunk: a synonym found whole, or other text.
type span struct {
	text    string
	synonym bool
}

// split finds synonym members (leftmost, then longest) in chunk. A member
// counts only where edge allows it to start and to end (edge(i, true) for a
// start at byte i, edge(i, false) for an end): where it is whole words of
// the chunk, so that 全国开行 (全国 开行) holds no 国开行. Numbered
// abbreviations are matched by their patterns.
func (s *synonymSet) split(chunk string, edge func(i int, start bool) bool) []span {
	var out []span
	base := 0
	rest := chunk
	for rest != "" {
		at, length := -1, 0
	scan:
		for i, r := range rest {
			for _, m := range s.byFirst[r] {
				if strings.HasPrefix(rest[i:], m) && edge(base+i, true) && edge(base+i+len(m), false) {
					at, length = i, len(m)
					break scan
				}
			}
		}
		for _, a := range abbreviations {
			if !strings.Contains(rest, a.trigger) {
				continue
			}
			// The first match where a word starts (精神十足，神十七: not at
			// 精神's 神, but at 神十七; only the first had been tried, a
			// fuzz find).
			for _, loc := range a.re.FindAllStringIndex(rest, -1) {
				if at >= 0 && loc[0] >= at {
					break
				}
				if edge(base+loc[0], true) && (a.follow == nil || a.follow.MatchString(rest[loc[1]:])) {
					at, length = loc[0], loc[1]-loc[0]
					break
				}
			}
		}
		if at < 0 {
			out = append(out, span{text: rest})
			break
		}
		if at > 0 {
			out = append(out, span{text: rest[:at]})
		}
		out = append(out, span{text: rest[at : at+length], synonym: true})
		base += at + length
		rest = rest[at+length:]
	}
	return out
}

// wordCut is a query text as the segmenter cut it, for telling where a
// synonym may start or end.
type wordCut struct {
	seg    *Segmenter
	text   string
	words  []string
	starts []int // byte offset of each word, then len(text); nil when the words do not spell text
}

func newWordCut(seg *Segmenter, text string, words []string) *wordCut {
	c := &wordCut{seg: seg, text: text, words: words}
	starts := make([]int, 0, len(words)+1)
	at := 0
	for _, w := range words {
		if !strings.HasPrefix(text[at:], w) {
			return c // every offset is then an edge, as before edges were checked
		}
		starts = append(starts, at)
		at += len(w)
	}
	if at != len(text) {
		return c
	}
	c.starts = append(starts, at)
	return c
}

// edge reports whether a synonym may start (start) or end at byte i: where a
// word of the cut starts or ends; inside a word the dictionary does not
// know (the segmenter's guess for characters it has no word for: 年亚 in
// 2024年亚投行); or inside a dictionary word whose part outside the synonym
// makes a dictionary word with its neighbour (会通 in 东博会通知, where 通
// and 知 are 通知). Not inside 全国 of 全国开行 (全 alone is no word), nor
// inside 日本央行 or 西南联大 (日本 and 西南 are words, but with no neighbour).
func (c *wordCut) edge(i int, start bool) bool {
	// A Latin word or a number is never cut: ai is no synonym in taiwan
	// or laiyang, nor g20 in g2020 (but it is in 2024g20).
	if i > 0 && i < len(c.text) && asciiClass(c.text[i-1]) != 0 && asciiClass(c.text[i-1]) == asciiClass(c.text[i]) {
		return false
	}
	if c.starts == nil {
		return true
	}
	k, found := slices.BinarySearch(c.starts, i)
	if found {
		return true
	}
	if !c.dictionaryWord(c.words[k-1]) { // the word holding byte i
		return true
	}
	// The part of w outside the synonym must make a word with the word
	// beside it, reaching into that word: 国民 of 国民党 is a word by
	// itself, so 国民党中央 holds no 党中央; 通 of 会通 makes 通知 with 知.
	if start {
		prefix := i - c.starts[k-1]
		ws := c.seg.Words(c.text[c.starts[max(k-2, 0)]:i])
		return len(ws) > 0 && len(ws[len(ws)-1]) > prefix && c.dictionaryWord(ws[len(ws)-1])
	}
	suffix := c.starts[k] - i
	ws := c.seg.Words(c.text[i:c.starts[min(k+1, len(c.starts)-1)]])
	return len(ws) > 0 && len(ws[0]) > suffix && c.dictionaryWord(ws[0])
}

func (c *wordCut) dictionaryWord(w string) bool {
	return utf8.RuneCountInString(w) >= 2 && c.seg.IsWord(w)
}

// known reports whether w is a synonym, a related term's first term or a
// numbered abbreviation (神十七): a word the search knows, which a
// respelling must not change (国开行 is not 郭凯行, 神五 not 深悟).
func (s *synonymSet) known(w string) bool {
	return s.alternatives(w) != nil
}

// asciiClass is 1 for an ASCII letter, 2 for a digit, 0 for any other byte.
func asciiClass(b byte) int {
	switch {
	case 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z':
		return 1
	case isDigit(b):
		return 2
	}
	return 0
}
