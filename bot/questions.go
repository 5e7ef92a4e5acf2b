package bot

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"mpbot/content"
)

// A follower may ask several questions in one message, numbering them
// (老师，想请教几个问题：第一，新质生产力的内涵是什么；第二，枫桥经验和浦江经验有什么
// 区别；…): read whole, such a message found nothing (a study-platform
// follower run's find: five questions the demo answers, no match).

// questionMarker is where a numbered question begins: 第一， 第二个问题： 一、
// 1. 2、 (1) （二） ①, after the message's start, a space or punctuation; and
// as voice says it, 第一个问题是…, 第一个是…, 一是….
// (Brackets and circled numbers also right after a word: 两个确立（2）八八战略.)
var questionMarker = regexp.MustCompile(`(?:^|[\s\p{P}])(?:第([一二三四五六七八九十])(?:个问题(?:就是|是)?[，,：:、\s]?|(?:个|点)(?:就是|是)[，,：:、\s]?|(?:个|点|题|问)?[，,：:、\s])|([一二三四五六七八九十])(?:[、，：:]|是)|([1-9]|1[0-9]|20)[、.．:：)）])|[（(]([1-9]|1[0-9]|20|[一二三四五六七八九十])[)）]|([①②③④⑤⑥⑦⑧⑨⑩])`)

// questionAsks is a word that asks, for telling numbered questions (or
// short topics) from a pasted article's numbered headings and paragraphs.
var questionAsks = regexp.MustCompile(`[？?]|什么|怎么|如何|哪|吗|区别|理解|为什么|为何|多少|是否|有没有|能否|可否|啥`)

// numberedMessage is a message that numbers its parts: what comes before the
// first (why the follower asks, or the topic the parts are of) and the
// parts, in order.
type numberedMessage struct {
	preface string
	parts   []string
}

// numberedParts reads text as numbered parts when it numbers two or more
// of them 1, 2, 3… in turn; false otherwise, or when a part is longer than
// a question.
func numberedParts(text string) (numberedMessage, bool) {
	// Every marker holds one of these, or a second one is 二是 or 二，:
	// most messages are passed over without the regex (it ran for every
	// search, about 0.8 µs a question).
	if !strings.ContainsAny(text, "第(（①②③④⑤⑥⑦⑧⑨⑩、.．:：)）") && !strings.Contains(text, "二是") && !strings.Contains(text, "二,") && !strings.Contains(text, "二，") {
		return numberedMessage{}, false
	}
	var starts, ends []int
	for _, loc := range questionMarker.FindAllStringSubmatchIndex(text, -1) {
		n := 0
		for g := 1; g < len(loc)/2; g++ {
			if loc[2*g] >= 0 {
				n = numeral(text[loc[2*g]:loc[2*g+1]])
				break
			}
		}
		if n != len(starts)+1 {
			if len(starts) >= 2 {
				break // a list of its own inside the last question (its 1. of another count)
			}
			if n != 1 {
				continue
			}
			starts, ends = starts[:0], ends[:0] // a new count from 1
		}
		start := loc[0]
		if r, size := utf8.DecodeRuneInString(text[start:]); start < loc[1] && (unicode.IsPunct(r) || unicode.IsSpace(r)) && !strings.ContainsRune("（(", r) {
			start += size
		}
		starts, ends = append(starts, start), append(ends, loc[1])
	}
	if len(starts) < 2 {
		return numberedMessage{}, false
	}
	trim := func(s string) string {
		return strings.TrimFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	}
	nb := numberedMessage{preface: trim(text[:starts[0]])}
	for i := range starts {
		end := len(text)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		part := trim(withoutThanks(text[ends[i]:end]))
		if part == "" {
			continue
		}
		if utf8.RuneCountInString(part) > maxQuestionRunes {
			return numberedMessage{}, false // a paragraph: a pasted article's, not a question
		}
		nb.parts = append(nb.parts, part)
	}
	return nb, len(nb.parts) >= 2
}

