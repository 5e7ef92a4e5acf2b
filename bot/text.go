package bot

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalize is how a follower's text and an operator's keyword are compared:
// trimmed (full-width spaces too), full-width letters, digits and
// punctuation folded to ASCII, Latin letters lower-cased.
func Normalize(s string) string {
	s = strings.TrimSpace(s)
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s // the common case costs no allocation
	}
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		switch {
		case r == '\u3000':
			return ' '
		case unicode.Is(unicode.Cf, r): // zero-width space, soft hyphen, BOM: invisible, inside words
			return -1
		case r >= '！' && r <= '～': // full-width ASCII block
			r = r - '！' + '!'
		}
		return unicode.ToLower(r)
	}, s))
}

// Bare is the normalised text without what people wrap around their words:
// leading and trailing punctuation, spaces and emoji (WeChat's speech
// recognition ends every voice message with 。; phones add ！ and 😊), and
// WeChat's emoticon codes such as [微笑] anywhere. 你好！, 退订。 and ２。
// are 你好, 退订 and 2. Text that is nothing but punctuation (a "?") is
// returned normalised, so such a keyword still matches itself.
func Bare(s string) string {
	norm := Normalize(s)
	if !strings.ContainsRune(norm, '[') && isWordRune(firstRune(norm)) && isWordRune(lastRune(norm)) {
		return norm // nothing to strip: the common case allocates nothing more
	}
	out := strings.TrimFunc(stripEmoticons(norm), func(r rune) bool { return !isWordRune(r) })
	if out == "" {
		return norm
	}
	return out
}

// isWordRune reports whether r can be part of what a follower asks about:
// letters (Han included) and numbers (digits, and ② of 选②). Punctuation,
// symbols, spaces and emoji are not.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// clausesOf splits text at what is no word (punctuation, spaces) into its
// clauses.
func clausesOf(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !isWordRune(r) })
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// onlyEmoticons reports whether text (Bare) is WeChat emoticon codes and
// nothing a follower could be asking about.
func onlyEmoticons(text string) bool {
	if !strings.ContainsRune(text, '[') {
		return false
	}
	rest := stripEmoticons(text)
	return rest != text && strings.IndexFunc(rest, isWordRune) < 0
}

// maxEmoticon is the longest WeChat emoticon code's name: [微笑], [捂脸],
// [旺柴], [让我看看] are one to four characters; [BrokenHeart] eleven
// letters.
const maxEmoticon, maxLatinEmoticon = 4, 11

// stripEmoticons removes WeChat's bracketed emoticon codes: a [ followed by
// one to four Han characters and a ].
func stripEmoticons(s string) string {
	if !strings.ContainsRune(s, '[') {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '[' {
			if end := emoticonEnd(s[i+1:]); end > 0 {
				i += 1 + end
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// emoticonEnd returns the length of "name]" at the start of s when name is
// one of WeChat's emoticon names, else 0.
func emoticonEnd(s string) int {
	han, latin := 0, 0
	for i, r := range s {
		switch {
		case r == ']' && han+latin > 0:
			if !emoticons[s[:i]] {
				return 0 // [两会] is a topic in brackets, not an emoticon
			}
			return i + 1
		case unicode.Is(unicode.Han, r) && han < maxEmoticon && latin == 0:
			han++
		case (r >= 'a' && r <= 'z' || r == '-' || r == '!') && latin < maxLatinEmoticon && han == 0:
			latin++
		default:
			return 0
		}
	}
	return 0
}

// emoticons are the names of WeChat's emoticon codes ([微笑], [旺柴]).
var emoticons = func() map[string]bool {
	m := map[string]bool{}
	for _, name := range strings.Fields(`微笑 撇嘴 色 发呆 得意 流泪 害羞 闭嘴 睡 大哭 尴尬 发怒 调皮 呲牙 惊讶 难过 酷 冷汗 抓狂 吐
		偷笑 愉快 可爱 白眼 傲慢 饥饿 困 惊恐 流汗 憨笑 悠闲 大兵 奋斗 咒骂 疑问 嘘 晕 疯了 折磨 衰 骷髅 敲打 再见 擦汗 抠鼻 鼓掌
		糗大了 坏笑 左哼哼 右哼哼 哈欠 鄙视 委屈 快哭了 阴险 亲亲 吓 可怜 菜刀 西瓜 啤酒 篮球 乒乓 咖啡 饭 猪头 玫瑰 凋谢 嘴唇 示爱
		爱心 心碎 蛋糕 闪电 炸弹 刀 足球 瓢虫 便便 月亮 太阳 礼物 拥抱 强 弱 握手 胜利 抱拳 勾引 拳头 差劲 爱你 爱情 飞吻 跳跳
		发抖 怄火 转圈 磕头 回头 跳绳 投降 激动 乱舞 献吻 左太极 右太极 嘿哈 捂脸 奸笑 机智 皱眉 耶 吃瓜 加油 汗 天啊 社会社会
		旺柴 好的 打脸 哇 翻白眼 让我看看 叹气 苦涩 裂开 合十 烟花 爆竹 红包 發 福 庆祝 鸡 蜡烛 哼 失望 无语 恐惧 脸红 破涕为笑
		生病 笑脸 吐舌 呆 惊喜 心 强壮 鬼魂 发财 囧`) {
		m[name] = true
	}
	// The names an English-language WeChat sends ([Smile]), lower-cased as
	// Bare leaves them.
	for _, name := range strings.Fields(`smile grimace drool scowl coolguy sob shy silent sleep cry awkward angry tongue grin surprise
		frown ruthless blush scream puke chuckle joyful slight smug hungry drowsy panic sweat laugh commando determined scold
		shocked shhh dizzy tormented toasted skull hammer wave speechless nosepick clap shame trick yawn pooh-pooh shrunken
		tearingup sly kiss wrath whimper cleaver watermelon beer basketball pingpong coffee rice pig rose wilt lips heart
		brokenheart cake lightning bomb dagger soccer ladybug poop moon sun gift hug thumbsup thumbsdown shake peace fight
		beckon fist pinky rockon no ok inlove blowkiss waddle tremble aaagh twirl kotow dramatic jumprope surrender hooray
		meditate smooch hey facepalm smirk smart moue yeah! packet candle chick onlooker goforit sweats omg emm respect doge
		noprob mybad wow boring awesome letmesee sigh hurt broken worship fireworks firecracker party rich`) {
		m[name] = true
	}
	return m
}()

// courtesy are the words people put around thanks and greetings; they do
// not make a message a question (谢谢老师！, 老师您好呀, 谢谢你的回复，很有帮助:
// it found an article about a reply to a letter). Longest first where one
// holds another.
var courtesy = []string{"你们的回复", "你的回复", "您的回复", "的回复", "很有帮助", "有帮助", "帮助很大", "老师们", "老师", "小编", "大家", "各位", "亲们", "您们", "您", "你们", "你", "非常", "十分", "万分",
	"真的", "一下", "辛苦了", "辛苦", "啦", "啊", "呀", "哈", "嘿", "哦", "噢", "嗯", "了", "的", "很", "太", "多", "好", "呢", "吧",
	"吗", "哇", "亲", "哟", "喔", "么", "嘛",
	// In English (每日一读 pls: a follower run's find, no match).
	"please", "pls", "plz"}

// maxAloneRunes is how many letters and digits may remain beside a
// keyword, once courtesy words are gone, for the message still to be only
// that keyword: 谢谢分享 and 感谢讲解 are thanks, 谢谢，枫桥经验 a question.
const maxAloneRunes = 2

// rest is text without every occurrence of the keywords and the courtesy
// words around them, and whether nothing a follower could be asking about
// remains.
func rest(text string, keywords []string) (string, bool) {
	for _, kw := range keywords {
		text = strings.ReplaceAll(text, kw, " ")
	}
	text = strings.Join(strings.Fields(text), " ")
	n := 0
	for _, r := range without(text, courtesy) {
		if isWordRune(r) {
			n++
		}
	}
	return text, n <= maxAloneRunes
}

// without returns text with every occurrence of each of words removed, in
// their order (longest first where one holds another: 老师们 before 老师).
func without(text string, words []string) string {
	for _, w := range words {
		text = strings.ReplaceAll(text, w, "")
	}
	return text
}

// longestFirst sorts words, in place, longest first, so that without and
// trimming take 谢谢老师 whole rather than 谢谢 and leave 老师.
func longestFirst(words []string) []string {
	slices.SortStableFunc(words, func(a, b string) int { return len(b) - len(a) })
	return words
}

// containsWord reports whether kw occurs in text; a keyword of Latin
// letters and digits must stand as a word of its own (hi is not in china).
func containsWord(text, kw string) bool {
	if !isASCIIWord(kw) {
		return strings.Contains(text, kw)
	}
	for from := 0; ; {
		i := strings.Index(text[from:], kw)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(kw)
		if !asciiWordByte(text, start-1) && !asciiWordByte(text, end) {
			return true
		}
		from = start + 1
	}
}

// hasPrefixWord is strings.HasPrefix with the same rule for Latin keywords.
func hasPrefixWord(text, kw string) bool {
	return strings.HasPrefix(text, kw) && (!isASCIIWord(kw) || !asciiWordByte(text, len(kw)))
}

func isASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if !asciiWordByte(s, i) {
			return false
		}
	}
	return s != ""
}

// asciiWordByte reports whether s[i] exists and is an ASCII letter or digit.
func asciiWordByte(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	c := s[i]
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// hasSymbol reports whether text holds an emoji or another symbol (not
// punctuation, letters or digits).
func hasSymbol(text string) bool {
	return strings.IndexFunc(text, func(r rune) bool { return unicode.IsSymbol(r) || r >= 0x1F000 }) >= 0
}

// fillers open voice messages (那个，第二篇。 嗯，医保): before a comma or a
// space they are no part of what is asked.
var fillers = longestFirst([]string{"那个", "这个", "那個", "這個", "就是说", "就是", "然后", "嗯", "呃", "额", "額", "啊", "哦", "唉", "诶", "誒", "哎"})

// Glued to what follows them, fillers differ: 嗯 and 呃 start no word and are
// always fillers; 额, 啊, 哦, 唉 and 哎 start words (额度, 哎呀) and are
// fillers glued only before another filler or said twice (啊那个两会,
// 哦哦枫桥经验); a demonstrative is a filler (那个两会, 就是第二篇) unless it
// points at what follows (那个人, 这个月的, 就是说, 这个号收费吗: a follower
// run's find, 号收费吗 had no match): a word of its list
// ending there, not the start of a longer one (那个人工智能 is 人工智能).
var (
	// 就是说 opening a message says nothing of what follows (就是说昨天的新闻联播。
	// listed 「说」's articles: a voice follower run's find).
	neverWords = map[string]bool{"嗯": true, "呃": true, "诶": true, "誒": true, "就是说": true}
	pointsAt   = map[string][]string{
		"那个": demonstrated, "这个": demonstrated, "那個": demonstrated, "這個": demonstrated,
		"就是": {"这样", "那样", "因为", "了"}, // (就是说 is a filler of its own)
		// 然后 glued to what follows, as speech is transcribed (然后那个新质
		// 生产力。, 然后第二个。: no match, the list lost: a follower run's
		// find), but 然后呢 asks what came next.
		"然后": {"呢", "怎么办", "怎么做", "怎样"},
	}
	demonstrated = []string{"人", "月", "年代", "年", "事", "时候", "时间", "样子", "意思", "问题", "地方", "星期", "礼拜", "周",
		"季度", "阶段", "词", "字", "东西", "会儿", "点", "号", "账号", "平台"}
	// afterPointed are what may follow a word pointed at: 那个人的, 这个月有.
	afterPointed = []string{"的", "是", "吗", "呢", "在", "有", "都", "也", "就", "还", "怎么", "为什么", "呀", "啊", "了", "叫",
		"会", "要", "能", "和", "跟", "里", "中", "上", "下", "说", "啥", "什么", "哪", "收费", "免费", "多少"}
)

// withoutLeadingFiller drops the fillers a voice message opens with: set
// apart (那个，两会; 就是那个，两会) or glued to what follows as above
// (嗯那个两会 is 两会, 嗯那个人 那个人). The query log, votes and rules all
// see the text without them.
func withoutLeadingFiller(text string) string {
	rest, prev := text, ""
	start := rest // where the fillers glued together began
	for {
		f := fillerAt(rest)
		after := rest[len(f):]
		switch {
		case f == "":
			return rest
		case after == "":
			return start // fillers alone (嗯嗯, 那个那个) are what they are
		}
		if r, _ := utf8.DecodeRuneInString(after); !isWordRune(r) {
			after = strings.TrimLeftFunc(after, func(r rune) bool { return !isWordRune(r) })
			if after == "" {
				return start // 嗯。
			}
			rest, start, prev = after, after, ""
			continue
		}
		if words, ok := pointsAt[f]; ok {
			if slices.ContainsFunc(words, func(w string) bool { return pointed(after, w) }) {
				return rest
			}
		} else if !neverWords[f] && f != prev && fillerAt(after) == "" {
			return rest // 额度, 哎呀
		}
		rest, prev = after, f
	}
}

// withoutFillers is text without a voice message's fillers: those it
// opens with (withoutLeadingFiller), and those inside it — a part between
// punctuation that is fillers alone (，嗯，), fillers opening a part or
// closing one (关于那个，), and a demonstrative or 就是 said between a
// request and its topic (看一下那个每日一读, 就是关于那个新质生产力) where
// it points at nothing. A follower run's finds: 就是关于那个，嗯，新质生产力的
// got a card on 政绩, 我想看一下就是关于那个新质生产力的文章 and 就是那个，嗯，
// 我想看一下那个每日一读 no match.
func withoutFillers(text string) string {
	text = withoutLeadingFiller(text)
	if !mayHoldFillers(text) || utf8.RuneCountInString(text) > maxFillerText {
		// Most messages: nothing to split or join. A long one (a pasted
		// text: the work grows with it, past a quarter second at 60 KB,
		// a review's find) keeps what is inside it.
		return text
	}
	parts := splitKeeping(text)
	var kept []string // parts, each with the punctuation after it
	for i, p := range parts {
		word := strings.TrimRightFunc(p, func(r rune) bool { return !isWordRune(r) })
		punct := p[len(word):]
		if i > 0 {
			word = withoutLeadingFiller(word)
		}
		if i > 0 && onlyFillers(word) || word == "" && i > 0 || i < len(parts)-1 && topicChanges[word] {
			if len(kept) > 0 && punct != "" && i == len(parts)-1 {
				// the text's closing mark stays with the part before
				last := kept[len(kept)-1]
				kept[len(kept)-1] = strings.TrimRightFunc(last, func(r rune) bool { return !isWordRune(r) }) + punct
			}
			continue
		}
		kept = append(kept, withoutInnerFillers(word)+punct)
	}
	out := strings.Join(kept, "")
	if strings.IndexFunc(out, isWordRune) < 0 {
		return text // fillers alone are what they are (   就是  )
	}
	return out
}

// topicChanges say a new question follows (换个话题，低空经济: searched
// whole, no match, a follower run's find); set apart before it, they go.
var topicChanges = map[string]bool{"换个话题": true, "换个问题": true, "换一个话题": true, "换一个问题": true, "算了": true,
	"另外": true, "对了": true, "再问一个": true, "再问一下": true, "我再问一下": true, "还有个问题": true, "还有一个问题": true,
	"顺便问一下": true, "顺便问下": true, "那换个话题": true, "我想换个话题": true, "然后": true, "然后就是": true, "然后呢": true, "还有就是": true,
	"话说": true, "不说这个了": true}

// mayHoldFillers reports whether text holds a filler or a change of topic
// anywhere.
func mayHoldFillers(text string) bool {
	// Most messages have none of the characters these start with: one pass
	// over them, not forty searches (asked runs a dozen times a message).
	if strings.IndexFunc(text, startsFiller) < 0 {
		return false
	}
	for _, f := range fillers {
		if strings.Contains(text, f) {
			return true
		}
	}
	for w := range topicChanges {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// fillerStarts has a bit for each character a filler or a change of topic
// begins with (all in the Basic Multilingual Plane): looked up for every
// character of a message, a dozen times a message.
var fillerStarts = func() (bits [1 << 16 / 64]uint64) {
	for _, w := range slices.Concat(fillers, slices.Collect(maps.Keys(topicChanges))) {
		r, _ := utf8.DecodeRuneInString(w)
		bits[r>>6] |= 1 << (r & 63)
	}
	return bits
}()

// startsFiller reports whether r begins a filler or a change of topic.
func startsFiller(r rune) bool { return r < 1<<16 && fillerStarts[r>>6]&(1<<(r&63)) != 0 }

// splitKeeping splits text after each run of punctuation or spaces, each
// part keeping the run that ends it.
func splitKeeping(text string) []string {
	var parts []string
	start, inWord := 0, true
	for i, r := range text {
		switch word := isWordRune(r); {
		case word && !inWord:
			parts = append(parts, text[start:i])
			start, inWord = i, true
		case !word:
			inWord = false
		}
	}
	return append(parts, text[start:])
}

// onlyFillers reports whether text is fillers alone (嗯, 那个, 嗯嗯).
func onlyFillers(text string) bool {
	for text != "" {
		f := fillerAt(text)
		if f == "" {
			return false
		}
		text = text[len(f):]
	}
	return true
}

// innerFiller is a demonstrative or 就是 between a request and its topic,
// or closing a part (关于那个，): group 1 is what stays before it, group 3
// what follows it.
var (
	innerAsking = []string{"关于", "有关", "看一下", "看下", "看看", "一下", "想看", "要看", "找", "查", "讲讲", "说说", "我想要", "我要", "的",
		// 请问那个政治局会议最近开了啥: no match; 最近那个新质生产力,
		// 有没有讲那个人工智能的 (follower runs' finds).
		"请问", "问下", "最近", "最新", "讲",
		// 我想问那个两个确立是什么意思，还有那个两个维护 (a follower run's find).
		"想问", "还有"}
	demonstratives = []string{"那个", "这个", "那個", "這個"}
)

// withoutInnerFillers drops 嗯 and 呃 (never words) wherever they are, a
// demonstrative after a request word that points at nothing, and 就是
// before a request word (就是关于). 这就是那个年代的记忆 keeps its 就是.
func withoutInnerFillers(part string) string {
	if onlyFillers(part) {
		return part // 嗯嗯 is what it is
	}
	for w := range neverWords {
		part = strings.ReplaceAll(part, w, "")
	}
	// A second question said in the same breath (两个确立是什么意思然后还有那个
	// 两个维护。: no match, where the comma's text had its card: a follower
	// run's find): a clause of its own.
	if i := strings.Index(part, "然后还有"); i > 0 {
		part = part[:i] + "，还有" + part[i+len("然后还有"):]
	}
	for _, req := range innerAsking {
		for _, d := range demonstratives {
			// 就是 and a demonstrative said in one breath after the
			// request (我想看一下就是那个每日一读。: no match, a follower
			// run's find) are the demonstrative alone.
			part = strings.ReplaceAll(part, req+"就是"+d, req+d)
			for from := 0; ; {
				i := strings.Index(part[from:], req+d)
				if i < 0 {
					break
				}
				at := from + i + len(req)
				after := part[at+len(d):]
				if after != "" && slices.ContainsFunc(demonstrated, func(w string) bool { return pointed(after, w) }) {
					from = at
					continue // 关于那个人: the person
				}
				part = part[:at] + after
				from = at
			}
		}
		if i := strings.Index(part, "就是"+req); i > 0 {
			part = part[:i] + part[i+len("就是"):]
		}
	}
	return part
}

// maxFillerText is the longest text whose inner fillers go: a voice
// message is 60 seconds at most, some 300 characters.
const maxFillerText = 300

// pointed reports whether text starts with the word w, ended: by the text's
// end, something not Han (这个季度GDP) or a word that may follow it.
func pointed(text, w string) bool {
	rest, ok := strings.CutPrefix(text, w)
	if !ok {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(rest); rest == "" || !unicode.Is(unicode.Han, r) {
		return true
	}
	return slices.ContainsFunc(afterPointed, func(a string) bool { return strings.HasPrefix(rest, a) })
}

// fillerAt is the filler text starts with, or "".
func fillerAt(text string) string {
	for _, f := range fillers {
		if strings.HasPrefix(text, f) {
			return f
		}
	}
	return ""
}
