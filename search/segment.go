package search

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
	lru "github.com/hashicorp/golang-lru/v2"
)

var (
	//go:embed dict/zh_s_freq10.txt.gz
	zhDict []byte
	//go:embed dict/terms.txt
	userTerms string
)

// topicTerms are the terms of mpbot's own list: the topics followers ask
// about by one word.
var topicTerms = func() map[string]bool {
	m := map[string]bool{}
	eachUserTerm(func(term, _ string) { m[strings.ToLower(term)] = true })
	return m
}()

// termsByStart are the topic terms of four characters or more by their
// first two, for completed.
var termsByStart = func() map[string][]string {
	m := map[string][]string{}
	for term := range topicTerms {
		if rs := []rune(term); len(rs) >= 4 && isHan(rs[len(rs)-1]) {
			m[string(rs[:2])] = append(m[string(rs[:2])], term)
		}
	}
	return m
}()

// termsAt are the terms of termsByStart that may begin at text[i:], and
// the size of the character there.
func termsAt(text string, i int) (terms []string, size int) {
	r1, n1 := utf8.DecodeRuneInString(text[i:])
	_, n2 := utf8.DecodeRuneInString(text[i+n1:])
	if n2 == 0 || !isHan(r1) {
		return nil, n1
	}
	return termsByStart[text[i:i+n1+n2]], n1
}

// completed writes a topic term typed without its last character whole:
// 新质生产 is 新质生产力, and so is 新质生产里 (里 a stop word, which no
// respelling changes), where 新质 and 生产 had found an article on Shenzhen
// holding both (a follower run's find). Only where one term of the list
// begins so, and nothing but a stop word or no word follows (not 四个意见
// for 四个意识).
func completed(text string) string {
	var b strings.Builder
	at := 0
	for i := 0; i < len(text); {
		terms, n1 := termsAt(text, i)
		if len(terms) == 0 {
			i += n1
			continue
		}
		full, typed := "", 0
		for _, term := range terms {
			_, size := utf8.DecodeLastRuneInString(term)
			head := term[:len(term)-size]
			if !strings.HasPrefix(text[i:], head) || strings.HasPrefix(text[i:], term) {
				continue
			}
			if full != "" {
				full = ""
				break // two terms begin so: neither is guessed
			}
			// Where a word follows, it is the respelling's to read
			// (新质生产立 is respelt, and the follower told so).
			if rest := text[i+len(head):]; rest == "" || !isHan(firstRune(rest)) || stopAhead(rest) {
				full, typed = term, len(head)
			}
		}
		if full == "" {
			i += n1
			continue
		}
		b.WriteString(text[at:i])
		b.WriteString(full)
		i += typed
		at = i
	}
	if at == 0 {
		return text
	}
	b.WriteString(text[at:])
	return b.String()
}

// slipRespelt is text with a topic term whose last character was mistyped
// as another, one no title or summary has after the rest, written whole:
// 共同富俗 is 共同富裕 (a study-platform follower run's find: 共同 and 富俗
// listed five articles on 共同体), as 新质生产立 is 新质生产力 by its sound.
// Not where the pair is the articles' (四个意见 is no 四个意识), nor where
// a word other than a stop word follows, nor where two terms would fit.
func (r reader) slipRespelt(text string) (string, bool) {
	for i := 0; i < len(text); {
		terms, n1 := termsAt(text, i)
		if len(terms) == 0 {
			i += n1
			continue
		}
		full, typed := "", 0
		for _, term := range terms {
			last, size := utf8.DecodeLastRuneInString(term)
			head := term[:len(term)-size]
			if !strings.HasPrefix(text[i:], head) {
				continue
			}
			slip, n := utf8.DecodeRuneInString(text[i+len(head):])
			if slip == last || !isHan(slip) {
				continue
			}
			before, _ := utf8.DecodeLastRuneInString(head)
			if r.v.has(bigramPrefix + string(before) + string(slip)) {
				continue
			}
			if rest := text[i+len(head)+n:]; rest != "" && isHan(firstRune(rest)) && !stopAhead(rest) {
				continue
			}
			if full != "" {
				return text, false // two terms begin so: neither is guessed
			}
			full, typed = term, len(head)+n
		}
		if full != "" {
			return text[:i] + full + text[i+typed:], true
		}
		i += n1
	}
	return text, false
}

// stopAhead reports whether s starts with a stop word of one or two
// characters: not 见 of 四个意见, which 四个意识 does not begin.
func stopAhead(s string) bool {
	_, n1 := utf8.DecodeRuneInString(s)
	_, n2 := utf8.DecodeRuneInString(s[n1:])
	return stopWords[s[:n1]] || n2 > 0 && stopWords[s[:n1+n2]]
}