// questions are the parts that are questions: one that asks, or a topic
// (两个确立, 2024年政府工作报告: a short part neither telling of the
// follower, 我…, nor what happened, …了); the others (我是乡镇公务员, 工作
// 三年了: the follower's case, told before the question) are passed over:
// read as questions, they had got articles (a re-check's find). Topics
// numbered and then compared (①两个确立②两个维护有什么区别, （1）枫桥经验（2）
// 浦江经验，这两个有什么不同) are one question, asked as two topics are:
// compared is it (another part had been searched for 这两个).
func (nb numberedMessage) questions() (questions []string, compared string) {
	last := len(nb.parts) - 1
	// Which of them is asked after the last (1.枫桥经验 2.新质生产力，哪个是
	// 重点: the last part had found nothing, a follower run's find): no
	// search answers it, each one's article helps to.
	if loc := whichOfThem.FindStringIndex(nb.parts[last]); loc != nil && loc[0] > 0 {
		nb.parts = append(slices.Clip(nb.parts[:last]), strings.TrimFunc(nb.parts[last][:loc[0]], func(r rune) bool { return !isWordRune(r) }))
	}
	if loc := comparison.FindStringIndex(nb.parts[last]); loc != nil {
		topics := slices.Clone(nb.parts[:last])
		if head := strings.TrimFunc(comparesParts.ReplaceAllString(nb.parts[last][:loc[0]], ""), func(r rune) bool { return !isWordRune(r) }); head != "" {
			topics = append(topics, head)
		}
		if !slices.ContainsFunc(topics, questionAsks.MatchString) {
			return nil, strings.Join(topics, "和") + "有什么区别"
		}
	}
	caseTold := caseAhead.MatchString(nb.preface) // 我的情况：1.基层工作5年 2.…
	for _, part := range nb.parts {
		if questionAsks.MatchString(part) || !caseTold && utf8.RuneCountInString(part) <= maxTopicRunes && !strings.Contains(part, "我") && !strings.HasSuffix(part, "了") {
			questions = append(questions, part)
		}
	}
	return questions, ""
}

// topics reports whether every part is a topic the search knows, asking
// nothing (①枫桥经验②浦江经验③四下基层): a list of topics, each to answer,
// though the whole message finds one of them (a re-check's find: only
// 四下基层's card).
func (nb numberedMessage) topics(topic func(string) bool) bool {
	return !slices.ContainsFunc(nb.parts, func(p string) bool { return questionAsks.MatchString(p) || !topic(p) })
}

// whichOfThem is a clause after the last part asking which of the parts
// (哪个是重点, 这两个哪个更重要, 哪一个考得多).
var whichOfThem = regexp.MustCompile(`[\p{P}\s](?:这两个|这几个|这三个|它们|两者|三者)?(?:之中|中间|中|里面|里)?哪(?:个|一个)[^\p{P}\s]*[\p{P}\s]*$`)

// caseAhead is a preface announcing the follower's case: its parts that
// ask nothing are the case.
var caseAhead = regexp.MustCompile(`情况|背景|条件|经历|基本信息|读过|看过|学过|已读|已经看`)

// maxTopicRunes is the longest part read as a topic without asking.
const maxTopicRunes = 12

// comparison is a part asking how the parts compare (有什么区别, 的异同,
// 这两个有什么不同), and comparesParts the words pointing back at them.
var (
	comparison    = regexp.MustCompile(`(?:这两个|这几个|两者|二者|三者|它们|他们|这些)?(?:之间)?(?:有|的|是)?(?:什么|啥|何)?(?:区别|不同|异同|联系|关系|差别|差异)`)
	comparesParts = regexp.MustCompile(`(?:这两个|这几个|两者|二者|三者|它们|他们|这些)(?:之间)?$`)
)

// maxQuestionRunes is the longest numbered part read as a question.
const maxQuestionRunes = 80

// numeral reads 1-20, 一-十 and ①-⑩.
func numeral(s string) int {
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case r >= '1' && r <= '9':
		n, _ := strconv.Atoi(s) // (1-20: the marker holds no more)
		return n
	case r >= '①' && r <= '⑩':
		return int(r-'①') + 1
	}
	return strings.IndexRune("一二三四五六七八九十", r)/len("一") + 1
}

// Question is one of a numbered message's questions: its number, as the
// follower wrote it, and what is searched for it.
type Question struct {
	N      int    `json:"n"`
	Text   string `json:"text"`
	Search string `json:"search"`
}

// eachQuestion answers numbered questions, each searched as its query:
// the surest article for each of the first max, in their order, the
// questions it answers under its title; nil when none is answered. A question whose surest article an
// earlier one has is answered by it (问题1、2: it had been said unanswered,
// the runner-up skipped: a re-check's find). Those past max are left in
// the list kept for 更多 (they had to be sent again: a follower run's
// find); list is what it keeps besides.
func (b *Bot) eachQuestion(ctx context.Context, s *Settings, m Message, list FollowUp, qs []Question) []Reply {
	looked := qs[:min(len(qs), s.search.MaxResults)]
	found, answers, none, err := b.surestOfEach(ctx, s, looked)
	if err != nil {
		return nil
	}
	return b.listOfEach(ctx, s, m, list, qs, found, answers, none)
}

// surestOfEach searches each question: the surest article of each
// answered (found, each with the questions it answers) and those none
// answers.
func (b *Bot) surestOfEach(ctx context.Context, s *Settings, qs []Question) (found []content.Hit, answers [][]Question, none []Question, err error) {
	for _, q := range qs {
		hits, err := b.catalog.Search(ctx, q.Search, s.searchN())
		if err != nil {
			return nil, nil, nil, err
		}
		relevant := relevantOf(hits, s.search.MinScore)
		if len(relevant) == 0 {
			none = append(none, q)
			continue
		}
		if k := slices.IndexFunc(found, func(f content.Hit) bool { return f.Article.ID == relevant[0].Article.ID }); k >= 0 {
			answers[k] = append(answers[k], q)
			continue
		}
		found, answers = append(found, relevant[0]), append(answers, []Question{q})
	}
	return found, answers, none, nil
}

// readingBeside answers today's reading asked for beside a topic
// (每日一读，枫桥经验; 发一下今天的每日一读，再找一下千万工程: no match, a
// final-week follower run's find) as two questions asked together: the
// reading and the topic's article in one list, in the order asked. Beside
// a remark that names no topic, and when the whole message found nothing
// (answered), the reading alone; nil otherwise.
func (b *Bot) readingBeside(ctx context.Context, s *Settings, m Message, text string, answered bool) []Reply {
	if b.daily == nil || !strings.ContainsAny(text, "，,、；; 。") {
		return nil
	}
	parts := slices.DeleteFunc(readingApart.Split(text, -1), func(p string) bool { return strings.IndexFunc(p, isWordRune) < 0 })
	if len(parts) != 2 {
		return nil
	}
	k := slices.IndexFunc(parts, func(p string) bool {
		r, q := s.match(Bare(p))
		return r >= 0 && q == "" && s.rules[r].reads()
	})
	if k < 0 {
		return nil
	}
	topic := withoutLead(withoutFillers(parts[1-k]))
	for trimmed := true; trimmed; {
		trimmed = false
		for _, w := range topicAsking {
			if rest, ok := strings.CutPrefix(topic, w); ok && rest != "" {
				topic, trimmed = rest, true
			}
		}
	}
	if !b.catalog.Topic(strings.TrimSuffix(strings.TrimSuffix(topic, "文章"), "的")) {
		// A remark on the reading beside it (每日一读在哪看，我找不到) asks
		// for the reading: it had listed an article found for 我找不到, and
		// then nothing (re-checks' finds). Not another day named
		// (每日一读，但是我想看昨天的: not today's, a test's find), nor what
		// the whole message found answers.
		if _, _, day := readDay(parts[1-k], b.now().In(chinaTime)); day || answered {
			return nil
		}
		r, _ := b.dailyReply(ctx, s, m, 0, false, false)
		return r
	}
	hits, err := b.catalog.Search(ctx, topic, s.searchN())
	if err != nil {
		return nil
	}
	relevant := relevantOf(hits, s.search.MinScore)
	if len(relevant) == 0 {
		return nil
	}
	a, err := b.daily(ctx)
	if err != nil {
		return nil // no reading today: the message goes on as if asked alone
	}
	qs := []Question{{N: 1, Text: parts[0]}, {N: 2, Text: parts[1]}}
	found := []content.Hit{{Article: a, Score: 1}, relevant[0]}
	if k == 1 {
		found[0], found[1] = found[1], found[0]
	}
	if found[0].Article.ID == found[1].Article.ID {
		found = found[:1]
	}
	answers := [][]Question{{qs[0]}, {qs[1]}}[:len(found)]
	if len(found) == 1 {
		answers[0] = qs
	}
	return b.listOfEach(ctx, s, m, FollowUp{Query: asked(m), Asked: len(qs)}, qs, found, answers, nil)
}

// topicAsking are requests before a topic beside the reading, peeled while
// one opens it (再找一下千万工程, 我还想看共同富裕); not a topic's own
// first character (我国, 看病).
var topicAsking = longestFirst([]string{"再", "然后", "帮我", "我还想看", "我还要看", "还想看", "还要看", "我想看", "我要看", "想看", "要看",
	"我还想", "我想", "我要", "麻烦", "找一下", "找下", "找找", "搜一下", "查一下", "看一下", "看看", "发一下", "关于"})

// readingApart parts a request for the reading from a topic beside it.
var readingApart = regexp.MustCompile(`[，,、；;。\s]+(?:再|然后|另外|还有|顺便)?`)

// listOfEach is eachQuestion's reply: qs's first max (looked) searched,
// found, answers and none of them as surestOfEach says.
func (b *Bot) listOfEach(ctx context.Context, s *Settings, m Message, list FollowUp, qs []Question, found []content.Hit, answers [][]Question, none []Question) []Reply {
	looked, rest := qs[:min(len(qs), s.search.MaxResults)], slices.Clone(qs[min(len(qs), s.search.MaxResults):])
	first := looked[0].N == 1
	switch {
	case len(found) == 0 && first:
		return nil
	case len(found) == 1 && len(none) == 0 && first && len(rest) == 0:
		// One article answers them all (①党建引领②基层治理): its card, as
		// the message had got (a re-check's find: a list of one).
		texts := make([]string, len(looked))
		for i, q := range looked {
			texts[i] = q.Text
		}
		return b.pick(ctx, s, m, strings.Join(texts, " "), found, true, false, 0)
	}
	header := fmt.Sprintf("你的%d个问题", list.Asked)
	if !first {
		header += "的第" + numbersOf(looked) + "个"
	}
	if len(found) == 0 { // 更多's, past the first list
		note(ctx, func(e *Event) { e.Outcome = OutcomeNoMatch })
		return []Reply{{Type: ReplyText, Text: header + "没有找到相关文章。"}}
	}
	for k := range found {
		found[k].Snippet = fmt.Sprintf("问题%s：%s", numbersOf(answers[k]), fullWidthPunct.Replace(answers[k][0].Text))
	}
	note(ctx, func(e *Event) {
		if e.Outcome == OutcomeEvent || e.Outcome == OutcomeRule || e.Outcome == OutcomeNoMatch {
			e.Outcome = OutcomeList
		}
		e.bestFirst(found)
	})
	if first && len(rest) > 0 {
		header += fmt.Sprintf("，先找了前%d个（其余的回复「更多」）", len(looked))
	} else if len(rest) > 0 {
		header += "（其余的回复「更多」）"
	}
	if len(none) > 0 {
		header += fmt.Sprintf("，第%s个没有找到相关文章，其余的：\n", numbersOf(none))
	} else {
		header += "，找到的文章：\n"
	}
	// The questions of articles cut to fit are 更多's as those past max are
	// (a cut list had ended as if whole): a list cut is made again as one
	// that pages on, with room for the longer footer (kept for all, a list
	// that fit had lost its last: a re-check's find).
	pages := len(rest) > 0
	reply, ids := listReplyWith(found, func(int) string { return header }, pages, pages)
	if !pages && len(ids) < len(found) {
		reply, ids = listReplyWith(found, func(int) string { return header }, true, false)
	}
	for _, qs := range answers[len(ids):] { // cut to fit the reply: 更多 answers them
		rest = append(rest, qs...)
	}
	slices.SortFunc(rest, func(a, b Question) int { return a.N - b.N })
	searched := make([]string, len(looked))
	for i, q := range looked {
		searched[i] = q.Text
	}
	list.Search, list.IDs, list.Stories, list.Questions = strings.Join(searched, " "), ids, storiesOf(found[:len(ids)]), rest
	list.Answered = slices.DeleteFunc(slices.Clone(looked), func(q Question) bool {
		return slices.ContainsFunc(rest, func(r Question) bool { return r.N == q.N })
	})
	list.Whole = !first && len(rest) == 0 // the last questions answered: 更多 has none
	return []Reply{b.keepList(ctx, m, list, reply)}
}

