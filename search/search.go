package search

import (
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"mpbot/content"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"
)

// Result is a search's answer: ranked hits with normalised scores, and the
// spelling the search used when it corrected a typo or typed pinyin.
type Result struct {
	Hits      []content.Hit
	Corrected string // e.g. 枫桥经验 for 风桥经验; empty when the query was used as typed
	word      string // the query's one word, when it is one (for Mentions); kept in the answer cache
}

// Search returns up to n articles for query, best first. Scores run from 0
// (nothing of the query found) to 1 (all of it, in the title, as typed).
// The hits of Search, SearchResult, Mentions and Snippets may be the answer
// cache's, shared with every caller asking the same: they are read-only.
func (ix *Index) Search(ctx context.Context, query string, n int) ([]content.Hit, error) {
	r, err := ix.SearchResult(ctx, query, n, false)
	return r.Hits, err
}

// Mentions returns the topic query asks about and up to n articles that
// hold it, when query is one word and that word a topic (Topic), in few
// enough articles to tell them apart (枫桥经验: the corpus's news mention it
// in their bodies, and none has it in its title, so no article answers it
// surely). For a follower whom no article answers, news mentioning the
// topic is still something to read; a word that is no topic (厉害, 退订,
// 第二篇) is small talk or a choice, and gets nothing. Ranked as the search
// ranks them.
// Whether the query is one word is read from the search the bot has just
// made (its parsed query kept for the snippets), so most questions nothing
// answers cost no second search: only one-word ones and those the search
// may have respelt do, when the answer cache is off.
func (ix *Index) Mentions(ctx context.Context, query string, n int) (string, []content.Hit, error) {
	r := ix.reader()
	text := prepareQuery(query)
	var word string
	respellable := true // the search may have respelt it: asked again, it costs nothing or may
	if res, ok := ix.cache.Load().get(ix.searchKey(query, n, false), r.v.gen); ok {
		word = res.word // answered from the cache: nothing parsed it now
	} else {
		q := r.parsedQuery(text) // respelt, the respelling's
		word = oneWord(q)
		respellable = unknownWords(q) || latinQuery(q.chunks)
	}
	phraseDFs := map[string]int{} // a pass over every article's filter: once a name
	mentioned := func(word string) bool {
		df := r.v.df(word)
		if !r.v.has(word) && namesTopic(word) {
			if _, ok := phraseDFs[word]; !ok {
				phraseDFs[word] = r.phraseDF(word) // 十八届三中全会, no word of the index
			}
			df = phraseDFs[word]
		} else if !r.topic(word) {
			return false
		}
		return df > 0 && !common(float64(df), float64(r.v.live))
	}
	if word != "" && !mentioned(word) {
		// The start of one topic's name (枫桥 of 枫桥经验: a fleet run's
		// find, no match where 浦江 found 浦江经验 by its titles) is that
		// topic's.
		if full := r.completion(word); full != "" && mentioned(full) {
			return full, r.itemsMentioning(full, r.holding(full, r.search(full, n, false).Hits)), nil
		}
		// A topic named as study guides name it, the articles quoting a
		// part of it (新时代枫桥经验, which they write 新时代“枫桥经验”: a
		// follower run's find, no match) is its longest topic inside.
		if inner := r.innerTopic(word, mentioned); inner != "" {
			return inner, r.itemsMentioning(inner, r.holding(inner, r.search(inner, n, false).Hits)), nil
		}
		// An abbreviation of a synonym group (AI of 人工智能: no match,
		// where 人工智能 listed the articles mentioning it: a follower
		// run's find) is its group's first name the articles mention.
		if r.v.synonyms != nil {
			for _, alt := range r.v.synonyms.alternatives(word) {
				if alt != word && mentioned(alt) {
					return alt, r.itemsMentioning(alt, r.holding(alt, r.search(alt, n, false).Hits)), nil
				}
			}
		}
	}
	if !mentioned(word) && (!respellable || utf8.RuneCountInString(text) > maxTypoRunes) {
		return "", nil, nil
	}
	// A topic typed otherwise (风桥经验, fengqiao jingyan) is the one its
	// respelling names, and the hits are the respelling's (a follower run's
	// find: they got the no-match reply). The search is most often the
	// answer cache's, or the parsed query the search's own.
	res, err := ix.SearchResult(ctx, query, n, false)
	if err != nil {
		return "", nil, err
	}
	if res.Corrected != "" {
		word = res.word
	}
	if !mentioned(word) {
		return "", nil, nil
	}
	hits := res.Hits
	if !r.v.has(word) {
		// A name no word of the index is holds few of the first hits' by
		// their pairs: those are read as deep as 更多 would (a review's
		// find: 十九届六中全会 listed 3 of the 5 naming it, and offered no
		// 更多), and cut to n after.
		deep := r.search(word, max(n, namesDepth), false).Hits
		held := r.itemsMentioning(word, r.holding(word, deep))
		return word, held[:min(len(held), n)], nil
	}
	return word, r.itemsMentioning(word, r.holding(word, hits)), nil
}

// namesDepth is how many of a name's hits are checked for holding it.
const namesDepth = 64

// innerTopic is the longest word of four characters or more ending word
// that the articles mention (mentioned), or "": the head of a Chinese name
// is its end (新时代枫桥经验 is a 枫桥经验; 人工智能专业 a 专业, no 人工智能:
// the full suite's find).
func (r reader) innerTopic(word string, mentioned func(string) bool) string {
	best := ""
	for _, w := range r.ix.seg.innerWords(word) {
		if len(w) > len(best) && strings.HasSuffix(word, w) && mentioned(w) {
			best = w
		}
	}
	return best
}

// completion is the one topic term (the dictionary's own, or a synonym's)
// whose name word begins, when word has two characters or more; "" when
// none or several do (中国 begins many).
func (r reader) completion(word string) string {
	if utf8.RuneCountInString(word) < 2 || !hasHan(word) {
		return ""
	}
	found := ""
	try := func(term string) bool {
		if len(term) > len(word) && strings.HasPrefix(term, word) && term != found {
			if found != "" {
				found = ""
				return false
			}
			found = term
		}
		return true
	}
	for term := range topicTerms {
		if !try(term) {
			return ""
		}
	}
	if r.v.synonyms != nil {
		for term := range r.v.synonyms.terms {
			if !try(term) {
				return ""
			}
		}
	}
	return found
}

// holding keeps the hits whose articles hold word, or a synonym of it, as
// a word: the search may find a synonym written in several words anywhere
// apart (八八战略's 88战略 in 前线地区一天内发生88次战斗…战略: a follower run's
// find, listed as mentioning 八八战略). The hits are the cache's: changed,
// they are copied.
func (r reader) holding(word string, hits []content.Hit) []content.Hit {
	if !r.v.has(word) && namesTopic(word) {
		// A name no word of the index is (十八届三中全会): the articles
		// whose text holds its pairs.
		pairs := phrasePairs(word)
		return slices.DeleteFunc(slices.Clone(hits), func(h content.Hit) bool {
			d, ok := r.v.lookup(h.Article.ID)
			return !ok || !r.v.docs[d].pairs.hasAll(pairs)
		})
	}
	var lists []*postingList
	lists = r.v.lists(word, lists)
	if r.v.synonyms != nil {
		for _, w := range r.v.synonyms.group[word] {
			if w != word {
				lists = r.v.lists(w, lists)
			}
		}
	}
	held := make(map[uint32]bool)
	for _, l := range lists {
		l.each(func(doc uint32, _ uint8) { held[doc] = true })
	}
	keep := func(h content.Hit) bool {
		d, ok := r.v.lookup(h.Article.ID)
		return ok && held[d]
	}
	if !slices.ContainsFunc(hits, func(h content.Hit) bool { return !keep(h) }) {
		return hits
	}
	out := make([]content.Hit, 0, len(hits))
	for _, h := range hits {
		if keep(h) {
			out = append(out, h)
		}
	}
	return out
}

// itemsMentioning has a roundup among hits stand for its item that holds
// word, as search's answers do, and leaves out one with no such item: a
// list of articles mentioning 面试 showed 国内联播快讯 as a title, and its
// card opened on nothing. The hits are the cache's: changed, they are
// copied.
func (r reader) itemsMentioning(word string, hits []content.Hit) []content.Hit {
	var out []content.Hit
	for i, h := range hits {
		d, ok := r.v.lookup(h.Article.ID)
		if h.Story != nil || !ok || len(r.v.docs[d].stories) == 0 || r.v.dfTitle(r.v.docs[d].titleText) < digestTitles {
			if out != nil {
				out = append(out, h)
			}
			continue
		}
		if out == nil {
			out = append(make([]content.Hit, 0, len(hits)), hits[:i]...)
		}
		stories := r.v.docs[d].stories
		if k := slices.IndexFunc(stories, func(s story) bool { return strings.Contains(s.text, word) }); k >= 0 {
			h.Story = &stories[k].shown
			out = append(out, h)
		}
	}
	if out == nil {
		return hits
	}
	return out
}

// Topic reports whether word (as a follower types it) names a topic the
// search knows: a term of its own list (枫桥经验, 两会, 申论), of a
// configured synonym or related-term group (笔试, 面试, 高考), or a word of
// three characters or more that the stock dictionary lacks and the articles
// use (河长制, 村规民约). Two-character words outside the lists are as often
// small talk (厉害, 打卡, 加油) as topics.
func (ix *Index) Topic(word string) bool {
	return ix.reader().topic(normalizeQuery(foldText(strings.TrimSpace(word))))
}

// Aside reports whether word, beside a topic, says what the follower is
// doing rather than what they ask about: their exam (遴选, 面试, 考试), as
// the search reads it beside a topic's name.
func (ix *Index) Aside(word string) bool {
	return examWords[normalizeQuery(foldText(strings.TrimSpace(word)))]
}

// Names are word's other names in the synonym groups (CPI: 居民消费价格),
// and the terms a related entry it leads finds (考试: 笔试, 面试),
// normalised as search compares them; nil when none holds it.
func (ix *Index) Names(word string) []string {
	s := ix.reader().v.synonyms
	w := NormalizeTerm(word)
	if s == nil || w == "" {
		return nil
	}
	var names []string
	for _, m := range s.group[w] {
		if m != w && !slices.Contains(names, m) {
			names = append(names, m)
		}
	}
	return names
}

func (r reader) topic(word string) bool {
	n := utf8.RuneCountInString(word)
	if n < 2 {
		return false
	}
	if topicTerms[word] || r.v.synonyms != nil && r.v.synonyms.terms[word] {
		return true
	}
	// A figure's name (失业率, 出生率, 通胀率) is what the articles giving
	// the figure are about, though the dictionary knows it and no title
	// names it (a follower run's find: 失业率 got no match where 47
	// articles give it).
	if n >= 3 && strings.HasSuffix(word, "率") && hasHan(word) && r.v.has(word) {
		return true
	}
	return n >= 3 && hasHan(word) && !r.ix.seg.known(word) && r.v.has(word) // not 666
}

// oneWord is a query's one word as typed, when it is one word and nothing
// else (beside a synonym's other names; not pairs of a word never seen);
// "" otherwise.
func oneWord(q query) string {
	// A synonym's clause has its other names beside the word typed (its
	// literal alternative, first): 放管服 is one word (a follower run's
	// find: a synonym no title has got no mentions).
	if c := q.clauses; len(c) == 1 && c[0].pairOf == 0 && len(c[0].alts) >= 1 && len(c[0].alts[0]) == 1 && (len(c[0].alts) == 1 || c[0].literal == 1) {
		return c[0].alts[0][0]
	}
	// A topic named in full, as one run of characters (十八届三中全会,
	// 十九届六中全会): one name, which articles mention as written (a
	// follower run's find: no match where 14 articles mention it).
	if len(q.clauses) > 1 && namesTopic(q.text) && slices.ContainsFunc(q.cut, func(w string) bool { return topicTerms[w] }) {
		return q.text
	}
	return ""
}

// namesTopic reports whether text may be a topic's full name: characters
// only, four to twelve of them.
func namesTopic(text string) bool {
	n := utf8.RuneCountInString(text)
	return n >= 4 && n <= 12 && !strings.ContainsFunc(text, func(r rune) bool { return !isHan(r) })
}

// phrasePairs are a phrase's character pairs, hashed for the articles'
// pair filters.
func phrasePairs(phrase string) [][2]uint64 {
	var out [][2]uint64
	for _, bg := range hanBigrams(phrase) {
		h1, h2 := bloomHash(bg)
		out = append(out, [2]uint64{h1, h2})
	}
	return out
}

// phraseDF is how many articles hold every character pair of phrase: a
// pass over the articles' pair filters, made for a question nothing
// answers. Such questions come again (有人吗, 在吗, a name the articles
// lack), and the pass was a third of what a cached answer cost serve: the
// count is kept per phrase until the next view.
func (r reader) phraseDF(phrase string) int {
	if got, ok := r.ix.phraseDFs.Get(phrase); ok && got.gen == r.v.gen {
		return got.df
	}
	pairs, n := phrasePairs(phrase), 0
	for d := range r.v.docs {
		if !r.v.isDead(uint32(d)) && r.v.docs[d].pairs.hasAll(pairs) {
			n++
		}
	}
	// A search on an older view would push out the current one's.
	if r.ix.view.Load() == r.v {
		r.ix.phraseDFs.Add(phrase, dfOn{r.v.gen, n})
	}
	return n
}

// dfOn is a phrase's article count on the view of generation gen.
type dfOn struct {
	gen uint64
	df  int
}

// SearchResult is Search with the correction it made, if any, and with
// highlighted snippets when asked (they cost time the bot's card replies do
// not need).
func (ix *Index) SearchResult(ctx context.Context, query string, n int, snippets bool) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	r := ix.reader()
	cache, key := ix.cache.Load(), ix.searchKey(query, n, snippets)
	if res, ok := cache.get(key, r.v.gen); ok {
		return res, nil
	}
	text := key.query
	if !key.prepared {
		text = prepareQuery(query)
	}
	// A question asks something of the topic (是什么, 怎么看, 什么时候),
	// not for its articles; courtesy and requests (请问一下, 老师你好, 发我…
	// 相关文章) do (a review's and a re-check's finds: 请问乡村振兴,
	// 请问一下新质生产力 kept the order the topic alone had had).
	r.typedAlone = !key.prepared && !asksOfTopic(query)
	if !key.prepared && strings.Contains(query, "是") { // most questions: no regexp for them
		if m := whetherSo.FindStringSubmatch(query); m != nil && hanCount(m[1]) >= 2 {
			r.whetherOf = m[1]
		}
	}
	var res Result
	// (A prepared key is a long message's: no advice alone.)
	if key.prepared || !adviceAlone.MatchString(strings.TrimSpace(foldText(query))) {
		res = r.search(text, n, snippets)
	}
	cache.put(key, r.v.gen, res)
	return res, nil
}

// reader is one search's hold on the index: the view it loaded, kept to
// the end whatever updates are published meanwhile.
type reader struct {
	ix *Index
	v  *view
	// typedAlone is set when the query asks nothing of its topic (no
	// 是什么, 怎么看): the follower asks for its articles.
	typedAlone bool
	// whetherOf is the topic a question asks whether it is so of
	// (一带一路是不是2013年提出的: no match, a re-check's find; its 是不是 is
	// gone from the text searched), searched alone when nothing sure answers.
	whetherOf string
}

// asksOfTopic reports whether text asks something of its topic: what it
// is, how to see it, when, why, which, how much.
func asksOfTopic(text string) bool {
	for _, w := range askingOf {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

var askingOf = []string{"什么", "怎么", "如何", "为何", "为啥", "哪", "多少", "几时", "意义", "区别", "理解", "看待", "介绍"}

// hanCount is the number of Han characters in s.
func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if isHan(r) {
			n++
		}
	}
	return n
}

func (ix *Index) reader() reader { return reader{ix: ix, v: ix.view.Load()} }

// parse reads raw text as a query on the current view (for tests).
func (ix *Index) parse(raw string) query { return ix.reader().parse(prepareQuery(raw)) }

// searchKey is what a search's answer is kept under: the query as asked,
// unless long (preparing it cost a cached answer as much as finding it in
// the cache). Spellings preparing alike, 枫桥经验 and 枫桥经验？, are kept
// apart: the bot sends them alike.
func (ix *Index) searchKey(query string, n int, snippets bool) cacheKey {
	if len(query) > rawKeyBytes {
		return cacheKey{prepareQuery(query), true, n, snippets, ix.thisMonth()}
	}
	return cacheKey{query, false, n, snippets, ix.thisMonth()}
}

func (r reader) search(text string, n int, snippets bool) (res Result) {
	if acknowledges(text) {
		// 好的收到, 明白了: the follower acknowledges what they were told,
		// and asks nothing (收到 had a card at 0.93 on a title holding it).
		return Result{}
	}
	q := r.parse(r.asMostWritten(r.craftsAsWritten(text)))
	q.typedAlone = r.typedAlone
	defer func() { res.word = oneWord(q) }()
	if yearsOnly.MatchString(q.text) && !yearsOnly.MatchString(text) {
		// A year left alone once its frame went names no topic: its
		// answers were whichever articles wrote it most (今年的面试热点
		// listed a budget review, a forum's close and the gaokao as the
		// year's hot topics: a follower run's find). A year typed alone
		// is searched: 1978年 has its government work report (a review's
		// find: no match).
		return Result{}
	}
	if adviceAlone.MatchString(q.text) || r.examNearOnly(text) {
		// Advice asked of nothing named (有什么好的建议, 求建议): its 建议
		// had a card at 0.93 on the 十五五 proposal; the exam said near and
		// nothing else asked (a re-check's finds).
		return Result{}
	}
	// The respelling, worked out at most once: a query of Latin words
	// needs it now, others only when their answers are weak.
	var fixed string
	var respelt, tried bool
	respell := func() (string, bool) {
		if !tried {
			tried = true
			// A slip of a term's last character first: by sound,
			// 共同富俗 was 共同附属.
			if fixed, respelt = r.slipRespelt(q.text); !respelt {
				fixed, respelt = r.correctPinyin(q.text, q.cut)
			}
		}
		return fixed, respelt
	}
	if latinQuery(q.chunks) {
		// Latin words that are no pinyin of known words (C919, 5G, GDP)
		// are weighed as Han words are; typed pinyin stays to be respelt.
		if fixed, ok := respell(); !ok || fixed == q.text {
			q.latin = true
		}
	}
	if r.ix.hooks.midSearch != nil {
		r.ix.hooks.midSearch()
	}
	defer func() { r.ix.parsed.put(r.v, text, q) }() // the query the hits answer
	hits := r.rank(q, n, snippets)
	// reparsed is text, read in place of the query; typed alone, as the
	// query was, when it is a respelling of it, word for word.
	reparsed := func(text string) query {
		q2 := r.parse(prepareQuery(text))
		q2.typedAlone = q.typedAlone && hanCount(q2.text) == hanCount(q.text)
		return q2
	}
	// searchedAs ranks text in place of the query as typed, and takes its
	// answers when they are better (and sure, when sure is asked; and of
	// what accept takes, when given).
	searchedAs := func(text string, sure bool, accept func(content.Hit) bool) bool {
		q2 := reparsed(text)
		better := r.rank(q2, n, snippets)
		if len(better) == 0 || sure && better[0].Score < correctionBelow || len(hits) > 0 && better[0].Score <= hits[0].Score ||
			accept != nil && !accept(better[0]) {
			return false
		}
		q, hits = q2, better
		return true
	}
	// 解读 asks for a reading of a topic; a title saying 解读 of another
	// is none (新质生产力解读 had a card at 0.67 on a press conference
	// 介绍和解读 the fourth plenum: a follower run's find). Such a first hit,
	// its title holding nothing else of the query, is weighed against the
	// topic's own answers; one whose title names the topic stands
	// (解读二十届四中全会).
	if rest, ok := withoutReading(q, hits); ok && searchedAs(rest, false, nil) {
		return Result{Hits: hits}
	}
	// A word no article has is most often misspelt, and the typed query's
	// answers are then its other words' alone: 风桥经验 found 经验 in five
	// titles at 0.66. So such a query is tried respelt however sure those
	// answers look (see oneTerm below).
	unknown := unknownWords(q)
	confident := len(hits) > 0 && hits[0].Score >= correctionBelow
	// An aspect a title of another topic says (新质生产力的路径 had a card
	// on 扎实推动共同富裕的路径选择, 两个确立的答题思路 one on the interview's
	// 答题思路: a demo follower run's finds): a first hit whose title names
	// no word of the topic is weighed against the topic's own, taken when
	// sure and titled by it. So does an exam's task verb a title says
	// (分析法治中国的问题 had a card on the Politburo's 分析研究…依法治国: a
	// re-check's find).
	givenWay := func(q query, hits []content.Hit) (query, []content.Hit, bool) {
		text, tasked := withoutTask(q.text)
		if !tasked {
			text = q.text
		}
		rest, ok := withoutAspect(text)
		if !ok && tasked {
			rest, ok = strings.TrimSpace(text), true
		}
		if ok && !namesWords(hits[0], rest) && !titlesEmphasis(hits[0], text) {
			q2 := reparsed(rest)
			if better := r.rank(q2, n, snippets); len(better) > 0 && better[0].Score >= correctionBelow && namesWords(better[0], rest) {
				return q2, better, true
			}
		}
		return q, hits, false
	}
	if confident && !unknown {
		if q2, better, ok := givenWay(q, hits); ok {
			q = q2
			return Result{Hits: better}
		}
		// A slip into known words (新质生产立: 生产 and 立, each in
		// articles) is found sure of the wrong thing: it is tried respelt
		// when that joins typed pieces into a word the articles know
		// (生产力), and taken when it answers surer (a follower run's
		// find: a card on 深圳六个90%的背后 at 0.84).
		// Only a word of one character after a word can be such a slip
		// (生产 立), and only one sounding as a longer word is read again:
		// respelling a third of the questions whole cost the search 15%,
		// and read 能待 as 能带.
		if fixed, ok := r.joinedSlip(q); ok {
			if q2 := reparsed(fixed); len(q2.clauses) < len(q.clauses) {
				// (Its words' postings are read by rank.)
				if better := r.rank(q2, n, snippets); !unknownWords(q2) && len(better) > 0 && better[0].Score > hits[0].Score {
					q = q2
					return Result{Hits: better, Corrected: fixed}
				}
			}
		}
		return Result{Hits: hits}
	}
	// The follower's exam beside a topic (准备遴选，想看看新质生产力; 我是基层
	// 公务员，准备遴选…): the exam's words were searched as the topic's, and
	// found nothing sure, or an article on another 遴选 (a follower run's
	// finds). Searched without them, the topic's answers are taken when
	// surer.
	examRest, examCut, partsKept := r.withoutExam(q.text)
	var namesPart func(content.Hit) bool // (nil: any answer)
	if len(partsKept) > 0 {
		namesPart = func(h content.Hit) bool { return strings.Contains(h.Article.Title, partsKept[0]) }
	}
	if examCut && searchedAs(examRest, true, namesPart) {
		return Result{Hits: hits}
	}
	// Advice asked of a part of the exam said near, and no article titled
	// by it: what the typed question found is the advice's words' (还有五天
	// 就申论了，有什么建议 had a card on 格陵兰岛, its summary's 建议…五天: a
	// final-week follower run's find).
	if examCut && namesPart != nil && len(hits) > 0 && !namesPart(hits[0]) {
		return Result{}
	}
	// Why the follower asks, said first (我负责写一篇心得体会，请问有没有中央
	// 八项规定的文章: no match, a follower run's find): the request alone,
	// taken when surer.
	request, ok := withoutOwnReason(q.text)
	if ok && searchedAs(request, true, nil) {
		return Result{Hits: hits}
	}
	if rest, ok := fromLastRequest(q.text); ok && rest != request && searchedAs(rest, true, nil) {
		return Result{Hits: hits}
	}
	// 两会期间 says when it was asked of, not a second topic (两会期间总书记
	// 参加了哪些代表团审议: no match, where the question alone lists the
	// sessions' delegation reviews: a follower run's find): the question
	// without it, taken when surer and of the sessions' days (alone, 有什么
	// 重要的新闻 lists any 重要).
	inSessions := func(h content.Hit) bool { return ofTheSessions(h.Article.PublishedOn) }
	if rest := sessionsTime.ReplaceAllString(q.text, " "); rest != q.text && strings.TrimSpace(rest) != "" && searchedAs(rest, true, inSessions) {
		return Result{Hits: hits}
	}
	// An ordinal typed in digits that the articles of the event write in
	// characters (第5届进博会: no match, where 第五届进博会 lists the fair: a
	// re-check follower run's find): tried so when the answers are weak,
	// as many events are written in digits (第17届残奥会: a review's find,
	// a card on 第十七届海峡论坛 when it was always rewritten).
	if written := r.ordinalsAsWritten(q.text); written != q.text && searchedAs(written, true, nil) {
		return Result{Hits: hits}
	}
	// A weak answer may be a typo or typed pinyin: try the spelling of a
	// known term that sounds the same. Long messages are not typos of a
	// topic, and reading them by sound would cost a second search.
	var corrected string
	if utf8.RuneCountInString(q.text) <= maxTypoRunes {
		if fixed, ok := respell(); ok && fixed != q.text {
			q2 := reparsed(fixed)
			q2.fullText = q2.fullText || q.fullText // fixed is respelt from the text without 原文 and 全文
			// Respelt whole into one term the articles know (枫桥经验), the
			// query is what the follower meant, and its answers stand however
			// they score: "nothing found" for the term rather than the 经验
			// articles. Respellings of a part (石卯 → 世贸, 单杏华 → 单行华) are
			// taken when they do better, and, where the typed query's other
			// words found something sure, only when no word is left unknown
			// (二十届四中全会公保, as voice recognition writes 公报: five of the
			// plenum's lectures at 0.81, the communiqué at 0.97 respelt: a
			// follower run's find).
			oneTerm := unknown && len(q2.clauses) == 1
			better := r.rank(q2, n, snippets)
			oneTerm = oneTerm && !unknownWords(q2)
			if len(better) > 0 && (oneTerm || (!confident || !unknownWords(q2)) && (len(hits) == 0 || better[0].Score > hits[0].Score)) {
				q, hits, corrected = q2, better, fixed
				if better[0].Score >= correctionBelow {
					return Result{Hits: hits, Corrected: corrected}
				}
				// Respelt and still unsure, a study question is read
				// below (风桥经验的精神实质: 0.36 respelt, a re-check's find).
			}
		}
	}
	// A study question as an exam sets it: its task verb (请根据给定资料，概括
	// 枫桥经验的内涵) and the aspect asked of its topic (新质生产力的主要特点, 枫桥
	// 经验的主要做法) searched as words no article on the topic had: no match
	// where the topic alone has its card (a study-platform probe of the
	// demo: 59 of 121 such questions). Without them, in turn: the verb
	// first (on the corpus an aspect's own articles answer 新质生产力的内涵),
	// then the aspect, then both; taken when sure and surer, and with no
	// word unknown. After the respelling: a mistyped topic is respelt
	// whole first (国常汇的特点 had a card on 我国常态化帮扶, its 国常 of 常态化;
	// a task verb of a title, 分析研究2024年经济工作, is matched as typed: a
	// re-check's finds).
	topics := studyTopics(q.text)
	if r.whetherOf != "" {
		topics = append(topics, studyTopic{text: r.whetherOf})
	}
	if examCut {
		// (下周就考了，概括政府工作报告的主要做法: no match, a final-week
		// follower run's find.)
		// Beside advice alone, the part of the exam named titles the
		// answer (明天面试了，有什么建议: the interview's article).
		for _, c := range studyTopics(examRest) {
			if len(partsKept) > 0 && c.titled == "" {
				c.titled = partsKept[0]
			}
			topics = append(topics, c)
		}
	}
	if len(hits) > 0 && titlesEmphasis(hits[0], q.text) {
		topics = nil
	}
	for _, c := range topics {
		// A topic named, not the exam's words alone (考前最后一周，有什么
		// 建议 had been searched as 考前最后一周, 明天考试了，有什么建议 as
		// 考试: cards on a 说明 and a journalists' exam, a re-check's find);
		// a part of it only for an answer titled by it.
		if r.examOnly(c.text) && c.titled == "" {
			continue
		}
		rest := c.text
		q2 := reparsed(rest)
		better := r.rank(q2, n, snippets) // (its clauses' counts are read by rank)
		if unknownWords(q2) || len(better) == 0 || better[0].Score < correctionBelow || c.titled != "" && !strings.Contains(better[0].Article.Title, c.titled) {
			continue
		}
		// Without the verb, the aspect gives way as the question typed
		// without it does (概括浦江经验的本质要求 had a card on 中国式现代化的…
		// 本质要求, where 浦江经验的本质要求 has 浦江经验's: a re-check's find).
		q2, better, _ = givenWay(q2, better)
		// A typed question's first answer on the topic stays first: the
		// aspect weighed it among the topic's (on the corpus 新质生产力的科学
		// 内涵 has the study session on its 基本内涵 first, at 0.58; the
		// topic alone, news of its growth at 0.97: a test's find).
		// Only an answer it would show: one far under (0.34 for 提出乡村振兴的
		// 背景) had kept the topic's sure card away (a re-check's find).
		if len(hits) == 0 || better[0].Score > hits[0].Score && (hits[0].Score < typedStands || !namesWords(hits[0], rest) || better[0].Article.ID == hits[0].Article.ID) {
			q, hits = q2, better
			break
		}
	}
	return Result{Hits: hits, Corrected: corrected}
}

