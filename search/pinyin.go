package search

import (
	"cmp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
)

// Typos and typed pinyin: each segment maps the toneless pinyin of the
// words it first indexed to the words (view.soundWords), so that 风桥经验
// (a homophone slip) or "fengqiao jingyan" can be read as 枫桥经验.

var pinyinArgs = pinyin.NewArgs()

// soundOf is a character's toneless pinyin (its first reading), as
// pinyin.LazyPinyin gives it, or "" for a character without one. The
// library works each character out afresh with regular expressions (about
// twenty allocations a query); the table is built once, on first use.
func soundOf(r rune) string { return soundTable()[r] }

var soundTable = sync.OnceValue(func() map[rune]string {
	t := make(map[rune]string, len(pinyin.PinyinDict))
	for code := range pinyin.PinyinDict {
		if py := pinyin.LazyPinyin(string(rune(code)), pinyinArgs); len(py) > 0 {
			t[rune(code)] = py[0]
		}
	}
	return t
})

// otherReadings are words whose pinyin is not their characters' first
// readings (the ones soundOf gives: 行 xing, 重 zhong, 厦 sha, 长 zhang),
// syllable by syllable, so that typed pinyin finds them: yinhang is 银行.
// Kept by word, by hand: read character by character, 重 as chong made
// chongdian 重点 (not 充电), and the library's rarer readings (比 pi)
// made api 阿比. A word of the index holding one of these (长沙银行) is
// read with it.
var otherReadings = map[string][]string{
	"银行": {"yin", "hang"}, "行业": {"hang", "ye"}, "重庆": {"chong", "qing"}, "重新": {"chong", "xin"},
	"厦门": {"xia", "men"}, "长江": {"chang", "jiang"}, "长城": {"chang", "cheng"}, "长沙": {"chang", "sha"},
	"长春": {"chang", "chun"}, "长征": {"chang", "zheng"}, "长期": {"chang", "qi"}, "长远": {"chang", "yuan"},
	"长三角": {"chang", "san", "jiao"}, "成都": {"cheng", "du"}, "首都": {"shou", "du"}, "西藏": {"xi", "zang"},
	"音乐": {"yin", "yue"}, "会计": {"kuai", "ji"}, "调整": {"tiao", "zheng"}, "协调": {"xie", "tiao"},
	"着力": {"zhuo", "li"}, "率领": {"shuai", "ling"}, "秘鲁": {"bi", "lu"}, "蚌埠": {"beng", "bu"},
	"六安": {"lu", "an"}, "番禺": {"pan", "yu"}, "呼吁": {"hu", "yu"}, "出差": {"chu", "chai"},
	"投降": {"tou", "xiang"}, "供给": {"gong", "ji"}, "人参": {"ren", "shen"}, "还款": {"huan", "kuan"},
}

// maxReadingWord is the longest word of otherReadings, in characters.
const maxReadingWord = 3

// readingPrefix marks the keys of a word's other readings: typed pinyin
// finds 银行 by yinhang, though the first reading of 行 is xing, while a
// typo in characters is read by the first readings only (行 typed is xing).
const readingPrefix = "~"

// otherReading chooses between first, the word typed pinyin reads as by
// first readings, and other, the word it reads as by another: the other
// reading wins where no word has the first, or where its word is far more
// common (yinhang is 引航 by first readings, in 6 articles of the corpus,
// and 银行 in 676; taiwan is 台湾 in 367, and 大湾 in 422).
func otherReading(first, other string, df func(string) int) string {
	switch {
	case first == "":
		return other
	case other == "" || df == nil:
		return first
	case df(other) >= otherReadingOdds*df(first):
		return other
	}
	return first
}

// otherReadingOdds is how many times more common a word of another reading
// must be to win over a word of the first.
const otherReadingOdds = 10

// otherKey is word's key read with the words of otherReadings it holds
// (长沙银行 is changshayinhang), or "" when it holds none.
func otherKey(word string) string {
	var b strings.Builder
	found := false
	for at := 0; at < len(word); {
		n, syls := 0, []string(nil)
		// The longest listed word starting here.
		end := at
		for k := 0; k < maxReadingWord && end < len(word); k++ {
			_, size := utf8.DecodeRuneInString(word[end:])
			end += size
			if rs, ok := otherReadings[word[at:end]]; ok {
				n, syls = end-at, rs
			}
		}
		if n == 0 {
			r, size := utf8.DecodeRuneInString(word[at:])
			b.WriteString(soundOf(r))
			at += size
			continue
		}
		for _, syl := range syls {
			b.WriteString(syl)
		}
		found = true
		at += n
	}
	if !found {
		return ""
	}
	return b.String()
}

// soundKey is a word's toneless pinyin, its syllables run together.
func soundKey(word string) string {
	var b strings.Builder
	for _, r := range word {
		b.WriteString(soundOf(r))
	}
	return b.String()
}