// numbersOf is the numbers of qs as a header says them: 1、2.
func numbersOf(qs []Question) string {
	nums := make([]string, len(qs))
	for i, q := range qs {
		nums[i] = fmt.Sprint(q.N)
	}
	return strings.Join(nums, "、")
}

// numberedAnswers answers a message numbering its parts that found nothing
// read whole (what it found whole stands: 老师，关于两个确立，我有两个问题：
// 1.是什么 2.有什么意义 had its card, a re-check's find) or numbers topics
// alone: parts of the topic named before them (新质生产力：（1）内涵（2）
// 特征) are the topic's question, or each with it (今年两会：1.热词 2.政府工作
// 报告); topics compared, the two topics'; questions, each one's article.
// Nil when it numbers none, or none is answered so.
func (b *Bot) numberedAnswers(ctx context.Context, s *Settings, m Message, nb numberedMessage) []Reply {
	ctx = context.WithValue(ctx, numberedKey{}, true) // once: the searches below read the same message
	if nb.preface != "" && b.catalog.Topic(nb.preface) {
		if r := b.search(ctx, s, m, nb.preface, 1); r != nil {
			return r
		}
		qs := make([]Question, len(nb.parts))
		for i, p := range nb.parts {
			qs[i] = Question{N: i + 1, Text: p, Search: nb.preface + " " + p}
		}
		return b.eachQuestion(ctx, s, m, FollowUp{Query: asked(m), Asked: len(qs)}, qs)
	}
	questions, compared := nb.questions()
	switch {
	case compared != "":
		return b.search(ctx, s, m, compared, 0)
	case len(questions) == 1:
		return b.search(ctx, s, m, questions[0], 1)
	case questions == nil:
		return nil
	}
	qs := make([]Question, len(questions))
	for i, q := range questions {
		qs[i] = Question{N: i + 1, Text: q, Search: q}
	}
	return b.eachQuestion(ctx, s, m, FollowUp{Query: asked(m), Asked: len(qs)}, qs)
}

// numberedKey marks a search made of a numbered message's parts.
type numberedKey struct{}

// askedOneByOne are a message's questions asked one after another, each a
// sentence of its own (新质生产力是什么？两个确立怎么理解？) or a clause opened
// by 另外 or 还有 (请问有没有关于枫桥经验的文章？另外面试怎么准备？): read whole,
// they had found nothing (a follower run's finds). Nil unless there
// are two to maxAsked, each asking or asking for something, none longer
// than a question.
func askedOneByOne(text string) []string {
	// (Most messages hold none of these: no regexp for them.)
	if !strings.ContainsAny(text, "？?！!。；;\n") && !strings.Contains(text, "另外") && !strings.Contains(text, "还有") {
		return nil
	}
	text = runOnBreaks(text)
	if !strings.ContainsAny(text, "？?！!。；;\n") && !anotherAsked.MatchString(text) {
		return nil
	}
	var parts []string
	for _, sentence := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("？?！!。；;\n", r) }) {
		for _, p := range anotherAsked.Split(sentence, -1) {
			if p = strings.TrimFunc(withoutThanks(p), func(r rune) bool { return !isWordRune(r) }); p != "" {
				if parts = append(parts, p); len(parts) > maxAsked {
					return nil
				}
			}
		}
	}
	if len(parts) < 2 {
		return nil
	}
	for _, p := range parts {
		asks := questionAsks.MatchString(p) || asksFor.MatchString(p)
		if utf8.RuneCountInString(p) > maxQuestionRunes || !asks {
			return nil
		}
	}
	return parts
}