// titlesEmphasis reports whether h's title holds the 重点 or 难点 text asks
// of its topic: that answer stays (伊朗谈判重点: 伊朗称谈判重点是结束战争;
// 防汛救灾的重点: 紧盯防汛重点; a re-check's finds, each put under the
// topic's news when 重点 became an aspect).
func titlesEmphasis(h content.Hit, text string) bool {
	// (Only an answer it would show: 乡村振兴重点难点's typed answers,
	// under it, had kept 乡村振兴重点's away, a re-check's find.)
	return h.Score >= typedStands && slices.ContainsFunc([]string{"重点", "难点"}, func(w string) bool {
		return strings.Contains(text, w) && strings.Contains(h.Article.Title, w)
	})
}

// adviceAlone is a follower asking for advice with no topic: 有什么好的建议,
// 老师有什么建议吗, 求建议, 给点建议吧, 有没有什么好的方法 (not 十五五建议,
// nor 建议 typed alone). It is matched on the message as typed, its asking
// words still there (有没有什么建议 is read as 建议), and on the query read
// (the bot searches 有什么 建议 where it took words out).
var adviceAlone = regexp.MustCompile(`^(?:老师|老师们|请问|大家|那|那个|就是)*[\s\p{P}]*(?:你|您|你们)?` +
	`(?:(?:有没有|有什么|有啥|有何|有无|有|求|求个|给点|给些|给个|给我点|给我些|给我一些|给点儿|提点|提些|来点|能给点|能不能给点|能不能给|可以给点)` +
	`\s*(?:什么|啥)?\s*(?:比较)?(?:好的|好|有用的|实用的|具体的|新的|靠谱的|管用的)?|(?:比较)?(?:好的|有用的|实用的|靠谱的|管用的))` +
	`\s*(?:建议|方法|技巧|办法|窍门|诀窍|经验|意见|心得|推荐)\s*(?:吗|呢|吧|啊|么|嘛|呀)*[\s\p{P}]*$`)

// yearsOnly is a query of years alone, in digits: 2026年, 2025 2026.
var yearsOnly = regexp.MustCompile(`^[\s\p{P}]*(?:(?:19|20)[0-9]{2}[\s\p{P}]*年?[\s\p{P}的呢吗]*)+$`)

// sessionsTime is 两会 said as a time: 两会期间, 全国两会上.
var sessionsTime = regexp.MustCompile(sessionsAt + `的?`)

// ofTheSessions reports whether day (YYYY-MM-DD) is of the days the
// sessions meet, early March.
func ofTheSessions(day string) bool {
	return len(day) == len("2006-01-02") && day[5:7] == "03" && day[8:10] <= "15"
}

// sessionsOfReport is 两会 said of the government work report.
var sessionsOfReport = regexp.MustCompile(sessionsAt + `?的?`)

// sessionsAt is the sessions and when in them: 全国两会期间, 两会上.
const sessionsAt = `(?:全国)?两会(?:期间|上|时)`

// asMostWritten is a Latin abbreviation typed alone as most articles write
// it, when its synonym group's Chinese name is in four times as many: G20
// had a card on the one article writing G20 (a tour's roundup), each
// 二十国集团 summit far under the cut, and WTO one on a roundup's item (a
// follower run's find). The articles that write it so are still found: it
// is one term of the group. Other text is returned as it is.
func (r reader) asMostWritten(text string) string {
	if len(text) > 12 || !isLatin(text) || strings.IndexFunc(text, func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsDigit(c) || c >= unicode.MaxASCII }) >= 0 {
		return text
	}
	syn := r.v.synonyms
	if syn == nil || syn.group[text] == nil {
		return text
	}
	best, most := text, 4*max(r.v.df(text), 1)
	for _, m := range syn.group[text] {
		if hasHan(m) {
			if n := r.v.df(m); n > most {
				best, most = m, n
			}
		}
	}
	return best
}

// parsedRing keeps the queries the last few searches ranked by, for the
// snippets the bot asks for right after a search it answers with a list:
// parsing the text again would segment it a second time, and one missed is
// searched again (parsedQuery). It holds a few more than the searches a
// busy server runs at once (16 senders in the load benchmark), so that it
// is a search's own follow-up call that finds one. What it holds is read,
// never changed.
type parsedRing struct {
	mu   sync.Mutex
	next int
	ents [32]struct {
		v    *view
		text string
		q    query
	}
}

func (p *parsedRing) put(v *view, text string, q query) {
	p.mu.Lock()
	defer p.mu.Unlock()
	e := &p.ents[p.next]
	e.v, e.text, e.q = v, text, q
	p.next = (p.next + 1) % len(p.ents)
}

func (p *parsedRing) get(v *view, text string) (query, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i := range p.ents {
		if e := &p.ents[i]; e.v == v && e.text == text {
			return e.q, true
		}
	}
	return query{}, false
}

// joinedSlip is text with a word and the one-character word after it
// (生产 立) respelt as the word of three characters or more the articles
// know by that sound (生产力), the most frequent; ok is false when none is.
func (r reader) joinedSlip(q query) (string, bool) {
	if utf8.RuneCountInString(q.text) > maxTypoRunes {
		return "", false
	}
	for i := 1; i < len(q.cut); i++ {
		prev, w := q.cut[i-1], q.cut[i]
		c, size := utf8.DecodeRuneInString(w)
		if size != len(w) || !isHan(c) || stopWords[w] || utf8.RuneCountInString(prev) < 2 || !hasHan(prev) {
			continue
		}
		typed := prev + w
		at := strings.Index(q.text, typed)
		if at < 0 {
			continue
		}
		best, bestDF := "", 0
		for _, word := range r.v.soundWords([]byte(soundKey(typed))) {
			if df := r.v.df(word); word != typed && utf8.RuneCountInString(word) == utf8.RuneCountInString(typed) && df > bestDF {
				best, bestDF = word, df
			}
		}
		if best != "" {
			return q.text[:at] + best + q.text[at+len(typed):], true
		}
	}
	return "", false
}

// unknownWords reports whether a ranked query holds a word no article has.
func unknownWords(q query) bool {
	return slices.ContainsFunc(q.clauses, func(c clause) bool { return c.df == 0 || c.pairOf > 0 })
}

// typedStands is the score from which a typed study question's first
// answer, titled by its topic, stays first over the topic's alone: above
// the shipped search.min_score (0.4), whose answers are shown.
const typedStands = 0.5

// correctionBelow is the top score under which a query is tried respelt.
const correctionBelow = 0.6

// Snippets fills in the highlighted snippets of hits for query: the bot
// asks for them only when it shows a numbered list, not for a single card.
// An article whose title and summary hold none of the query's words (listed
// for what its body mentions: 枫桥经验 in the news) has its snippet cut from
// its body, which body reads (nil: the summary's opening is shown).
func (ix *Index) Snippets(query string, hits []content.Hit, body func(id string) (string, error)) []content.Hit {
	r := ix.reader()
	text := prepareQuery(query)
	// Kept apart from the query's plain answer (n < 0), per page (its
	// first article: pages 1 and 2 took each other's place, a review's
	// find), and served only for the same articles in the same order.
	page := text
	if len(hits) > 0 {
		page += "\x00" + hits[0].Article.ID
	}
	cache, key := ix.cache.Load(), cacheKey{page, true, -len(hits), true, ix.thisMonth()}
	if res, ok := cache.get(key, r.v.gen); ok && sameArticles(res.Hits, hits) {
		return res.Hits
	}
	out, complete := r.snippets(text, hits, body)
	if complete { // a body not read is tried again next time
		cache.put(key, r.v.gen, Result{Hits: out})
	}
	return out
}

func sameArticles(a, b []content.Hit) bool {
	return slices.EqualFunc(a, b, func(x, y content.Hit) bool { return x.Article.ID == y.Article.ID && x.Score == y.Score })
}

// parsedQuery is how a search read text (respelt, rewritten): as the
// search kept it when it is among the last few, else read again by
// searching it. Read as typed instead, 更多's snippets of a respelt query
// marked part of a word (【新质生产】力, 枫桥【经验】) or none, once other
// followers' searches had pushed it out (a review's find).
func (r reader) parsedQuery(text string) query {
	if q, ok := r.ix.parsed.get(r.v, text); ok {
		return q
	}
	r.search(text, 1, false)
	if q, ok := r.ix.parsed.get(r.v, text); ok {
		return q
	}
	return r.parse(text) // one the search answers before reading it (好的收到)
}

func (r reader) snippets(text string, hits []content.Hit, body func(id string) (string, error)) (out []content.Hit, complete bool) {
	q := r.parsedQuery(text)
	out, complete = make([]content.Hit, len(hits)), true
	terms := snippetTerms(q)
	// A name mentioned in passing (十八届三中全会) is marked whole where a
	// text holds it: its words alone marked 二十届【三中全会】, another plenum.
	// Elsewhere the words are (a review's find: 新质生产力发展's answers lost
	// their marks when only the whole run was looked for).
	var name *markTerms
	if w := oneWord(q); w != "" && !r.v.has(w) && namesTopic(w) {
		c, _ := utf8.DecodeRuneInString(w)
		name = &markTerms{terms: []string{w}, firsts: []rune{c}}
	}
	snippetOf := func(terms markTerms, text string, scan int) (string, bool) {
		if name != nil {
			if s, found := snippetIn(*name, text, scan); found {
				return s, true
			}
		}
		return snippetIn(terms, text, scan)
	}
	var bodyTerms *markTerms // made when a body is read
	for i, h := range hits {
		out[i] = h
		d, ok := r.v.lookup(h.Article.ID)
		if !ok {
			continue
		}
		dc := &r.v.docs[d]
		s, found := snippetOf(terms, snippetText(dc, &h), snippetScan)
		// A name not shown whole where its text has it: the body may.
		nameMissing := name != nil && !strings.Contains(s, name.terms[0]) && len(findMarks(dc.titleText, *name)) == 0
		if (!found && len(findMarks(dc.titleText, terms)) == 0 || nameMissing) && h.Story == nil {
			// Nothing shows why it is listed: the body does, by the
			// query's words that most articles lack (a follower run's
			// find: 新闻 marked every news body's opening, 央视网消息（新闻联播）).
			if bodyTerms == nil {
				bodyTerms = new(r.uncommon(terms))
			}
			switch {
			case len(bodyTerms.terms) == 0 && name == nil:
			case body == nil:
				complete = false
			default:
				if text, err := body(h.Article.ID); err != nil {
					complete = false
				} else if in, inFound := snippetOf(*bodyTerms, text, bodyScan); inFound && (!found || strings.Contains(in, name.terms[0])) {
					s = in
				}
			}
		}
		out[i].Snippet = s
	}
	return out, complete
}

// passageBody is the share of a passage's character pairs its article must
// hold: all of a short one's, nine in ten of a long one's.
func passageBody(runes int) float64 {
	if runes >= passageLong {
		return 0.9
	}
	return 0.999
}

// Bounds on what one query may cost, whatever a follower sends (a pasted
// article, 64 KiB of one character). Every stage after them is linear in
// what is left, so a search costs at most a few milliseconds.
const (
	// maxInputRunes is how much of the message is read at all: enough for
	// the normalised text to fill maxQueryRunes after punctuation, spaces
	// and fillers are taken out.
	maxInputRunes = 4 * maxQueryRunes
	// maxQueryRunes is how much of the normalised text is searched. The
	// longest real questions (a study question with its context and a
	// 谢谢老师 at the end) run to about 150 characters; a topic is never
	// further in than that.
	maxQueryRunes = 256
	// maxClauses is how many of the query's words are looked up: far more
	// than a question holds (ten is long), few enough that reading their
	// posting lists stays cheap on a large index. The rarest are kept: they
	// carry the topic and have the shortest lists.
	maxClauses = 24
	// maxChunks is how many phrases of the query are checked against each
	// leading candidate.
	maxChunks = 24
	// maxYears is how many distinct years of the query are matched against
	// candidates' dates and titles.
	maxYears = 4
	// maxSinglesRun is the longest run of single characters tried as a
	// name the segmenter cut apart (里约热内卢 is five).
	maxSinglesRun = 8
	// maxTypoRunes is the longest query read by sound for typos and typed
	// pinyin: a question of a few words (our longest is 33 characters), or
	// a sentence of pinyin.
	maxTypoRunes = 64
)

// prepareQuery is the text a search works on: the first maxInputRunes of
// the message, folded to simplified characters, normalised, cut to
// maxQueryRunes. It is also the key of
// kept answers, so 枫桥经验？ and 枫桥经验 share one.
// rawKeyBytes bounds the queries the cache keeps as asked; longer ones are
// kept prepared (cut to maxQueryRunes).
const rawKeyBytes = 256

func prepareQuery(raw string) string {
	text := normalizeQuery(foldText(capRunes(raw, maxInputRunes)))
	if utf8.RuneCountInString(text) > maxQueryRunes {
		// A long story of the follower's own before the request: read from
		// it, the question past the characters read was lost (a follower
		// run's find: a 900-character self-introduction, no match).
		if rest, ok := fromLastRequest(text); ok && utf8.RuneCountInString(rest) <= maxQueryRunes {
			return rest
		}
	}
	return capRunes(text, maxQueryRunes)
}

// capRunes returns the first n runes of s.
func capRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := 0
	for j := range s {
		if i == n {
			return strings.TrimSpace(s[:j])
		}
		i++
	}
	return s
}

// query is a parsed search: clauses to match, whole chunks for phrase
// checks, and years for a date preference.
type query struct {
	latin bool   // Latin words, no pinyin (C919, GDP): compared with titles by letters and digits
	text  string // normalised, fillers removed
	// framing are the places in cut of the words dropped as asking for
	// articles (看看, 文章): not compared with titles, as fillers are not
	// (想看看国常会's titles held half of it, and it was no series asked
	// for: a follower run's find).
	framing  []int
	clauses  []clause
	chunks   []chunk
	years    []int
	mentions []mention // numbers with their measure words, to agree with titles
	ordinals []mention // those of them that number an event, to agree with summaries too
	months   []mention // ... and those that are months, which titles of figures state exactly
	day      int32     // the day a full date of the query names (2024年2月7日), 0 when none
	fullText bool      // the follower asks for a document's full text (原文, 全文)
	lacking  bool      // it names a topic no article has (枫桥经验 in a store without it)
	// typedAlone: the query asks nothing of its topic (reader.typedAlone),
	// and is the follower's or a respelling of it word for word.
	typedAlone bool
	cut        []string   // the text's words in order, for the typo pass
	seg        *Segmenter // the index's, for snippets to tell a text's words (wholeWords)

	// terms and alts are slabs the single-term clauses are cut from: two
	// allocations for a query's words rather than two a word.
	terms []string
	alts  [][]string
}

// reports tells whether an article published on day reports the day the
// query's full date names: that day's, or the next (an evening's news is
// reported the day after).
func (q *query) reports(day int32) bool { return q.day > 0 && (day == q.day || day == q.day+1) }

// isDateWord reports whether w is a word of the year q asks about (2026,
// 年).
func isDateWord(w string, q query) bool {
	n, err := strconv.Atoi(w)
	return w == "年" || err == nil && n == q.years[0]
}

// dateWordWeight is what a word of the year asked counts for beside the
// period itself, which the articles published in it hold.
const dateWordWeight = 0.25

// period is a month or a year a query names, [from, to) in days since
// 1970, and the days around it whose articles may be about it when they
// name it: [before, from) and [to, after).
type period struct {
	before, from, to, after int32
	year                    string // in digits, when first needed
}

