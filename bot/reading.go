package bot

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"mpbot/content"
)

// Past readings: a follower who missed a day asks for it (昨天的每日一读,
// 8月22日的每日一读) or for the ones before (往期每日一读, 之前的每日一读).
// Searched, they got no match: the daily rule gives today's alone.

// Readings returns the daily readings chosen on days up to through
// (YYYY-MM-DD), newest first, at most n.
type Readings func(ctx context.Context, through string, n int) ([]content.Reading, error)

// readingWords name the daily reading, longest first.
var readingWords = longestFirst([]string{"每日一读", "今日一读", "每天一读", "一日一读", "每日阅读", "推荐阅读"})

// pastWords, beside a reading word, ask for the ones before today;
// readingAsking may stand beside them, or beside a day: asking for a
// reading missed (没收到, 补发一下, 能再发一次吗) and courtesy around it (a
// second follower run's finds: each got no match).
var (
	pastWords = []string{"往期", "之前", "以前", "历史", "过去", "过往", "前几天", "前几期", "最近几天", "最近几期", "最近", "近期", "这几天",
		"所有", "全部", "合集", "汇总", "列表", "回顾", "目录", "有哪些", "都有哪些", "错过", "上期", "上一期"}
	readingAsking = longestFirst(slices.Concat(pastWords, courtesy, []string{"有什么", "看看", "查看", "我要看", "我想看", "想看", "看一下",
		"发一下", "请问", "求", "在哪里看", "在哪看", "在哪里", "在哪", "怎么看", "还能看", "能看", "可以看", "没收到", "没有收到", "没看到", "没有看到",
		"补发", "再发", "一次", "发给我", "给我", "能", "能不能", "可以", "请", "把", "我", "想", "都", "出差", "你好", "您好", "谢谢"}))
)

// readingDayAsking may stand beside a day's reading.
var readingDayAsking = longestFirst(slices.Concat(dayAsking, readingAsking))

// readingAsked reports whether text asks for past readings: the list
// (list), or one day's (day; asked by its date or by 昨天, 上周五, 12-02).
func readingAsked(text string, today time.Time) (day askedDay, list, ok bool) {
	if utf8.RuneCountInString(text) > 48 {
		return askedDay{}, false, false
	}
	i := slices.IndexFunc(readingWords, func(w string) bool { return strings.Contains(text, w) })
	if i < 0 {
		return askedDay{}, false, false
	}
	rest := strings.Replace(text, readingWords[i], " ", 1)
	if d, left, ok := readDay(rest, today); ok {
		return d, false, d.noDate == "" && d.nth == 0 && madeOf(left, readingDayAsking, nil)
	}
	if !madeOf(rest, readingAsking, func(w string) { list = list || slices.Contains(pastWords, w) }) {
		return askedDay{}, false, false
	}
	return askedDay{}, list, list
}

const (
	readingsHeader     = "往期每日一读：\n"
	noReadings         = "还没有往期的每日一读。回复「每日一读」看今天的推荐阅读。"
	noReadingOn        = "%s没有每日一读。回复「往期每日一读」看之前的，回复「每日一读」看今天的。"
	noMoreReadings     = "往期每日一读都在上面了，回复列表里的序号查看文章。"
	noReadingYet       = "%s的每日一读还没有推送。回复「每日一读」看今天的。"
	readingsUnreadable = "往期每日一读暂时无法读取，请稍后再试。"
)

func readingsHeaderFor(int) string { return readingsHeader }

// pastReading answers with the reading of the day asked, or with the
// readings before, newest first, as a numbered list (更多 pages on).
func (b *Bot) pastReading(ctx context.Context, s *Settings, m Message, a askedDay, list bool) []Reply {
	today := midnight(b.now().In(chinaTime))
	if list {
		found, err := b.readingHits(ctx, today.Format(content.DateLayout), s.searchN())
		if err != nil {
			b.log.ErrorContext(ctx, "past readings", "err", err)
			return unavailable(ctx, readingsUnreadable)
		}
		if len(found) == 0 {
			note(ctx, func(e *Event) { e.Outcome = OutcomeNoMatch })
			return []Reply{{Type: ReplyText, Text: noReadings}}
		}
		found, more := firstPage(ctx, s, found)
		reply, ids := listReplyWith(found, readingsHeaderFor, true, more)
		return []Reply{b.keepList(ctx, m, FollowUp{Query: asked(m), Readings: true, IDs: ids}, reply)}
	}
	on := a.day.Format(content.DateLayout)
	switch t := today.Format(content.DateLayout); {
	case on == t:
		// 周五的每日一读 on a Friday: today's, chosen now if no one asked
		// yet (a review's find: there was none until someone had).
		r, sent := b.dailyReply(ctx, s, m, 0, false)
		if sent { // as 每日一读 is: answered, and the list before it closed
			note(ctx, func(e *Event) { e.Outcome, e.Rule = OutcomeRule, dailyRule })
			b.closeList(ctx, m)
		}
		return r
	case on > t: // one scheduled ahead is not shown before its day
		note(ctx, func(e *Event) { e.Outcome = OutcomeNoMatch })
		return []Reply{{Type: ReplyText, Text: fmt.Sprintf(noReadingYet, dayName(on))}}
	}
	rs, err := b.readings(ctx, on, 1)
	if err != nil {
		b.log.ErrorContext(ctx, "past readings", "day", on, "err", err)
		return unavailable(ctx, readingsUnreadable)
	}
	if len(rs) == 0 || rs[0].Day != on {
		note(ctx, func(e *Event) { e.Outcome = OutcomeNoMatch })
		return []Reply{{Type: ReplyText, Text: fmt.Sprintf(noReadingOn, dayName(on))}}
	}
	note(ctx, func(e *Event) { e.Outcome, e.Article = OutcomeCard, rs[0].Article.ID })
	// 更多 after it lists the readings (it said no list was open).
	if err := b.putFollowUp(ctx, m, FollowUp{Query: asked(m), Readings: true, Seen: []string{rs[0].Article.ID}}); err != nil {
		b.log.DebugContext(ctx, "store follow-up of a card", "openid", m.From, "err", err)
	}
	return []Reply{b.articleReply(ctx, rs[0].Article)}
}

// readingHits are the readings up to through as a list's hits, each with
// its day under its title.
func (b *Bot) readingHits(ctx context.Context, through string, n int) ([]content.Hit, error) {
	rs, err := b.readings(ctx, through, n)
	hits := make([]content.Hit, len(rs))
	for i, r := range rs {
		hits[i] = content.Hit{Article: r.Article, Score: 1, Snippet: r.Day}
	}
	return hits, err
}