// saidAnother reports whether a question is said to be another (另外…,
// 还有…).
func saidAnother(question string) bool {
	return strings.HasPrefix(question, "另外") || strings.HasPrefix(question, "还有")
}

// examFollowUp is a question whether the exam asks what was asked before.
var examFollowUp = regexp.MustCompile(`^(?:另外|还有)?(?:遴选|面试|笔试|申论|考试)?(?:会考吗|会考么|考吗|考么|会不会考|考不考|是重点吗|是考点吗|常考吗)`)

// maxAsked bounds the questions of a message read one by one.
const maxAsked = 5

var (
	// anotherAsked is where a sentence goes on to another question.
	anotherAsked = regexp.MustCompile(`[，,]\s*(?:然后)?(?:另外|还有)`)
	// asksFor is a clause asking for something to read.
	// (Not 求 nor 推荐 alone: a passage's 需求, 要求, 实事求是, 推荐评选.)
	asksFor = regexp.MustCompile(`想看|想了解|想问|求一篇|求几篇|求推荐|找一下|找找|帮我找|推荐一下|推荐几篇|发一下|发我`)
)

// topicsApart are three to maxAsked topics the search knows set apart by
// spaces (枫桥经验 浦江经验 四下基层: a card on the last alone, a follower
// run's find; two are twoTopics'), or nil.
func topicsApart(text string, topic func(string) bool) []string {
	if strings.Count(text, " ") < 2 { // (most messages: nothing split)
		return nil
	}
	parts := strings.Fields(text)
	if len(parts) < 3 || len(parts) > maxAsked || !slices.ContainsFunc(parts, topic) {
		return nil
	}
	if slices.ContainsFunc(parts, func(p string) bool { return !topic(p) }) {
		return nil
	}
	return parts
}

// askedApart are the questions of a message asked one by one, when the
// whole message found nothing (a question and its follow-up, 千万工程是什么？
// 面试会考吗？, had got the card it asks of; a pasted passage, its own
// article: a re-check's finds), or the topics apart by spaces when no
// article found (relevant) names them all (遴选 笔试 申论 has its card).
func (b *Bot) askedApart(text string, relevant []content.Hit) (parts []string, topics bool) {
	// Or said to be another question (另外, 还有), unless one asks whether
	// the exam asks it (枫桥经验怎么理解，另外遴选会考吗 keeps its card; 新质生产力是
	// 什么？另外两个确立怎么理解？ had lost its first question: re-checks' finds).
	if parts := askedOneByOne(text); parts != nil && !slices.ContainsFunc(parts[1:], examFollowUp.MatchString) {
		if len(relevant) == 0 || anotherAsked.MatchString(text) || slices.ContainsFunc(parts[1:], saidAnother) {
			return parts, false
		}
	}
	if parts := topicsApart(text, b.catalog.Topic); parts != nil && !slices.ContainsFunc(relevant, b.namesAll(parts)) {
		return parts, true
	}
	return nil, false
}

// eachAsked answers questions asked one by one (askedOneByOne) with each
// one's article, as numbered ones are; nil unless every one is answered,
// by two articles or more (one article for all is the whole message's), or
// of topics, each by an article of its own (枫桥经验 基层治理 党建引领 has its
// card: a re-check's find).
func (b *Bot) eachAsked(ctx context.Context, s *Settings, m Message, parts []string, topics bool) []Reply {
	qs := make([]Question, len(parts))
	for i, p := range parts {
		// Each searched as a message of its own is (less its fillers:
		// 就是面试怎么准备, 另外想问下浦江经验).
		qs[i] = Question{N: i + 1, Text: p, Search: withoutLead(withoutFillers(strings.TrimPrefix(p, "另外")))}
	}
	found, answers, none, err := b.surestOfEach(ctx, s, qs)
	if err != nil || len(none) > 0 || len(found) < 2 || topics && len(found) < len(parts) {
		return nil
	}
	return b.listOfEach(ctx, s, m, FollowUp{Query: asked(m), Asked: len(qs)}, qs, found, answers, none)
}