// period is the month a query names with its year (2025年4月), or the year
// it names without a month; ok is false unless the query names one year,
// at most one month and no day.
func (q *query) period() (_ period, ok bool) {
	if len(q.years) != 1 || len(q.months) > 1 || q.day > 0 {
		return period{}, false
	}
	since := func(t time.Time) int32 { return int32(t.Sub(epoch).Hours() / 24) }
	if len(q.months) == 0 {
		start := time.Date(q.years[0], 1, 1, 0, 0, 0, 0, time.UTC)
		return period{since(start.AddDate(0, -1, 0)), since(start), since(start.AddDate(1, 0, 0)), since(start.AddDate(1, 2, 0)), ""}, true
	}
	m := q.months[0].n
	if m < 1 || m > 12 {
		return period{}, false
	}
	start := time.Date(q.years[0], time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	return period{since(start), since(start), since(start.AddDate(0, 1, 0)), since(start.AddDate(0, 2, 0)), ""}, true
}

// holds reports whether an article published on day is of the period q
// asks about: published in it, or around it and naming it (which only an
// article with words of the query placed in its title or summary can).
func (p *period) holds(q query, dc *doc, day int32, placed bool) bool {
	switch {
	case day >= p.from && day < p.to:
		// Unless its title names another month: a month's figures come
		// out in the next (2026年1月居民消费价格 had a card on 2025年12月CPI,
		// published in January: a review's find). (A title naming another
		// year is cut in refine, as any is; read here for each article of
		// a year asked, it cost a search on the corpus a tenth.)
		return !placed || len(q.months) == 0 || numberAgreement(q.months, dc.titleText, 0) >= 0
	case !placed || day < p.before || day >= p.after:
		return false
	case len(q.months) == 0:
		if p.year == "" {
			p.year = strconv.Itoa(q.years[0]) // most queries read no title for it
		}
		return namesYear(dc.titleText, p.year)
	}
	return numberAgreement(q.months, dc.titleText, 0) > 0 || numberAgreement(q.months, dc.leadText, 0) > 0
}

// single is a clause of the one term w.
func (q *query) single(w string) clause {
	if len(q.terms) == 0 {
		q.terms, q.alts = make([]string, 16), make([][]string, 16)
	}
	q.terms[0] = w
	q.alts[0] = q.terms[:1:1]
	c := clause{alts: q.alts[:1:1]}
	q.terms, q.alts = q.terms[1:], q.alts[1:]
	return c
}

// chunk is a run of the query between spaces and punctuation, as typed.
// words counts the query words in it: a phrase of one word says nothing
// about proximity. pairs are its character pairs, hashed once per query
// for the body checks of every candidate.
type chunk struct {
	text  string
	runes int
	words int
	pairs [][2]uint64
	// joints are the character pairs across the chunk's word boundaries
	// (比昂 in 奥比|昂): an article holding them has the words side by side,
	// as the query has them.
	joints [][2]uint64
	// typedPairs is how many pairs the chunk as typed has: a chunk in
	// another form keeps the typed one's weight (runes, typedPairs), so a
	// long full name weighs no more than the short name typed.
	typedPairs int
	// others are the chunk with a synonym or related term in it put
	// another way (国开行贷款 as 国家开发银行贷款): an article is checked
	// against the form it holds best, as if the follower had typed that.
	others []chunk
}

// phrase is an alternative of a synonym clause as written, and the pairs
// across its words.
type phrase struct {
	text   string
	joints [][2]uint64
}

// maxForms is how many other forms a chunk is checked in.
const maxForms = 4

// clause is one thing the query asks for: a word, or a set of synonyms.
// Each alternative is a list of terms that must all occur.
type clause struct {
	alts [][]string
	// phrase are, for an alternative of several words, the character
	// pairs across its words (家互, 网信, 息办 in 国家|互联网|信息|办公室): an
	// article has an expansion only where it has all of them, so that
	// 国家互联网信息办公室 is found as written, not as four common words
	// anywhere in an article. (The pairs inside each word it has with the
	// word.) The words as typed are matched as they would be without
	// synonyms, anywhere. Nil for the alternatives of one word, and for
	// clauses that are not synonyms.
	phrase []phrase
	// literal is how many leading alts are the query's own word; the rest are expansions (synonyms, full names),
	// whose matches count slightly less, so that an article with the
	// words the follower typed wins a tie with one that has their
	// expansion (十三大 in the report's title, 第十三次全国代表大会 in
	// another body's). Zero means all.
	literal int
	// pairOf numbers (from 1) the word never seen that this clause is a
	// character pair of: the pairs are one word the follower typed.
	pairOf int
	// parts are the words a compound the index has is made of (结构化 and
	// 面试 of 结构化面试), for a title holding them in another order.
	parts  []string
	whole  [][2]uint64 // ... and the compound's character pairs, for an article holding it
	idf    float64
	lists  []*postingList // the postings of a single-term clause, a list per segment
	merged []posting      // the postings of a synonym clause, merged per query
	altDF  []int          // ... and how many articles each alternative has
	altIdf []float32      // what a match of each alternative counts for
	df     int
}

var (
	yearRe = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})(?:[^0-9]|$)`)
	dateRe = regexp.MustCompile(`(?:^|[^0-9.])((?:19|20)[0-9]{2})(?:年([0-9]{1,2})月([0-9]{1,2})[日号]|[./-]([0-9]{1,2})[./-]([0-9]{1,2})(?:[^0-9.]|$))`)
	// fillers are words followers wrap around a topic. They are removed
	// before segmentation so they never decide the result.
	fillers = []string{"是什么意思", "什么意思", "是什么", "什么是", "怎么理解", "如何理解", "怎么看", "怎么样",
		// The interview question's frame (你如何看待…: a follower run's
		// find, no match; 怎么看待 had left 待 to be searched).
		"如何看待", "怎么看待", "怎样看待", "怎样理解",
		// Asking again (还有没有关于四中全会的, cut 还有 没有: no match where
		// 有没有关于四中全会的 found the 公报: a follower run's find).
		"还有没有",
		"请问一下", "请问", "介绍一下", "讲一讲", "说一说", "有哪些", "是哪天", "是谁", "为什么", "多少个", "有多少", "哪一天",
		// How much a figure rose, said as a share (七月份社零增长了百分之几:
		// a card on the first half's GDP, a follower run's find).
		"百分之多少", "百分之几", "几个百分点",
		"叫什么名字", "叫什么", "什么时候", "什么时间", "在哪里", "在哪儿", "哪里的", "哪里", "哪个", "哪些", "怎么回事",
		// ... as said aloud (a follower run's: each was no match, or
		// 新质生产力啥意思 a card on sensors).
		"是啥意思", "啥意思", "是个啥", "是啥", "啥是", "咋回事", "咋理解", "怎么个事",
		// Study questions ask how to go about a topic, or how two differ:
		// the frame is not the topic (申论怎么写 is about 申论).
		"怎么准备", "如何准备", "怎么写", "如何写", "怎么答", "如何答", "怎么复习", "如何复习",
		// ... or which part to study first (申论应该先看哪个, 申论和案例分析先复习
		// 哪个: no match on the demo, whose exam article 申论怎么复习 finds: a
		// follower run's find).
		"应该先看", "应该先复习", "应该先学", "先看哪个", "先复习哪个", "先学哪个",
		// ... and what to answer if the interview asks of it (面试里面如果考到
		// 银发经济应该怎么答: a follower run's find, no match).
		"面试里面如果考到", "面试里如果考到", "面试中如果考到", "面试如果考到", "如果面试考到", "如果考到", "面试考到",
		"应该怎么答", "应该如何答", "应该怎么回答", "该怎么答", "该怎么回答", "怎么回答", "如何回答",
		// ... and which cases to use on it (基层治理这个话题，申论可以用哪些
		// 案例: a card on one community, said by voice: a follower run's find).
		"这个话题", "这个方面", "这个考点", "这个知识点", "可以用哪些", "能用哪些",
		"有什么区别", "有何区别", "的区别", "有什么不同", "有何不同", "的异同", "技巧",
		// The same asked otherwise, and when a topic began, which angles to
		// answer it from, whether it is examined, asked to explain, or a
		// label (a follower run's finds on the demo, each no match where
		// 什么时候提出的, 怎么答 or 介绍一下 found the article: 八八战略是哪一年
		// 提出的, 以人民为中心从哪几个角度答, 新质生产力考不考, 【求助】新质生产力,
		// 急求基层治理 listed as a mention under "none is about it").
		"有啥区别", "有啥不同", "有什么联系", "有何联系", "有啥联系",
		"是哪一年开始的", "哪一年开始的", "是哪年开始的", "哪年开始的", "是什么时候开始的", "什么时候开始的",
		"是哪一年", "哪一年", "是哪年", "从哪几个角度答", "从哪些角度答", "从哪几个角度", "从哪些角度", "哪几个角度", "哪些角度",
		"会不会考", "考不考", "解释一下", "讲解一下", "说一下", "讲一下",
		"在考试中", "在考试里", "考试中", "考试里", "一般怎么用", "一般怎么考",
		"【求助】", "q：", "q:", "问：",
		// Courtesy around a question (老师，想问一下…，谢谢！) and the
		// frame of asking how to use a topic somewhere (…在申论里怎么用).
		"想问一下", "问一下", "请教一下", "请教", "麻烦您", "麻烦", "谢谢老师", "谢谢您", "谢谢", "老师好", "老师您好", "老师",
		"您好", "怎么用", "如何用", "怎么运用", "如何运用",
		// The account's editor addressed as followers do a teacher (小编你好，想看看国常会: its
		// score fell below the newest-first meeting list's: a follower run's find).
		"小编你好", "小编您好", "小编好", "小编",
		// What a follower asks of a meeting or a speech (国常会讲了什么: the
		// 2023 meeting whose summary says 讲了), where a study question sets
		// its topic (…在申论里怎么用: a judge's card), and who asks (我是考生，
		// 想了解新质生产力: no match). A fifth follower run's finds. Whether
		// it met (四中全会开了吗: a card at 0.56 on an article whose title
		// has 开, not the communiqué's: a later run's find).
		"都讲了些什么", "讲了些什么", "讲了什么", "开了什么会", "开了什么", "开了吗", "开了没有", "开了没", "召开了吗",
		// When it met: its 开 alone had to be matched (四中全会什么时候开的:
		// a card at 0.96 on 义乌's 开放, the communiqué not listed: a
		// follower run's find). With 的, or 召开/举行, so that 开学 and 开始
		// stay whole.
		// Not 举行: the announcement (将于…举办) answers 服贸会什么时候举行 (a
		// review's find).
		"什么时候开的", "什么时候召开的", "什么时候召开", "啥时候开的", "啥时候召开", "啥时候",
		"哪天开的", "哪天召开的", "几号开的", "几号召开", "说了些什么", "说了什么", "讲的是什么", "说的是什么", "讲的什么", "说的什么",
		// (浦江经验讲的是什么: no match on the demo, where 浦江经验讲的什么 had 1.00.)
		"讲的是啥", "说的是啥", "讲的啥", "说的啥", "讲了啥", "说了啥",
		"在申论里", "在申论中", "申论里", "申论中",
		// (新质生产力怎么写进申论: no match, a voice follower run's find.)
		"怎么写进申论", "怎么写到申论里", "怎么用到申论里", "怎么用在申论里", "写进申论", "写到申论里面", "写到申论里", "用到申论里", "用在申论里", "我是一名考生", "我是考生", "作为一名考生", "作为考生", "遴选考生",
		// What a study question asks of a topic (a re-check follower run's
		// finds: 新质生产力的意义, 乡村振兴的意义 and 新质生产力的重要性 got no
		// match); as words, 意义 also left 重大意义's titles (check MRR@5 −0.002).
		"的重要意义", "的现实意义", "的意义", "的重要性",
		// ... and where in the exam it is met (面试的时候遇到综合分析题应该怎么答:
		// 时候 and 遇到 searched, 0.34; a study-platform follower run's find).
		// Not 的内涵: on the corpus 新质生产力的内涵 lists the articles on
		// its 内涵 (a re-check's find: dropped, a tax report led).
		"的含义", "的时候遇到", "的时候碰到", "的时候",
		// And as study guides write it (两个确立的决定性意义: no match, a
		// follower run's find).
		"的决定性意义", "的历史意义", "的时代意义", "的深远意义", "的理论意义", "的实践意义",
		// As exam courses name what a topic is for (面试热点 新质生产力, 新质生产力
		// 时政热点: a follower run's finds, no match where 申论素材 新质生产力 lists it).
		"时政热点", "面试热点", "申论热点", "考试热点", "遴选热点",
		// A study question asked with a little more (申论怎么写才能拿高分, 遴选
		// 考试怎么复习比较好, 遴选备考攻略: no match on the demo, where the
		// words without them found the exam articles),
		// and a voice message's search for a word (那个什么来着，枫桥经验。: no
		// match). A demo follower run's finds.
		// Not 有什么 nor 得高分 alone: they end 具有 and 获得 (具有什么特点 was
		// searched as 具 特点, a card on furniture: a re-check's find).
		"才能拿到高分", "才能拿高分", "才能得高分", "才能考高分", "怎么拿高分", "如何拿高分",
		"比较好", "攻略", "叫什么来着", "是什么来着", "什么来着", "啥来着", "怎么说呢",
		// Stress on the question (新质生产力到底是啥: a card on 一张蓝图绘到底;
		// 共同富裕到底是啥意思: no match), whether it is examined as said
		// most often (新质生产力会考吗: 会考 searched as the school exam, no
		// match), and where a term came from (新时代枫桥经验是怎么来的: a
		// judge's profile at 0.90, where the term alone finds none surely).
		// A study-platform follower run's finds.
		// 会考吗 not after a meeting's name (两会考吗, 国常会考吗 had searched
		// 两 and 国常: a re-check's find), 考吗 not after an exam's (国考吗,
		// 高考吗: cut, another's; 新质生产力考吗 and 要考吗 had searched 考:
		// a card on 郭进考): fillerWhere.
		// 到底 only before what it stresses (负责到底, 将改革进行到底 are
		// topics: fillerWhere); 是什么东西 is 是什么 (新质生产力到底是什么
		// 东西: a card on 东西部协作, a re-check's find).
		"到底", "究竟", "考试会考吗", "考试考吗", "会考吗", "会考么", "需要考吗", "要考吗", "要考么", "是不是必考", "是不是常考", "是必考吗", "必考吗", "必考么", "经常考吗", "常考吗", "常考么",
		"是必考点吗", "是考点吗", "是不是考点", "是重点吗", "是不是重点", "必考不", "遴选会考吗", "遴选考吗", "面试考吗", "申论考吗", "笔试考吗", "考吗", "考么",
		"考试考不考", "考试会不会考", "会考到吗", "会不会考到", "是怎么来的", "怎么来的", "的由来", "的起源", "的来历",
		"是从哪来的", "从哪来的", "从何而来", "是怎么形成的", "怎么形成的", "是怎么产生的", "是如何来的", "是什么东西", "是啥东西",
		// How it should be done (申论应该怎么写, 遴选需要怎么准备: 应该 and 需要
		// searched, 0.23-0.36 where 申论怎么写 is 1.00), what more there is
		// (还有新质生产力的文章吗, 基层治理还有别的文章吗), what it holds
		// (新质生产力主要内容, 中国式现代化有几个特征, 新质生产力详细解读), a few
		// asked for (推荐点基层治理的文章), 怎么写好: a follower run's finds,
		// each no match on the demo. 应该, 需要 and 该 only before how,
		// 的话 (申论的话怎么写) after a topic and before how or nothing, 适合 only
		// opening a question (fillerWhere).
		"应该", "应当", "需要", "该", "还有别的文章", "还有其他文章", "还有别的", "还有其他的", "还有其他", "有别的文章", "有其他文章", "别的文章", "其他文章", "还有",
		"的主要内容", "主要内容", "主要讲了什么", "主要讲了啥", "主要讲的是什么", "主要讲什么", "主要说了什么", "主要是什么",
		"有哪几个", "有几个", "有几条", "有几点", "更详细的", "更详细", "详细解读", "详细介绍", // (not 详细 alone: 国土空间详细规划)
		"详细说说", "详细讲讲", "详细说一下", "详细讲一下", "详细一点", "详细点", "详细些", "说详细点", "讲详细点", "详细的", "详细",
		"还有吗", "还有么", "还有没有", "帮我找点", "帮忙找点", "给我找点", "帮我找些", "帮忙找些", "帮我找一些", "帮忙找一些", "想问问", "我想问下", "想问下", "请问下",
		"推荐点", "推荐几篇", "推荐几个", "推荐一些", "推荐些", "求几篇", "来几篇", "求推荐", "文章推荐", "怎么写好", "如何写好", "怎样写好",
		"的话", "适合", "感谢分享", "谢谢分享", "分享", "另外", "然后",
		// Voice's "what was it again" (…经济增长预期目标是多少来着。: no match,
		// a final-week follower run's find).
		"来着",
		"有什么启示", "有啥启示", "有何启示", "的启示", "有什么意义", "有啥意义", "有何意义", "的意义",
		// A study question's frame on the demo: whether one is the other
		// (新质生产力是不是就是科技创新), and a kind of question not mastered
		// (组织协调题不太会答有没有什么思路: 太会 read as a slip of 回答).
		// The last note's leftovers, no match.
		"是不是就是", "是不是", "不太会答", "不太会写", "不会答", "不知道怎么答", "不知道怎么写", "有没有什么",
		// What the follower's office is studying, and a few asked for (我们单位
		// 最近在学四下基层，想找点资料: 0.16, no match; 想找点四下基层的资料 0.42).
		"我们单位", "单位里", "最近在学习", "最近在学", "正在学习", "想找点", "找点", "想找些", "找些", "想找一些", "找一些",
		// A file's kind or a please in English after the topic (新质生产力
		// pdf, 新质生产力 PPT: no match where 枫桥经验 pdf had its card): only
		// as words of their own (fillerWhere).
		"pdf", "ppt", "pptx", "docx", "please", "pls", "plz",
		// An acknowledgement before what the follower goes on to read (好的老师，
		// 我再看看枫桥经验: 0.21, no match; 我看看枫桥经验 is 1.00): 好的 only
		// opening the question (美好的 stays).
		"我再看看", "再看看", "我再看一下", "再看一下", "好的老师", "好的",
		// The question announced without 一下 (我想问两个确立，还有两个维护: no
		// match), only opening it (理想问题 stays).
		"我想问", "想问"}
	// An interview's or a chat's frame, opening the question or ending it
	// (a follower run's finds, each no match where the topic alone is
	// answered: 谈谈你对新质生产力的理解, 我想知道枫桥经验, 你知道新质生产力吗,
	// 科普一下枫桥经验; 新质生产力指的是什么 a card on 勇挑大梁). Only there:
	// inside a question they are a topic's (中美经贸会谈谈了什么 is 会谈's,
	// 马克思主义的认识论 认识论's: a review's finds).
	// 我想看 before a series' name (我想看国常会: 2024's meeting first, where
	// 国常会 alone lists the newest: a follower run's find) frames it as 想看看
	// does, whose 看看 is a request word: 看 alone is a stop word, compared
	// with titles.
	// A newcomer saying so before the topic (我是新来的，想看新质生产力: a
	// follower run's find, no match) and the frame after 请 (请你谈谈对共同
	// 富裕的认识: no match) are such frames too, after a greeting.
	// Tried in this order, the first that opens the question taken: the
	// longer of two that open alike first (我要看看求是 had been read as
	// 看求是 after 我要看: no match, a re-check's find).
	framesAhead = []string{"急求", "求助：", "求助:", "求助】", "求助]", "请你谈谈你对", "请你谈谈对", "请谈谈你对", "请谈谈对", "请你谈谈", "请谈谈", "谈谈你对", "谈谈对", "说说你对",
		"谈一谈", "谈谈", "我想知道", "想知道", "你知道", "解释一下", "科普一下",
		"我想看一下", "我要看一下", "我想要看看", "我想要看", "我想看看", "我想看下", "我要看看", "我要看下", "我想看", "我要看",
		"想看一下", "想要看看", "想要看", "想看看", "想看下", "想看",
		// 我想查一下新质生产力 cut 我想|想查 as pairs (no match, a re-check's find).
		"我想查一下", "我想查查", "想查一下", "想查查",
		// Asked to send it (能发一下二十大报告吗: a card on Hong Kong's
		// response, 能发 read as a word; 给我发一下 as 我发: a follower run's find).
		"能不能发一下", "能给我发一下", "能发一下", "可不可以发一下", "可以发一下", "麻烦给我发一下", "麻烦发一下", "帮我发一下", "给我发一下", "发我一下", "发一下",
		// A study guide's opening (深刻领悟两个确立的决定性意义: no match, a
		// follower run's find).
		"深刻领悟", "深刻理解", "深刻认识", "深刻把握", "准确把握",
		"我是新来的", "我是新人", "我是新粉", "我刚关注", "刚关注", "新来的",
		// A reading's promise (一文读懂新质生产力 had a card on 新时代枫桥经验是
		// 什么？一文读懂…: a demo follower run's find).
		"一文读懂", "一文看懂", "一图读懂",
		// A question announced before it is asked (我有个问题想问一下枫桥经验:
		// no match, a follower run's find); not one said of (我有个问题不明白).
		"我有个问题想问一下", "我有个问题想问", "我有个问题想请教一下", "我有个问题想请教", "我有个问题请教一下", "我有个问题请教",
		"我有一个问题想问一下", "我有一个问题想问", "我有一个问题想请教一下", "我有一个问题想请教",
		"有个问题想问一下", "有个问题想问", "有个问题想请教一下", "有个问题想请教", "有个问题请教一下", "有个问题请教",
		"想问个问题", "问个问题", "请教个问题", "请教一个问题",
		// And courtesy before it (不好意思，乡村振兴; 我想咨询一下遴选: no
		// match, a re-check's finds).
		"不好意思", "打扰一下", "打扰了", "麻烦问一下", "麻烦问下", "我想咨询一下", "想咨询一下", "咨询一下",
		"你好", "您好", "老师好", "大家好",
		// Voice's opening filler (就是，我想问一下，…: a follower run's find).
		"就是"}
	framesAfter = []string{"的理解", "的看法", "的认识", "指的是什么", "指的是啥", "指什么"}
	// When a meeting meets, asked at the question's end without 的 or
	// 召开 (两会什么时候开: its 开 was searched, a card on a delegate's
	// proposals; 中央经济工作会议什么时候开 one on 开拓奋进's reactions: a
	// follower run's finds). Only at the end, where 开 is no word's start
	// (什么时候开学, 什么时候开始 stay whole), and of a meeting: an expo's or
	// games' 开 finds their opening (开幕, 开馆: a re-check's find,
	// 广交会哪天开 had lost its openings).
	meetsAsked  = []string{"什么时候开会", "什么时候开", "啥时候开", "何时开", "哪天开", "几号开"}
	meetingWhen = []string{"一般都", "一般", "通常", "下一次", "下次", "每次", "每年", "大概",
		// (两会是什么时候开: a follower run's find, a card on 黄茶产业.)
		"是"}
	meetingEnds  = []string{"两会", "全会", "会议", "常会", "大会", "党代会"}
	congressName = regexp.MustCompile(`[一二三四五六七八九十]+大$`)
)

// withoutFullText returns text without the words 原文 and 全文, and
// whether it had them: they say what kind of article is wanted, not what
// it is about (a report does not call itself its full text). Words as the
// segmenter cuts them: 草原文化 and 安全文化 hold neither.
func (r reader) withoutFullText(text string) (string, bool) {
	if !strings.Contains(text, "原文") && !strings.Contains(text, "全文") {
		return text, false
	}
	var b strings.Builder
	at, found := 0, false
	for _, w := range r.ix.seg.queryWords(text) {
		i := strings.Index(text[at:], w)
		if i < 0 {
			break
		}
		if w == "原文" || w == "全文" {
			b.WriteString(text[at : at+i])
			b.WriteByte(' ')
			found = true
		} else {
			b.WriteString(text[at : at+i+len(w)])
		}
		at += i + len(w)
	}
	b.WriteString(text[at:])
	rest := strings.Join(strings.Fields(b.String()), " ")
	if !found || rest == "" {
		return text, false // 全文 alone is searched as typed
	}
	return rest, true
}

// examWords are the follower's exam and preparing for it: beside a topic,
// what the follower is doing, not what is asked. preparing are those that
// say so (准备遴选, 备考面试), and selfIntroduced how a sentence about the
// follower begins (我是今年准备考中央遴选的考生).
var (
	examList  = []string{"遴选", "备考", "考试", "笔试", "面试", "考生", "公务员", "申论", "考公", "上岸", "准备", "复习", "选调", "考了", "考前"}
	examWords = setOf(append([]string{"公开遴选", "中央遴选", "考", "参加", "省直", "市直", "县直", "中直"}, examList...)...)
	// (准备参加遴选, 省直遴选 新质生产力, 选调 新质生产力: a re-check
	// follower run's finds, each no match.)
	preparing = setOf("准备", "备考", "复习", "考", "考公", "参加")
	// examAsks are what a sentence asking how the exam will test the
	// topic says beside the exam's words (考试可能怎么考: a
	// follower run's find, the question before it no match).
	examAsks       = setOf("可能", "会", "会不会", "应该", "能")
	selfIntroduced = []string{"我是", "我在", "我正在", "我最近", "我今年", "本人", "作为"}
	// examParts are the exam's parts, which articles on them are titled by
	// (not 遴选 and 选调, titles' verbs too: 遴选出49个国家公园候选区 had
	// answered 明天遴选了，有什么建议 at 0.96, a re-check's find).
	examParts = setOf("面试", "笔试", "申论")
	// examNear are what a sentence of the exam's words says of its being
	// near (马上就要考试了，两会热词有哪些; 下周就考试了，枫桥经验考吗: no
	// match, a demo follower run's find).
	examNear = setOf("马上", "就要", "快要", "快", "即将", "就", "要", "下周", "明天", "后天", "今天", "下个月", "这周", "本周", "周末", "月底", "没几天", "还有",
		"最后", "考前", "只有", "只剩", "剩", "剩下", "不到")
	// examAdvice are what a question about the exam itself asks (马上考试
	// 了，有什么好的建议 had got the 十五五 proposal's card without the exam's
	// sentence: a re-check's find): with nothing else left, nothing is cut.
	// adviceAsked are those that ask (not 好的, 资料 or 书 alone: 下周就考试
	// 了，好的 is no question; a greeting leaves nothing: a re-check's
	// finds).
	adviceAsked = setOf("建议", "技巧", "方法", "办法", "窍门", "诀窍", "注意", "注意事项", "经验", "推荐", "重点", "哪些", "什么", "怎么办",
		"怎么", "如何", "要点", "心得", "资料", "材料", "文章", "书", "书籍")
	examAdvice = setOf("建议", "技巧", "方法", "办法", "窍门", "诀窍", "注意", "注意事项", "经验", "推荐", "资料", "文章", "材料",
		"书", "书籍", "重点", "好", "好的", "有用", "哪些", "什么", "怎么办", "怎么", "如何", "准备", "复习", "帮助", "帮忙", "要点", "心得")
)

// onlyWords reports whether each of words is of in, a stop word or a
// request's verb.
func onlyWords(words []string, in func(string) bool) bool {
	return !slices.ContainsFunc(words, func(w string) bool { return !in(w) && !stopWords[w] && !requestVerbs[w] })
}

// examNearSaid reports whether a sentence's words say the exam is near and
// nothing else (马上就要考试了, 明天面试了).
func examNearSaid(words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return examWords[w] }) &&
		slices.ContainsFunc(words, nearWord) &&
		onlyWords(words, func(w string) bool { return examWords[w] || nearWord(w) })
}

// nearWord reports whether w says the exam is near: examNear's, or a span
// of days or weeks (五天, 一周, 两个星期: 还有五天就考试了, a final-week
// follower run's find).
func nearWord(w string) bool { return examNear[w] || nearSpan.MatchString(w) }

var nearSpan = regexp.MustCompile(`^[一二两三四五六七八九十几0-9]*(?:天|周|个月|个星期|星期|日)$`)

// examSaidDone is the exam said near run on into the question with no mark,
// as voice writes it (下周就考试了枫桥经验的要点。): a sentence ends there.
var examSaidDone = regexp.MustCompile(`((?:考试|面试|笔试|考)了)(\p{Han})`)

// namesTopic reports whether words name a topic: one of the topics' or
// four Han characters or more in words that are neither asking nor the
// exam's nor a time's (中央 八项 规定, 粮食 安全: a re-check's find; not 加油,
// 穿 衣服, 最近 新闻).
func (r reader) namesTopic(words []string) bool {
	han := 0
	for _, w := range words {
		if r.topic(w) {
			return true
		}
		if !stopWords[w] && !requestVerbs[w] && !examWords[w] && !nearWord(w) && !examAdvice[w] && !recentSaid[w] {
			han += hanCount(w)
		}
	}
	return han >= 4
}

// namesExam reports whether text holds one of the exam's words: most
// questions do not, and are not segmented again to find out what they say
// of it.
func namesExam(text string) bool {
	return slices.ContainsFunc(examList, func(w string) bool { return strings.Contains(text, w) })
}

// examOnly reports whether text says nothing but the exam and its being
// near (考前最后一周, 考试).
func (r reader) examOnly(text string) bool {
	if !namesExam(text) {
		return false
	}
	return onlyWords(r.ix.seg.queryWords(text), func(w string) bool { return examWords[w] || nearWord(w) })
}

// nearAsks are words asking in a sentence of the exam's words (下周就考试了
// 申论有什么技巧, its 技巧 gone as a filler: a re-check's find).
var nearAsks = []string{"什么", "啥", "哪", "怎么", "如何", "吗", "么", "多少", "几", "?"}

// recentSaid are words of recency beside the exam (马上考试了，最近有什么新闻).
var recentSaid = setOf("最近", "近期", "最新", "近来", "这几天", "这两天")

// examNearOnly reports whether text only says the exam is near (下周就考试
// 了): it asks nothing, and had a card on 第六届跨国公司领导人青岛峰会下周举行
// (a re-check's find).
func (r reader) examNearOnly(text string) bool {
	if !namesExam(text) {
		return false
	}
	said := false
	for sentence := range strings.FieldsFuncSeq(text, sentenceBreak) {
		words := r.ix.seg.queryWords(sentence)
		switch {
		case examNearSaid(words) && !slices.ContainsFunc(nearAsks, func(a string) bool { return strings.Contains(sentence, a) }):
			said = true
		case strings.TrimSpace(sentence) != "" && !acknowledges(sentence): // (…，好的; not …，有什么 or …, 资料)
			return false
		}
	}
	return said
}

// withoutExam returns text without what it says of the follower and the
// exam, and whether something was taken out with something left to search:
// a sentence introducing the follower that names the exam (我是基层公务员，),
// one of the exam's words alone that says the follower prepares for it
// (准备遴选，), and one of its words beside topics alone (遴选 新质生产力).
// The exam's words with others are what is asked: 遴选报名费多少钱, 遴选，
// 公告 and 公务员 工资 are about the exam (a review's finds: 公务员 工资 had a
// card on 农民工工资 at 0.99 when 公务员 was taken out).
//
// With it come the exam's parts kept beside advice alone (面试 of 明天面试了，
// 有什么技巧), which the answer's title must name: 申论 有什么建议 had the 十五五
// proposal's 说明 card by its 建议 (a re-check's find).
func (r reader) withoutExam(text string) (_ string, _ bool, parts []string) {
	if !namesExam(text) {
		return "", false, nil // most questions: not segmented again
	}
	only := onlyWords
	isExam := func(w string) bool { return examWords[w] }
	examPart := func(p string) bool { return only(r.ix.seg.queryWords(p), isExam) }
	topicPart := func(p string) bool {
		ws := r.ix.seg.queryWords(p)
		return len(ws) > 0 && !slices.ContainsFunc(ws, func(w string) bool {
			return !stopWords[w] && !topicTerms[w] && (utf8.RuneCountInString(w) < 3 || !r.topic(w))
		})
	}
	// topicsBeside is parts without the exam's word, when one of them is
	// alone beside topics' names alone: of mpbot's list (两会: a review's
	// find, 面试 两会 no match) or of three characters or more (新质生产力,
	// 国常会); nil otherwise: 公务员 工资 asks about civil servants' pay
	// (工资 a synonym's term, no topic of the list).
	topicsBeside := func(parts []string) []string {
		if len(parts) < 2 || !slices.ContainsFunc(parts, examPart) || slices.ContainsFunc(parts, func(p string) bool { return !examPart(p) && !topicPart(p) }) {
			return nil
		}
		return slices.DeleteFunc(slices.Clone(parts), examPart)
	}
	// A comma or colon parts them as a space does (面试，新质生产力: a
	// follower run's find, no match).
	if topics := topicsBeside(strings.FieldsFunc(text, func(c rune) bool { return unicode.IsSpace(c) || strings.ContainsRune("，,、：:", c) })); topics != nil {
		return strings.Join(topics, " "), true, nil
	}
	var b strings.Builder
	cut := false
	var near []string // the exam's words of a sentence saying it is near
	nearCut := false
	for sentence := range strings.FieldsFuncSeq(examSaidDone.ReplaceAllString(text, "${1}，${2}"), sentenceBreak) {
		words := r.ix.seg.queryWords(sentence)
		exam := slices.ContainsFunc(words, func(w string) bool { return examWords[w] })
		switch {
		case !exam:
		case slices.ContainsFunc(selfIntroduced, func(p string) bool { return strings.HasPrefix(sentence, p) }),
			only(words, func(w string) bool { return examWords[w] || examAsks[w] }) && slices.ContainsFunc(words, func(w string) bool { return preparing[w] }):
			cut = true
			continue
		case examNearSaid(words):
			// The exam is what advice alone asks of (明天面试了，有什么技巧):
			// a part of it named, not 考试 (明天考试了，有什么建议 had had a
			// card on a journalists' exam: a re-check's find).
			for _, w := range words {
				if examParts[w] {
					near = append(near, w)
				}
			}
			cut = true
			nearCut = true
			continue
		default:
			// Parts apart by spaces: one of the exam's words alone
			// beside topics' names alone.
			if topics := topicsBeside(strings.Fields(sentence)); topics != nil {
				for _, p := range topics {
					b.WriteString(p)
					b.WriteByte(' ')
				}
				cut = true
				continue
			}
		}
		b.WriteString(sentence)
		b.WriteByte(' ')
	}
	rest := strings.Join(strings.Fields(b.String()), " ")
	restWords := r.ix.seg.queryWords(rest)
	switch {
	case only(restWords, func(w string) bool { return examAdvice[w] }) && slices.ContainsFunc(restWords, func(w string) bool { return adviceAsked[w] }):
		if len(near) == 0 {
			return "", false, nil
		}
		rest, parts = strings.Join(near, " ")+" "+rest, near
	case nearCut && !r.namesTopic(restWords):
		// What is left may ask of the exam itself (明天面试了，穿什么衣服;
		// 明天考试了，有什么热点; 明天面试了，加油: unrelated articles first, a
		// re-check's find): only a topic named beside it is asked alone.
		return "", false, nil
	}
	if !cut || rest == "" {
		return "", false, nil
	}
	return rest, true, parts
}

// aspects are what a study question asks of a topic (and, alone, of the
// exam's material: 材料, 问题, 理由).
const aspects = `(?:特点|特征|特色|做法|要求|要义|经验|内涵|启示|作用|影响|原因|措施|内容|路径选择|路径|对策建议|举措|成效|价值|意义|目标|任务|原则|亮点|答题思路|思路|实质|渊源|来历|要点|材料|问题|理由|背景|差异|对策|建议|重点|难点)`

// studyAspect is what a study question asks of its topic, at its end
// (的主要特点, 有哪些特点, 的核心要义是什么): after 的, 有哪些 or a space
// (where a filler went: 千万工程的来历与启示 is read 千万工程 与启示, 两个确立的
// 决定性意义体现在哪 两个确立 体现在哪), so that a topic ending so stays
// (枫桥经验).
var studyAspect = regexp.MustCompile(`(?:(?:(?:的|有哪些|有什么|有何|包括哪些|\s)(?:与|和|及)?` + aspectSaid + `|` + aspectsOwn + `)` +
	`(?:有哪些|是什么|有什么|是啥|包括哪些|包括什么|体现在哪里|体现在哪些方面|体现在哪|在哪里)?` + toKeep + `|\s体现在哪(?:里|些方面)?)[\s\p{P}吗呢]*$`)

// toKeep is what a study question says it does with an aspect, after it
// (有哪些重点需要记住的, 要点要背哪些).
const toKeep = `(?:\s*(?:需要|要|必须|应该|得)(?:记住|记|背诵|背|掌握|注意|了解)(?:的|哪些|什么)?)?`

// aspectLeads are what stands between a topic and its aspect, not the
// topic's (枫桥经验这块有哪些重点, 新质生产力需要掌握的重点: a re-check's
// finds, no match), longest first.
var aspectLeads = []string{"这一块", "这部分", "这方面", "这块", "需要掌握", "需要记住", "要掌握", "要记住", "需要背", "要背"}

// aspectSaid is an aspect as a study question says it: with a word saying
// which (主要特点, 科学内涵, 实践路径, 精神实质), or two (来历与启示).
const aspectSaid = `(?:主要|基本|核心|重要|重大|具体|显著|鲜明|科学|本质|实现|实践|理论|精神|决定性|时代|现实)?` + aspects + `(?:(?:与|和|及)` + aspects + `)?`

// aspectsOwn are aspects no topic ends on, cut without 的 (中国式现代化答题
// 思路, 共同富裕要点速览: a demo follower run's finds).
// And 重点 (新质生产力重点, 两个确立有哪些重点需要记住的: no match, a
// final-week follower run's finds), only here: as a request word it cost
// titles saying X重点 (乡村振兴重点工作) their answers.
const aspectsOwn = `(?:答题思路|实现路径|实践路径|科学内涵|精神实质|本质要求|理论渊源|要点速览|核心要义|考试重点|学习重点|复习重点|重点内容|重点|难点)`

// withoutAspect returns text without the study aspect it ends on, and
// whether it had one after a topic: a last word of two characters or more
// that says no kind of practice (各地有哪些好的做法 is asked of good
// practices, not of 各地 好: cards matched on 好 alone, a test's find).
func withoutAspect(text string) (string, bool) {
	loc := studyAspect.FindStringIndex(text)
	if loc == nil {
		return "", false
	}
	rest := strings.TrimRightFunc(text[:loc[0]], func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
	for _, tail := range aspectLeads {
		if r, ok := strings.CutSuffix(rest, tail); ok {
			rest = r
			break
		}
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 || hanCount(fields[len(fields)-1]) < 2 || slices.ContainsFunc(practiceKinds, func(w string) bool { return strings.HasSuffix(rest, w) }) {
		return "", false
	}
	return rest, true
}

// countermeasures is a 申论 task asking for them on a problem (针对基层治理
// 中的问题，提出对策; 针对…存在的问题，提出对策建议: no match, a demo follower
// run's find), the problem's topic its group.
var countermeasures = regexp.MustCompile(`^针对(.+?)(?:(?:中|方面|工作中)?(?:存在)?的?(?:问题|矛盾|现象|困难))?[\s\p{P}]*(?:请你|请)?(?:提出|给出|谈谈)(?:解决|相应|针对性)?的?(?:对策|建议|措施|办法)+[\s\p{P}]*$` +
	// (提出推动共同富裕的对策建议, as the topic alone: 给出平台经济的建议 had a
	// card on the 十五五 proposal's 建议. 提出 before other aspects is no
	// task, a titles' word: 提出四中全会的原因 had a card on another meeting.
	// Re-checks' finds.)
	`|^(?:请你|请)?(?:提出|给出)(.+?)的(?:对策|建议|措施|办法|举措|思路)+[\s\p{P}]*$` +
	// (基层治理存在的问题和对策, 乡村振兴面临的困难及对策: a topic's
	// problems and their answers, asked together: no match, a demo follower
	// run's find.)
	`|^(.+?)(?:中|方面|工作中)?(?:存在|面临)?的?(?:主要)?(?:问题|困难|短板)(?:和|与|及|以及|、)(?:解决)?(?:对策|建议|措施|办法|出路)+[\s\p{P}]*$`)

// countermeasureBy is a countermeasure task naming the experience to draw
// on as well as the problem (针对矛盾纠纷，结合枫桥经验提出对策: no match, a
// demo follower run's find): the experience is searched, then the problem.
var countermeasureBy = regexp.MustCompile(`^针对(.+?)[\s\p{P}]*(?:请你|请)?(?:结合|运用|借鉴|参考|学习)(.+?)[\s\p{P}]*(?:提出|给出|谈谈)(?:解决|相应|针对性)?的?(?:对策|建议|措施|办法|思路)+[\s\p{P}]*$`)

// ownWorkClause is a question opening on the candidate's own line of work
// before a comma (结合信访工作，谈谈浦江经验: no match, a demo follower run's
// find): what follows is searched alone. Not a frame: the work named may be
// the topic (结合基层治理工作，谈谈你的认识: the work is searched then), and
// only the fallback reads it.
var ownWorkClause = regexp.MustCompile(`^(?:请)?(?:结合|联系)(\p{Han}{1,6}?)(?:工作|实际)(?:情况)?[,，、\s]+(.+)$`)

// asIfYouWere is an interview's hypothetical (如果你是基层干部，如何运用千万
// 工程; 如果你是一名基层干部你会怎么运用浦江经验: no match, a final-week
// follower run's find): the topic is what follows the role (its verb
// gone as a filler, or cut here).
var asIfYouWere = regexp.MustCompile(`^(?:如果|假如|假设)(?:你|您)是[^，,。？?！!\s]{1,16}[\s\p{P}]+` +
	`(?:(?:你|您)?(?:会|将|要|该|应该|应当|打算)?(?:怎么|如何|怎样)?(?:去)?(?:运用|用好|落实|践行|推进|推动|开展|学习|贯彻|借鉴|发扬|坚持|发展|理解|看待|做好|把握))?` +
	`(.+?)[\s\p{P}]*$`)

// roleAsks is what a hypothetical asks the candidate to do, no topic.
var roleAsks = regexp.MustCompile(`^(?:你|您|我)|怎么办|怎么做|怎么处理|如何处理|如何应对|怎么应对`)

// ownView is a question asking the candidate's own view of what was named
// before it (谈谈你的认识, 说说你的理解; its aspect may have gone as a
// filler: 谈谈你).
var ownView = regexp.MustCompile(`^(?:请)?(?:谈谈|谈一谈|说说|说一说|谈)?(?:你|您|自己|个人)?(?:的|对此的)?(?:认识|理解|看法|体会|感受|思考|想法)?[\s\p{P}]*$`)

// aspectAlone is a study question's aspect with no topic (主要内容, 材料,
// 问题: 分析材料 asks how to analyse it).
var aspectAlone = regexp.MustCompile(`^(?:主要|基本|核心|重要|重大|具体|显著|鲜明)?` + aspects + `[\s\p{P}]*$`)

// namesWords reports whether h's title holds each word of text (apart by
// spaces): its summary may name a topic it is not about (扎实推动共同富裕的
// 路径选择's …是中国式现代化的重要特征).
func namesWords(h content.Hit, text string) bool {
	for _, w := range strings.Fields(text) {
		if !strings.Contains(h.Article.Title, w) {
			return false
		}
	}
	return true
}

// practiceKinds say which practices are asked of, before the aspect
// (好的做法, 先进经验): no topic's.
var practiceKinds = []string{"好", "新", "先进", "成功", "有效", "典型", "优秀", "创新", "成熟", "可行", "具体", "主要", "重要", "哪些", "什么"}

// sentenceBreak reports whether c ends a sentence of a question as
// withoutExam and withoutOwnReason read them: a mark, a symbol (an emoji),
// an ideographic space.
func sentenceBreak(c rune) bool { return unicode.IsPunct(c) || unicode.IsSymbol(c) || c == '\u3000' }

// withoutOwnReason returns text without its sentences of the follower's own
// (我负责写一篇心得体会, 单位让我写材料) when another sentence asks for
// articles (有没有…, 请问…, 想看…), and whether any went.
func withoutOwnReason(text string) (string, bool) {
	sentences, own, asks := reasonAndRequest(text)
	if !slices.Contains(asks, true) || !slices.Contains(own, true) {
		return "", false
	}
	var kept []string
	for i, s := range sentences {
		if !own[i] {
			kept = append(kept, s)
		}
	}
	return strings.Join(kept, " "), len(kept) > 0
}

// fromLastRequest returns text from its last sentence asking for articles
// on, when a sentence of the follower's own comes before it: a story of
// their task, the request at its end (我们单位最近也在搞一些学习活动，领导让我
// 写一篇心得体会，…想找一些权威的材料参考一下。所以我想问一下，有没有关于共同
// 富裕的文章，谢谢老师！: no match without the own sentences too, a follower
// run's find).
func fromLastRequest(text string) (string, bool) {
	sentences, own, asks := reasonAndRequest(text)
	for i := len(asks) - 1; i > 0; i-- {
		if asks[i] {
			if !slices.Contains(own[:i], true) {
				return "", false
			}
			return strings.Join(sentences[i:], " "), true
		}
	}
	return "", false
}

// reasonAndRequest splits text into sentences and says of each whether it
// is the follower's own (ownOpeners) and whether it asks for articles
// (askingOpeners).
func reasonAndRequest(text string) (sentences []string, own, asks []bool) {
	sentences = strings.FieldsFunc(text, sentenceBreak)
	if len(sentences) < 2 {
		return nil, nil, nil
	}
	own, asks = make([]bool, len(sentences)), make([]bool, len(sentences))
	for i, s := range sentences {
		asks[i] = slices.ContainsFunc(askingOpeners, func(w string) bool { return strings.Contains(s, w) })
		own[i] = !asks[i] && slices.ContainsFunc(ownOpeners, func(w string) bool { return strings.HasPrefix(s, w) })
	}
	return sentences, own, asks
}

// ownOpeners open a sentence of the follower's own; askingOpeners ask for
// articles.
var (
	ownOpeners    = []string{"我", "本人", "单位让我", "领导让我", "老师让我", "单位要求", "领导要求", "最近要写", "要写", "最近在", "最近正在", "最近准备"}
	askingOpeners = []string{"有没有", "请问", "想看", "想要", "想找", "找一下", "求", "推荐", "发一下", "有什么", "有哪些"}
)

// withoutReading returns the query's text without 解读 when the first hit's
// title holds 解读 and no other word of the query.
func withoutReading(q query, hits []content.Hit) (string, bool) {
	const reading = "解读"
	if len(hits) == 0 || len(q.clauses) < 2 || !strings.Contains(hits[0].Article.Title, reading) {
		return "", false
	}
	title := strings.ToLower(hits[0].Article.Title)
	asked := false
	for _, c := range q.clauses {
		for _, alt := range c.alts {
			for _, term := range alt {
				switch term = strings.TrimPrefix(term, bigramPrefix); {
				case term == reading:
					asked = true
				case strings.Contains(title, term):
					return "", false
				}
			}
		}
	}
	if !asked {
		return "", false
	}
	return strings.ReplaceAll(q.text, reading, " "), true
}

// A figure asked with no country named is China's, on a study account of
// China's civil service (2025年第一季度GDP had a card on America's first
// quarter, 通胀率 one on Germany's July: a follower run's finds): an
// article whose title opens with another economy, or a roundup's item
// that does, is weighed at foreignFigures.
const foreignFigures = 0.3

// figureWords name the figures followers ask of the economy.
var figureWords = setOf("gdp", "国内生产总值", "cpi", "ppi", "pmi", "居民消费价格", "通胀", "通胀率", "通货膨胀", "物价", "利率", "降息", "加息",
	"失业率", "预算", "国防预算", "军费", "外贸", "进出口", "经济增长", "增速", "经济增长率", "增长率",
	// 消费数据 had listed America's consumer confidence (a follower run's find).
	"消费", "零售", "社会消费品零售总额", "就业", "经济数据")

// economies are the countries and blocs whose figures the articles report.
var economies = []string{"美国", "美联储", "德国", "英国", "法国", "日本", "韩国", "俄罗斯", "印度", "欧元区", "欧盟", "欧洲", "意大利", "加拿大",
	"澳大利亚", "巴西", "土耳其", "阿根廷", "墨西哥", "西班牙", "荷兰", "瑞士", "新加坡", "越南", "泰国", "印尼", "印度尼西亚", "马来西亚",
	"菲律宾", "南非", "沙特", "以色列", "伊朗", "乌克兰", "朝鲜", "蒙古", "哈萨克斯坦", "巴基斯坦", "新西兰", "瑞典", "挪威", "波兰", "希腊", "葡萄牙",
	"奥地利", "比利时", "芬兰", "丹麦", "爱尔兰", "智利", "秘鲁", "哥伦比亚", "埃及", "尼日利亚", "肯尼亚",
	// As headlines shorten them (德央行：美关税政策将推高美通胀率, 美媒称…美抵押贷款利率).
	"美媒", "美方", "美股", "美债", "美政府", "美财政", "美元", "德央行", "英央行", "日央行", "欧央行", "欧洲央行", "日媒", "英媒", "德媒",
	"美消费者", "美经济", "美贸易", "美制造业", "美就业", "美通胀"}

// asksFigures reports whether q asks for a figure of the economy and names
// no economy: China's is asked.
func (q *query) asksFigures() bool {
	figure := slices.ContainsFunc(q.clauses, func(c clause) bool {
		return slices.ContainsFunc(c.alts, func(a []string) bool { return len(a) == 1 && figureWords[a[0]] })
	})
	named := func(e string) bool { return strings.Contains(q.text, e) }
	return figure && !q.namesEconomy() && !slices.ContainsFunc([]string{"国外", "外国", "全球", "世界", "各国", "海外", "国际"}, named)
}

// namesEconomy reports whether q names one of the economies.
func (q *query) namesEconomy() bool {
	return slices.ContainsFunc(economies, func(e string) bool { return strings.Contains(q.text, e) })
}

// asksChinas reports whether q asks of China's own: a figure of the
// economy with no economy named, or what China does toward another, the
// question opening with 中国对, 我国对 or 中方对 (中国对美反制措施 had a card at
// 0.93 on the EU's measures: a follower run's find). Not any question
// opening with 中国: 中国·唐 展览 马克龙 asks of France's president.
func (q *query) asksChinas() bool {
	if q.asksFigures() {
		return true
	}
	// The other named in full (我国对欧盟的措施), its own articles are what
	// the store has: weighed down, a card on another Chinese policy came
	// first (a follower re-check's find).
	return slices.ContainsFunc([]string{"中国对", "我国对", "中方对"}, func(p string) bool { return strings.HasPrefix(q.text, p) }) && !q.namesEconomy()
}

// foreignSubject reports whether title is of another economy: one named
// in its opening words (德国7月通胀率为2.3%, 初步数据显示欧元区6月…), China
// not before it (我国GDP超过…).
func foreignSubject(title string) bool {
	opening := title[:len(capRunes(title, foreignOpening))]
	at := -1
	for _, e := range economies {
		if i := strings.Index(opening, e); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at >= 0 && !strings.Contains(opening[:at], "中国") && !strings.Contains(opening[:at], "我国") && !strings.Contains(opening[:at], "全国")
}

// foreignOpening is how many characters of a title name its subject.
const foreignOpening = 12

// documentTokens is how long a body is that can only be a document's (a
// congress's report, a year's government work report: 10,000 words and
// more), not a long news feature's (a state visit's summary, 2,500).
const documentTokens = 8000

// ordinalRe is an ordinal typed in digits (第5届, 第3次, 第46次) and 1号文件.
var ordinalRe = regexp.MustCompile(`第([0-9]{1,2})(届|次|批|期|轮)|(^|[^0-9])(1)(号文件)`)

// craftRe is a craft's number typed in digits (神舟20号, 天舟9号).
var craftRe = regexp.MustCompile(`(\p{Han}{2})([0-9]{1,2})号`)

// craftsAsWritten writes a craft's number typed in digits as the articles
// write the craft, one word (神舟19号 as 神舟十九号), whatever the answers:
// searched as typed, 神舟19号 had a sure card on a plan naming it in
// passing (a re-check's find). Only where the index has that word, and
// not a day (3月20号).
func (r reader) craftsAsWritten(text string) string {
	if !strings.Contains(text, "号") || !strings.ContainsAny(text, "0123456789") {
		return text
	}
	return craftRe.ReplaceAllStringFunc(text, func(m string) string {
		g := craftRe.FindStringSubmatch(m)
		n, _ := strconv.Atoi(g[2])
		if n == 0 || strings.HasSuffix(g[1], "月") || strings.HasSuffix(g[1], "日") {
			return m
		}
		number := hanNumeral(n) + "号"
		if r.v.has(g[1]+number) || r.v.has(g[1]) && r.v.has(number) { // 神舟十九号 one word, 天舟 九号 two
			return g[1] + number
		}
		return m
	})
}

// ordinalsAsWritten writes an ordinal typed in digits in characters where
// the articles have that form (第5届 as 第五届, 1号文件 as 一号文件): typed
// in digits it is three words, which no title of 第五届进博会 holds. A numeral of two characters (四十六) is cut apart in
// the index, so its form is not looked up: the search tells.
func (r reader) ordinalsAsWritten(text string) string {
	if !strings.ContainsAny(text, "0123456789") || !strings.ContainsAny(text, "第号") {
		return text
	}
	return ordinalRe.ReplaceAllStringFunc(text, func(m string) string {
		g := ordinalRe.FindStringSubmatch(m)
		before, digits, measure := "第", g[1], g[2]
		if g[4] != "" {
			before, digits, measure = g[3], g[4], g[5]
		}
		n, _ := strconv.Atoi(digits)
		numeral := hanNumeral(n)
		han := numeral + measure
		if before == "第" {
			han = "第" + han
		}
		if n == 0 || utf8.RuneCountInString(numeral) == 1 && !r.v.has(han) {
			return m
		}
		if before != "第" {
			han = before + han
		}
		return han
	})
}

// fullTextTokens is how long a body must be to be a document's full text:
// reports run to thousands of words, news about them to hundreds.
const fullTextTokens = 2000

// fullText reports whether d may be a document's full text: long, or
// saying so in its title (新华社全文播发…).
func (d *doc) fullText() bool {
	return d.bodyLen() >= fullTextTokens || strings.Contains(d.titleText, "全文") || strings.Contains(d.titleText, "原文")
}

// fillersLongestFirst is fillers in the order they are removed: a longer
// one first, so that 是什么时候 loses 什么时候 (leaving the stop word 是), not
// 是什么 (leaving 时候, which found articles about 适当时候).
var fillersLongestFirst = func() []string {
	out := slices.Clone(fillers)
	slices.SortStableFunc(out, func(a, b string) int { return len(b) - len(a) })
	return out
}()

// withoutFillerWords replaces each of fillersLongestFirst in s by a space,
// in that order.
func withoutFillerWords(s string) string {
	// Most fillers have a character the query lacks: looking for each
	// was most of preparing a query (about 150 scans of it, 6 µs). Taking
	// one out leaves a space, no character that was not there before, so
	// a filler passed over here could never have matched later either.
	var has runeSet
	has.add(' ')
	for _, r := range s {
		has.add(r)
	}
	for i, f := range fillersLongestFirst {
		if has.maybe(fillerRunes[i][0]) && has.maybe(fillerRunes[i][1]) {
			if drop, ok := fillerWhere[f]; ok {
				s = replaceWhere(s, f, drop)
				continue
			}
			s = strings.ReplaceAll(s, f, " ")
		}
	}
	return s
}

// fillerWhere are fillers that are fillers only where drop says, by the
// text before them and after them: 会不会考 not before 虑 (美联储会不会考虑
// 降息: 虑 had been searched, a re-check's find); 会考吗 not after a
// meeting's 会 (两会, 国常会, 党代会, 服贸会, 进博会, 广交会, 冬奥会, 亚运会,
// 峰会, 全会, 大会, 座谈会, 博览会, 运动会); 考吗 not after what makes an
// exam's name or another word of 考 (国考吗, 高考吗, 备考吗, 参考吗: cut, they
// had searched 国, 高, 备 and 参: a re-check's find), so that 新质生产力考吗
// asks whether it is examined (a card on 郭进考 at 0.30 had answered it);
// 到底 and 究竟 only before what they stress (到底是啥, 到底怎么; 负责到底 and
// 奋斗到底 are topics: a re-check's find, lists led by a personnel change),
// said twice too (新质生产力到底到底是什么 had searched 到底: a card on 一张蓝图
// 绘到底), never after a verb they end (一张蓝图绘到底是什么, 将改革进行到底是
// 什么意思) nor 究竟 after 研 (这项研究竟有多大影响).
var fillerWhere = func() map[string]func(ahead, after string) bool {
	notBefore := func(words ...string) func(_, after string) bool {
		return func(_, after string) bool {
			return !slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(after, w) })
		}
	}
	notAfter := func(finals string) func(ahead, _ string) bool {
		return func(ahead, _ string) bool {
			r, _ := utf8.DecodeLastRuneInString(ahead)
			return ahead == "" || !strings.ContainsRune(finals, r)
		}
	}
	stresses := func(f string, verbs ...string) func(ahead, after string) bool {
		asked := []string{"是", "有", "什么", "啥", "怎么", "咋", "为什么", "为啥", "哪", "几", "多少", "要", "能", "会", "该", "讲", "说", "指", f}
		return func(ahead, after string) bool {
			// (A space after it is a longer filler taken out already: 是啥.)
			return (strings.HasPrefix(after, " ") || slices.ContainsFunc(asked, func(w string) bool { return strings.HasPrefix(after, w) })) &&
				!slices.ContainsFunc(verbs, func(w string) bool { return strings.HasSuffix(ahead, w) })
		}
	}
	examFinals := "国省高中参备报联统监招赶期月自大应主补重选思开查稽可"
	opening := func(ahead, _ string) bool { return strings.TrimSpace(ahead) == "" }
	asciiWord := func(ahead, after string) bool {
		before, _ := utf8.DecodeLastRuneInString(ahead)
		next, _ := utf8.DecodeRuneInString(after)
		letter := func(r rune) bool { return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
		return !letter(before) && !letter(next)
	}
	// (A space after it is a longer filler taken out already: 怎么写.)
	atEnd := func(_, after string) bool {
		r, _ := utf8.DecodeRuneInString(after)
		return after == "" || unicode.IsSpace(r) || unicode.IsPunct(r)
	}
	// (Not at the end: 祖国需要 is a topic.)
	beforeHow := func(_, after string) bool {
		return slices.ContainsFunc([]string{" ", "怎么", "如何", "怎样", "咋"}, func(w string) bool { return strings.HasPrefix(after, w) })
	}
	// A clause's start: the question's, after a mark or a filler taken out
	// (归还有关材料 and 寻找点子 keep theirs).
	clauseStart := func(ahead, after string) bool {
		r, _ := utf8.DecodeLastRuneInString(ahead)
		return strings.TrimSpace(ahead) == "" || unicode.IsSpace(r) || unicode.IsPunct(r) || strings.HasPrefix(after, " ")
	}
	// What is asked of a topic at the question's end (千万工程的启示, 八八战略
	// 有什么意义: a follower run's finds, the demo's article titled …的启示 or
	// …的意义 listed first): the topic is the question.
	// Right after the topic: after a number or a mark (…1.是什么 2.有什么
	// 意义) there is none, and 意义 is what the message names.
	aspectAsked := func(ahead, after string) bool {
		r, _ := utf8.DecodeLastRuneInString(ahead)
		return unicode.Is(unicode.Han, r) && strings.TrimSpace(after) == ""
	}
	afterTopic := func(ahead, _ string) bool { // (遴选面试考吗 asks of the exam's part: kept)
		ahead = strings.TrimSpace(ahead)
		return ahead != "" && !slices.ContainsFunc([]string{"遴选", "考试", "选调", "公务员", "国考", "省考"}, func(w string) bool { return strings.HasSuffix(ahead, w) })
	}
	return map[string]func(ahead, after string) bool{
		"会不会考": notBefore("虑"), "考不考": notBefore("虑"),
		"会考吗": notAfter(meetingFinals), "会考么": notAfter(meetingFinals),
		"考吗": notAfter(examFinals), "考么": notAfter(examFinals),
		// The exam's part asked of a topic (枫桥经验遴选考吗), not alone:
		// 面试考吗 asks of the interview (a re-check's find: dropped, it
		// searched nothing).
		"遴选会考吗": afterTopic, "遴选考吗": afterTopic, "面试考吗": afterTopic, "申论考吗": afterTopic, "笔试考吗": afterTopic,
		"到底": stresses("到底", "绘", "进行", "奋斗", "负责", "坚持", "斗争", "战斗", "干", "走", "管", "抓", "追"),
		"应该": beforeHow, "应当": beforeHow, "需要": beforeHow, "该": beforeHow,
		// 分享 left of thanks (感谢分享，基层治理: the thanks rule's 感谢 taken
		// out), not 分享经济.
		"分享": func(ahead, after string) bool {
			r, _ := utf8.DecodeRuneInString(after)
			return strings.TrimSpace(ahead) == "" && (after == "" || !unicode.IsLetter(r) && !unicode.IsDigit(r))
		},
		"pdf": asciiWord, "ppt": asciiWord, "pptx": asciiWord, "docx": asciiWord, "please": asciiWord, "pls": asciiWord, "plz": asciiWord,
		"好的老师": opening, "好的": opening, "我想问": opening, "想问": opening, "想问问": opening, "我想问下": opening, "想问下": opening, "请问下": opening,
		"适合": func(ahead, after string) bool {
			// Opening a request for reading (适合遴选的文章), not a topic
			// (适合国情, 适合度 stay: a re-check's finds).
			return slices.Contains([]string{"有没有", "有无", "求", "推荐", "有"}, strings.TrimSpace(ahead)) ||
				strings.TrimSpace(ahead) == "" && (strings.Contains(after, "文章") || strings.Contains(after, "资料")) // (适合国情的民主 stays)
		},
		"的话": func(ahead, after string) bool {
			return strings.TrimSpace(ahead) != "" && (after == "" || beforeHow(ahead, after))
		},
		"还有": clauseStart, "找点": clauseStart, "找些": clauseStart, "找一些": clauseStart,
		// A second question's connector (…的文章？另外面试怎么准备？: no match,
		// a follower run's find); 另外的 stays.
		"另外":    func(ahead, after string) bool { return clauseStart(ahead, after) && !strings.HasPrefix(after, "的") },
		"然后":    clauseStart, // (…，然后想问一下新质生产力怎么理解: 然后 searched, 0.32)
		"有什么启示": aspectAsked, "有啥启示": aspectAsked, "有何启示": aspectAsked, "的启示": aspectAsked,
		"有什么意义": aspectAsked, "有啥意义": aspectAsked, "有何意义": aspectAsked, "的意义": aspectAsked,
		"详细的": atEnd, "详细": atEnd, // (新质生产力详细的; 国土空间详细规划 keeps it)
		"来着": atEnd,
		"究竟": stresses("究竟", "研"),
	}
}()

const meetingFinals = "两常代贸博交奥运峰全大谈览动"

// replaceWhere is s with each f that drop says is a filler, by the text
// between it and the f before it (or the start) and the text after it,
// replaced by a space.
func replaceWhere(s, f string, drop func(ahead, after string) bool) string {
	var b strings.Builder
	for {
		i := strings.Index(s, f)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		if drop(s[:i], s[i+len(f):]) {
			b.WriteByte(' ')
		} else {
			b.WriteString(f)
		}
		s = s[i+len(f):]
	}
}

// fillerRunes are the first two characters of each of fillersLongestFirst
// (its first twice when it has one).
var fillerRunes = func() [][2]rune {
	out := make([][2]rune, len(fillersLongestFirst))
	for i, f := range fillersLongestFirst {
		r := []rune(f)
		out[i] = [2]rune{r[0], r[min(1, len(r)-1)]}
	}
	return out
}()

// runeSet is a filter of the characters of a short text: maybe is false
// only for a character it surely lacks.
type runeSet [8]uint64

func (s *runeSet) add(r rune)        { s[r>>6&7] |= 1 << (r & 63) }
func (s *runeSet) maybe(r rune) bool { return s[r>>6&7]&(1<<(r&63)) != 0 }

// stopWords carry no topic; they are dropped from queries after
// segmentation.
var stopWords = withAll(setOf("的", "了", "是", "在", "里", "和", "与", "及", "或", "吗", "呢", "吧", "啊", "呀", "嘛", "呗", "可以", "这个", "谁", "哪", "哪些",
	"什么", "怎么", "如何", "为何", "有", "个", "有个", "多少", "哪天", "几", "这", "那", "我", "你", "他", "她", "它", "我们",
	"一下", "一个", "关于", "请", "想", "要", "看", "去", "给", "把", "被", "对", "也", "都", "就", "还", "又", "很", "就是",
	// English courtesy glued to a request (please帮我找下碳达峰的文章: a
	// word no article has, it took the answer's confidence under the cut:
	// a follower run's find).
	"please", "pls", "plz", "in", "for", "of", "the"), courtesyWords)

// acknowledges reports whether text is acknowledgements and thanks alone
// (好的收到, 明白了，谢谢, 嗯嗯知道了), at least one an acknowledgement.
func acknowledges(text string) bool {
	if len(text) > 48 {
		return false // most questions
	}
	acked := false
	for rest := text; ; {
		rest = strings.TrimLeftFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
		if rest == "" {
			return acked
		}
		i := slices.IndexFunc(acknowledgements, func(w string) bool { return strings.HasPrefix(rest, w) })
		if i < 0 {
			return false
		}
		acked = acked || i < len(acknowledgementWords)
		rest = rest[len(acknowledgements[i]):]
	}
}

// acknowledgements are acknowledgementWords, then the thanks and particles
// that may come with them (each list longest first where one holds another).
var (
	acknowledgementWords = []string{"好的", "好滴", "好嘞", "收到", "明白了", "明白", "知道了", "知道", "懂了", "了解了", "嗯嗯", "嗯", "哦哦", "哦", "噢", "ok", "好"}
	acknowledgements     = slices.Concat(acknowledgementWords, []string{"谢谢老师", "谢谢您", "谢谢", "谢啦", "多谢", "感谢", "老师", "了", "啦", "呀", "啊", "吧"})
)

// courtesyWords are urgency and courtesy around a request (乡村振兴 急,
// …，很着急，麻烦尽快回复，谢谢！！！: no match where the topic alone lists 61
// titles, a follower run's find), and 能不能发我一下…: stop words, and not
// compared with titles either.
var courtesyWords = []string{"急", "着急", "急需", "尽快", "麻烦", "回复", "谢谢", "感谢", "能", "不能", "能否", "老师", "你好", "您好"}

// How followers ask for reading on a topic (有没有关于两会的文章, 求两会资料,
// 搜一下两会, 我想了解一下基层治理方面的内容): the request, not the topic,
// dropped as stop words are, where it frames the topic. As words, so names
// holding them stay (求是, 发改委). requestVerbs come before the topic (or
// end the question: 新质生产力看看); requestNouns after it, at the end or
// before another framing word. Elsewhere they are part of a topic: 内容审核,
// 资料包 (cut 资料 包), 习近平发贺电. A follower run's finds, each no match
// where the topic alone was answered: 帮我找一下新质生产力, 什么叫新质生产力,
// 请问有关于乡村振兴的文章吗 (有关 于), 新质生产力考什么, 共同富裕 考点,
// 枫桥经验心得体会.
var (
	requestVerbs = setOf("有没有", "推荐", "发", "搜", "搜索", "查", "查查", "查询", "看看", "求", "了解", "我要", "我想",
		"找", "找找", "帮我", "帮", "叫", "有关", "于", "於", "说说", "讲讲", "聊聊", "来点", "来几篇", "来一些", "请教", "问问",
		// One article asked for (a follower run's find: 求一篇关于发展和
		// 安全的文章 had a card on 长三角).
		"一篇")
	requestNouns = setOf("文章", "资料", "材料", "相关", "方面", "内容", "考点", "知识点", "要点", "心得体会", "心得", "体会", "素材",
		// 低空经济面试题 (a follower run's find: no match).
		"面试题", "申论题", "题目",
		// What the final week studies (共同富裕金句 at 0.36, 新质生产力必背:
		// no match, a final-week follower run's finds).
		// Not 重点: a title's word (乡村振兴重点工作, 突出重点: a re-check's find).
		"金句", "必背", "必背金句", "必考", "考前必背", "背诵")
)

// sendMe reports whether words[i:i+2] are 发 我 asking for the topic: at the
// text's start or after a stop word, or with nothing but stop words after
// (not 激发我国's, which the segmenter keeps whole anyway).
func sendMe(words []string, i int) bool {
	if i+1 >= len(words) || words[i] != "发" || words[i+1] != "我" {
		return false
	}
	if i == 0 || stopWords[words[i-1]] {
		return true
	}
	for _, w := range words[i+2:] {
		if !stopWords[w] {
			return false
		}
	}
	return true
}

// isRequest reports whether words[i] is a request word framing the topic;
// topicAhead, whether a topic (a synonym group's term, parted from words)
// comes before words.
func isRequest(words []string, i int, topicAhead bool) bool {
	framing := func(j int) bool { // the edge, a stop word or another request word
		return j < 0 || j >= len(words) || stopWords[words[j]] || requestVerbs[words[j]] || requestNounAt(words, j)
	}
	switch {
	case words[i] == "说" || words[i] == "讲" || words[i] == "聊": // 说说两会, cut 说 说; not 讲党课
		// And after 有没有 or 有 (有没有讲人工智能的文章, 有讲共同富裕的吗: a
		// card on a banquet's speech, a follower run's find).
		// Not before what 讲 makes a phrase of (讲政治, 讲诚信: a review's
		// find, 有没有讲政治的文章 listed a 政治报告).
		return i+1 < len(words) && words[i+1] == words[i] && framing(i-1) || i > 0 && words[i-1] == words[i] && framing(i-2) ||
			i > 0 && (words[i-1] == "有没有" || words[i-1] == "有") && framing(i-2) && (i+1 >= len(words) || !spokenOf[words[i+1]])
	case words[i] == "考": // 新质生产力考什么 (before 什么, 哪些, 啥 or a request noun); not 开考 in 高考哪天开考
		return i+1 < len(words) && (words[i+1] == "什么" || words[i+1] == "哪些" || words[i+1] == "啥" || requestNouns[words[i+1]])
	case requestVerbs[words[i]]:
		// At the end, or before stop words and request nouns alone
		// (二十大报告发一下, 发我一下; 新质生产力有没有文章, 乡村振兴有没有素材:
		// follower runs' finds, no match).
		// So is an exam's word before a request noun (乡村振兴有没有申论素材:
		// a follower run's find, no match where 乡村振兴申论素材 lists it).
		last := true
		for j := i + 1; j < len(words); j++ {
			last = last && (stopWords[words[j]] || requestNounAt(words, j) || examWords[words[j]] && j+1 < len(words) && requestNounAt(words, j+1))
		}
		return framing(i-1) || last
	case requestNounAt(words, i):
		return framing(i + 1)
	case words[i] == "面试" || words[i] == "申论": // 低空经济面试题, cut 面试 题; not 遴选面试题
		return i+1 < len(words) && (words[i+1] == "题" || words[i+1] == "题目") && framing(i+2) && topicBefore(words, i, topicAhead)
	case words[i] == "题" && i > 0:
		return (words[i-1] == "面试" || words[i-1] == "申论") && framing(i+1) && topicBefore(words, i-1, topicAhead)
	case words[i] == "申": // 申论题, cut 申 论题 (a review's find)
		return i+1 < len(words) && words[i+1] == "论题" && framing(i+2) && topicBefore(words, i, topicAhead)
	case words[i] == "论题" && i > 0:
		return words[i-1] == "申" && framing(i+1) && topicBefore(words, i-1, topicAhead)
	}
	return false
}

// requestNounAt reports whether words[j] is a request noun: one of
// requestNouns, or 解读 after 有没有相关 or 有相关 (文化自信有没有相关解读: a
// follower run's find, no match); not elsewhere: 政府工作报告解读 and
// 政府工作报告相关解读 ask for the briefings (a review's find: the reports
// were listed).
func requestNounAt(words []string, j int) bool {
	switch words[j] {
	case "解读":
		// (And 有没有相关的解读: a re-check's find, no match.)
		k := j - 1
		if k > 0 && words[k] == "的" {
			k--
		}
		return k > 0 && words[k] == "相关" && (words[k-1] == "有没有" || words[k-1] == "有")
	case "话题":
		// The topic pointed at, not named (这个话题有没有申论素材: a re-check's
		// find, 「回应热点话题」 listed); 热点话题 keeps it.
		return j == 0 || stopWords[words[j-1]]
	}
	return requestNouns[words[j]]
}

// topicBefore reports whether words before words[i], stop words aside, end
// in a topic: a word that is no exam's (遴选的面试题 asks for the exam), or,
// with none, the topic ahead of words (人工智能面试题, 人工智能 a synonym
// group's term read apart: a follower run's find, no match).
func topicBefore(words []string, i int, topicAhead bool) bool {
	j := i - 1
	for j >= 0 && stopWords[words[j]] {
		j--
	}
	if j < 0 {
		return topicAhead
	}
	return !examWords[words[j]] && !examTracks[words[j]]
}

// examTracks are the exams and posts followers sit beside 遴选's: before
// 面试题 they say whose interview it is, no topic (事业单位，面试题 had a sure
// card on the state-asset platform of 行政事业单位: a review's find).
var examTracks = setOf("事业单位", "单位", "事业编", "国考", "省考", "教师招聘", "招聘", "教招", "教资", "国企", "央企", "军队文职", "文职",
	"选调生", "三支一扶", "村官", "乡镇", "考编", "编制")

// spokenOf are what 讲 makes a phrase of (讲政治, the 四讲四有's 讲规矩…).
var spokenOf = setOf("政治", "诚信", "规矩", "纪律", "道德", "党性", "团结", "奉献", "大局", "文明", "卫生", "故事", "实话", "真话",
	"原则", "担当", "品德", "正气", "责任", "效率", "科学", "法治", "规则", "信用", "民主", "学习", "廉洁", "仁爱")

// figuresAsked reports whether words[i] is 数据 asking for a topic's
// figures, framing it as 文章 does: after a term of a synonym group
// (GDP数据 had 北京：“数”为先 and 大数据 before GDP's figures: a
// session's find), ending the question or before a stop word or another
// request noun. Elsewhere it is a word of its own: 大数据, 公共数据, 数据安全,
// and 数据 alone (a review's find: they had lost it). So is 涨, 降 or 跌
// after a figure's term (figureAsks). term is the synonym term read as a
// part of its own before words, if any.
func figuresAsked(words []string, i int, term string, syn *synonymSet) bool {
	if !figureAsks[words[i]] || i+1 < len(words) && !stopWords[words[i+1]] && !requestNouns[words[i+1]] {
		return false
	}
	if i > 0 {
		term = words[i-1]
	}
	if words[i] != "数据" {
		return figureWords[term] // 失业率降了多少, 物价涨了多少 (a follower re-check's find: no match)
	}
	return term != "" && (i == 0 || syn != nil && syn.alternatives(term) != nil)
}

// figureAsks ask a figure's term for its figures: 数据, and how much it rose
// or fell as followers say it (CPI涨了多少, PPI降了多少: no match, 涨 a word
// the articles write 上涨; a follower run's find). Beside other words they
// are words (工资涨了多少 is searched with its 涨: stripped, it had a card on
// unpaid wages, a review's find).
var figureAsks = setOf("数据", "涨", "降", "跌")

// particles are the grammatical particles (助词) among the stop words: they
// end or bind phrases and are never part of a name.
var particles = setOf("的", "了", "着", "过", "吗", "呢", "吧", "啊", "呀", "嘛")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// normalizeQuery folds full-width forms, lower-cases, and removes fillers.
func normalizeQuery(s string) string {
	pinyin := strings.ContainsAny(s, "āēīōūǖǎěǐǒǔǚĀĒĪŌŪǕǍĚǏǑǓǙ")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\u3000':
			return ' '
		case r >= 0x80 && unicode.Is(unicode.Cf, r):
			// Invisible: a zero-width space or a soft hyphen that text
			// copied from a page carries inside a word (枫桥\u200b经验 is
			// 枫桥经验, not two words).
			return -1
		case r >= '！' && r <= '～':
			r = r - '！' + '!'
		case r >= 0xc0 && r <= 0x1dc && pinyin:
			// Pinyin's tone marks (fēng qiáo jīng yàn, as keyboards and
			// textbooks print it: no match, a follower run's find); ü as
			// typed, v. Only in a text marked as pinyin is (a macron or a
			// caron): Pokémon and Müller are written so in articles (a
			// re-check's find).
			if plain, ok := toneless[unicode.ToLower(r)]; ok {
				return plain
			}
		}
		return unicode.ToLower(r)
	}, s)
	s = withoutFillerWords(withoutFrames(s))
	if strings.Contains(s, "年前") {
		// A year before a period (2026年前7个月, 今年前三季度): 年前 is a
		// word, before the New Year, which took 年 from the year (a card on
		// children's clothes: a follower run's find).
		s = yearBeforePeriod.ReplaceAllString(s, "年 前$1")
	}
	if strings.Contains(s, "百分之") {
		s = digitPercents(s)
	}
	if strings.Contains(s, "加") {
		s = plusSaid.ReplaceAllString(s, "$1+$2")
	}
	if strings.IndexFunc(s, func(r rune) bool { return 'a' <= r && r <= 'z' }) >= 0 {
		s = englishMonths.ReplaceAllStringFunc(s, func(m string) string { return strconv.Itoa(monthOfName[m[:3]]) + "月" })
		s = monthThenYear.ReplaceAllString(s, "${2}年${1}月") // June 2026 is 2026年6月
	}
	return strings.Join(strings.Fields(s), " ")
}

// toneless are pinyin's vowels with tone marks, as typed without them.
var toneless = func() map[rune]rune {
	m := map[rune]rune{}
	for plain, marked := range map[rune]string{'a': "āáǎà", 'e': "ēéěè", 'i': "īíǐì", 'o': "ōóǒò", 'u': "ūúǔù", 'v': "ǖǘǚǜü"} {
		for _, r := range marked {
			m[r] = plain
		}
	}
	return m
}()

// examMaterial is a 申论 question's opening on the exam's material
// (材料中提到的"枫桥经验"是什么, 根据给定资料，谈谈…, 结合材料2，…): no article
// says 材料, and the question got no match where its topic alone had the
// card. Only as a frame (materialFrame): 材料 asked of (材料分析题,
// 给定资料题型, 阅读材料谈谈技巧, 给定资料中的结构, 材料中的数据怎么算:
// re-checks' finds) stays.
var examMaterial = regexp.MustCompile(`^((?:请)?(根据|结合|依据)?(?:给定)?)(?:材料|资料)[0-9一二三四五六七八九十]*((?:中|里)?(提到|所说|所讲|谈到|指出|反映|描述)?的)?`)

// materialFrame is the length of the exam material's frame opening s, 0
// for none: one saying what the material says (材料中提到的, 资料所说的),
// or one after 根据, 结合 or 依据 before a mark or a question's frame
// (根据给定资料4，说明…; 结合材料谈谈…), as exams set their questions. 阅读
// and 给定 alone ask of the material (阅读材料谈谈技巧, 给定资料，怎么读).
func materialFrame(s string) int {
	if m := examOwnWork.FindStringIndex(s); m != nil && ownWorkFramed(s[m[1]:]) {
		return m[1]
	}
	m := examMaterial.FindStringSubmatchIndex(s)
	if m == nil || m[1] == len(s) {
		return 0
	}
	based, tail, says := m[4] >= 0, m[6] >= 0, m[8] >= 0
	switch {
	case says:
		return m[1]
	case tail || !based:
		return 0
	}
	if framedBefore(s[m[1]:]) {
		return m[1]
	}
	return 0
}

// framedBefore reports whether rest, after an exam's frame, opens on a
// mark or a question's frame (…，谈谈; …谈谈): the frame is one.
func framedBefore(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsPunct(r) || unicode.IsSpace(r) || slices.ContainsFunc(framesOfQuestion, func(f string) bool { return strings.HasPrefix(rest, f) })
}

// ownWorkFramed reports whether rest, after examOwnWork, makes it a frame:
// a question's frame follows, after a comma or none, and words after it
// (结合实际？ asks of it; 结合实际 推动全会精神落地生根 and 结合实际,推动… are
// titles' words: a re-check's finds).
func ownWorkFramed(rest string) bool {
	words := strings.TrimLeftFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
	// An exam's task verb is a question's frame too (结合实际，分析健康中国的
	// 背景): the question is then read as it is without 结合实际.
	if taskFrame(words) > 0 {
		return true
	}
	for _, f := range framesOfQuestion {
		if after, ok := strings.CutPrefix(words, f); ok {
			return strings.IndexFunc(after, func(r rune) bool { return !unicode.IsSpace(r) && !unicode.IsPunct(r) }) >= 0
		}
	}
	// Or a topic alone after it, as short as topics are (结合实际，共同富裕;
	// 结合实际？新质生产力: a re-check's find, no match); not a task verb
	// kept as typed (结合实际，分析健康中国 had the Politburo's 分析研究 card:
	// a re-check's find).
	return words != rest && hanCount(words) >= 2 && !examTask.MatchString(words) && utf8.RuneCountInString(strings.TrimRightFunc(words, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })) <= maxOwnWorkTopic
}

// maxOwnWorkTopic is the longest topic read alone after examOwnWork: a
// title's words run longer (结合实际,推动全会精神落地生根).
const maxOwnWorkTopic = 7

// examOwnWork is a question's opening on the candidate's own work, as
// 申论 and interviews set it (结合工作实际，谈谈枫桥经验; 结合实际谈谈如何…: no
// match, a demo follower run's find), a frame before a question's
// (ownWorkFramed).
var examOwnWork = regexp.MustCompile(`^(?:请)?(?:结合|联系)(?:你的|自身|自己的|本人|个人)?(?:本职工作|工作实际|实际工作|工作经历|岗位实际|工作|实际)(?:情况)?`)

// examTask is a 申论 question's task verb opening it (请概括…, 归纳…,
// 简要分析…): no article says 概括, and 请根据给定资料，概括枫桥经验的内涵 got no
// match where 枫桥经验的内涵 has the card (a re-check's find).
var examTask = regexp.MustCompile(`^(?:请你|请)?(?:简要|简单|具体|全面)?(?:概括|归纳|简述|阐述|概述|分析|说明|给出)(?:一下)?`)

// taskAskedOf are what follows a task verb that names a kind of question,
// a skill or a thing (概括题怎么答, 分析能力, 说明书, 分析研究当前经济形势:
// a title's words), not the question's topic: the verb stays.
var taskAskedOf = []string{"题", "类", "能力", "方法", "技巧", "思路", "模板", "要点", "的", "和", "与", "及", "、",
	"怎么", "如何", "书", "师", "会", "报告", "文", "法", "性", "研究"}

// lawNamed is 法 opening a word of the law (法治中国, 法律, 法规), not the
// method a verb asks of (分析法): 分析法治中国的问题 had the Politburo's
// 分析研究 card (a re-check's find).
var lawNamed = regexp.MustCompile(`^法(?:治|律|规|制|院|官|典)`)

// taskFrame is the length of an exam task's verb opening s (examTask), 0
// for none or where it is asked of (taskAskedOf), or where no topic
// follows: an aspect alone (概括要求, 分析原因, 说明理由: how such a question
// is answered, a re-check's find: cards on any title holding the word).
func taskFrame(s string) int {
	m := examTask.FindStringIndex(s)
	if m == nil || m[1] == len(s) {
		return 0
	}
	rest := s[m[1]:]
	if slices.ContainsFunc(taskAskedOf, func(w string) bool { return strings.HasPrefix(rest, w) }) && !lawNamed.MatchString(rest) {
		return 0
	}
	if topic := strings.TrimLeftFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }); hanCount(topic) < 3 || aspectAlone.MatchString(topic) {
		return 0
	}
	return m[1]
}

// withoutTask returns text without the exam task verbs opening its
// sentences, and whether any went.
func withoutTask(text string) (string, bool) {
	cut := false
	rest := eachSentence(text, func(s string) string {
		t := strings.TrimLeftFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
		if n := taskFrame(t); n > 0 {
			cut = true
			return t[n:]
		}
		return s
	})
	return rest, cut
}

// studyTopic is a search studyTopics offers for a study question, and
// the words the first answer's title must then hold ("" for none).
type studyTopic struct{ text, titled string }

// studyTopics are text's study question without its task verb, then
// without the aspect asked of its topic too; or, with no task verb,
// without the aspect: the searches to try, in turn, when text itself found
// nothing sure. A verb kept as asked of (分析与时俱进, 分析法…) stays with
// the aspect cut only for an answer titled by what follows it: 说明 and 分析
// are titles' words (说明中国的能源转型的背景 had a card on the 十五五
// proposal's 说明, 分析法治中国的对策建议 one on the Politburo's 分析研究: a
// re-check's finds). Then two terms joined by 还有, together.
func studyTopics(text string) []studyTopic {
	out := studyFrames(text)
	if m := joinedSaid.FindStringSubmatch(text); m != nil && !askedAfter.MatchString(m[2]) {
		out = append(out, studyTopic{text: m[1] + " " + m[2]})
	}
	return out
}

// studyFrames are the topics of the study question's frames text holds.
func studyFrames(text string) []studyTopic {
	if m := countermeasureBy.FindStringSubmatch(text); m != nil {
		var out []studyTopic
		// (结合实际 names no experience: the problem alone.)
		if by := m[2]; hanCount(by) >= 2 && !examOwnWork.MatchString("结合"+by) {
			out = append(out, studyTopic{text: by})
		}
		if hanCount(m[1]) >= 2 {
			out = append(out, studyTopic{text: m[1]})
		}
		return out
	}
	if m := countermeasures.FindStringSubmatch(text); m != nil {
		// (The problem alone names none: 针对问题提出对策.)
		if topic := m[1] + m[2] + m[3]; hanCount(topic) >= 2 && !aspectAlone.MatchString(topic) {
			return []studyTopic{{text: topic}}
		}
		return nil
	}
	if m := asIfYouWere.FindStringSubmatch(text); m != nil {
		// (Not what the role does: 如果你是领导，你怎么办.)
		if hanCount(m[1]) >= 2 && !roleAsks.MatchString(m[1]) {
			return []studyTopic{{text: m[1]}}
		}
		return nil
	}
	var out []studyTopic
	if m := ownWorkClause.FindStringSubmatch(text); m != nil {
		if ownView.MatchString(m[2]) {
			if hanCount(m[1]) >= 2 {
				return []studyTopic{{text: m[1]}}
			}
			return nil
		}
		if hanCount(m[2]) >= 2 {
			text = m[2]
			out = append(out, studyTopic{text: text})
		}
	}
	titled := ""
	if task, ok := withoutTask(text); ok {
		out = append(out, studyTopic{text: task})
		text = task
	} else if m := examTask.FindStringIndex(text); m != nil {
		titled = text[m[1]:]
	}
	if rest, ok := withoutAspect(text); ok {
		if titled != "" {
			titled = rest[len(text)-len(titled):]
		}
		out = append(out, studyTopic{rest, titled})
		// Two aspects asked (乡村振兴重点难点): the first kept, then neither
		// (a re-check's find: read as 重点难点 cut at once, the topic
		// alone was unsure and 乡村振兴重点's titles lost).
		if more, ok := withoutAspect(rest); ok && titled == "" {
			out = append(out, studyTopic{text: more})
		}
	}
	return out
}

// whetherSo is a question whether its topic is so, the topic first
// (reader.whetherOf).
var whetherSo = regexp.MustCompile(`^(\p{Han}{2,12}?)(?:到底|究竟)?(?:是不是|是否|是否是)[^\s\p{P}]`)

// joinedSaid is two terms joined by 还有 as speech joins them
// (全过程人民民主还有基层立法联系点: no match, where 和 has the article naming
// both, a final-week follower run's find); not 还有 of what remains
// (离考试还有几天, 归还有关材料: too short a side), nor what else is asked
// (askedAfter: 两会还有哪些热词).
var (
	joinedSaid = regexp.MustCompile(`^(\p{Han}{3,12})还有(\p{Han}{3,12})[\s\p{P}吗呢]*$`)
	askedAfter = regexp.MustCompile(`^(?:哪|什么|啥|多少|几|没有|别的|其他|其它)`)
)

// plusSaid is the + of a policy's name (人工智能+, 互联网+) as voice
// recognition writes it, 加 (a follower run's find: AI加行动 had a card
// on 以军…军事行动, 加 of 加沙 beside 行动); not 人工智能加速.
var plusSaid = regexp.MustCompile(`(人工智能|互联网|ai)加(行动|计划|的|$|[\s\p{P}])`)

// eachSentence applies fn to each sentence of s, its end mark (? ! 。 ;)
// kept after it: a second question opens on a frame too
// (枫桥经验是什么？请谈谈如何坚持和发展枫桥经验？ searched 请 and 谈谈 with the
// topic: no match, where each alone has the card).
func eachSentence(s string, fn func(string) string) string {
	i := strings.IndexAny(s, "?!。;")
	if i < 0 {
		return fn(s)
	}
	var b strings.Builder
	for i >= 0 {
		_, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(fn(s[:i]))
		b.WriteString(s[i : i+size])
		s = s[i+size:]
		i = strings.IndexAny(s, "?!。;")
	}
	if s != "" {
		b.WriteString(fn(s))
	}
	return b.String()
}

// framesOfQuestion are the frames of framesAhead a later sentence opens
// on too (…。请谈谈…, …。我想查一下…, …。急求…): all but a newcomer's words,
// a greeting's and voice's 就是, which a later sentence more often names as
// its topic (基层。新来的干部, …。你好吗: re-checks' finds).
var framesOfQuestion = slices.DeleteFunc(slices.Clone(framesAhead), func(f string) bool {
	return slices.Contains([]string{"我是新来的", "我是新人", "我是新粉", "我刚关注", "刚关注", "新来的", "你好", "您好", "老师好", "大家好", "就是"}, f)
})

// withoutFramesAhead takes the frames opening a sentence off it, in turn.
func withoutFramesAhead(s string) string { return withoutOpening(s, framesAhead) }

// withoutQuestionFrames takes the frames of a question opening a later
// sentence off it (…？请谈谈如何…): those only, not a greeting's or a
// newcomer's, which a later sentence names as its topic (基层。新来的干部:
// a re-check's find, searched as 干部).
func withoutQuestionFrames(s string) string { return withoutOpening(s, framesOfQuestion) }

// withoutOpening takes frames (and the exam material's) off s's start, in
// turn.
func withoutOpening(s string, frames []string) string {
	for cut := true; cut; {
		s = strings.TrimLeftFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
		cut = false
		for _, f := range frames {
			if rest, ok := strings.CutPrefix(s, f); ok && rest != "" {
				s, cut = rest, true
				break
			}
		}
		if n := materialFrame(s); !cut && n > 0 {
			s, cut = s[n:], true
		}
	}
	return s
}

// withoutFrames takes an interview's frame off the question's ends
// (framesAhead, framesAfter), the particles and marks after it kept; a
// frame opening a sentence after the first too.
func withoutFrames(s string) string {
	// The opening frames first, across the marks between them (不好意思。
	// 枫桥经验: a frame said as a sentence of its own, which a sentence
	// alone keeps: a re-check's find), then those opening each sentence
	// after.
	s = withoutFramesAhead(s)
	if i := strings.IndexAny(s, "?!。;"); i >= 0 {
		_, size := utf8.DecodeRuneInString(s[i:])
		s = s[:i+size] + eachSentence(s[i+size:], withoutQuestionFrames)
	}
	end := strings.TrimRightFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) || strings.ContainsRune("吗呢啊呀吧", r)
	})
	for _, f := range framesAfter {
		if rest, ok := strings.CutSuffix(end, f); ok && rest != "" {
			return rest + " " + s[len(end):]
		}
	}
	for _, f := range meetsAsked {
		// (国常会, then 什么时候开, is asked as 国常会 什么时候开: a follower
		// run's find, a card on 推广开; and typed 国常会，什么时候开.)
		rest, ok := strings.CutSuffix(end, f)
		if !ok {
			continue
		}
		rest = strings.TrimRightFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
		// (And 国常会一般什么时候开, 下次什么时候开: a re-check's find, a
		// card on 推广开.)
		// Several of them (两会是每年什么时候开: a re-check's find).
		for cut, n := rest, 0; n < 3; n++ {
			i := slices.IndexFunc(meetingWhen, func(w string) bool { return strings.HasSuffix(cut, w) })
			if i < 0 {
				break
			}
			if cut = cut[:len(cut)-len(meetingWhen[i])]; namesMeeting(cut) {
				return cut + " " + s[len(end):]
			}
		}
		if namesMeeting(rest) {
			return rest + " " + s[len(end):]
		}
	}
	return s
}

// namesMeeting reports whether text ends in a meeting's name: 两会,
// 四中全会, 中央经济工作会议, 国常会, 二十大.
func namesMeeting(text string) bool {
	return slices.ContainsFunc(meetingEnds, func(e string) bool { return strings.HasSuffix(text, e) }) || congressName.MatchString(text)
}

// yearBeforePeriod is 年 before the first months or quarters of a year
// (年前7个月, 年前三季度, 年前两个月).
var yearBeforePeriod = regexp.MustCompile(`年前((?:[0-9]{1,2}|[一二两三四五六七八九十]{1,2})(?:个月|季度))`)

// englishMonths are months named in English, as whole words, but may (CPI in July:
// the month was a word no article has, and the list began with February's
// figures: a follower run's find).
var (
	englishMonths = regexp.MustCompile(`\b(?:january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b`)
	monthThenYear = regexp.MustCompile(`\b(\d{1,2})月\s*,?\s*((?:19|20)\d\d)\b`)
	monthOfName   = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
)

// digitPercents writes a percentage said in numerals (百分之五点零, as voice
// recognition writes one) in digits, as articles write it (5.0%): GDP增长
// 百分之五点零 had no match, where GDP增长5.0% finds its article (a follower
// run's find).
func digitPercents(s string) string {
	return percentRe.ReplaceAllStringFunc(s, func(p string) string {
		m := percentRe.FindStringSubmatch(p)
		n, ok := parseNumber(m[1])
		if !ok {
			return p
		}
		out := strconv.Itoa(n)
		if m[2] != "" {
			var frac strings.Builder
			for _, r := range m[2] {
				frac.WriteByte(byte('0' + hanDigitValue(r)))
			}
			out += "." + frac.String()
		}
		return out + "%"
	})
}

var percentRe = regexp.MustCompile(`百分之([零〇一二两三四五六七八九十百]+)(?:点([零〇一二三四五六七八九]+))?`)

// absoluteYears writes the years text names by today's (今年, 去年, 前年) as
// numbers (2026年), so that they count as typed years do: 去年的GDP增速 asks
// about last year, which the articles name by its number; and the months
// (上个月, 上月, 本月, 这个月) as their year and month (上个月CPI in December
// 2026 is 2026年11月CPI: as words, 上个月 had found a year-old article
// saying 涨幅比上个月扩大, a follower run's find). Only where the segmenter
// reads them as words: 如今年轻人, 以前年度, 登上月球, 基本月薪 and 上上个月
// name none. The future (明年) is left alone: in a question it is most
// often about plans made this year. Today is China's: followers and the
// articles' dates are.
func (r reader) absoluteYears(text string) string {
	if !strings.Contains(text, "今年") && !strings.Contains(text, "去年") && !strings.Contains(text, "前年") &&
		!strings.Contains(text, "上个月") && !strings.Contains(text, "上月") && !strings.Contains(text, "本月") && !strings.Contains(text, "这个月") {
		return text // most texts: not segmented here
	}
	now := r.ix.now().In(chinaTime)
	words := r.ix.seg.queryWords(text)
	var b strings.Builder
	at, pos := 0, 0 // copied up to at; words looked for from pos
	for k := 0; k < len(words); k++ {
		w := words[k]
		i := strings.Index(text[pos:], w)
		if i < 0 {
			continue // a word cleaned of what the text has; the rest is copied as it is
		}
		i += pos - at
		pos = at + i + len(w)
		// 去年底 and 今年初 are words of their own.
		word, rest := w, ""
		if len(w) == len("去年底") && strings.ContainsAny(w[len("去年"):], "底初末内") {
			word, rest = w[:len("去年")], w[len("去年"):]
		}
		written := ""
		switch word {
		case "今年", "去年", "前年":
			back := strings.Index("今去前", word[:len("今")]) / len("今")
			written = strconv.Itoa(now.Year()-back) + "年"
		case "上个月", "上月", "本月", "这个":
			if k > 0 && words[k-1] == "上" { // 上上个月: not last month
				continue
			}
			if word == "这个" {
				// 这个 月: one month only when the text has them side by side.
				if k+1 == len(words) || words[k+1] != "月" || !strings.HasPrefix(text[pos:], "月") {
					continue
				}
				k++
				pos += len("月")
				w += "月"
			}
			back := 0
			if strings.HasPrefix(word, "上") {
				back = 1
			}
			t := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -back, 0)
			written = fmt.Sprintf("%d年%d月", t.Year(), t.Month())
		default:
			continue
		}
		b.WriteString(text[at : at+i])
		b.WriteString(written)
		b.WriteString(rest)
		at += i + len(w)
	}
	if at == 0 {
		return text
	}
	b.WriteString(text[at:])
	return b.String()
}

// digitYears writes the years a query gives in characters (二〇二四年,
// 二零二四年) in digits, as the articles' years are indexed: 二〇二四年政府工作报告
// found nothing of the report (a follower run's find). Only years from 1900
// to 2099: 一二三四年 is no year.
func digitYears(text string) string {
	if !strings.Contains(text, "年") || !strings.ContainsAny(text, "一二") {
		return text
	}
	return hanYearRe.ReplaceAllStringFunc(text, func(m string) string {
		y := hanYears(m)[0]
		if !strings.HasPrefix(y, "19") && !strings.HasPrefix(y, "20") {
			return m
		}
		return y + "年"
	})
}

// fullYear writes a question's opening two-digit year in full, as
// followers mean it (24年政府工作报告 is 2024's: a follower run's find, which
// listed 2023's, 2007's and 2017's first): this century's, not one to come,
// and not a span (24年来, 20年前, 30年了). Only at the start: 入职20年 is
// twenty years.
func (r reader) fullYear(text string) string {
	// Said in Han digits, 二五年GDP is 25年GDP (a follower run's find: a
	// card on 二〇二五年新年贺词).
	if d1, n1 := utf8.DecodeRuneInString(text); strings.ContainsRune(hanDigits, d1) {
		if d2, n2 := utf8.DecodeRuneInString(text[n1:]); strings.ContainsRune(hanDigits, d2) && strings.HasPrefix(text[n1+n2:], "年") {
			digit := func(r rune) byte { return byte('0' + strings.IndexRune(hanDigits, r)/len("〇")) }
			if y := r.fullYear(string([]byte{digit(d1), digit(d2)}) + text[n1+n2:]); y[0] == '2' {
				return y
			}
		}
	}
	if len(text) < 3 || text[0] < '0' || text[0] > '9' || text[1] < '0' || text[1] > '9' || !strings.HasPrefix(text[2:], "年") {
		return text
	}
	next, _ := utf8.DecodeRuneInString(text[2+len("年"):])
	if !isHan(next) || strings.ContainsRune("来间前后多了以里内半代", next) {
		return text
	}
	y := 2000 + int(text[0]-'0')*10 + int(text[1]-'0')
	if y > r.ix.thisYear()+1 {
		return text
	}
	return strconv.Itoa(y) + text[2:]
}

// joinedAcrossSpaces takes out a space a phone keyboard put inside a term:
// where the characters either side of it make a word of four characters
// or more the index or the synonyms know (新质 生产力, 国务院 常务会议: a
// follower run's find, a card on 深圳六个90%的背后 and the 2022 obituary
// first). Two words put side by side (半导体 芯片) stay apart.
func (r reader) joinedAcrossSpaces(text string) string {
	if !strings.Contains(text, " ") {
		return text
	}
	known := func(w string) bool {
		return r.v.has(w) || r.v.synonyms != nil && r.v.synonyms.terms[w]
	}
	rs := []rune(text)
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		if rs[i] == ' ' && i > 0 && i+1 < len(rs) && isHan(rs[i-1]) && isHan(rs[i+1]) {
			// The Han runs either side, up to six characters of each.
			a := i
			for a > 0 && i-a < 6 && isHan(rs[a-1]) {
				a--
			}
			b := i + 1
			for b < len(rs) && b-i-1 < 6 && isHan(rs[b]) {
				b++
			}
			joined := false
			for x := a; x < i && !joined; x++ {
				for y := b; y > i+1 && !joined; y-- {
					joined = y-x-1 >= 4 && known(string(rs[x:i])+string(rs[i+1:y]))
				}
			}
			if joined {
				continue
			}
		}
		out = append(out, rs[i])
	}
	return string(out)
}

// hanDigits are the Han digits 0 to 9, each three bytes.
const hanDigits = "〇一二三四五六七八九"

// chinaTime is China Standard Time, which has no daylight saving.
var chinaTime = time.FixedZone("CST", 8*3600)

// thisYear is the year in China now: the one 今年 names, and so a key of
// kept answers, which must change with it.
func (ix *Index) thisYear() int { return ix.now().In(chinaTime).Year() }

// thisMonth is China's month, counted from year 0: what 今年, 去年, 上个月
// and 本月 name, for the answers kept under a query.
func (ix *Index) thisMonth() int {
	now := ix.now().In(chinaTime)
	return now.Year()*12 + int(now.Month()) - 1
}

// partyCongress is 党的 before a congress of the reform era's numbers.
var partyCongress = regexp.MustCompile(`党的((?:二十|十[一二三四五六七八九]?|1[0-9]|20)大)`)

// parse turns a follower's text, as prepareQuery left it, into clauses.
// Synonym phrases are found first, on the raw text, so that 国务院常务会议
// is matched whole before segmentation cuts it.
func (r reader) parse(text string) query {
	text = r.absoluteYears(digitYears(r.fullYear(completed(r.joinedAcrossSpaces(text)))))
	text, fullText := r.withoutFullText(text)
	if strings.Contains(text, "党的") {
		// 党的二十大 is the congress: 党 a word of its own, which the
		// report's title lacks, kept it out of the candidates (a follower
		// run's find: 党的二十大报告全文 listed four news items, not it).
		// Not 党的四大, which numbers only as the Party's.
		text = partyCongress.ReplaceAllString(text, "$1")
	}
	if strings.Contains(text, "两会") && strings.Contains(text, "政府工作报告") && utf8.RuneCountInString(text) <= 24 { // a question, not a passage pasted
		// The report is the one given at the 两会, which its text does not
		// name: beside it, 两会 is no word to find (两会政府工作报告: no
		// match; 2025年两会政府工作报告, the 部长通道 first; 两会上的政府
		// 工作报告, 1978's: a follower run's finds).
		text = strings.TrimSpace(sessionsOfReport.ReplaceAllString(text, ""))
	}
	q := query{text: text, fullText: fullText, seg: r.ix.seg}
	if strings.ContainsAny(q.text, "12") { // every year the pattern matches starts 19 or 20
		for _, m := range yearRe.FindAllStringSubmatch(q.text, -1) {
			y, _ := strconv.Atoi(m[1])
			if !slices.Contains(q.years, y) && len(q.years) < maxYears {
				q.years = append(q.years, y)
			}
		}
	}
	q.mentions = mentions(q.text, maxMentions)
	for _, m := range q.mentions {
		switch m.measure {
		case "届", "次", "号", "周年", "期", "批", "轮":
			q.ordinals = append(q.ordinals, m)
		case "月":
			q.months = append(q.months, m)
		}
	}
	q.day = fullDate(q.text)
	syn := r.v.synonyms
	seen := map[string]bool{}
	unseen := 0 // words never seen, looked for as their pairs
	// A topic's name no article has, as the query's only words: 申论 is
	// missing from a news store, but 申论素材 浦江经验 asks for 浦江经验 too.
	missing := false
	var addWord func(w string, alts []string)
	addWord = func(w string, alts []string) {
		if stopWords[w] || seen[w] {
			return
		}
		seen[w] = true
		if alts != nil {
			q.clauses = append(q.clauses, r.synonymClause(w, alts))
			return
		}
		if r.v.has(w) || !hasHan(w) {
			c := q.single(w)
			if hasHan(w) {
				if c.parts = r.partsOf(w, utf8.RuneCountInString(w)-1); c.parts != nil {
					c.whole = phrasePairs(w)
				}
			}
			q.clauses = append(q.clauses, c)
			return
		}
		if parts := r.knownParts(w); parts != nil {
			for _, p := range parts {
				addWord(p, syn.alternatives(p))
			}
			return
		}
		// A word the index has never seen: look for its characters in
		// pairs, in titles and summaries.
		bgs := hanBigrams(w)
		if len(bgs) == 0 {
			q.clauses = append(q.clauses, q.single(w))
		}
		unseen++
		// A topic's name (枫桥经验, a synonym's) no article has is a topic
		// the store lacks, not a word misspelt.
		missing = missing || topicTerms[w] || syn != nil && syn.terms[w]
		for _, bg := range bgs {
			if !seen[bigramPrefix+bg] {
				seen[bigramPrefix+bg] = true
				c := q.single(bigramPrefix + bg)
				c.pairOf = unseen
				q.clauses = append(q.clauses, c)
			}
		}
	}
	// Chunks are the runs of the query as typed, for phrase checks. A stop
	// word ends one: in 海南自贸港哪天封关 the phrases are 海南自贸港 and 封关,
	// and a title holding both should count as holding the query's phrases.
	// A chunk is built from pieces: words, and synonyms or related terms
	// with the other ways to put them.
	type piece struct {
		text string
		alts []string
	}
	var pieces []piece
	before := 0
	// lastKept is the query's last word kept to search: a topic of an
	// earlier run is ahead of a request in a later one (生态文明建设，面试题:
	// a follower run's find, no match where 生态文明建设面试题 lists it);
	// an exam's word is none (遴选，面试题 asks for the exam).
	lastKept := ""
	appendRun := func(s string, alts []string) {
		if s != "" {
			pieces = append(pieces, piece{s, alts})
			lastKept = s
		}
	}
	endChunk := func() {
		if len(pieces) > 0 && len(q.chunks) < maxChunks {
			texts := make([]string, len(pieces))
			for i, p := range pieces {
				texts[i] = p.text
			}
			c := makeChunk(texts, typedWords(q.clauses[before:])-r.unknownLatin(q.clauses[before:]))
			for i, p := range pieces {
				for _, alt := range p.alts {
					if alt == p.text || len(c.others) == maxForms {
						continue
					}
					texts[i] = alt
					form := makeChunk(texts, c.words)
					form.runes, form.typedPairs = c.runes, c.typedPairs
					c.others = append(c.others, form)
				}
				texts[i] = p.text
			}
			q.chunks = append(q.chunks, c)
		}
		pieces = pieces[:0]
		before = len(q.clauses)
	}
	for _, text := range queryRuns(q.text) {
		var cut *wordCut
		edgeAt := func(i int, start bool) bool {
			if cut == nil {
				cut = newWordCut(r.ix.seg, text, r.ix.seg.queryWords(text))
			}
			return cut.edge(i, start)
		}
		afterTerm := "" // the part before, a synonym group's term (GDP in GDP数据)
		for _, part := range syn.split(text, edgeAt) {
			if part.synonym {
				afterTerm = part.text
				q.cut = append(q.cut, part.text)
				alts := syn.alternatives(part.text)
				if !seen[part.text] {
					seen[part.text] = true
					q.clauses = append(q.clauses, r.synonymClause(part.text, alts))
				}
				appendRun(part.text, alts)
				continue
			}
			words := r.ix.seg.queryWords(part.text)
			term := afterTerm
			after := term != "" || lastKept != "" && !examWords[lastKept] && !examTracks[lastKept]
			afterTerm = ""
			base := len(q.cut)
			q.cut = append(q.cut, words...)
			for i := 0; i < len(words); {
				if n := syn.run(words, i); n > 0 {
					// A related term the segmenter cuts apart (雾霾),
					// found as its words in a row.
					joined := strings.Join(words[i:i+n], "")
					alts := syn.alternatives(joined)
					if !seen[joined] {
						seen[joined] = true
						q.clauses = append(q.clauses, r.synonymClause(joined, alts))
					}
					appendRun(joined, alts)
					i += n
					continue
				}
				if sendMe(words, i) {
					// 发我一下, before or after the topic: a request, not
					// a name of single characters (二十大报告发我一下 had
					// searched 发我: a follower run's find).
					endChunk()
					i += 2
					continue
				}
				if j, pairs := r.singlesRun(words, i); j > i {
					// Single characters in a row may be a name the
					// segmenter cut apart (里约 → 里, 约): match them as
					// their pairs as written, or else one by one.
					joined := strings.Join(words[i:j], "")
					if !seen[joined] {
						seen[joined] = true
						q.clauses = append(q.clauses, clause{alts: [][]string{pairs, words[i:j:j]}})
					}
					appendRun(joined, nil)
					i = j
					continue
				}
				w := words[i]
				i++
				if stopWords[w] || isRequest(words, i-1, after) || figuresAsked(words, i-1, term, syn) {
					if !stopWords[w] {
						q.framing = append(q.framing, base+i-1)
					}
					endChunk()
					continue
				}
				if whole, frac, ok := strings.Cut(w, "."); ok && !seen[w] {
					// 5.7 is a figure, but 3.15 and 12.4 are as often
					// dates, which articles write 3·15 and 12月4日:
					// the number as typed, or its two parts.
					seen[w] = true
					q.clauses = append(q.clauses, r.synonymClause(w, []string{whole + " " + frac}))
					appendRun(w, nil)
					continue
				}
				alts := syn.alternatives(w)
				addWord(w, alts)
				appendRun(w, alts)
			}
		}
		endChunk()
	}
	q.clauses = r.keepRarest(q.clauses)
	q.lacking = missing && !slices.ContainsFunc(q.clauses, func(c clause) bool { return c.pairOf == 0 })
	return q
}

// compared is the query's text as compared with titles: its words less
// its framing, each where it was (the first 发 of the text had been taken
// out for the 发 asking: 高质量发展发一下 lost 发展's: a review's find).
func (q *query) compared() string {
	if len(q.framing) == 0 && !slices.ContainsFunc(q.cut, func(w string) bool { return askingParticles[w] }) {
		return q.text
	}
	var b strings.Builder
	for i, w := range q.cut {
		if !slices.Contains(q.framing, i) && !askingParticles[w] {
			b.WriteString(w)
		}
	}
	return b.String()
}

// askingParticles are the words of asking, not of a topic, that titles are
// not compared by: 2026年6月的CPI是多少 had its figures' card at 0.39 (under
// min_score) where 2026年6月CPI had it at 0.79 (a follower run's find).
var askingParticles = withAll(setOf("的", "了", "吗", "呢", "吧", "啊", "呀", "嘛", "呗", "是", "多少",
	// A request's courtesy and urgency: 我想了解一下国常会 had its
	// meetings at 0.82, under a series' sureness, oldest first, where
	// 国常会 lists them newest first (a follower run's find).
	"我", "想", "一下", "请"), courtesyWords)

// withAll is set with words in it too.
func withAll(set map[string]bool, words []string) map[string]bool {
	for _, w := range words {
		set[w] = true
	}
	return set
}

// A series is articles of one title but for its numbers (each year's
// 政府工作报告, each 国务院常务会议), all answering surely and alike: by score
// they came in the order of their lengths (2023's report, 2024's, 2022's,
// 2006's; 2025's ninth), where a follower asking for it means the latest.
const (
	seriesSure  = 0.9 // the confidence of a series' leading article
	seriesTie   = 0.1 // ... and how much less the others may have
	seriesDepth = 64  // the candidates a series is ordered among: as deep as 更多 searches
)

// onlyYears reports whether the query numbers nothing but years: 2025年国常会
// asks for that year's meetings, newest first as a series always is (they
// had come in the order of their words, February's before May's before
// March's: a conversation run's find); 第十五次 asks which one.
func onlyYears(ms []mention) bool {
	for _, m := range ms {
		if m.measure != "年份" {
			return false
		}
	}
	return true
}

// newestFirst puts the members of each series among the sorted candidates
// (the first seriesDepth of them) in the places they hold, newest first;
// the other candidates keep theirs (a full text asked for stays above news
// of a series). A series is its surest member's, scored seriesSure or
// more, with the others within seriesTie of it, wherever each ranks (a
// review's find: only the first confident candidate's series had been
// ordered, from it on, so 广交会开幕 listed its fairs oldest first below a
// one-off title). Asked for a year, a series whose titles name theirs
// keeps its order: 2025新年贺词 asks for 二〇二五年新年贺词, and the one of
// 二〇二六年, given on 2025-12-31, is of the year asked too. It reports
// whether there was a series.
func newestFirst(cands []cand, v *view, q *query, fullTextMiss float64) bool {
	yearAsked := len(q.years) > 0
	// Asked for a full text, a series of short articles is as sure as its
	// cut leaves it (新年贺词全文 listed 2025's, 2024's, then 2026's address:
	// a follower run's find).
	sureAt, tie := seriesSure, seriesTie
	if q.fullText {
		sureAt, tie = sureAt*fullTextMiss, tie*fullTextMiss
	}
	// The candidates that may be a series' members: few for most queries.
	var sureBuf [seriesDepth]int
	sure := sureBuf[:0]
	for i := range min(len(cands), seriesDepth) {
		if cands[i].conf >= sureAt-tie {
			sure = append(sure, i)
		}
	}
	found := false
	var grouped [seriesDepth]bool
	var slotsBuf [seriesDepth]int
	var membersBuf [seriesDepth]cand
	for k, i := range sure {
		if grouped[k] {
			continue
		}
		// The series of candidate i: each candidate of its title but for
		// numbers, cut at seriesTie below the surest of them.
		title, top := v.docs[cands[i].d].titleText, 0.0
		slots := slotsBuf[:0]
		for l := k; l < len(sure); l++ {
			if j := sure[l]; !grouped[l] && (l == k || sameSeries(v.docs[cands[j].d].titleText, title) || sameHeadline(v.docs[cands[j].d].titleText, title, q) || sameTopic(&v.docs[cands[j].d], &v.docs[cands[i].d], q)) {
				grouped[l] = true
				slots = append(slots, j)
				top = max(top, cands[j].conf)
			}
		}
		members := membersBuf[:0]
		kept := slots[:0]
		for _, j := range slots {
			if cands[j].conf >= top-tie {
				kept = append(kept, j)
				members = append(members, cands[j])
			}
		}
		if top < sureAt || len(kept) < 2 || yearAsked && namesAYear(title) {
			continue
		}
		found = true
		slices.SortStableFunc(members, func(a, b cand) int { return cmp.Compare(v.days[b.d], v.days[a.d]) })
		for m, j := range kept {
			cands[j] = members[m]
		}
	}
	return found
}

// sameHeadline reports whether two titles open with the same headline but
// for numbers (中共中央政治局召开会议, then what each meeting did) and
// that headline holds all the query asks (a year too): 政治局会议 asks for
// the series, newest first, not for the meeting of one agenda (they had
// come 2025's, 2026's, 2024's: a follower run's find).
func sameHeadline(a, b string, q *query) bool {
	ha, hb := headline(a), headline(b)
	if ha == "" || hb == "" || !sameSeries(ha, hb) {
		return false
	}
	return holdsQuery(ha, q)
}

// holdsQuery reports whether text holds every clause of the query.
func holdsQuery(text string, q *query) bool {
	for _, c := range q.clauses {
		if !slices.ContainsFunc(c.alts, func(alt []string) bool {
			return !slices.ContainsFunc(alt, func(w string) bool { return !strings.Contains(text, w) })
		}) {
			return false
		}
	}
	return len(q.clauses) > 0
}

// sameTopic reports whether the query is a topic's name alone (两会,
// 乡村振兴; not 四下基层是什么, which asks what it is) and both titles
// hold it. Asked for a topic alone, its articles are a series too, newest
// first (两会 listed 2023's 代表通道 first, then 2025's, 2023's, 2026's:
// a follower run's find).
func sameTopic(a, b *doc, q *query) bool {
	return q.typedAlone && !q.fullText && len(q.clauses) == 1 && len(q.years) == 0 && len(q.mentions) == 0 &&
		!numeralsOnly(q.clauses[0].alts[0]) && holdsQuery(titleOnly(a), q) && holdsQuery(titleOnly(b), q)
}

// numeralsOnly reports whether words are numbers alone: 讲讲十九 names no
// topic whose titles are a series (a re-check's find: a 2024 article
// holding 十九 came first, not the 十九大 report).
func numeralsOnly(words []string) bool {
	for _, w := range words {
		if strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) && !strings.ContainsRune(hanNumerals, r) }) >= 0 {
			return false
		}
	}
	return true
}

// titleOnly is a doc's title as titleText has it, without its tags (a
// demo article tagged 政府工作报告 is none of the report's).
func titleOnly(d *doc) string { return lower(foldText(d.card.title)) }

// headline is a title's words before its first space, or "" for a title
// of one part.
func headline(title string) string {
	i := strings.IndexAny(title, " 　")
	if i < 0 {
		return ""
	}
	return title[:i]
}

// sameSeries reports whether two titles are the same but for their numbers
// and spaces (2024年中华人民共和国国务院政府工作报告 and 2025年…).
func sameSeries(a, b string) bool {
	for {
		a, b = withoutNumbersAhead(a), withoutNumbersAhead(b)
		if a == "" || b == "" {
			return a == b
		}
		ra, sa := utf8.DecodeRuneInString(a)
		rb, sb := utf8.DecodeRuneInString(b)
		if ra != rb {
			return false
		}
		a, b = a[sa:], b[sb:]
	}
}

// withoutNumbersAhead is s without the digits, numerals and spaces it opens
// with.
func withoutNumbersAhead(s string) string {
	return strings.TrimLeftFunc(s, func(r rune) bool {
		return unicode.IsDigit(r) || unicode.IsSpace(r) || strings.ContainsRune(hanNumerals, r)
	})
}

// knownParts cuts a word the index has never seen into words it has, of
// two characters or more, in as few as can be (公文写作 → 公文 写作), or
// returns nil. Searched as its pairs, such a word also looked for the pairs
// across its words (文写, 化面), matching titles that join other words
// there: 结构化面试 had a card on 中国式现代化面对面.
func (r reader) knownParts(w string) []string { return r.partsOf(w, 6) }

// partsOf cuts w into the fewest words the index has, of up to most runes
// each, or returns nil.
func (r reader) partsOf(w string, most int) []string {
	runes := []rune(w)
	n := len(runes)
	if n < 4 || n > 12 {
		return nil
	}
	// fewest[i] is the fewest parts runes[:i] cuts into, -1 where it
	// cannot; from[i] where the last of them starts.
	var fewest, from [13]int
	for i := 1; i <= n; i++ {
		fewest[i] = -1
		for l := 2; l <= min(most, i); l++ {
			j := i - l
			if fewest[j] < 0 || fewest[i] >= 0 && fewest[j]+1 >= fewest[i] {
				continue
			}
			if part := string(runes[j:i]); !strings.ContainsFunc(part, func(r rune) bool { return !isHan(r) }) && r.v.has(part) {
				fewest[i], from[i] = fewest[j]+1, j
			}
		}
	}
	if fewest[n] < 2 {
		return nil
	}
	parts := make([]string, fewest[n])
	for i, k := n, fewest[n]-1; i > 0; i, k = from[i], k-1 {
		parts[k] = string(runes[from[i]:i])
	}
	return parts
}

// formsFor returns chunks with each chunk that has other forms put in the
// form dc holds best (in its title, else in its summary, else the most of
// its pairs), in buf, and whether any was put another way. The places it
// found of those chunks (in the form chosen) are kept in places, so that
// find need not look for them again.
func formsFor(chunks []chunk, dc *doc, buf []chunk, places *chunkPlaces) ([]chunk, bool) {
	changed := false
	for i := range chunks {
		c := &chunks[i]
		if len(c.others) == 0 {
			continue
		}
		where, pairs := placeOf(c, dc)
		best, bestRank := c, formRank(c, where, pairs)
		for j := range c.others {
			o := &c.others[j]
			w, p := placeOf(o, dc)
			if r := formRank(o, w, p); r > bestRank {
				best, bestRank, where, pairs = o, r, w, p
			}
		}
		places.where[i], places.pairs[i], places.known[i] = where, pairs, true
		if best != c {
			if !changed {
				buf = append(buf[:0], chunks...)
				changed = true
			}
			buf[i] = *best
		}
	}
	if !changed {
		return chunks, false
	}
	return buf, true
}

// formRank is how well an article holds chunk c as typed, given where it
// holds it and how many of its pairs (placeOf): 3 in the title, 2 in the
// summary, else the share of its pairs anywhere.
func formRank(c *chunk, where uint8, pairs int) float64 {
	switch {
	case where == placeTitle:
		return 3
	case where == placeLead:
		return 2
	case len(c.pairs) == 0:
		return 0
	}
	return float64(pairs) / float64(len(c.pairs))
}

// joints returns the hashed character pairs of text that straddle two of
// its words (text as the segmenter cut it into words), or nil.
func joints(text string, words []string) [][2]uint64 {
	if len(words) < 2 {
		return nil
	}
	var out [][2]uint64
	at := 0
	for i, w := range words {
		j := strings.Index(text[at:], w)
		if j < 0 {
			return out
		}
		at += j
		if i > 0 && at > 0 {
			last, size := utf8.DecodeLastRuneInString(text[:at])
			first, _ := utf8.DecodeRuneInString(w)
			if isHan(last) && isHan(first) {
				h1, h2 := bloomHash(text[at-size : at+len(string(first))])
				out = append(out, [2]uint64{h1, h2})
			}
		}
		at += len(w)
	}
	return out
}

// typedWords is how many words the follower typed for clauses: a synonym
// counts as its words as typed (国家网信办 is three, whichever name an
// article uses), as it would without the synonym.
func typedWords(clauses []clause) int {
	n := 0
	for i := range clauses {
		if c := &clauses[i]; c.phrase != nil {
			n += len(c.alts[0])
		} else {
			n++
		}
	}
	return n
}

// unknownLatin counts the clauses that are a Latin word no article holds
// (lx, short for 遴选, in lx面试技巧): no word of a phrase, so a chunk of one
// with a known word is that word alone (a follower run's find: as a
// phrase of two words found in bodies, it lifted 面试技巧's 0.05 to 0.41).
// junkBesideNumbers reports whether the query's words are numbers and
// Latin words no article has, one of each at least.
func (r reader) junkBesideNumbers(clauses []clause) bool {
	junk, numbers := 0, 0
	for i := range clauses {
		alts := clauses[i].alts
		if len(alts) != 1 || len(alts[0]) != 1 {
			return false
		}
		switch w := alts[0][0]; {
		case strings.Trim(w, "0123456789") == "":
			numbers++
		case !hasHan(w) && !r.v.has(w):
			junk++
		default:
			return false
		}
	}
	return junk > 0 && numbers > 0
}

func (r reader) unknownLatin(clauses []clause) int {
	n := 0
	for i := range clauses {
		if alts := clauses[i].alts; len(alts) == 1 && len(alts[0]) == 1 && !hasHan(alts[0][0]) && !r.v.has(alts[0][0]) {
			n++
		}
	}
	return n
}

// makeChunk is the chunk of the pieces texts, in a row, holding words of
// the query's words.
func makeChunk(texts []string, words int) chunk {
	text := strings.Join(texts, "")
	c := chunk{text: text, runes: utf8.RuneCountInString(text), words: words, joints: joints(text, texts)}
	bgs := hanBigrams(text)
	c.pairs = make([][2]uint64, 0, len(bgs))
	for _, bg := range bgs {
		h1, h2 := bloomHash(bg)
		c.pairs = append(c.pairs, [2]uint64{h1, h2})
	}
	c.typedPairs = len(c.pairs)
	return c
}

// keepRarest keeps the maxClauses clauses with the fewest postings, in
// their order: a long message's topic is in its rare words, and the common
// ones are what would make reading it slow.
func (r reader) keepRarest(cs []clause) []clause {
	if len(cs) <= maxClauses {
		return cs
	}
	type ranked struct{ i, df int }
	order := make([]ranked, len(cs))
	for i := range cs {
		// An upper bound is enough to rank by: the smallest list of each
		// alternative, summed.
		df := 0
		for _, alt := range cs[i].alts {
			least := -1
			for _, t := range alt {
				if n := r.v.df(t); least < 0 || n < least {
					least = n
				}
			}
			df += max(least, 0)
		}
		order[i] = ranked{i, df}
	}
	slices.SortStableFunc(order, func(a, b ranked) int { return cmp.Compare(a.df, b.df) })
	keep := make([]bool, len(cs))
	for _, o := range order[:maxClauses] {
		keep[o.i] = true
	}
	out := cs[:0]
	for i, c := range cs {
		if keep[i] {
			out = append(out, c)
		}
	}
	return out
}

// singlesRun returns where a run of two to maxSinglesRun single Han
// characters starting at words[i] ends, and the run's pair terms, when
// titles or summaries hold all its pairs; otherwise i.
func (r reader) singlesRun(words []string, i int) (int, []string) {
	// A stop word may be part of the name (里约 starts with 里, "in"), but
	// a particle (的, 了) never is, and a run of stop words alone is no name.
	single := func(w string) bool {
		r, size := utf8.DecodeRuneInString(w)
		return size == len(w) && isHan(r) && !particles[w]
	}
	j, name := i, false
	for j < len(words) && j-i < maxSinglesRun && single(words[j]) {
		name = name || !stopWords[words[j]]
		j++
	}
	if j-i < 2 || !name {
		return i, nil
	}
	var pairs []string
	for _, bg := range hanBigrams(strings.Join(words[i:j], "")) {
		if !r.v.has(bigramPrefix + bg) {
			return i, nil
		}
		pairs = append(pairs, bigramPrefix+bg)
	}
	return j, pairs
}

// synonymClause is the clause of a word with alternatives: each segmented
// into the terms that must co-occur, the word itself first.
func (r reader) synonymClause(word string, alts []string) clause {
	var c clause
	add := func(a string) {
		ws := r.ix.seg.queryWords(a)
		if len(ws) == 0 {
			return
		}
		c.alts = append(c.alts, ws)
		c.phrase = append(c.phrase, phrase{a, joints(a, ws)})
	}
	add(word)
	c.literal = max(len(c.alts), 1)
	for _, a := range alts {
		if a != word {
			add(a)
		}
	}
	return c
}

// A roundup's item stands for the roundup when it holds storyMinCover of
// the query's information, and ranks at storyPrior of what an article of
// its own would (BENCHMARKS.md, issue 12: roundups' items).
const (
	storyMinCover = 0.9
	storyPrior    = 0.7
)

// digestTitles is how many articles must share a title for it to be a
// roundup's: a few stories share a title by chance.
const digestTitles = 5

// digestMemo remembers, for one view, which articles' titles are a
// roundup's (dfTitle ≥ digestTitles): refine asks it of most candidates of
// every query, each time a lookup of the whole title in every segment, and
// the answer changes only with the view. Two bits an article: known, and
// the answer.
type digestMemo struct {
	v    *view
	bits []atomic.Uint32
}

// digestTitle reports whether doc d's title is a roundup's, as
// v.dfTitle(title) >= digestTitles does, remembered for the index's current
// view (a search on an older one asks the view).
func (r reader) digestTitle(d uint32) bool {
	m := r.ix.digests.Load()
	if m == nil || m.v != r.v {
		if r.ix.view.Load() != r.v {
			return r.v.dfTitle(r.v.docs[d].titleText) >= digestTitles
		}
		nm := &digestMemo{v: r.v, bits: make([]atomic.Uint32, len(r.v.docs)/16+1)}
		if !r.ix.digests.CompareAndSwap(m, nm) {
			return r.v.dfTitle(r.v.docs[d].titleText) >= digestTitles
		}
		m = nm
	}
	w, shift := &m.bits[d/16], d%16*2
	if b := w.Load() >> shift; b&1 != 0 {
		return b&2 != 0
	}
	digest := r.v.dfTitle(r.v.docs[d].titleText) >= digestTitles
	known := uint32(1)
	if digest {
		known |= 2
	}
	w.Or(known << shift)
	return digest
}

// largeStore is the size from which a word no article uses counts at
// unknownWord: a store of a few thousand articles covers what its
// followers ask about.
const largeStore = 2000

// expansionWeight is what a match of an expansion counts for, in percent
// of a match of the word as typed.
const expansionWeight = 90

func hasHan(s string) bool { return strings.IndexFunc(s, isHan) >= 0 }

// isHan is unicode.Is(unicode.Han, r), with the common cases first.
func isHan(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x4E00 && r <= 0x9FFF:
		return true
	}
	return unicode.Is(unicode.Han, r)
}

// accumulator is per-query scratch space, pooled: the arrays are as long as
// the index and only the touched entries are reset.
type accumulator struct {
	docs    []docScore // by doc number: one cache line touched per posting, not three
	found   []uint64   // bit per doc: touched; small enough to stay in L1 while a common word's long list is read
	touched []uint32
	cands   []cand
	feats   []features // of cands, by position, while they are refined
	story   doc        // the roundup item a candidate stands for, while it is refined
	spare   []cand     // the candidates as first found, for refining them again
	forms   []chunk    // a candidate's chunks in the forms it holds
	// rarest has a bit per doc that has the query's rarest word, set while
	// markRarest is (as that word's postings are added).
	rarest     []uint64
	markRarest bool
}

type docScore struct {
	score, matched, titleMatched, leadMatched float32
}

func (ix *Index) getAccumulator(n int) *accumulator {
	acc, _ := ix.accumulators.Get().(*accumulator)
	if acc == nil || len(acc.docs) < n {
		size := n + n/4 + 64
		acc = &accumulator{docs: make([]docScore, size), found: make([]uint64, size/64+1), rarest: make([]uint64, size/64+1)}
	}
	return acc
}

// addList scores one packed posting list: the hot loop of every search.
func (acc *accumulator) addList(data []byte, idf, leadIdf float32, onlyKnown bool) {
	var doc uint32
	for i := 0; i < len(data); {
		var delta uint32
		if b := data[i]; b < 0x80 { // one-byte deltas are the common case
			delta = uint32(b)
			i++
		} else {
			v, n := binary.Uvarint(data[i:])
			delta = uint32(v)
			i += n
		}
		doc += delta
		if !onlyKnown || acc.found[doc>>6]&(1<<(doc&63)) != 0 {
			acc.add(doc, data[i], idf, leadIdf, onlyKnown)
		}
		i++
	}
}

// add scores one posting. leadIdf is what the word counts for in a summary:
// its idf for a rare word, nothing for a common one (取消, 关注 in a summary
// say little about what an article is about; a name does).
func (acc *accumulator) add(d uint32, imp uint8, idf, leadIdf float32, onlyKnown bool) {
	ds := &acc.docs[d]
	if ds.matched == 0 {
		if onlyKnown {
			return
		}
		acc.touched = append(acc.touched, d)
		acc.found[d>>6] |= 1 << (d & 63)
	}
	if acc.markRarest {
		acc.rarest[d>>6] |= 1 << (d & 63)
	}
	ds.score += idf * float32(imp&impactScale) / impactScale
	ds.matched += idf
	switch {
	case imp&inTitle != 0:
		ds.titleMatched += idf
	case imp&inLead != 0:
		ds.leadMatched += leadIdf
	}
}

func (ix *Index) release(acc *accumulator) {
	for _, d := range acc.touched {
		acc.docs[d] = docScore{}
		acc.found[d>>6] = 0
		acc.rarest[d>>6] = 0
	}
	acc.touched = acc.touched[:0]
	ix.accumulators.Put(acc)
}

// Ranking parameters. Coverage is the share of the query's information
// (sum of idf) an article matches; it enters the score squared, so that an
// article with all the query's words beats one with only its rarest.
const (
	yearBoost         = 1.5 // published in a year the query names
	numberBoost       = 1.2 // the title gives a number of the query with its measure word
	monthAfterWeight  = 0.8 // published the month after the month asked, its title naming none
	lackingMiss       = 0.4 // the confidence shown when the query names a topic no article has: under min_score
	titlePhraseBoost  = 1.6 // a chunk of the query appears as typed in the title
	leadPhraseBoost   = 1.2 // ... in the summary
	bodyPhraseBoost   = 1.1 // ... in the body
	recencyPerYear    = 0.01
	phraseCheckTop    = 16 // phrase and date checks on this many leading candidates
	minChunkForPhrase = 2  // characters

	passageRunes  = 24  // Han characters of a query read as a passage pasted, not a question
	passageCover  = 0.8 // the share of its information an article holding it has
	passageMargin = 0.2 // ... and its lead over the next (log of the ratio of their scores)
	passageConf   = 0.7 // the confidence shown then: a card
	passageLong   = 72  // Han characters of a passage that may carry a note of the follower's
)

func (r reader) rank(q query, n int, snippets bool) []content.Hit {
	v, ix := r.v, r.ix
	if len(q.clauses) == 0 || n <= 0 || v.live == 0 {
		return nil
	}
	N := float64(v.live)
	var total, unknown float64
	selective := false
	asked, dated := q.period()
	for i := range q.clauses {
		c := &q.clauses[i]
		r.clausePostings(c)
		// Removed articles' postings count until their segment merges:
		// more than the live articles, they made the idf, and scores,
		// negative (a review's find).
		df := min(float64(c.df), N)
		c.idf = math.Log(1 + (N-df+0.5)/(df+0.5))
		if df == 0 {
			// A word no article uses: in a large store more likely
			// misspelt or put another way than a topic the store lacks
			// (a small one lacks most topics), so it weighs less in
			// what the query asks for.
			c.idf *= 1 - (1-ix.params.unknownWord)*min(1, N/largeStore)
		}
		if c.phrase != nil {
			r.weighAlternatives(c, N)
		}
		dateWord := dated && isDateWord(c.alts[0][0], q)
		if dateWord {
			c.idf *= dateWordWeight
		}
		total += c.idf
		if df == 0 {
			unknown += c.idf
		}
		// The year asked selects no article: the articles of the year
		// hold it whatever their text says (2025年国家安全教育日: of its
		// common words, only the articles writing 2025 were read, and
		// the day's own article, which does not, was never found: a
		// follower run's find).
		if df > 0 && !common(df, N) && !dateWord {
			selective = true
		}
	}
	acc := ix.getAccumulator(len(v.docs))
	defer ix.release(acc)
	rare := ix.params.leadMinIdf * math.Log(1+(N-0.5)/1.5) // of the idf of a word in one article
	rarest := rarestClause(q.clauses, ix.params.rarestShare*total)
	// The pairs of a word never seen are that one word: 新时代枫桥经验 in a
	// summary is a mention, as 枫桥经验 is, not six words of the query.
	// So is a word beside Latin words no article uses: 枫桥经验 xyz (or ppt,
	// or href of pasted HTML) counted the summaries and answered a mention
	// at 0.54, where 枫桥经验 alone gets the mentions list. (An unknown Han
	// word is more often a word mistyped, and still counts.)
	several, first := false, -1
	for i := range q.clauses {
		switch c := &q.clauses[i]; {
		case c.df == 0 && !hasHan(c.alts[0][0]):
		case first < 0:
			first = i
		case c.pairOf == 0 || c.pairOf != q.clauses[first].pairOf:
			several = true
		}
	}
	// A word in a large share of all articles (中国, 发展) cannot decide
	// which of them answers; when the query has a more selective word, the
	// common one only adds to the articles that one found. So common words
	// go last, wherever the follower put them: typed first, 总理 in
	// 总理理事会第二十四次会议 found nothing yet and counted for nothing.
	for pass := range 2 {
		for i := range q.clauses {
			c := &q.clauses[i]
			onlyKnown := selective && common(float64(c.df), N)
			if onlyKnown != (pass == 1) {
				continue
			}
			r.addClause(acc, c, i == rarest, rare, several, onlyKnown)
		}
	}
	acc.markRarest = false

	if q.day > 0 {
		// A full date names the day's news: an article reporting that
		// day holds it as if a word, whatever its text says. Only such
		// queries pay for the pass over the days.
		var buf [64]uint32
		days := buf[:0]
		for d, day := range v.days {
			if q.reports(day) && !v.isDead(uint32(d)) {
				days = append(days, uint32(d))
			}
		}
		if df := min(float64(len(days)), N); df > 0 {
			idf := math.Log(1 + (N-df+0.5)/(df+0.5))
			total += idf
			for _, d := range days {
				acc.add(d, impactScale/2, float32(idf), 0, false)
			}
		}
	} else if p := &asked; dated {
		// So does a month with its year, or a year, for the articles
		// that found a word of the query and were published in it
		// (2026年7月政治局会议: the meeting's title names no date, and
		// titles naming 2026年 took every place), and for those of the
		// month after whose titles or summaries name it: a month's
		// figures come out in the next (2026年6月CPI: 上半年物价运行总体
		// 平稳 on 7月9日, its summary naming 6月份), a year's in its first
		// month, and a new year's address is on the last day of the
		// year before. A period no article was published in is a word
		// none has.
		df := 0
		for d, day := range v.days {
			// Not a removed article's: counted, re-imports while serving
			// made the idf (and the scores ranked first) hugely negative,
			// and a replica started since counted otherwise (a re-check's
			// find).
			if day >= p.from && day < p.to && !v.isDead(uint32(d)) {
				df++
			}
		}
		df = min(df, int(N))
		idf := math.Log(1 + (N-float64(df)+0.5)/(float64(df)+0.5))
		total += idf
		for _, d := range acc.touched {
			// An article around the period names it where it has the
			// query's words (2023年社会物流总额: 2023年我国物流恢复向好):
			// most have none in their titles or summaries, and are not
			// read for it.
			ds := &acc.docs[d]
			if p.holds(q, &v.docs[d], v.days[d], ds.titleMatched > 0 || ds.leadMatched > 0) {
				acc.add(d, impactScale/2, float32(idf), 0, true)
			}
		}
	}

	// The days of the years asked, [from, to) in days since the epoch.
	var yearsBuf [maxYears][2]int32
	years := yearsBuf[:0]
	for _, y := range q.years {
		from := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Sub(epoch) / (24 * time.Hour)
		to := time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC).Sub(epoch) / (24 * time.Hour)
		years = append(years, [2]int32{int32(from), int32(to)})
	}

	// Keep the leading candidates by BM25F and coverage in a bounded heap,
	// then refine those with phrase, date and recency checks.
	choose := func(top int) []cand {
		cands := acc.cands[:0]
		worse := func(a, b *cand) bool {
			if a.score != b.score {
				return a.score < b.score
			}
			return v.days[a.d] < v.days[b.d]
		}
		titleCover := ix.params.titleCover
		avgBody := max(v.fieldLen[fieldBody]/N, 1)
		for _, d := range acc.touched {
			if v.isDead(d) {
				continue
			}
			ds := acc.docs[d]
			cover := float64(ds.matched) / total
			score := float64(ds.score) * cover * cover
			// What a title holds says more than its length-normalised
			// weight in BM25F: a long title holding the whole query
			// (第十五届全国运动会在广东广州隆重开幕 习近平出席开幕式…) must not
			// fall behind the short titles of other stories that have its
			// words in their bodies, out of the candidates.
			if ds.titleMatched > 0 { // most touched articles hold nothing of it in their titles
				score *= 1 + titleCover*float64(ds.titleMatched)/total
			}
			// A full text's words are diluted by its length in BM25F, where
			// refine favours it by its length: it must not be out of the
			// candidates before that (二十大报告 had 16 news about the report
			// above the report). Weighed against an article of average length;
			// the weight stays with it into refine, which weighs every
			// candidate by its length again (taken out there, the report fell
			// behind the news on its own words, and the tune half's MRR@5 to
			// 0.914: BENCHMARKS.md).
			if dc := &v.docs[d]; float64(ds.titleMatched) >= 0.999*total && dc.bodyLen() >= fullTextTokens {
				score *= (1 + ix.params.lengthPrior*math.Log1p(float64(dc.bodyLen())/avgBody)) / (1 + ix.params.lengthPrior*math.Ln2)
			}
			// Published in a year asked: weighed so before the cut, or the
			// year's own articles never reach refine, which weighed them so
			// (a follower run's find: 2023年国常会 listed 4 of the year's 23
			// meetings, and 更多 3 more, behind other years' by their words).
			for _, span := range years {
				if day := v.days[d]; day >= span[0] && day < span[1] {
					score *= yearBoost
					break
				}
			}
			// Most articles fall below the weakest kept: they are dropped
			// before anything else of theirs is read.
			if len(cands) == top && (score < cands[0].score || score == cands[0].score && v.days[d] <= v.days[cands[0].d]) {
				continue
			}
			c := cand{d: d, score: score, cover: cover, tcv: float64(ds.titleMatched) / total, lcv: float64(ds.leadMatched) / total}
			if len(cands) < top {
				cands = append(cands, c)
				heapUp(cands, len(cands)-1, worse)
			} else {
				cands[0] = c
				heapDown(cands, 0, worse)
			}
		}
		acc.cands = cands
		return cands
	}
	cands := choose(max(phraseCheckTop, n))
	// Roundups' items (国内联播快讯's 2025年度中央机关公开遴选…明起报名) are
	// weighed only when no article answers surely: where one does, an
	// item on the same news is the lesser answer, and many more items
	// than articles hold a question's words by chance. The candidates are
	// refined again from where the first pass found them.
	spare := append(acc.spare[:0], cands...)
	acc.spare = spare
	hits, series := r.refine(q, n, snippets, acc, cands, false, total, unknown, rarest)
	if series && len(cands) < seriesDepth && len(acc.touched) > len(cands) {
		// A series is listed newest first as deep as 更多 reads, or its
		// first page would be the newest of a few leading candidates and
		// 更多 show newer ones (a review's find).
		hits, _ = r.refine(q, n, snippets, acc, choose(seriesDepth), false, total, unknown, rarest)
	}
	if len(hits) == 0 || hits[0].Score < correctionBelow {
		answers := func(c cand) bool { // an item of a roundup among the candidates holds the query
			dc := &v.docs[c.d]
			if len(dc.stories) == 0 || c.tcv != 0 || !r.digestTitle(c.d) {
				return false
			}
			_, _, _, ok := bestStory(q.clauses, total, dc.stories)
			return ok
		}
		if slices.ContainsFunc(spare, answers) {
			if items, _ := r.refine(q, n, snippets, acc, spare, true, total, unknown, rarest); len(items) > 0 && items[0].Story != nil && (len(hits) == 0 || items[0].Score > hits[0].Score) {
				hits = items
			}
		}
	}
	return hits
}

// refine weighs the leading candidates by phrases, dates, numbers and the
// confidence model, sorts them and returns the first n as hits; with
// stories, a roundup's item holding the query stands for the roundup.
// series reports that the candidates held a series, listed newest first.
func (r reader) refine(q query, n int, snippets bool, acc *accumulator, cands []cand, stories bool, total, unknown float64, rarest int) (_ []content.Hit, series bool) {
	ix, v := r.ix, r.v
	N := float64(v.live)
	avgBody := max(v.fieldLen[fieldBody]/N, 1)
	titleCover := ix.params.titleCover
	worse := func(a, b *cand) bool {
		if a.score != b.score {
			return a.score < b.score
		}
		return v.days[a.d] < v.days[b.d]
	}
	// Features are kept beside the candidates, not in them: the heap that
	// chose them moved candidates about for every article touched.
	if cap(acc.feats) < len(cands) {
		acc.feats = make([]features, len(cands))
	}
	feats := acc.feats[:len(cands)]
	month, monthAsked := q.period()
	monthAsked = monthAsked && len(q.months) > 0
	holdsRarest := func(d uint32) bool { return acc.rarest[d>>6]&(1<<(d&63)) != 0 }
	// When no candidate has the rarest word, it is the follower's aside
	// (萌新求助, 蹲一个), not what the answers are about: it cuts nothing.
	cutRarest := false
	for i := 0; rarest >= 0 && i < len(cands) && !cutRarest; i++ {
		cutRarest = holdsRarest(cands[i].d)
	}
	// As the model's, the cut is a large store's: in a small one most
	// words are rare, and the rarest says little.
	rarestCut := 1 - (1-ix.params.rarestMissing)*min(1, N/largeStore)

	best, second := 0.0, 0.0
	// A number beside Latin words no article has (foo 1, alert(1)) asks of
	// no topic: the number alone is unsure (1: 0.04), but what the unknown
	// words added listed 5 articles at 0.85 (an operator run's find).
	junkNumbers := r.junkBesideNumbers(q.clauses)
	chinaAsked := q.asksChinas()
	numKeys := q.numberKeys()
	qr := runesOf(q.compared(), q.latin)
	// A synonym counts as the words the follower typed (国家网信办 is three
	// whichever name an article uses), as it would without the synonym.
	typed := typedWords(q.clauses)
	latinWord := strings.ContainsFunc(q.text, func(r rune) bool { return r < utf8.RuneSelf && unicode.IsLetter(r) })
	queryClauses, queryLen := math.Log(float64(typed)), math.Log(float64(utf8.RuneCountInString(q.text)))
	for i := range cands {
		c := &cands[i]
		dc := &v.docs[c.d]
		// The query's shape (its characters, its length) stays as typed;
		// its chunks are checked in the forms this article holds.
		var places chunkPlaces
		chunks := q.chunks
		if forms, changed := formsFor(q.chunks, dc, acc.forms, &places); changed {
			acc.forms, chunks = forms, forms
		}
		if stories && c.tcv == 0 && len(dc.stories) > 0 && r.digestTitle(c.d) {
			// A roundup: the query is weighed against the item that
			// answers it, as if that were an article of its own, when
			// one item holds nearly all of it (one holding part of it,
			// in a roundup that holds the rest, answered 课程退款 with
			// 美定于今天启动违法关税退款程序). An article of its own
			// on the same news wins the tie: it is the fuller answer.
			if k, cover, inHead, ok := bestStory(q.clauses, total, dc.stories); ok {
				c.score *= (cover / max(c.cover, 1e-9)) * (cover / max(c.cover, 1e-9)) * (1 + titleCover*inHead) * storyPrior
				c.cover, c.tcv, c.lcv, c.story = cover, inHead, 0, k+1
				s := &dc.stories[k]
				acc.story = doc{titleText: s.head, pairs: s.pairs, day: dc.day, length: dc.length}
				dc = &acc.story
				places = chunkPlaces{} // found in the article, not in its item
			}
		}
		if c.story == 0 && c.tcv < c.cover {
			// A title holding a compound's words in another order (面试
			// 结构化 for 结构化面试) holds it as it holds them typed apart.
			if in := partsInTitle(q.clauses, dc) / total; in > 0 {
				tcv := min(c.cover, c.tcv+in)
				c.score *= (1 + titleCover*tcv) / (1 + titleCover*c.tcv)
				c.tcv = tcv
			}
		}
		pairShare := places.find(chunks, dc)
		if pairShare < 0 {
			// A query of Latin words and numbers has no character pairs:
			// what it has of them is what its words found. So has one of
			// several words with a Han character alone among them (5月CPI:
			// a card at 0.95 for 5月份CPI, whose 月份 is a pair, and no
			// match for it), as much as its title holds them (counted where
			// the summary held them too, 5月PMI got a card at 0.96 on
			// America's). One character alone (好), or with a number alone
			// (10大 had a card on 大金砖 at 0.67: a review's find), has none.
			switch {
			case q.latin:
				pairShare = c.cover
			case typed > 1 && latinWord:
				pairShare = c.tcv
			default:
				pairShare = 0
			}
		}
		phrase, phraseShare := ix.phrases(chunks, &places)
		c.score *= phrase
		adj := adjacency(chunks, dc)
		if ix.params.proximity > 0 {
			c.score *= 1 + ix.params.proximity*adj
		}
		yearMatch, ofYear, yearTold := false, false, false
		for _, y := range q.years {
			// A year the summary names may be the year of what it tells
			// (2003年提出的八八战略: a commentary of 2026 whose summary
			// names 2003 had got no match): neither agreeing nor not.
			yearTold = yearTold || titleNamesYear(dc.leadText, y)
			// The year the article is about is usually its publication
			// year, or named in its title (二〇二五年新年贺词 came out on
			// 2024-12-31).
			ofYear = ofYear || dayYear(dc.day) == y
			if ofYear || titleNamesYear(dc.titleText, y) || decemberReported(y, q.mentions, dc.day) {
				yearMatch = true
			}
		}
		if yearMatch && !ofYear { // published in the year asked: weighed so before the candidates were cut
			c.score *= yearBoost
		}
		if q.reports(dc.day) {
			c.score *= yearBoost // and more so of the day it names
		}
		c.score *= 1 + recencyPerYear*float64(dc.day)/365
		c.score *= 1 + ix.params.lengthPrior*math.Log1p(float64(dc.bodyLen())/avgBody)
		// How sure the match is: the query's information found, each word
		// counted by where it is (the title fully, the summary at leadShare,
		// the body at bodyShare), or the share found as typed phrases.
		placed := (c.tcv + ix.params.leadShare*c.lcv) / max(c.cover, 1e-9)
		conf := math.Pow(c.cover, ix.params.coverPow) * max(ix.params.bodyShare+(1-ix.params.bodyShare)*placed, phraseShare)
		// Of the year asked, but not of the month asked with it, is as far
		// from the question (上个月居民消费价格, 2026年11月: a card on
		// April's figures, as sure as of the month; a review's find).
		// The month after, naming neither, may hold the month's figures
		// (2024年6月国内发明专利有效量…, on 7月29日): it neither agrees nor
		// disagrees, as numberAgreement reads it.
		yearMiss := len(q.years) > 0 && !yearMatch && !yearTold || monthAsked && !month.holds(q, dc, dc.day, true) && (dc.day < month.to || dc.day >= month.after)
		if yearMiss {
			conf *= ix.params.yearMiss
		}
		// A recurring title (国内联播快讯) that holds none of the query is a
		// roundup of many stories: it mentions everything, and answers
		// little.
		// (dc is the roundup's item when one stands for it: its head is
		// asked of the view, not the article's title of the memo.)
		digest := c.tcv == 0 && ix.params.digest < 1 && (dc == &v.docs[c.d] && r.digestTitle(c.d) || dc != &v.docs[c.d] && v.dfTitle(dc.titleText) >= digestTitles)
		if digest {
			c.score *= ix.params.digest
			conf *= ix.params.digest
		}
		if c.foreign = chinaAsked && foreignSubject(dc.titleText); c.foreign {
			c.score *= foreignFigures // its confidence too, below
		}
		agree := numberAgreement(q.mentions, dc.titleText, dc.day)
		switch agree {
		case -1:
			conf *= ix.params.numberMiss
			c.score *= ix.params.numberMiss
		case 1:
			c.score *= numberBoost
		}
		// A month is the one number a title of figures states exactly
		// (5月CPI, 2025年12月CPI): one disagreeing weighs twice, or the rest
		// of a title (its year) outweighed it.
		if agree < 0 && len(q.months) > 0 && numberAgreement(q.months, dc.titleText, 0) < 0 {
			c.score *= ix.params.numberMiss
		}
		// Published the month after the one asked, a title naming no month
		// may report that month's figures, or be the next month's meeting:
		// it neither agrees nor disagrees, but gives way to one published
		// in the month (2025年3月国常会 listed April's meeting second, before
		// March's third and fourth: a follower run's find) unless its
		// summary names the month asked, as figures' do (2026年6月CPI's
		// 上半年物价运行总体平稳: a review's find).
		if agree == 0 && monthAfter(q.months, q.years, dc.titleText, dc.day) && numberAgreement(q.months, dc.leadText, 0) < 1 {
			c.score *= monthAfterWeight
		}
		c.conf = min(1, conf)
		explained, inTitle := qr.titleShares(dc.titleText)
		if q.latin {
			// Latin words compare with a title by their letters, which
			// the other name of a synonym group has none of (PMI's
			// 采购经理指数: China's figures scored 0.33–0.40 below the
			// euro zone's titled PMI, a follower run's find): the
			// title holds the query as its words say.
			inTitle = max(inTitle, c.tcv)
		}
		if dc.bodyLen() >= documentTokens {
			// A document's title field holds what its opening calls it
			// (报告 for the report titled 高举…旗帜 (二十大)): as much of the
			// query is in its title as the field holds.
			inTitle = max(inTitle, c.tcv)
		}
		feats[i] = features{fBias: 1, fCover: c.cover, fTitle: c.tcv, fLead: c.lcv, fPhrase: phraseShare, fAdjacent: adj,
			fYearMiss: b2f(yearMiss), fYearMatch: b2f(yearMatch && !yearMiss), fNumberMiss: b2f(agree < 0),
			fNumberMatch: b2f(agree > 0), fDigest: b2f(digest), fUnknown: unknown / total, fClauses: queryClauses,
			fHandConf: c.conf, fTitleExplains: explained, fQueryLen: queryLen, fQueryInTitle: inTitle, fBodyPairs: pairShare}
		if c.score > best {
			best, second = c.score, best
		} else {
			second = max(second, c.score)
		}
	}
	for i := range cands {
		c := &cands[i]
		other := best
		if c.score == best {
			other = second
		}
		// Clipped: in a small store the runner-up may be nothing like the
		// first, and a margin says nothing more past a few times.
		feats[i][fMargin] = max(-2, min(1, math.Log(max(c.score, 1e-12)/max(other, 1e-12))))
		if m := ix.params.model; m != nil {
			// The model was fitted on a store of twenty thousand
			// articles; in a small one the hand-made confidence holds,
			// and between them the two are blended.
			p, shown := m.predict(&feats[i])
			a, hand := min(1, N/largeStore), c.conf
			if feats[i][fNumberMiss] > 0 {
				// A title numbering the event otherwise (第136届 for the
				// 第140届 asked about) is most often a near miss: the
				// model's weight, fitted on the log loss of first hits,
				// is too mild for what a follower is shown, so the cut of
				// the hand-made confidence (which has it already) applies
				// on top (TestSearchQuality: one tune no-match question,
				// no answer lost).
				shown *= ix.params.numberMiss
			}
			c.conf = a*shown + (1-a)*hand
			c.score *= math.Pow(a*p+(1-a)*hand, ix.params.confPow)
		} else {
			c.score *= math.Pow(c.conf, ix.params.confPow)
		}
		// Asked for a document's full text, a short article is most often
		// news about it (or about another): a less sure answer. Only the
		// score shown is cut; the order stays that of the words.
		if q.fullText && !v.docs[c.d].fullText() {
			c.conf *= ix.params.fullTextMiss
		}
		// Nor can an article answer for a topic the store lacks: in a
		// store of 2,600 news articles without it, 枫桥经验 had a card at
		// 0.79 on 典型经验做法 and 新时代枫桥经验 one at 0.89 on 新时代的…
		// 经验 (an operator run's find).
		if q.lacking || junkNumbers {
			c.conf *= lackingMiss
		}
		if c.foreign {
			c.conf *= foreignFigures
		}
		// A title that does not number the event leaves it to the
		// summary: 中国新闻奖颁奖报告会举行 whose summary says 第三十二、三十三届
		// is not the 第三十六届 asked about. Summaries give counts and
		// dates of all kinds, so only ordinals count, and only against
		// the confidence shown: cutting the ranking score too moved the
		// margin of every other candidate and answered a no-match
		// question (BENCHMARKS.md).
		if f := &feats[i]; f[fNumberMiss] == 0 && f[fNumberMatch] == 0 && numberAgreement(q.ordinals, v.docs[c.d].leadText, 0) < 0 {
			c.conf *= ix.params.numberMiss
		}
		if cutRarest && (!holdsRarest(c.d) || c.story > 0 && !holdsClause(v.docs[c.d].stories[c.story-1].text, &q.clauses[rarest])) {
			c.conf *= rarestCut
		}
		// A number the query names (第三届, 20周年) that the article gives
		// nowhere, its body included, is most often another event's
		// article: 第三届中国中亚峰会开幕 had a card on the first summit at
		// 0.76, 中国加入世贸组织20周年 one on a study session on the WTO's
		// reform at 0.70. Only the score shown is cut, as for ordinals
		// above (TestSearchQuality: two tune no-match questions, no answer
		// lost; BENCHMARKS.md).
		if len(numKeys) > 0 {
			f := v.docs[c.d].pairs
			if c.story > 0 {
				f = v.docs[c.d].stories[c.story-1].pairs
			}
			if !f.hasAll(numKeys) {
				c.conf *= ix.params.numberAbsent
			}
		}
		// A passage pasted from an article (a sentence or more, every
		// character pair of it in one article, well ahead of the next)
		// is that article's, however little the model, fitted on short
		// questions, makes of its length: 200 characters of a body had
		// their article first 54 times in 60, answered 33 (a follower
		// run's find: pasted, a report's paragraph got no match).
		// A longer one may come with a few words of the follower's own
		// (转发：, 老师，这段话出自哪篇文章？, 求原文链接: no match, a follower
		// run's find): nine pairs in ten in one article are its article's.
		if f := &feats[i]; qr.total >= passageRunes && f[fBodyPairs] >= passageBody(qr.total) && f[fCover] >= passageCover && f[fMargin] >= passageMargin {
			c.conf = max(c.conf, passageConf)
		}
		if ix.hooks.features != nil && !stories { // the model was fitted on articles
			ix.hooks.features(q.text, v.docs[c.d].card.id, feats[i])
		}
		if ix.hooks.explain != nil {
			f := &feats[i]
			ix.hooks.explain(fmt.Sprintf("%s cover %.2f tcv %.2f lcv %.2f phrase %.2f year %v number %+.0f margin %.2f hand %.2f explains %.2f in title %.2f → conf %.2f score %.3f",
				v.docs[c.d].card.id, c.cover, c.tcv, c.lcv, f[fPhrase], f[fYearMatch] > 0, f[fNumberMatch]-f[fNumberMiss],
				f[fMargin], f[fHandConf], f[fTitleExplains], f[fQueryInTitle], c.conf, c.score) + storyNote(v.docs[c.d].stories, c.story))
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		switch {
		case worse(&b, &a):
			return -1
		case worse(&a, &b):
			return 1
		}
		return 0
	})
	if !stories && onlyYears(q.mentions) {
		series = newestFirst(cands, v, &q, ix.params.fullTextMiss)
	}
	hits := make([]content.Hit, 0, min(n, len(cands)))
	var terms markTerms
	if snippets {
		terms = snippetTerms(q)
	}
	for _, c := range cands[:min(n, len(cands))] {
		d := &v.docs[c.d]
		h := content.Hit{Article: d.card.article(), Score: c.conf}
		if c.story > 0 {
			h.Story = &d.stories[c.story-1].shown
		}
		if snippets {
			h.Snippet = snippet(terms, snippetText(d, &h))
		}
		hits = append(hits, h)
	}
	return hits, series
}

// latinQuery reports whether chunks hold Latin words and no Han
// characters: C919, 5G, GDP typed alone. Numbers alone (666, 2024) and a
// single letter (A, B: a poll's answer, a slip) are more often chat than a
// topic, and stay as unsure as they were.
func latinQuery(chunks []chunk) bool {
	letters, digits := 0, 0
	for i := range chunks {
		for _, r := range chunks[i].text {
			switch {
			case isHan(r):
				return false
			case unicode.IsLetter(r):
				letters++
			case unicode.IsDigit(r):
				digits++
			}
		}
	}
	return letters >= 2 || letters == 1 && digits > 0
}

// storyNote names the roundup item a candidate stands for, for explain.
func storyNote(stories []story, k int) string {
	if k == 0 {
		return ""
	}
	return " story " + stories[k-1].shown.Head
}

// partsInTitle is the information of the query's compounds that dc's
// title holds as their words, not as typed, where its text holds them as
// typed: a title holding 面试 and 结构化 of an article that never says
// 结构化面试 is not about it (its title had been credited with the query's
// other words: a review's find).
func partsInTitle(clauses []clause, dc *doc) (in float64) {
	title := dc.titleText
	for i := range clauses {
		c := &clauses[i]
		if len(c.parts) == 0 || strings.Contains(title, c.alts[0][0]) || !dc.pairs.hasAll(c.whole) {
			continue
		}
		if !slices.ContainsFunc(c.parts, func(p string) bool { return !strings.Contains(title, p) }) {
			in += c.idf
		}
	}
	return in
}

// bestStory is the roundup item whose headline holds some of the query and
// whose text holds storyMinCover of its information (of total) or more,
// holding most of it; ok is false when no item does. Most items' headlines
// hold none of the query, and their text is never read.
func bestStory(clauses []clause, total float64, stories []story) (best int, cover, inHead float64, ok bool) {
	bestSum := -1.0
	for k := range stories {
		s := &stories[k]
		var head float64
		var inHeadline [maxClauses]bool // a query has at most maxClauses (keepRarest)
		for i := range clauses {
			if c := &clauses[i]; c.df > 0 && holdsClause(s.head, c) {
				head += c.idf
				inHeadline[i] = true
			}
		}
		if head == 0 {
			continue
		}
		in, missing := head, 0.0
		for i := range clauses {
			c := &clauses[i]
			if c.df == 0 || inHeadline[i] {
				continue
			}
			if holdsClause(s.text, c) {
				in += c.idf
			} else if missing += c.idf; missing > (1-storyMinCover)*total {
				break
			}
		}
		if in >= storyMinCover*total && in+head > bestSum {
			best, bestSum, cover, inHead, ok = k, in+head, in/total, head/total, true
		}
	}
	return best, cover, inHead, ok
}

// holdsClause reports whether text has one of c's alternatives, each of
// its words.
func holdsClause(text string, c *clause) bool {
	for _, alt := range c.alts {
		all := len(alt) > 0
		for _, w := range alt {
			if !strings.Contains(text, w) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// addClause adds one clause's postings to acc. rare is the idf from which
// a word counts in summaries; several tells whether the query has other
// clauses. A common word (onlyKnown) only adds to articles already found.
func (r reader) addClause(acc *accumulator, c *clause, rarest bool, rare float64, several, onlyKnown bool) {
	acc.markRarest = rarest
	idf, leadIdf := float32(c.idf), float32(0)
	// A query of one word found in a summary has found a mention, not
	// the topic: summaries count when they hold several of its words.
	if c.idf >= rare && several {
		leadIdf = idf
	}
	for _, l := range c.lists {
		acc.addList(l.data, idf, leadIdf, onlyKnown)
	}
	lead := leadIdf > 0
	for _, p := range c.merged {
		if int(p.alt) < len(c.altIdf) {
			idf = c.altIdf[p.alt]
			if lead {
				leadIdf = idf
			}
		}
		acc.add(p.doc, p.impact, idf, leadIdf, onlyKnown)
	}
}

// A word is common when it is in more than commonShare of the articles,
// and in more than commonFloor of them (in a small store every word is in
// a large share).
const (
	commonShare = 0.1
	commonFloor = 500
)

func common(df, n float64) bool { return df > n*commonShare && df > commonFloor }

// cand is an article being ranked.
type cand struct {
	d                            uint32
	foreign                      bool // another economy's figures, asked for China's (foreignFigures)
	score, cover, tcv, lcv, conf float64
	story                        int // 1 + the roundup item answering, 0 for the whole article
}

// heapUp and heapDown keep h a min-heap under worse: the root is the
// weakest of the candidates kept.
func heapUp(h []cand, i int, worse func(a, b *cand) bool) {
	for i > 0 {
		p := (i - 1) / 2
		if !worse(&h[i], &h[p]) {
			return
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
}

func heapDown(h []cand, i int, worse func(a, b *cand) bool) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		w := l
		if r := l + 1; r < len(h) && worse(&h[r], &h[l]) {
			w = r
		}
		if !worse(&h[w], &h[i]) {
			return
		}
		h[i], h[w] = h[w], h[i]
		i = w
	}
}

// clausePostings finds a clause's postings: a single term's lists as they
// are, or for synonyms the union over alternatives (keeping the best
// impact), each alternative the intersection of its terms.
func (r reader) clausePostings(c *clause) {
	if len(c.alts) == 1 && len(c.alts[0]) == 1 {
		c.lists = r.v.lists(c.alts[0][0], nil)
		for _, l := range c.lists {
			c.df += int(l.n)
		}
		return
	}
	key := c.key()
	if hit, ok := r.ix.clauses.Get(key); key != "" && ok && hit.gen == r.v.gen {
		c.merged, c.altDF, c.df = hit.postings, hit.altDF, len(hit.postings)
		return
	}
	var out []posting
	var terms [][]*postingList
	for i, alt := range c.alts {
		expansion := c.literal > 0 && i >= c.literal
		var cur []posting
		if expansion && len(c.phrase[i].joints) > 0 {
			cur = r.phrasePostings(alt, c.phrase[i], terms[:0])
		} else {
			cur = r.intersection(alt, terms[:0])
		}
		if expansion && len(c.phrase[i].joints) == 0 {
			cur = weighExpansion(cur)
		}
		c.altDF = append(c.altDF, len(cur))
		if i == 0 {
			out = cur
		} else {
			// An article with several alternatives counts by the one worth
			// most: the words typed, else the one in fewest articles.
			altB, dfs := uint8(min(i, math.MaxUint8)), c.altDF
			out = union(out, cur, altB, func(altA uint8) bool {
				return int(altA) >= c.literal && dfs[altB] < dfs[altA]
			})
		}
	}
	c.merged, c.df = out, len(out)
	if key != "" && len(out) <= maxKeptPostings && r.ix.view.Load() == r.v {
		r.ix.clauses.Add(key, phraseHit{r.v.gen, out, c.altDF})
	}
}

// maxKeptPostings bounds a kept synonym clause or expansion (128 KB), so
// that what is kept stays within (clauseCacheSize + phraseCacheSize) × 128
// KB however common their words.
const maxKeptPostings = 1 << 14

// key names a synonym clause by what decides its postings: its
// alternatives as written and how many of them are the words typed. It is
// empty for other clauses, which are not kept.
func (c *clause) key() string {
	if c.phrase == nil {
		return ""
	}
	var b strings.Builder
	b.WriteByte(byte('0' + min(c.literal, 9)))
	for _, ph := range c.phrase {
		b.WriteByte(0)
		b.WriteString(ph.text)
	}
	return b.String()
}

// weighAlternatives sets what a synonym clause counts for in the query (its
// idf) and what a match of each alternative counts for. The clause weighs
// what the words typed would without the synonym: 新疆维吾尔自治区 is not made
// as common as 新疆 by having it for another name. An alternative counts
// for no more than that, and for no more than its own articles make it
// worth: an article with 新疆 alone matches the clause less than one with
// 新疆维吾尔自治区. A typed word no article has weighs what its
// alternatives' articles make it worth.
func (r reader) weighAlternatives(c *clause, N float64) {
	idfOf := func(df int) float64 { return math.Log(1 + (N-float64(df)+0.5)/(float64(df)+0.5)) }
	typed := len(c.altDF)
	if c.literal > 0 {
		typed = min(c.literal, typed)
	}
	w, known := c.idf, false
	for i := 0; i < typed; i++ {
		if c.altDF[i] > 0 {
			w, known = max(w, idfOf(c.altDF[i])), true
		}
	}
	if !known {
		return // every alternative counts as the clause does
	}
	c.idf = w
	c.altIdf = make([]float32, len(c.altDF))
	for i, df := range c.altDF {
		c.altIdf[i] = float32(w)
		if i >= typed && df > 0 {
			c.altIdf[i] = float32(min(w, idfOf(df)))
		}
	}
}

// intersection returns the articles holding every term of alt, with the
// weakest impact of the terms. terms is scratch space.
func (r reader) intersection(alt []string, terms [][]*postingList) []posting {
	for _, term := range alt {
		ls := r.v.lists(term, nil)
		if len(ls) == 0 {
			return nil
		}
		terms = append(terms, ls)
	}
	// Start from the shortest list: the intersection is no longer, and the
	// others are only scanned, never unpacked.
	slices.SortFunc(terms, func(a, b []*postingList) int { return cmp.Compare(total(a), total(b)) })
	var cur []posting
	for _, l := range terms[0] {
		cur = l.unpackTo(cur)
	}
	for _, ls := range terms[1:] {
		cur = intersect(ls, cur)
	}
	return cur
}

// phrasePostings returns the articles holding expansion ph (its words alt)
// as written, weighed as an expansion. Probing every article of common
// words' intersection for the pairs across them is most of the cost of a
// query with a long expansion, and the answer is the same for every query
// on a view: it is kept per expansion until the next view.
func (r reader) phrasePostings(alt []string, ph phrase, terms [][]*postingList) []posting {
	if hit, ok := r.ix.expansions.Get(ph.text); ok && hit.gen == r.v.gen {
		return hit.postings
	}
	cur := r.intersection(alt, terms)
	kept := cur[:0]
	for _, p := range cur {
		if r.v.docs[p.doc].pairs.hasAll(ph.joints) {
			kept = append(kept, p)
		}
	}
	kept = weighExpansion(slices.Clip(kept))
	// A search on an older view would push out the current one's.
	if len(kept) <= maxKeptPostings && r.ix.view.Load() == r.v {
		r.ix.expansions.Add(ph.text, phraseHit{r.v.gen, kept, nil})
	}
	return kept
}

// phraseHit is an expansion's or a synonym clause's postings on the view of
// generation gen (and a clause's articles by alternative): read, never
// changed, by every search that finds it.
type phraseHit struct {
	gen      uint64
	postings []posting
	altDF    []int
}

// weighExpansion counts an expansion's matches at expansionWeight, in place.
func weighExpansion(ps []posting) []posting {
	for j := range ps {
		p := &ps[j]
		p.impact = uint8(int(p.impact&impactScale)*expansionWeight/100) | p.impact&fieldBits
	}
	return ps
}

func total(ls []*postingList) uint32 {
	var n uint32
	for _, l := range ls {
		n += l.n
	}
	return n
}

// rarestClause is the query's rarest word (its clause's index), when it
// carries at least share of what the query asks (its information) and the
// query has another word any article has; -1 otherwise. An article without
// it is most often another event of the same kind, or a near miss: its
// confidence is cut, its rank left alone.
func rarestClause(clauses []clause, share float64) int {
	rarest, known := -1, 0
	for i := range clauses {
		c := &clauses[i]
		if c.df == 0 {
			continue
		}
		known++
		// An ordinal says which of the events the answers are of, not
		// what they are about: 第十七届进博会 had a card on 第十七届海峡论坛,
		// its ordinal being rarer than 进博会.
		if len(c.alts) > 0 && len(c.alts[0]) == 1 && ordinalWord(c.alts[0][0]) {
			continue
		}
		if rarest < 0 || c.df < clauses[rarest].df {
			rarest = i
		}
	}
	if rarest < 0 {
		return -1
	}
	if known < 2 || clauses[rarest].idf < share {
		return -1
	}
	return rarest
}

// ordinalWordRe is a word that is an ordinal alone (第十七届, 第24次).
var ordinalWordRe = regexp.MustCompile(`^第(?:[0-9]+|[` + hanNumerals + `]+)(?:届|次|号|期|批|轮|季|版)$`)

func ordinalWord(w string) bool { return strings.HasPrefix(w, "第") && ordinalWordRe.MatchString(w) }

// rankParams are the ranking's knobs; an index takes defaultRankParams,
// and the tuning sweep tries others on an index of its own.
type rankParams struct {
	bodyShare, yearMiss, confPow, titlePhrase, leadPhrase, bodyPhrase, lengthPrior, coverPow    float64
	numberMiss, leadShare, leadMinIdf, unknownWord, digest, proximity, fullTextMiss, titleCover float64
	rarestMissing, rarestShare                                                                  float64
	numberAbsent                                                                                float64
	model                                                                                       *confModel // nil: the hand-made confidence
}

// defaultRankParams are the knobs the dev-set measurement settled.
func defaultRankParams() rankParams {
	return rankParams{bodyShare: 0.3, yearMiss: 0.85, confPow: 3, model: shippedModel(), titlePhrase: 0.95, leadPhrase: 0.8, bodyPhrase: 0.6, lengthPrior: 0.8, coverPow: 1,
		numberMiss: 0.6, leadShare: 0.3, leadMinIdf: 0.4, unknownWord: 0.1, digest: 0.5, proximity: 0.2, fullTextMiss: 0.5, titleCover: 0.5,
		rarestMissing: 0.7, rarestShare: 0.35, numberAbsent: 0.5}
}

// phrases checks the query's chunks as typed: in the title, the summary,
// or (by its character pairs) the body. It returns the ranking boost of the
// best place found and the share of the query's characters found as
// phrases, each weighted by where.
func (ix *Index) phrases(chunks []chunk, places *chunkPlaces) (boost, share float64) {
	boost = 1
	var total, found float64
	for i := range chunks {
		c := &chunks[i]
		n := float64(c.runes)
		if n < minChunkForPhrase {
			continue
		}
		total += n
		switch {
		case places.where[i] == placeTitle:
			boost = max(boost, titlePhraseBoost)
			found += n * ix.params.titlePhrase
		case places.where[i] == placeLead:
			boost = max(boost, leadPhraseBoost)
			// One word in a summary is no phrase: it counts as a word
			// there does (leadShare), not as the query found as typed.
			if c.words > 1 {
				found += n * ix.params.leadPhrase
			}
		case c.words > 1 && len(c.pairs) > 0 && places.pairs[i] == len(c.pairs):
			boost = max(boost, bodyPhraseBoost)
			found += n * ix.params.bodyPhrase
		}
	}
	if total == 0 {
		return boost, 0
	}
	return boost, found / total
}

// adjacency is the share of the query's word boundaries whose character
// pair the article holds: how much of the query it has as the follower
// put it, word beside word, even where no whole phrase matches.
func adjacency(chunks []chunk, dc *doc) float64 {
	var n, found int
	for i := range chunks {
		for _, j := range chunks[i].joints {
			n++
			if dc.pairs.has(j) {
				found++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return float64(found) / float64(n)
}

func titleNamesYear(title string, y int) bool { return namesYear(title, strconv.Itoa(y)) }

// namesYear is titleNamesYear of a year in digits.
func namesYear(title, digits string) bool {
	if strings.Contains(title, digits) {
		return true
	}
	return strings.Contains(title, "年") && slices.Contains(hanYears(title), digits)
}

// namesAYear reports whether a title names a year, in digits (2025年) or
// numerals (二〇二六年).
func namesAYear(title string) bool {
	return strings.Contains(title, "年") && (yearRe.MatchString(title) || len(hanYears(title)) > 0)
}

func dayYear(day int32) int {
	if day == 0 {
		return 0
	}
	return epoch.AddDate(0, 0, int(day)).Year()
}

// queryRuns are the runs of letters and digits of text, with a decimal
// point between digits kept in its number (华龙一号2.0, 增长5.7%): the
// segmenter keeps 2.0 whole in articles, and 2 and 0 apart say nothing. A
// number with two points (2024.2.7, 1.2.3) is a date or a version, and is
// cut at both.
func queryRuns(text string) []string {
	var runs []string
	start := -1
	for i, r := range text {
		keep := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' && start >= 0 && decimalPoint(text, i)
		switch {
		case keep && start < 0:
			start = i
		case !keep && start >= 0:
			runs = append(runs, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		runs = append(runs, text[start:])
	}
	return runs
}

// decimalPoint reports whether the point at text[i] is the one point of a
// number: digits on both sides, and no other point at either end of them.
func decimalPoint(text string, i int) bool {
	if i == 0 || i+1 >= len(text) || !isDigit(text[i-1]) || !isDigit(text[i+1]) {
		return false
	}
	j := i - 1
	for j > 0 && isDigit(text[j-1]) {
		j--
	}
	k := i + 1
	for k < len(text) && isDigit(text[k]) {
		k++
	}
	return (j == 0 || text[j-1] != '.') && (k == len(text) || text[k] != '.')
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }
