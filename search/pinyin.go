package search

import (
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// Typos and typed pinyin: each segment maps the toneless pinyin of the
// words it first indexed to the words (view.soundWords), so that 风桥经验
// (a homophone slip) or "fengqiao jingyan" can be read as 枫桥经验.

var pinyinArgs = pinyin.NewArgs()

const minPinyinWord = 3 // characters

// unit is one character of Han text, or one run of Latin letters, with its
// pinyin.
type unit struct {
	text, sound string
}

// correctPinyin respells text, replacing every run of units whose pinyin
// is a known word's with that word. Among words that sound alike it takes
// the most frequent. ok is false when nothing changed.
func (v *view) correctPinyin(text string) (string, bool) {
	return correctWith(text, v.maxSound(), v.soundWords, v.df)
}

// correctWith does the respelling. The cost is linear in text: a run
// starting at a unit is extended only while its sound fits in the longest
// known key (maxKey bytes), and the sound is built in one buffer rather
// than a string per start and end.
func correctWith(text string, maxKey int, words func(key []byte) []string, df func(string) int) (string, bool) {
	if maxKey == 0 {
		return text, false
	}
	var units []unit
	var latin []rune
	flush := func() {
		if len(latin) > 0 {
			units = append(units, unit{text: string(latin), sound: string(latin)})
			latin = latin[:0]
		}
	}
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r):
			flush()
			py := pinyin.LazyPinyin(string(r), pinyinArgs)
			if len(py) == 0 {
				units = append(units, unit{text: string(r)})
				continue
			}
			units = append(units, unit{text: string(r), sound: py[0]})
		case r < unicode.MaxASCII && unicode.IsLetter(r):
			latin = append(latin, unicode.ToLower(r))
		case r == ' ' && len(latin) > 0:
			flush() // "fengqiao jingyan": the space only separates syllables
		default:
			flush()
			units = append(units, unit{text: string(r)})
		}
	}
	flush()

	var out strings.Builder
	sound := make([]byte, 0, maxKey)
	changed := false
	for i := 0; i < len(units); {
		best, bestEnd := "", -1
		sound = sound[:0]
		for j := i; j < len(units) && units[j].sound != "" && len(sound)+len(units[j].sound) <= maxKey; j++ {
			sound = append(sound, units[j].sound...)
			if ws := words(sound); len(ws) > 0 {
				best, bestEnd = pick(ws, df), j+1
			}
		}
		if bestEnd < 0 {
			out.WriteString(units[i].text)
			i++
			continue
		}
		var orig strings.Builder
		for _, u := range units[i:bestEnd] {
			orig.WriteString(u.text)
		}
		if orig.String() != best {
			changed = true
		}
		out.WriteString(best)
		if bestEnd < len(units) && isLatin(units[bestEnd-1].text) && isLatin(units[bestEnd].text) {
			out.WriteByte(' ')
		}
		i = bestEnd
	}
	return out.String(), changed
}

func pick(words []string, df func(string) int) string {
	best := words[0]
	if df == nil {
		return best
	}
	for _, w := range words[1:] {
		if df(w) > df(best) {
			best = w
		}
	}
	return best
}

func isLatin(s string) bool {
	return s != "" && s[0] < unicode.MaxASCII && unicode.IsLetter(rune(s[0]))
}
