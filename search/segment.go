package search

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

var (
	//go:embed dict/zh_s_freq10.txt.gz
	zhDict []byte
	//go:embed dict/terms.txt
	userTerms string
)

// userTermFreq is high enough that the segmenter never splits a user term.
const userTermFreq = 100000

// Segmenter cuts Chinese text into words with gse, using an embedded
// dictionary and mpbot's own term list, so the binary works offline.
type Segmenter struct {
	seg gse.Segmenter
}

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
		fmt.Fprintf(&b, "\n%s %s nz", f[0], freq)
	}
	s := &Segmenter{}
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
