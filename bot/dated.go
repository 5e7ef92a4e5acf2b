package bot

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"html"
	"slices"
	"strings"

	"mpbot/content"
)

// dateAsked reports whether text asks the date of the answer shown (这是哪天的,
// 这篇是什么时候发的, 发布时间是什么时候, 日期呢). Searched, or asked of the
// answer's topic, each got the card again, which shows no date, or a card
// on another topic (日期呢: Niger), or no match (a follower run's finds).
// A bare 什么时候 is not read so: of a policy or an exam it asks
// when it takes effect or is held, not when the article came out (a
// review's find).
func dateAsked(text string) bool {
	t := strings.TrimRightFunc(text, func(r rune) bool { return !isWordRune(r) || strings.ContainsRune("呢吗啊呀", r) })
	pointed := false // at the article: 这篇, 文章, 发布, 的新闻
	// 各篇, 都 and 分别 point at a list's articles (都是哪天发的, 各篇是哪天的:
	// a follower run's find, no match).
	for _, lead := range []string{"那", "请问", "这篇文章", "这篇", "这条新闻", "这条", "这几篇文章", "这几篇", "这些文章", "这些", "各篇", "每篇", "这个", "这", "它们", "它", "文章", "新闻", "发布时间", "发布日期", "都", "分别", "是"} {
		if rest, ok := strings.CutPrefix(t, lead); ok {
			t, pointed = rest, pointed || lead != "那" && lead != "请问" && lead != "是"
		}
	}
	t = strings.TrimRightFunc(t, func(r rune) bool { return strings.ContainsRune("呢吗啊呀", r) })
	// 哪天开的, 是哪天召开的 of a meeting's card: its day (a re-check's
	// find: the card again); not pointing at the article, so that 啥时候开的
	// after a meetings' list still asks when the topic meets.
	for _, tail := range []string{"的新闻", "的文章", "的报道", "发布的", "发的", "召开的", "举行的", "开的", "的"} {
		if rest, ok := strings.CutSuffix(t, tail); ok {
			t, pointed = rest, pointed || tail != "的" && !strings.HasSuffix(tail, "开的") && tail != "举行的"
		}
	}
	switch {
	case t == "":
		return strings.Contains(text, "日期") || strings.Contains(text, "发布时间")
	case dayOnly[t]:
		return true // a day asked is the article's day at least
	}
	return pointed && datesOf[t]
}

// datesOf are the questions of a date dateAsked reads, once their leads and
// tails are off; dayOnly, those asking a day or the date, read so alone.
var (
	datesOf = wordSet("哪天", "哪一天", "哪年", "哪一年", "什么时候", "什么时间", "啥时候", "几号", "几月几号", "几月几日", "日期", "发布时间", "发布日期")
	dayOnly = wordSet("哪天", "哪一天", "哪年", "哪一年", "几号", "几月几号", "日期", "发布时间", "发布日期")
)

// dateOfAnswer tells the date of the article last shown (a card, or the
// item last opened from a list), or of each article of the list open; with
// nothing open, it asks for a topic.
func (b *Bot) dateOfAnswer(ctx context.Context, m Message) []Reply {
	list, err := b.followUps.Get(ctx, m.From)
	if err != nil {
		return nil
	}
	ids := shown(list)
	if len(list.IDs) > 1 && slices.ContainsFunc([]string{"都", "各篇", "每篇", "分别", "这几篇", "这些"}, func(w string) bool { return strings.Contains(m.Text, w) }) {
		// 都是哪天的 after an item was opened asks of every item, as
		// before one was (a follower run's find: the opened one's alone).
		ids = list.IDs
	}
	switch {
	case len(ids) > 0:
	case list.Search == "" && list.Topic == "":
		// Alone it asks of nothing, as other questions of an answer.
		note(ctx, func(e *Event) { e.Outcome = OutcomeNoMatch })
		return []Reply{{Type: ReplyText, Text: noQuestionFor(m)}}
	default:
		return nil
	}
	if len(ids) == 1 {
		a, failed := b.listedArticle(ctx, ids[0])
		if failed != nil {
			return failed
		}
		// A roundup's item is named by its headline, as its card was
		// (「国内联播快讯」发布于…: a follower run's find).
		title := html.EscapeString(Cut(cmp.Or(shownStory(list), a.Title), listTitle))
		text := fmt.Sprintf("「%s」没有注明发布日期。", title)
		if a.PublishedOn != "" {
			text = fmt.Sprintf("「%s」发布于%s。", title, dayName(a.PublishedOn))
		}
		noteShownAgain(ctx, list, a.ID)
		return []Reply{{Type: ReplyText, Text: text}}
	}
	lines := []string{"各篇的发布日期："}
	for i, id := range ids {
		// One removed since the list was sent is said so, the others'
		// dates told (a review's find: the first one gone answered for
		// the whole list).
		a, err := b.catalog.Get(ctx, id)
		switch {
		case errors.Is(err, content.ErrNotFound):
			lines = append(lines, fmt.Sprintf("%d. （已下线）", i+1))
		case err != nil:
			b.log.ErrorContext(ctx, "read listed article", "id", id, "err", err)
			return unavailable(ctx, articleUnreadable)
		default:
			title := a.Title
			if i < len(list.Stories) && list.Stories[i] != "" && len(ids) == len(list.IDs) {
				title = list.Stories[i]
			}
			lines = append(lines, fmt.Sprintf("%d. %s：%s", i+1, html.EscapeString(Cut(title, listTitle)), cmp.Or(dayName(a.PublishedOn), "未注明")))
		}
	}
	note(ctx, func(e *Event) { e.Outcome = OutcomeFollowUp })
	return []Reply{{Type: ReplyText, Text: strings.Join(lines, "\n")}}
}