// fuzzyPrefix marks the keys of words of three characters or more by their
// sound as a southern speaker's typing blurs it (see fuzzyKey): found only
// where no word has the sound as typed.
const fuzzyPrefix = "≈"

// fuzzyKey appends to dst the pinyin key as the fuzzy settings of pinyin
// input methods read it (模糊音): zh, ch and sh as z, c and s, and a final
// ng as n (zhen and zheng, xin and xing, fan and fang alike), l and n
// apart (a setting most leave off). 乡村正兴 is
// 乡村振兴, a slip no first reading finds.
func fuzzyKey(dst, key []byte) []byte {
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c == 'h' && i > 0 && (key[i-1] == 'z' || key[i-1] == 'c' || key[i-1] == 's') {
			continue
		}
		if c == 'g' && i > 0 && key[i-1] == 'n' && (i+1 == len(key) || !strings.ContainsRune("aeiouv", rune(key[i+1]))) {
			continue // a final ng; before a vowel the g starts a syllable (xin gan, not xing an)
		}
		dst = append(dst, c)
	}
	return dst
}

// Words of two characters or more are known by their sound; those of two
// replace only text that is no word (see correctWith).
const (
	minSoundWord  = 2 // characters
	minPinyinWord = 3 // characters: replaces even a word of the index
)

// unit is one character of Han text, or one run of Latin letters, with its
// pinyin.
type unit struct {
	text, sound string
	other       string // a reading the character is typed for besides its first (长 chang), or ""
	at          int    // byte offset in the text of a character with a sound, else -1
	from        int    // byte offset in the text
}

// typedReadings are the readings other than the first that pinyin input
// offers a character for, where it is common: 国长会, typed for 国常会
// (guochanghui, the 长 of 长江), is guozhanghui by first readings (a
// follower run's find: a card on 国会议长). Read so only where no word
// has the sound by first readings, in runs of three characters or more.
var typedReadings = map[rune]string{'长': "chang", '行': "hang", '重': "chong", '调': "tiao", '乐': "yue", '还': "huan", '都': "du",
	'朝': "zhao", '传': "zhuan", '降': "xiang", '藏': "zang", '参': "shen", '省': "xing", '率': "shuai", '差': "chai", '便': "pian"}

// correctPinyin respells text, replacing every run of units whose pinyin
// is a known word's with that word. Among words that sound alike it takes
// the most frequent. ok is false when nothing changed.
//
// cut is text's words, as parse cut them.
func (r reader) correctPinyin(text string, cut []string) (string, bool) {
	known := func(w string) bool { return r.v.has(w) || r.ix.seg.IsWord(w) || r.v.synonyms.known(w) }
	return correctWith(text, cut, r.v.maxSound(), r.v.soundWords, r.v.df, known, r.v.synonyms.known)
}

