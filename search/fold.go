package search

import (
	"bufio"
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// Traditional characters are folded to simplified ones, in queries and in
// articles alike, before anything is matched: followers in Hong Kong,
// Macao and Taiwan type 國務院常務會議, and a few articles are written in
// 繁体. The data is OpenCC's (dict/README.md).

var (
	//go:embed dict/TSCharacters.txt
	tsCharacters string
	//go:embed dict/TSPhrases.txt
	tsPhrases string
)

// foldTable is the traditional → simplified mapping, read once from the
// embedded data and never changed.
type foldTable struct {
	chars       map[rune]rune     // characters that are only traditional
	phrases     map[string]string // phrases whose characters a character map would get wrong
	phraseFirst map[rune]bool     // first characters of phrases
	maxPhrase   int               // runes
	// inBMP has a bit for each character of chars below U+10000: most
	// text is simplified, and every character of every question and
	// message is checked, which a bit tells faster than the map.
	inBMP [1 << 16 / 64]uint64
}

// traditional reports whether r is in chars.
func (t *foldTable) traditional(r rune) bool {
	if r < 1<<16 {
		return t.inBMP[r>>6]&(1<<(r&63)) != 0
	}
	return t.chars[r] != 0
}

var loadFold = sync.OnceValue(func() *foldTable { return newFoldTable(tsCharacters, tsPhrases) })

func newFoldTable(chars, phrases string) *foldTable {
	t := &foldTable{chars: map[rune]rune{}, phrases: map[string]string{}, phraseFirst: map[rune]bool{}}
	// A character listed among its own simplified forms (乾 → 干 乾, 於 →
	// 于 於) is also written in simplified text, where it must stay as it
	// is; only phrases (乾淨) fold it.
	eachEntry(chars, func(key string, values []string) {
		k, n := utf8.DecodeRuneInString(key)
		if n != len(key) {
			return
		}
		for _, v := range values {
			if v == key {
				return
			}
		}
		if v, m := utf8.DecodeRuneInString(values[0]); m == len(values[0]) {
			t.chars[k] = v
			if k < 1<<16 {
				t.inBMP[k>>6] |= 1 << (k & 63)
			}
		}
	})
	eachEntry(phrases, func(key string, values []string) {
		// A phrase of characters that are all also simplified (反覆, 彷徨)
		// may be simplified text as written: left alone.
		traditional := false
		for _, r := range key {
			traditional = traditional || t.chars[r] != 0
		}
		n := utf8.RuneCountInString(key)
		if !traditional || utf8.RuneCountInString(values[0]) != n || n > maxFoldPhrase {
			return
		}
		t.phrases[key] = values[0]
		first, _ := utf8.DecodeRuneInString(key)
		t.phraseFirst[first] = true
		t.maxPhrase = max(t.maxPhrase, utf8.RuneCountInString(key))
	})
	return t
}

// eachEntry calls fn for each "key<TAB>value value…" line of OpenCC data.
func eachEntry(data string, fn func(key string, values []string)) {
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		key, values, ok := strings.Cut(line, "\t")
		if vs := strings.Fields(values); ok && key != "" && len(vs) > 0 {
			fn(key, vs)
		}
	}
}

// maxFoldPhrase bounds the phrases used (OpenCC's longest is shorter).
const maxFoldPhrase = 16

// fold returns s with traditional characters and phrases in simplified
// form; s itself when it has none (simplified text, the usual case: every
// phrase used holds a character only traditional text has). The cost is
// linear: at most maxPhrase lookups a character.
func (t *foldTable) fold(s string) string {
	if strings.IndexFunc(s, t.traditional) < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if t.phraseFirst[r] {
			if key, val := t.phraseAt(s[i:]); key != "" {
				b.WriteString(val)
				i += len(key)
				continue
			}
		}
		if v := t.chars[r]; v != 0 {
			b.WriteRune(v)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// phraseAt finds the longest phrase s starts with.
func (t *foldTable) phraseAt(s string) (key, val string) {
	var buf [maxFoldPhrase]int
	ends := buf[:0] // byte length of the first 1, 2, … characters
	for i := range s {
		if len(ends) == t.maxPhrase {
			break
		}
		if i > 0 {
			ends = append(ends, i)
		}
	}
	if len(ends) < t.maxPhrase {
		ends = append(ends, len(s))
	}
	for j := len(ends) - 1; j >= 1; j-- { // two characters or more
		if v, ok := t.phrases[s[:ends[j]]]; ok {
			return s[:ends[j]], v
		}
	}
	return "", ""
}

// foldText folds s with the embedded table.
func foldText(s string) string { return loadFold().fold(s) }

// Fold writes s's traditional characters as simplified ones (國務院常務會議
// is 国务院常务会议), as queries and articles are read: for comparing a
// follower's text with keywords (the bot's rules) the same way.
func Fold(s string) string { return foldText(s) }