// shownAgain is the card of article a, last shown in list, again: a
// roundup's item's, not the roundup's, when that was what it showed (a
// re-check's find: 「国内联播快讯」's card for 详细说说 or 讲了什么).
func (b *Bot) shownAgain(ctx context.Context, a content.Article, list FollowUp) Reply {
	if st, ok := storyHeaded(a, shownStory(list)); ok {
		return storyReply(a, st)
	}
	return b.articleReply(ctx, a)
}

// shownStory is the headline of the roundup item the one article last
// shown was, "" for a whole article.
func shownStory(list FollowUp) string {
	switch {
	case list.Opened > 0 && list.Opened <= len(list.IDs):
		if list.Opened <= len(list.Stories) {
			return list.Stories[list.Opened-1]
		}
		return ""
	case len(list.IDs) == 1 && len(list.Stories) == 1:
		return list.Stories[0]
	case len(list.IDs) == 0 && len(list.Seen) > 0:
		return list.SeenStory
	}
	return ""
}

// shown are the articles of the answer last shown: the item last opened
// from a list, else the list's, else the card's one.
func shown(list FollowUp) []string {
	switch {
	case list.Opened > 0 && list.Opened <= len(list.IDs):
		return list.IDs[list.Opened-1 : list.Opened]
	case len(list.IDs) > 0:
		return list.IDs
	case len(list.Seen) > 0:
		return list.Seen[len(list.Seen)-1:]
	}
	return nil
}

// detailAsked reports whether text asks for the whole of the article shown
// (详细说说, 展开讲讲, 原文链接): searched, each got no match or a card on
// another topic (详细说说: Silicon Valley Bank; a follower run's finds).
func detailAsked(text string) bool {
	t := strings.TrimRightFunc(text, func(r rune) bool { return !isWordRune(r) || strings.ContainsRune("呢吗啊呀吧", r) })
	for _, lead := range []string{"那", "请", "能不能", "能", "可以", "再", "麻烦", "给我", "发我", "有没有", "有"} {
		t = strings.TrimPrefix(t, lead)
	}
	return detailWords[t]
}

var detailWords = wordSet("详细说说", "详细说一下", "详细讲讲", "详细讲一下", "详细介绍一下", "详细点", "详细一点", "具体说说", "具体讲讲",
	"具体说一下", "具体内容", "详细内容", "展开讲讲", "展开说说", "展开讲一下", "展开说一下", "全文", "看全文", "原文", "看原文", "原文链接",
	"文章链接", "链接", "完整版", "完整内容", "全文在哪看", "原文在哪看", "在哪看全文", "全文在哪里看")

// detailOfAnswer shows again the article last shown, whose card opens the
// whole of it; after a list, it says how to open one. Nil with nothing
// open.
func (b *Bot) detailOfAnswer(ctx context.Context, m Message) []Reply {
	list, err := b.followUps.Get(ctx, m.From)
	if err != nil {
		return nil
	}
	ids := shown(list)
	switch {
	case len(ids) == 1:
		a, failed := b.listedArticle(ctx, ids[0])
		if failed != nil {
			return failed
		}
		noteShownAgain(ctx, list, a.ID)
		return []Reply{b.shownAgain(ctx, a, list)}
	case len(ids) > 1:
		note(ctx, func(e *Event) { e.Outcome = OutcomeFollowUp })
		return []Reply{{Type: ReplyText, Text: fmt.Sprintf(openOneOf, len(ids))}}
	}
	return nil
}

// openOneOf says how to read one of a list's articles in full.
const openOneOf = "回复序号（1 到 %d）打开对应文章，点开即可阅读全文。"

// noteShownAgain logs the answer in list, article id, asked of again: a
// daily reading's as the reading (每日一读's rule), not as a list's choice
// of no question (the report's choices had led with "" → item 0 after
// followers asked of the reading: a re-check's find).
func noteShownAgain(ctx context.Context, list FollowUp, id string) {
	if list.ofReading() {
		note(ctx, func(e *Event) { e.Outcome, e.Rule, e.Number, e.Article = OutcomeRule, DailyRule, 0, id })
		return
	}
	note(ctx, func(e *Event) { e.Outcome, e.Article = OutcomeFollowUp, id })
}
