package search

import (
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// pinyinKeys maps the toneless pinyin of indexed words to the words, so that
// 风桥经验 (a homophone slip) or "fengqiao jingyan" (typed pinyin) can be
// read as 枫桥经验. Only words of three or more characters are keys: two
// syllables are too ambiguous (xinfang is 信访 and 新房).
type pinyinKeys struct {
	words map[string][]string
}

var pinyinArgs = pinyin.NewArgs()

const minPinyinWord = 3 // characters

// learn records a newly indexed term.
func (p *pinyinKeys) learn(term string) {
	if strings.HasPrefix(term, bigramPrefix) {
		return
	}
	n := 0
	for _, r := range term {
		if !unicode.Is(unicode.Han, r) {
			return
		}
		n++
	}
	if n < minPinyinWord {
		return
	}
	key := strings.Join(pinyin.LazyPinyin(term, pinyinArgs), "")
	if p.words == nil {
		p.words = map[string][]string{}
	}
	p.words[key] = append(p.words[key], term)
}

// unit is one character of Han text, or one run of Latin letters, with its
// pinyin.
type unit struct {
	text, sound string
}

// correct respells text, replacing every run of units whose pinyin is a
// known word's with that word. Among words that sound alike it takes the
// most frequent. ok is false when nothing changed.
func (ix *Index) correctPinyin(text string) (string, bool) {
	return ix.pinyin.correctWith(text, func(w string) int {
		if p := ix.postingsOf(w); p != nil {
			return int(p.n)
		}
		return 0
	})
}

func (p *pinyinKeys) correctWith(text string, df func(string) int) (string, bool) {
	if len(p.words) == 0 {
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
	changed := false
	for i := 0; i < len(units); {
		best, bestEnd := "", -1
		sound := ""
		for j := i; j < len(units) && units[j].sound != ""; j++ {
			sound += units[j].sound
			if words, ok := p.words[sound]; ok {
				best, bestEnd = pick(words, df), j+1
			}
		}
		if bestEnd < 0 {
			out.WriteString(units[i].text)
			i++
			continue
		}
		orig := ""
		for _, u := range units[i:bestEnd] {
			orig += u.text
		}
		if orig != best {
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