// correctWith does the respelling. The cost is linear in text: a run
// starting at a unit is extended only while its sound fits in the longest
// known key (maxKey bytes), and the sound is built in one buffer rather
// than a string per start and end.
//
// cut is the text's words (as Segmenter.Words cuts it): a two-character
// respelling never takes a character out of a known word (快递到哪 is not
// 快地道哪). Nor does any respelling change a word kept holds (the query's
// synonyms: 大湾区 is not 达湾区).
func correctWith(text string, cut []string, maxKey int, words func(key []byte) []string, df func(string) int, known, kept func(string) bool) (string, bool) {
	if maxKey == 0 {
		return text, false
	}
	// inWord marks the bytes of the text inside a known word of two
	// characters or more, as cut, and inKept those inside a kept word;
	// worked out when a respelling first needs them, which most queries
	// never do.
	var inWord, inKept, inStop []bool
	mark := func() {
		inWord, inKept, inStop = make([]bool, len(text)+1), make([]bool, len(text)+1), make([]bool, len(text)+1)
		lowered := strings.ToLower(text)
		at := 0
		for _, w := range cut {
			i := strings.Index(lowered[at:], w)
			if i < 0 || len(lowered) != len(text) {
				break
			}
			isKept := kept != nil && kept(w)
			if stopWords[w] {
				for j := at + i; j < at+i+len(w); j++ {
					inStop[j] = true
				}
			}
			if isKept || utf8.RuneCountInString(w) >= 2 && known(w) {
				for j := at + i; j < at+i+len(w); j++ {
					inWord[j], inKept[j] = true, isKept
				}
			}
			at += i + len(w)
		}
	}
	inWordAt := func(i int) bool {
		if inWord == nil {
			mark()
		}
		return inWord[i]
	}
	inKeptAt := func(i int) bool {
		if inKept == nil {
			mark()
		}
		return inKept[i]
	}
	var units []unit
	var latin []rune
	latinFrom := 0
	flush := func() {
		if len(latin) > 0 {
			units = append(units, unit{text: string(latin), sound: string(latin), at: -1, from: latinFrom})
			latin = latin[:0]
		}
	}
	for i, r := range text {
		switch {
		case isHan(r):
			flush()
			text := text[i : i+utf8.RuneLen(r)]
			py := soundOf(r)
			if py == "" {
				units = append(units, unit{text: text, at: -1, from: i})
				continue
			}
			units = append(units, unit{text: text, sound: py, other: typedReadings[r], at: i, from: i})
		case r < unicode.MaxASCII && unicode.IsLetter(r):
			if len(latin) == 0 {
				latinFrom = i
			}
			latin = append(latin, unicode.ToLower(r))
		case r == ' ' && len(latin) > 0:
			flush() // "fengqiao jingyan": the space only separates syllables
		default:
			flush()
			units = append(units, unit{text: string(r), at: -1, from: i})
		}
	}
	flush()

	// changesStop reports whether w, respelling units[i..], changes a stop
	// word the segmenter cut alone: 我是 is no 卧室 (我是选调生 had been
	// searched as 卧室选调生), while 就叶形势 is 就业形势, its 就 kept.
	changesStop := func(i int, w string) bool {
		k := i
		for _, r := range w {
			if k >= len(units) {
				break
			}
			if u := units[k]; u.at >= 0 {
				if inStop == nil {
					mark()
				}
				if inStop[u.at] && u.text != string(r) {
					return true
				}
			}
			k++
		}
		return false
	}
	var out strings.Builder
	sound := make([]byte, 0, maxKey)
	other := []byte(readingPrefix) // readingPrefix, then sound: the key of other readings
	fuzzy := []byte(fuzzyPrefix)   // fuzzyPrefix, then sound as fuzzyKey reads it
	var typed []byte               // sound with the typed readings of its characters
	var orig []byte
	changed, space := false, false
	for i := 0; i < len(units); {
		best, bestOrig, bestEnd := "", "", -1
		sound, orig = sound[:0], orig[:0]
		splits := func(j int) bool { // units[i..j] take a character out of a word
			for k := i; k <= j; k++ {
				if units[k].at >= 0 && inWordAt(units[k].at) {
					return true
				}
			}
			return false
		}
		allLatin := true
		// Numerals are what the follower asked, no slip to blur: 四十
		// (sishi) is no 十四 (shisi), 第四十次 no 第十四次 (a review's find).
		blurs, readOtherwise := true, false
		typed = typed[:0]
		for j := i; j < len(units) && units[j].sound != "" && len(sound)+len(units[j].sound) <= maxKey; j++ {
			if inKeptAt(units[j].from) {
				break
			}
			sound = append(sound, units[j].sound...)
			orig = append(orig, units[j].text...)
			typed = append(typed, cmp.Or(units[j].other, units[j].sound)...)
			blurs = blurs && !strings.Contains(hanNumerals, units[j].text)
			readOtherwise = readOtherwise || units[j].other != ""
			w := pick(words(sound), df)
			if allLatin = allLatin && units[j].at < 0; allLatin {
				other = append(other[:len(readingPrefix)], sound...)
				w = otherReading(w, pick(words(other), df), df)
			}
			if blurs && (w == "" && j-i+1 >= minPinyinWord || w == "" && allLatin) {
				fuzzy = fuzzyKey(fuzzy[:len(fuzzyPrefix)], sound)
				w = pick(words(fuzzy), df)
			}
			if blurs && readOtherwise && w == "" && j-i+1 >= minPinyinWord && len(typed) <= maxKey {
				w = pick(words(typed), df)
			}
			if w == "" {
				continue
			}
			// Two syllables are ambiguous (xinfang is 信访 and 新房): a
			// two-character word replaces only what is no word at all, in
			// the index or the dictionary (公圆, 红搂; not 失恋, which is a
			// word the articles happen not to use).
			if changesStop(i, w) {
				continue
			}
			if utf8.RuneCountInString(w) >= minPinyinWord || !known(string(orig)) && !splits(j) {
				best, bestOrig, bestEnd = w, string(orig), j+1
			}
		}
		if bestEnd < 0 {
			// Latin words the space between had separated stay apart.
			if space {
				out.WriteByte(' ')
			}
			out.WriteString(units[i].text)
			space = isLatin(units[i].text) && i+1 < len(units) && isLatin(units[i+1].text)
			i++
			continue
		}
		if bestOrig != best {
			changed = true
		}
		out.WriteString(best)
		space = false
		i = bestEnd
	}
	return out.String(), changed
}

// pick returns the most frequent of words, or "" when there are none.
func pick(words []string, df func(string) int) string {
	if len(words) == 0 {
		return ""
	}
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