// eachUserTerm calls fn with each term of mpbot's list and its frequency.
func eachUserTerm(fn func(term, freq string)) {
	sc := bufio.NewScanner(strings.NewReader(userTerms))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		freq := fmt.Sprint(userTermFreq)
		if len(f) > 1 {
			freq = f[1]
		}
		fn(f[0], freq)
	}
}

// known reports whether the stock dictionary (or mpbot's list) has w.
func (s *Segmenter) known(w string) bool {
	_, _, ok := s.seg.Find(w)
	return ok
}

// userTermFreq is high enough that the segmenter never splits a user term.
const userTermFreq = 100000

// Segmenter cuts Chinese text into words with gse, using an embedded
// dictionary and mpbot's own term list, so the binary works offline.
type Segmenter struct {
	seg gse.Segmenter
	// cut keeps the words of short query texts: followers ask the same
	// few things, and the cut (gse's DAG and HMM) is a fifth of a search.
	// Only searches use it, so that a report cutting every logged
	// question does not push out what followers ask now.
	// The dictionary never changes once loaded, so an entry never goes
	// stale. What it holds is shared: callers must not change it.
	cut *lru.Cache[string, []string]
}

// Query texts of up to cutCacheRunes characters are kept, cutCacheSize of
// them: about 1 MB.
const (
	cutCacheRunes = 32
	cutCacheSize  = 8192
)

// The segmenter loads in a few hundred milliseconds and is read-only after,
// and gse keeps its HMM model in a package variable, so one instance serves
// the whole process.
var loadSegmenter = sync.OnceValues(newSegmenter)

// DefaultSegmenter returns the process-wide segmenter, loading it on first use.
func DefaultSegmenter() (*Segmenter, error) { return loadSegmenter() }

func newSegmenter() (*Segmenter, error) {
	zr, err := gzip.NewReader(bytes.NewReader(zhDict))
	if err != nil {
		return nil, fmt.Errorf("embedded dictionary: %w", err)
	}
	dict, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("embedded dictionary: %w", err)
	}
	var b strings.Builder
	b.Write(dict)
	eachUserTerm(func(term, freq string) { fmt.Fprintf(&b, "\n%s %s nz", term, freq) })
	cut, err := lru.New[string, []string](cutCacheSize)
	if err != nil {
		return nil, fmt.Errorf("segmenter's cut cache: %w", err)
	}
	s := &Segmenter{cut: cut}
	s.seg.SkipLog = true
	// LoadDictStr (unlike AddToken) recomputes the token weights, which
	// the accurate cut needs to keep user terms whole.
	if err := s.seg.LoadDictStr(b.String()); err != nil {
		return nil, fmt.Errorf("load dictionary: %w", err)
	}
	return s, nil
}

// Words cuts text in accurate mode (how queries are read): each character
// belongs to one word. Words are lower-cased; spaces and punctuation dropped.
func (s *Segmenter) Words(text string) []string {
	return clean(s.seg.Cut(strings.ToLower(text), true))
}

// queryWords is Words for a query's text, kept for short texts. The slice
// returned may be shared with other searches: read it, never change it.
func (s *Segmenter) queryWords(text string) []string {
	short := len(text) <= cutCacheRunes*utf8.UTFMax && utf8.RuneCountInString(text) <= cutCacheRunes
	if short {
		if words, ok := s.cut.Get(text); ok {
			return words
		}
	}
	words := s.Words(text)
	if short {
		s.cut.Add(text, slices.Clip(words))
	}
	return words
}

// SearchWords cuts text in search mode (how articles are indexed): long
// words also yield the dictionary words inside them, so 人工智能 is found
// by 智能 too.
func (s *Segmenter) SearchWords(text string) []string {
	return clean(s.seg.CutSearch(strings.ToLower(text), true))
}

// clean drops tokens without a letter or digit, in place.
func clean(tokens []string) []string {
	out := tokens[:0]
	for _, t := range tokens {
		t = strings.TrimSpace(t)
		if t != "" && strings.IndexFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			out = append(out, t)
		}
	}
	return out
}

// innerWords returns the dictionary words of four or more characters
// inside w, a word of five or more, other than w itself. Words of up to
// maxInner characters are looked at: longer ones are compounds whose parts
// the search-mode cut already yields.
func (s *Segmenter) innerWords(w string) []string {
	n := utf8.RuneCountInString(w)
	if n < 5 || n > maxInner {
		return nil
	}
	var offs [maxInner + 1]int
	i := 0
	for j := range w {
		offs[i] = j
		i++
	}
	offs[n] = len(w)
	var out []string
	for a := 0; a < n; a++ {
		for b := a + 4; b <= n; b++ {
			if b-a == n {
				continue
			}
			if sub := w[offs[a]:offs[b]]; s.IsWord(sub) {
				out = append(out, sub)
			}
		}
	}
	return out
}

const maxInner = 16

// IsWord reports whether the dictionary holds w as a word.
func (s *Segmenter) IsWord(w string) bool {
	freq, _, ok := s.seg.Find(w)
	return ok && freq > 0
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
