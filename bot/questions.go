package bot

import (
	"context"
	"fmt"
	"regexp"
	"slices"
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
// as voice says it, 第一个问题是….
// (Brackets and circled numbers also right after a word: 两个确立（2）八八战略.)
var questionMarker = regexp.MustCompile(`(?:^|[\s\p{P}])(?:第([一二三四五六七八九十])(?:个问题(?:就是|是)?[，,：:、\s]?|(?:个|点|题|问)?[，,：:、\s])|([一二三四五六七八九十])[、，：:]|([1-9])[、.．:：)）])|[（(]([1-9一二三四五六七八九十])[)）]|([①②③④⑤⑥⑦⑧⑨⑩])`)

// questionAsks is a word that asks, for telling numbered questions (or
// short topics) from a pasted article's numbered headings and paragraphs.
var questionAsks = regexp.MustCompile(`[？?]|什么|怎么|如何|哪|吗|区别|理解|为什么|为何|多少|是否|有没有|能否|可否|啥`)

// numberedQuestions are text's questions when it numbers two or more of
// them 1, 2, 3… in turn (what comes before the first is why it asks), at
// most max; nil otherwise, or when none of them asks and one is longer
// than a topic.
func numberedQuestions(text string, max int) []string {
	if !strings.ContainsFunc(text, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) || r >= '①' && r <= '⑩' }) {
		return nil
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
		return nil
	}
	var questions []string
	asks, short := false, true
	for i := range starts {
		end := len(text)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		q := strings.TrimFunc(withoutThanks(text[ends[i]:end]), func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
		if q == "" {
			continue
		}
		if utf8.RuneCountInString(q) > maxQuestionRunes {
			return nil // a paragraph: a pasted article's, not a question
		}
		asks = asks || questionAsks.MatchString(q)
		short = short && utf8.RuneCountInString(q) <= maxTopicRunes
		if len(questions) < max {
			questions = append(questions, q)
		}
	}
	if !asks && !short || len(questions) < 2 {
		return nil
	}
	return questions
}

// numeral reads 1-9, 一-十 and ①-⑩.
func numeral(s string) int {
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case r >= '1' && r <= '9':
		return int(r - '0')
	case r >= '①' && r <= '⑩':
		return int(r-'①') + 1
	}
	return strings.IndexRune("一二三四五六七八九十", r)/len("一") + 1
}

// eachQuestion answers numbered questions: the surest article for each, in
// their order, the question under its title; nil when none is answered.
func (b *Bot) eachQuestion(ctx context.Context, s *Settings, m Message, questions []string) []Reply {
	var found []content.Hit
	var none []string
	for i, q := range questions {
		hits, err := b.catalog.Search(ctx, q, s.searchN())
		if err != nil {
			return nil
		}
		relevant := slices.DeleteFunc(relevantOf(hits, s.search.MinScore), func(h content.Hit) bool {
			return slices.ContainsFunc(found, func(f content.Hit) bool { return f.Article.ID == h.Article.ID })
		})
		if len(relevant) == 0 {
			none = append(none, fmt.Sprint(i+1))
			continue
		}
		h := relevant[0]
		h.Snippet = fmt.Sprintf("问题%d：%s", i+1, fullWidthPunct.Replace(q))
		found = append(found, h)
	}
	if len(found) == 0 {
		return nil
	}
	note(ctx, func(e *Event) {
		if e.Outcome == OutcomeEvent || e.Outcome == OutcomeRule {
			e.Outcome = OutcomeList
		}
		e.bestFirst(found)
	})
	header := fmt.Sprintf(eachQuestionHeader, len(questions))
	if len(none) > 0 {
		header = fmt.Sprintf(someQuestionsHeader, len(questions), strings.Join(none, "、"))
	}
	reply, ids := listReplyWith(found, func(int) string { return header }, false, false)
	list := FollowUp{Query: asked(m), Search: strings.Join(questions, " "), IDs: ids, Stories: storiesOf(found[:len(ids)])}
	return []Reply{b.keepList(ctx, m, list, reply)}
}

// maxTopicRunes is the longest numbered part read as a topic asked
// without a question word, maxQuestionRunes the longest read as a question.
const (
	maxTopicRunes    = 12
	maxQuestionRunes = 80
)

const (
	eachQuestionHeader  = "你的%d个问题，各找到一篇：\n"
	someQuestionsHeader = "你的%d个问题中，第%s个没有找到相关文章，其余各一篇：\n"
)
