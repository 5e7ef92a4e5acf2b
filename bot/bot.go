package bot

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"html"
	"log/slog"
	"maps"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"mpbot/content"
)

// Catalog is what the bot needs from the content side. The hits it returns
// may be shared with everyone asking the same (a cache's): the bot reads
// them and builds anything it changes anew.
type Catalog interface {
	Search(ctx context.Context, query string, n int) ([]content.Hit, error)
	// Mentions are the topic query asks about, when it is one topic word,
	// and articles that hold it (news mentioning 枫桥经验 in passing); nil
	// for other queries.
	Mentions(ctx context.Context, query string, n int) (string, []content.Hit, error)
	// Topic reports whether word names a topic the search knows (两会, 申论).
	Topic(word string) bool
	// Aside reports whether word, beside a topic, says what the follower
	// is doing, not a second topic: their exam (遴选 新质生产力, 面试 乡村振兴).
	Aside(word string) bool
	// Names are word's other names, as the search knows them (CPI's
	// 居民消费价格), and the terms it finds besides (考试's 笔试); nil when
	// it knows none.
	Names(word string) []string
	// Latest are the n articles published last, newest first (what a
	// follower asking 今天有什么新闻 gets).
	Latest(ctx context.Context, n int) ([]content.Hit, error)
	// Day are the first n articles published on day (YYYY-MM-DD), in the
	// programme's order (what a follower asking 8月22日新闻联播 gets).
	Day(ctx context.Context, day string, n int) ([]content.Hit, error)
	// Snippets highlights query in hits; asked only for numbered lists.
	Snippets(ctx context.Context, query string, hits []content.Hit) []content.Hit
	Get(ctx context.Context, id string) (content.Article, error)
}

// DailyReading returns today's reading (每日一读).
type DailyReading func(ctx context.Context) (content.Article, error)

// Bot turns a follower's message into replies. It is safe for concurrent
// use; Settings are swapped atomically on config reload.
type Bot struct {
	settings  atomic.Pointer[Settings]
	catalog   Catalog
	followUps FollowUps
	daily     DailyReading
	readings  Readings
	followers Followers
	log       *slog.Logger
	random    func(n int) int
	now       func() time.Time
	events    Events
	votes     Votes
	routes    atomic.Pointer[routes]
}

// Followers records what followers do, for the daily push: who follows,
// who opted out, who is inside WeChat's 48-hour window.
type Followers interface {
	FollowerSubscribed(ctx context.Context, openid, scene string, at time.Time) error
	FollowerSeen(ctx context.Context, openid string, at time.Time) error
	FollowerUnsubscribed(ctx context.Context, openid string, at time.Time) error
	SetPushOptOut(ctx context.Context, openid string, out bool, at time.Time) error
	// PushOptedOut reports whether the follower turned the daily reading
	// off, for a follower asking (退订了吗).
	PushOptedOut(ctx context.Context, openid string) (bool, error)
}

// Deps are what a Bot works with.
type Deps struct {
	Catalog   Catalog
	FollowUps FollowUps
	Daily     DailyReading // may be nil: there is no daily reading
	Readings  Readings     // may be nil: past readings are not asked for
	Followers Followers    // may be nil: nothing is recorded
	Log       *slog.Logger
	// Pick chooses one of n replies for mode random; nil is math/rand.
	Pick func(n int) int
	// Events, if set, hears what happened with each message (the query log).
	Events Events
	// Votes, if set, raises articles followers chose for the same question.
	Votes Votes
	// Now is the time, for the days followers name (昨天); nil is time.Now.
	Now func() time.Time
}

// New returns a Bot answering with settings s.
func New(s *Settings, d Deps) *Bot {
	b := &Bot{catalog: d.Catalog, followUps: d.FollowUps, daily: d.Daily, readings: d.Readings, followers: d.Followers, log: d.Log, random: d.Pick, events: d.Events, votes: d.Votes,
		now: d.Now}
	if b.random == nil {
		b.random = rand.IntN
	}
	if b.now == nil {
		b.now = time.Now
	}
	b.settings.Store(s)
	return b
}

// record runs a follower update and logs, rather than fails on, an error:
// a reply matters more than the bookkeeping.
func (b *Bot) record(ctx context.Context, what string, err error) {
	if err != nil {
		b.log.ErrorContext(ctx, "record follower", "what", what, "err", err)
	}
}

// Daily is the bot's daily reading, for another bot on the same content.
func (b *Bot) Daily() DailyReading { return b.daily }

// Readings are the bot's past readings, for another bot on the same content.
func (b *Bot) Readings() Readings { return b.readings }

// SetSettings swaps in newly compiled settings; messages already being
// answered finish with the old ones.
func (b *Bot) SetSettings(s *Settings) { b.settings.Store(s) }

// Answer decides what to send back. The first reply is the passive answer;
// any others (a rule with mode all) must go through the customer-service
// API. No reply means "success": WeChat shows nothing.
//
// Answer does not fail: a broken store or search is logged and the follower
// gets the no-match reply, which is better than WeChat's "service
// unavailable" banner.
func (b *Bot) Answer(ctx context.Context, m Message) []Reply {
	if b.events == nil {
		return b.answer(ctx, m)
	}
	start := time.Now()
	ev := &Event{At: m.SentAt, From: m.From, Kind: m.Kind, Outcome: OutcomeEvent}
	replies := b.answer(context.WithValue(ctx, eventKey{}, ev), m)
	ev.Latency = time.Since(start)
	if later, ok := ctx.Value(deferredKey{}).(*func()); ok {
		*later = func() { b.events.Record(ctx, *ev) }
	} else {
		b.events.Record(ctx, *ev)
	}
	return replies
}

type deferredKey struct{}

// DeferRecord makes Answer, called with the returned context, leave the
// message's event unrecorded until the returned function says whether the
// answer was given (keep): a fleet's replica that stalled past its budget
// learns after answering that another took the message over and answered
// it, and its own answer, dropped, had been logged beside the other's (a
// fleet run's find: follow_up and unavailable for one message).
func DeferRecord(ctx context.Context) (context.Context, func(keep bool)) {
	var record func()
	return context.WithValue(ctx, deferredKey{}, &record), func(keep bool) {
		if keep && record != nil {
			record()
		}
		record = nil
	}
}

func (b *Bot) answer(ctx context.Context, m Message) []Reply {
	s := b.settings.Load()
	if b.followers != nil {
		switch m.Kind {
		case KindSubscribe:
			b.record(ctx, "subscribe", b.followers.FollowerSubscribed(ctx, m.From, strings.TrimPrefix(m.EventKey, "qrscene_"), m.SentAt))
		case KindUnsubscribe:
			b.record(ctx, "unsubscribe", b.followers.FollowerUnsubscribed(ctx, m.From, m.SentAt))
		case KindView, KindLocationEv, KindEvent:
			// not something the follower did in the chat: the 48-hour window
			// opens on messages, clicks, scans and subscriptions only
		default:
			b.record(ctx, "seen", b.followers.FollowerSeen(ctx, m.From, m.SentAt))
		}
	}
	switch m.Kind {
	case KindText, KindVoice:
		// Voice without recognition; a text of nothing visible (zero-width
		// characters alone got the no-match reply); an address pasted
		// alone, which is a link (searched, mp.weixin.qq.com's weixin was
		// respelt 微信 and answered with a card).
		// Voice recognised as 。 alone (the recogniser ends every text so)
		// heard nothing either: it got the no-match reply.
		if strings.TrimFunc(m.Text, invisible) == "" || m.Kind == KindVoice && strings.TrimFunc(m.Text, voiceEmpty) == "" || pastedURL(m.Text) {
			note(ctx, func(e *Event) { e.Outcome = OutcomeDefault })
			return b.render(ctx, s, m, s.fallback, 0)
		}
		return b.answerText(ctx, s, m)
	case KindImage, KindVideo, KindLocation, KindLink, KindOther:
		note(ctx, func(e *Event) { e.Outcome = OutcomeDefault })
		return b.render(ctx, s, m, s.fallback, 0)
	case KindSubscribe:
		scene := strings.TrimPrefix(m.EventKey, "qrscene_")
		note(ctx, func(e *Event) { e.Outcome, e.Key = OutcomeSubscribe, scene })
		b.log.InfoContext(ctx, "follower subscribed", "openid", m.From, "scene", logField(scene))
		if resp, ok := s.scene(scene); ok && scene != "" {
			return b.render(ctx, s, m, resp, 0)
		}
		return b.render(ctx, s, m, s.subscribe, 0)
	case KindScan:
		// A follower scanning a channel's code again.
		if resp, ok := s.scene(m.EventKey); ok && m.EventKey != "" {
			return b.render(ctx, s, m, resp, 0)
		}
		return nil
	case KindUnsubscribe:
		note(ctx, func(e *Event) { e.Outcome = OutcomeLeave })
		// WeChat requires a follower's data to go when they leave.
		if err := b.followUps.Forget(ctx, m.From); err != nil {
			b.log.ErrorContext(ctx, "forget follower", "openid", m.From, "err", err)
		}
		b.log.InfoContext(ctx, "follower unsubscribed", "openid", m.From)
		return nil
	case KindClick:
		note(ctx, func(e *Event) { e.Outcome, e.Key = OutcomeMenu, m.EventKey })
		if i, ok := s.keys[m.EventKey]; ok {
			note(ctx, func(e *Event) { e.Rule = s.rules[i].label })
			return b.render(ctx, s, m, s.rules[i].resp, 0)
		}
		switch m.EventKey {
		case KeyDaily:
			r, sent := b.dailyReply(ctx, s, m, 0, false, false)
			if sent {
				b.closeList(ctx, m, r)
			}
			return r
		case KeySubscribe, KeyUnsubscribe:
			return b.optOut(ctx, s, m, m.EventKey == KeyUnsubscribe)
		}
		// The menu on WeChat's side and the config disagree: the follower
		// still gets an answer, and the operator a line naming the key.
		note(ctx, func(e *Event) { e.Outcome = OutcomeUnknownKey })
		b.log.WarnContext(ctx, "menu click with no rule bound to its key; sent replies.default (add the key to a rule's keys)", "key", logField(m.EventKey))
		return b.render(ctx, s, m, s.fallback, 0)
	}
	b.log.DebugContext(ctx, "event needs no reply", "kind", m.Kind, "event", m.Event, "key", m.EventKey)
	return nil
}

// asked is what a follower's text asks, as logged and voted for.
func asked(m Message) string {
	if m.asked != "" {
		return m.asked
	}
	return Asked(m.Text)
}

// Asked is text as the query log and votes keep it: Bare, without a voice
// message's fillers (那个，基层治理 is 基层治理's).
func Asked(text string) string { return withoutFillers(Bare(text)) }

func (b *Bot) answerText(ctx context.Context, s *Settings, m Message) []Reply {
	now := b.now() // one time for every check: the day the way is kept for is theirs
	routes, day := b.routesFor(s), dayPair{midnight(now.In(chinaTime)), midnight(s.readingDay(now))}
	if w, ok := routes.lookup(m.Text, day); ok && m.Quoted == "" {
		m.asked = w.bare
		note(ctx, func(e *Event) { e.Text = w.bare })
		return b.search(ctx, s, m, w.question, 0)
	}
	// kept says whether the way to the search below read only the text,
	// the settings and the day, so that routes may keep it.
	kept := true
	bare := asked(m)
	m.asked = bare
	note(ctx, func(e *Event) { e.Text = bare }) // as typed (less a filler): the report shows what followers asked
	text := withoutFillers(s.fold(bare))        // again once folded: 那箇 and 這个 are fillers only as 那个 and 这个
	text = withoutLead(withoutLinks(text))
	if strings.IndexFunc(text, isWordRune) < 0 && strings.Contains(text, "?") && !hasSymbol(text) {
		text = "?" // ？？ is ? said twice (the help rule's), not a question to search
	}
	if rest, ok := saidBack(text); ok && s.answersWhole(rest) {
		text = rest
	}
	// The push named by whose or when it is (退订那个遴选的推送, 不想看每天早上
	// 的推送了: a voice follower run's finds, no match) is the push to the
	// switch; searched and matched against the rules as said.
	sw := plainPush(text)
	if out, ok := s.opt(sw); ok { // the daily reading's on/off switch wins over every rule
		return b.optOut(ctx, s, m, out)
	}
	if (!endsAsking(m.Text) || politeRequest(sw)) && s.stopsReading(sw) { // (每日一读不要了？ asks; …，可以吗？ asks for it)
		return b.optOut(ctx, s, m, true)
	}
	if b.followers != nil && s.optStatus(sw) {
		return b.optState(ctx, s, m)
	}
	if !endsAsking(m.Text) {
		if out, ok := s.switchApart(sw); ok {
			return b.optOut(ctx, s, m, out)
		}
	}
	// A stop beside a question: what stopping does asked, or a question
	// nothing else answers (退订，怎么退？), is told where the switch stands
	// and how to turn it (it had got no article found); another question
	// gets its own answer (我要退订，人工在吗: a person; 退订，面试怎么准备？: its
	// card; a re-check's finds, told the switch or no match).
	if q, ok := s.stopQuestion(text); ok {
		switch {
		// (Not a question of the reading being stopped, 退订，每日一读是什么？,
		// which had got today's reading: a re-check's find.)
		case !askedOfStopping.MatchString(q) && !slices.ContainsFunc(readingNames, func(n string) bool { return strings.Contains(q, n) }) && b.answersAlone(ctx, s, q):
			text = q
		case b.followers != nil:
			return b.optState(ctx, s, m)
		}
	}
	rule, question := s.match(text)
	if rule < 0 { // a rule that took the whole message (客服，谢谢: thanks) stands
		if r := s.handOff(text); r >= 0 {
			rule, question = r, ""
		}
	}
	if rule < 0 {
		// A request a rule answers, the follower's own words after it
		// (临选考试难不难啊我是基层的。: a voice follower run's find, no match).
		if request, ok := requestBeforeOwn(text); ok {
			if r, q := s.match(request); r >= 0 && q == "" && !s.rules[r].alone {
				rule, question = r, ""
			}
		}
	}
	if rule < 0 || s.rules[rule].alone {
		// 谢谢，每日一读; 老师好，帮助: what another rule answers, after a
		// greeting or thanks, is that rule's.
		if r := s.partsRule(text); r >= 0 {
			rule, question = r, ""
		}
	}
	if rule < 0 && question != "" && !strings.Contains(text, "谢") {
		// 早上好每日一读, 在吗每日一读: a greeting glued to what a rule
		// answers whole (a review's find: searched). Thanks glued to it
		// (谢谢每日一读) thanks for it, and is searched as before.
		if r, q := s.match(strings.TrimFunc(question, func(r rune) bool { return !isWordRune(r) })); r >= 0 && q == "" && !s.rules[r].alone {
			rule, question = r, ""
		}
	}
	if n, ok := parseChoice(text); ok && rule < 0 {
		if minusBefore(m.Text) {
			n = -n // -1 is no item of the list, not the first (Bare dropped the sign as punctuation)
		}
		return b.followUp(ctx, s, m, n, nil)
	}
	if before, again := backWords[text] || backWords[unwrapChoice(text)], returnWords[text] || returnWords[unwrapChoice(text)]; rule < 0 && (before || again) {
		list, err := b.followUps.Get(ctx, m.From)
		if err != nil {
			b.log.ErrorContext(ctx, "read follow-up", "openid", m.From, "err", err)
			return unavailable(ctx, listUnreadable)
		}
		return b.back(ctx, s, m, list, before)
	}
	if step := stepWords[unwrapChoice(text)]; step != 0 && rule < 0 {
		kept = false
		// 下一篇 or 上一篇 after an item of the list was opened: the item
		// beside it; before any, 下一篇 pages on as 更多 does.
		list, err := b.followUps.Get(ctx, m.From)
		switch {
		case err == nil && list.Opened > 0 && len(list.IDs) > 0:
			n := list.Opened + step
			if n < 1 || n > len(list.IDs) {
				// Past the list's ends, as 9 of a list of two (a follower
				// run's find: logged as no choice at all).
				note(ctx, func(e *Event) { e.Outcome = OutcomeOutOfRange })
			}
			switch {
			case n < 1:
				return []Reply{{Type: ReplyText, Text: firstItemAlready}}
			case n > len(list.IDs) && !list.More:
				// The footer promised no 更多: none offered now (a
				// follower run's find: 更多 then said there was none).
				return []Reply{{Type: ReplyText, Text: lastItemNoMore}}
			case n > len(list.IDs):
				return []Reply{{Type: ReplyText, Text: lastItemAlready}}
			}
			return b.followUp(ctx, s, m, n, &list)
		case err == nil && step < 0:
			// 上一篇 with nothing opened from the list is its page
			// before (a follower run's find: searched).
			return b.back(ctx, s, m, list, true)
		}
	}
	if previousWords[text] && rule < 0 {
		// 上一次呢 after a card: the one before it; after a list, its
		// second (a follower run's find: no match).
		kept = false // it reads the follower's list: searched for one with none, the way must not be kept for all (a review's find)
		list, err := b.followUps.Get(ctx, m.From)
		if question := cmp.Or(list.Search, list.Topic); err == nil {
			// A numbered event's edition before (第八届进博会, 二十届四中全会公报,
			// 第46次委员长会议: a follower run's find, the same edition's
			// article or "none earlier"), the last the store has of the
			// three before; with none, there is none earlier (a review's
			// find: 第五届进博会, whose 第四届 the corpus lacks, had got
			// the same fair's eve).
			prev, numbered := previousEdition(question)
			for back, ok := 0, numbered; ok && back < editionsBack; back++ {
				if _, found := b.finds(ctx, s, prev); found {
					return b.search(ctx, s, m, prev, 0)
				}
				prev, ok = previousEdition(prev)
			}
			if numbered {
				note(ctx, func(e *Event) { e.Outcome, e.Query = OutcomeMore, list.Query })
				return []Reply{{Type: ReplyText, Text: fmt.Sprintf(noOlder, html.EscapeString(Cut(asTyped(cmp.Or(list.Typed, list.Query), question), listTitle)))}}
			}
		}
		switch {
		case err != nil:
			b.log.ErrorContext(ctx, "read follow-up", "openid", m.From, "err", err)
			return unavailable(ctx, listUnreadable)
		case len(list.IDs) > 1 && (list.Search != "" || list.Topic != ""):
			// The list's article published last before the one opened (its
			// first when none was): 政治局会议, 第三篇, then 上一次呢 had got
			// the list's second, a newer meeting (a follower run's find).
			// Its card, as the question's answer (no follower's choice: a
			// vote would raise it for the question).
			from := list.IDs[0]
			if list.Opened > 0 && list.Opened <= len(list.IDs) {
				from = list.IDs[list.Opened-1]
			}
			if a, ok := b.publishedBefore(ctx, list.IDs, from); ok {
				r := b.pick(ctx, s, m, cmp.Or(list.Search, list.Topic), []content.Hit{{Article: a}}, true, false, 0)
				// The card is the list's item, opened: the list stays
				// open behind it, so that 更多 pages on from it (a
				// follower run's find: the card's own question searched
				// again listed the meetings just shown) and 下一篇 steps
				// on from the item.
				list.Opened = slices.Index(list.IDs, a.ID) + 1
				if err := b.putFollowUp(ctx, m, list); err != nil {
					b.log.DebugContext(ctx, "keep the list behind the card before", "openid", m.From, "err", err)
				}
				return r
			}
			if list.Search != "" && !list.Mentions {
				return b.older(ctx, s, m, list, true)
			}
		case list.Search != "" && !list.Mentions && len(list.Seen) > 0:
			if r := b.editionBefore(ctx, s, m, list.Seen[len(list.Seen)-1]); r != nil {
				return r
			}
			return b.older(ctx, s, m, list, true)
		case list.Topic != "" && len(list.Seen) > 0:
			// After a topic's day card (8月21日国常会), the topic's one
			// before that day (a follower run's find: no match).
			list.Search = list.Topic
			return b.older(ctx, s, m, list, true)
		}
	}
	if older := olderWords[text] || olderWords[unwrapChoice(text)]; older && rule < 0 {
		// 更早的 after a list: the ones before it (a follower run's find:
		// searched, a card on 更紧; after 乡村振兴's list).
		list, err := b.followUps.Get(ctx, m.From)
		switch {
		case err != nil:
			b.log.ErrorContext(ctx, "read follow-up", "openid", m.From, "err", err)
			return unavailable(ctx, listUnreadable)
		case list.Search != "" && !list.Mentions && len(list.IDs)+len(list.Seen) > 0 && (!list.Newest || list.Older):
			return b.older(ctx, s, m, list, false) // after its list, or its card
		case len(list.IDs) > 0 || list.Search != "" || list.Day != "" || list.Readings != nil || list.News != nil:
			return b.more(ctx, s, m, list) // a list by date: its next page is older
		default:
			return b.followUp(ctx, s, m, 0, &list) // no list
		}
	}
	if rejected := rule < 0 && rejects(text); asksMore(text) || rejected {
		// 更多 after a list or a card is the question's next list;
		// searched, it found articles about 更多机遇, and with nothing
		// open (a list's ten minutes past) 继续 found a war. A rule's
		// keyword that reads so is the rule's when nothing is open.
		// 不是这个 says what was shown is not what was asked: the next
		// answers, as 换一篇 gets, and the question is the report's to
		// look at (a follower run's find: searched, no match).
		list, err := b.followUps.Get(ctx, m.From)
		switch {
		case err == nil && list.Older && len(list.IDs) > 0 && !rejected:
			return b.older(ctx, s, m, list, false) // 更多 after 更早的: older still
		case err == nil && (len(list.IDs) > 0 || list.Search != "" || list.Day != "" || list.Readings != nil):
			r := b.more(ctx, s, m, list)
			if rejected && list.Search != "" { // a search's answers, not a day's or the latest (最新 is no question unanswered)
				note(ctx, func(e *Event) {
					if e.Outcome == OutcomeMore {
						e.Outcome = OutcomeRejected
					}
				})
			}
			return r
		case rejected: // nothing open: searched, as before, never by a kept way (a list may be open next time)
			kept = false
		case err != nil && rule < 0:
			b.log.ErrorContext(ctx, "read follow-up", "openid", m.From, "err", err)
			return unavailable(ctx, listUnreadable)
		case rule < 0:
			return b.followUp(ctx, s, m, 0, &list) // no list
		}
	}
	if n, sure, ok := wordChoice(text); ok {
		kept = false
		// 第二篇, 2号 or 二 choose from the list open. With none open, what
		// is surely a choice gets the no-list reply (searched, 第二篇 and
		// 选② found unrelated cards); 二 or 2号 are searched. A rule's
		// keyword that reads as a choice (回复1领取资料) is the rule's when
		// no list is open, and the list's while one is: the list is what
		// the follower just read.
		list, err := b.followUps.Get(ctx, m.From)
		// 那十八号呢 past the list's end asks of the question's 十八号
		// (followUpAsked), not for item 18.
		numberAsked := n > len(list.IDs) && strings.HasSuffix(text, "呢") && strings.Contains(text, "号")
		switch {
		case numberAsked:
		case err == nil && len(list.IDs) > 0:
			return b.followUp(ctx, s, m, n, &list)
		case err != nil && rule < 0 && sure:
			b.log.ErrorContext(ctx, "read follow-up", "openid", m.From, "err", err)
			return unavailable(ctx, listUnreadable)
		case err == nil && rule < 0 && sure:
			return b.followUp(ctx, s, m, n, &list)
		}
	}
	if named := unwrapChoice(text); rule < 0 && choiceInside.MatchString(named) {
		kept = false
		// 第一个和第二个 with a list open: the items named, as links (a
		// follower run's find: "reply a number from 1 to 5", when they had);
		// searched, it found an article about 第一个百年奋斗目标.
		list, err := b.followUps.Get(ctx, m.From)
		switch {
		case err == nil && len(list.IDs) > 0:
			return b.several(ctx, s, m, list, namedItems(named))
		case err == nil && list.Search == "":
			// With nothing open, items are no topic (1和2 said so, but
			// 第一个和第二个都想看 got a card on 伟大征程 at 0.90).
			note(ctx, func(e *Event) { e.Outcome = OutcomeNoList })
			return []Reply{{Type: ReplyText, Text: s.noList}}
		}
	}
	if n, ok := listChosen(s.fold(bare)); rule < 0 && ok {
		// The whole list, or its first few, asked for (两个都看看, 都要, 前两篇:
		// a voice follower run's finds; 两个都看看 got a card on 两个确立):
		// those items, as 1和2 gets them. With nothing open, asked as said.
		if list, err := b.followUps.Get(ctx, m.From); err == nil && len(list.IDs) > 0 {
			kept = false
			if n == 0 || n > len(list.IDs) {
				n = len(list.IDs)
			}
			items := make([]int, n)
			for i := range items {
				items[i] = i + 1
			}
			return b.several(ctx, s, m, list, items)
		}
	}
	if rule >= 0 && s.rules[rule].alone {
		aside := s.topicAside(text, rule)
		if day, ok := dayAsked(aside, now.In(chinaTime)); ok {
			return b.day(ctx, s, m, day) // 你好，8月22日的新闻联播
		}
		if asksLatest(aside) {
			return b.latest(ctx, s, m) // 你好，最新 (a follower run's find: the greeting alone)
		}
	}
	if rule >= 0 && s.rules[rule].alone {
		// 你好，两会: a greeting, and a topic of two characters apart
		// from it, which alone counts as nothing searchable (谢谢分享 is
		// thanks). Answered when the store answers it.
		if topic := s.topicAside(text, rule); topic != "" && b.catalog.Topic(topic) && b.answers(ctx, s, topic) {
			return b.search(ctx, s, m, topic, 0)
		}
	}
	if rule >= 0 {
		return b.rule(ctx, s, m, rule)
	}
	if onlyEmoticons(text) || strings.IndexFunc(text, isWordRune) < 0 && (hasSymbol(text) || strings.HasPrefix(text, "/:")) {
		// [微笑] or [玫瑰] alone is a sticker in words: searched by its
		// name it found 中欧联合研制"微笑"卫星 and, for [炸弹], a bombing.
		// 😊, 👍 or /::) (WeChat's older codes) hold nothing to search:
		// they got the no-match reply. (Punctuation alone, 。。。, is
		// typed text, and gets it still.)
		note(ctx, func(e *Event) { e.Outcome = OutcomeDefault })
		return b.render(ctx, s, m, s.fallback, 0)
	}
	if question == "" {
		question = text
	}
	if rule < 0 {
		typed := digitYears(question)
		corrected := selfCorrected(typed)
		// What was meant, a rule's whole keyword (我说的是遴选，不是国考。:
		// searched, 遴选 had a card on national parks' 遴选出, where alone it
		// gets the exam rule's articles: a re-check's find).
		if corrected != typed {
			if r, q := s.match(Bare(corrected)); r >= 0 && q == "" && !s.rules[r].alone {
				return b.rule(ctx, s, m, r)
			}
		}
		question = preferenceFirst(corrected, now.In(chinaTime))
	}
	if b.readings != nil && rule < 0 {
		if ask, ok := readingAsked(question, s.readingDay(now)); ok {
			return b.pastReading(ctx, s, m, ask) // 往期每日一读, 昨天的每日一读, 上周的每日一读
		}
		if ask, ok := readingAsked(text, s.readingDay(now)); ok && question != text {
			// 昨天的每日一读没收到: 收到, an acknowledgement's keyword, had
			// been taken out, leaving 没 to search (no match).
			return b.pastReading(ctx, s, m, ask)
		}
	}
	if rule < 0 && m.Quoted != "" {
		// What a reply under a quote asks of (这篇讲的什么, 这是哪天的, 去年的呢)
		// is what it quotes: an article the quote finds is the answer
		// before, as if just shown (asked of whatever was open, or of
		// nothing, these had got another topic's articles or 请先发送想查的
		// 主题: re-checks' finds). A reply naming a topic of its own is
		// searched below as ever, and answers with its own.
		kept = false
		b.quotedAsAnswer(ctx, s, m)
	}
	if rule < 0 {
		r, read := b.followUpAsked(ctx, s, m, question, now)
		if r != nil {
			return r // 每日一读, then 上周的呢; 国常会, then 最新的呢; 政府工作报告, then 2025年的呢
		}
		kept = kept && !read
		if aspect, ok := refinement(question); ok {
			kept = false // it reads the follower's list
			if r := b.refined(ctx, s, m, aspect); r != nil {
				return r // 国常会, then 关于防汛的
			}
		}
		if dateAsked(question) {
			kept = false // it reads the follower's list
			if r := b.dateOfAnswer(ctx, m); r != nil {
				return r
			}
		}
		if detailAsked(question) {
			kept = false
			if r := b.detailOfAnswer(ctx, m); r != nil {
				return r
			}
		}
		if tail, ok := askedOfLast(question); ok {
			kept = false // the question before is the follower's
			if r := b.askedOfAnswer(ctx, s, m, tail); r != nil {
				return r
			}
		}
	}
	if rule < 0 && asksLatest(question) && asksPushed(question) {
		// 今天推送了什么 asks for the reading pushed today, when there is
		// one (or the apology when it cannot be read); without, the
		// articles published last answer it.
		if r, sent := b.dailyReply(ctx, s, m, 1, false, false); sent || r != nil {
			if sent {
				note(ctx, func(e *Event) { e.Outcome, e.Rule = OutcomeRule, DailyRule })
				b.closeList(ctx, m, r)
			}
			return r
		}
		return b.latest(ctx, s, m)
	}
	if day, rest, ok := readDay(question, now.In(chinaTime)); ok {
		day = day.news()
		kept = false // dayTopic reads the store
		if asksDayNews(day, rest) {
			return b.day(ctx, s, m, day) // 8月22日新闻联播, 昨天的新闻, and 2月30日 (not a date)
		}
		if topic, ok := topicOnDay(day, rest); ok && rule < 0 {
			if r := b.topicOnDayAsked(ctx, s, m, day, topic); r != nil {
				return r // 9月3日阅兵, 8月22日的新闻联播有国常会吗, 昨晚新闻联播有没有讲国常会
			}
		}
	}
	if p, rest, ok := readNewsPeriod(question, now.In(chinaTime)); ok && rule < 0 && (asksNewsOnly(rest) || asksLatest(rest)) {
		return b.periodNews(ctx, s, m, p) // 上周的新闻联播, 11月有什么新闻
	}
	if rule < 0 && asksLatest(question) { // 你好，今天有什么新闻: what follows the greeting
		return b.latest(ctx, s, m)
	}
	if p, topic, query, ok := monthTopic(question, now.In(chinaTime)); ok && rule < 0 && !b.smallTalk(topic) {
		// 上个月的国常会, 本月政治局会议: a month the topic has no article
		// in is said so above its newest, as the month asked after it is
		// (a follower run's find: no match, and 本月's newest without a
		// word of the month).
		from, _ := time.Parse(content.DateLayout, p.from)
		return b.monthAsked(ctx, s, m, m.Text, topic, query, from.Year(), int(from.Month()))
	}
	if p, topic, ok := rangeTopic(question, now.In(chinaTime)); ok && rule < 0 && !b.smallTalk(topic) {
		// 7月30日到8月2日的国常会: the topic's articles of those days (a
		// re-check's find: a card of 2024-08-30's meeting), as a week's.
		return b.weekAsked(ctx, s, m, m.Text, topic, p)
	}
	if p, topic, ok := weekTopic(question, now.In(chinaTime)); ok && rule < 0 && !b.smallTalk(topic) {
		return b.weekAsked(ctx, s, m, m.Text, topic, p) // 上周的国常会, 本周政治局会议
	}
	question = withoutOwnRecency(question)
	if topic, ok := recentTopic(question); ok {
		kept = false // newest reads the store
		// 最新的枫桥经验, 国常会最近消息: searched as typed, the recency
		// word was a word to find (no match, or a 2023 meeting's card).
		if rule, _ := s.match(topic); rule >= 0 {
			return b.rule(ctx, s, m, rule) // 最新的遴选, 最新每日一读: the rule's keyword wins
		}
		if r := b.newest(ctx, s, m, topic); r != nil {
			return r
		}
	}
	if kept {
		routes.keep(m.Text, route{day: day, bare: bare, question: question})
	}
	return b.search(ctx, s, m, b.besideNa(question), 0)
}

// besideNa is question without the 那 and 呢 a follower asks another topic
// with (上合峰会, then 那金砖呢): searched alike, its list's topic is then the
// topic alone for the follow-ups after it (a follower run's finds: its
// newest had been headed 「那金砖」, a month of 那PPI呢 「那PPI」). Only
// before a topic the search knows or a Latin name (PPI): 那不勒斯呢 and
// 那曲呢 are places, 那些… and 那次… point at what is asked.
func (b *Bot) besideNa(question string) string {
	t, ok := strings.CutSuffix(question, "呢")
	if !ok {
		return question
	}
	for _, lead := range []string{"那么", "那"} {
		if rest, ok := strings.CutPrefix(t, lead); ok {
			rest = strings.TrimLeftFunc(rest, func(r rune) bool { return !isWordRune(r) })
			latin := len(rest) >= 2 && !strings.ContainsFunc(rest, func(r rune) bool { return r >= utf8.RuneSelf || !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			if latin || b.catalog.Topic(rest) {
				return rest
			}
			return question
		}
	}
	return question
}

// DailyRule names, in the query log, the daily reading's own answers, as a
// rule's name would: the day's reading given to a follower asking what was
// pushed today (今天推送了什么), 昨天的每日一读, 今天还没有每日一读, whether or
// not a rule of the config has the name.
const DailyRule = "daily"

// rule answers with a keyword rule's response.
func (b *Bot) rule(ctx context.Context, s *Settings, m Message, rule int) []Reply {
	note(ctx, func(e *Event) { e.Outcome, e.Rule = OutcomeRule, s.rules[rule].label })
	return b.render(ctx, s, m, s.rules[rule].resp, 0)
}

// Words of a follower asking what is new: when (今天, 最近, 最新), what
// (新闻, 文章, 更新) and the question around them (有什么, 吗). A text of
// these alone asks for the latest articles; searched, 今天有什么新闻 found
// titles holding 今天 from any year (a follower run's find).
var (
	latestWhen = []string{"今天", "今日", "今晚", "昨天", "昨日", "昨晚", "最近", "最新", "近期", "近日", "近来", "这几天", "这两天", "这些天", "本周", "这周",
		"这星期", "一周", "这个月", "本月", "刚刚", "近"}
	// 时政热点, the category the help reply names, is what is new: searched,
	// it got no match (no article names its category), and 最近有什么大事,
	// 最近有什么热点 lists on 头等大事 and 广交会 (a follower run's finds).
	latestWhat = []string{"新闻联播", "新闻", "要闻", "消息", "资讯", "文章", "推送", "推了", "动态", "新鲜事", "更新",
		"时政热点", "时政新闻", "时政要闻", "时政", "时事热点", "时事", "热点新闻", "热点", "大事", "重要新闻", "重大新闻", "大新闻"}
	latestAsk = []string{"你好", "您好", "老师好", "老师", "小编好", "小编", "在吗", "请问", "有什么", "有哪些", "有啥", "有没有", "是什么", "什么", "哪些", "啥", "发布了", "发了", "推荐", "看看", "内容",
		// 最近发布的文章, 最近刚发布的有哪些 (a review's find: the event's
		// words taken off a topic had left none, and no match).
		"发布的", "刚发布的", "更新的", "刚更新的", "的",
		"发生了什么事", "发生了什么", "发生了啥", "发生什么",
		// 今天推送的文章在哪看, 今天怎么没推送 (a follower run's finds: no match).
		"在哪里看", "在哪看", "哪里看", "在哪里", "在哪", "怎么看", "怎么没", "怎么还没", "还没",
		// 我想知道昨天的新闻联播。 (a voice follower run's find: no match).
		"我想知道", "想知道", "我想了解", "想了解", "了解一下",
		// 最近有哪些重要的时政热点, 最近有什么时政热点需要关注 (the same run's: no match).
		"重要的", "重要", "需要关注的", "需要关注", "值得关注的", "值得关注", "要关注",
		"一下", "几篇", "一些", "给我", "我想看", "想看", "我要看", "要看", "我要", "的", "了", "吗", "呢", "呀", "啊", "吧", "有", "新", "发", "看"}
	latestWords = longestFirst(slices.Concat(latestWhen, pastFewDays, latestWhat, latestAsk))
)

// pastFewDays are the last few days (前两天的新闻, 前几天的新闻: a follower
// run's find, searched: a card on a May holiday's 前两天): as 这几天, what
// is new alone, and before a topic its newest (前两天的国常会: a review's
// find, 2024's meetings first); not after one (假期前两天 is a topic's).
var pastFewDays = []string{"前两天", "前几天", "前些天", "前些日子"}

// latestCount is a count of articles asked for (5篇, 十条, 一篇, 几篇) or of
// the time they come from (最近三天的新闻, 近7天, 一个月, 两周, 半年, 24小时).
// A year (2024年, 二零二四年) is none: three digits or numerals at most. Nor
// is a month (7月份CPI 最新 asked CPI's newest, of any month: a follower
// run's find); 一个月, 三个月 and 两月 (no month's name) are.
var latestCount = regexp.MustCompile(`^(?:(?:[0-9]{1,3}|[一二两三四五六七八九十几]{1,3})(?:篇|条|天|日|周|个?星期|个?礼拜|个月|年|个?小时)|[两几]月|半(?:个月|年))`)

// asksLatest reports whether text asks for the latest articles and nothing
// else: it holds when or what of latestWhen and latestWhat, and no word
// outside the three lists (最近的政策 is a search).
func asksLatest(text string) bool {
	if utf8.RuneCountInString(text) > 16 {
		return false
	}
	named := false
	for rest := text; rest != ""; {
		rest = strings.TrimLeftFunc(rest, func(r rune) bool { return !isWordRune(r) })
		if rest == "" {
			break
		}
		i := slices.IndexFunc(latestWords, func(w string) bool { return strings.HasPrefix(rest, w) })
		if i < 0 {
			// A count (最新的5篇文章, 最近10篇, 最近三天的新闻) asks for the list too.
			if n := latestCount.FindString(rest); n != "" {
				rest = rest[len(n):]
				continue
			}
			return false
		}
		w := latestWords[i]
		named = named || slices.Contains(latestWhen, w) || slices.Contains(pastFewDays, w) || slices.Contains(latestWhat, w)
		rest = rest[len(w):]
	}
	return named
}

// asksPushed reports whether a text asking what is new asks for today's
// push (今天推送了什么, 今日推送): what the account sent today is the
// daily reading.
func asksPushed(text string) bool {
	return (strings.Contains(text, "推送") || strings.Contains(text, "推了")) && (strings.Contains(text, "今天") || strings.Contains(text, "今日"))
}

// recentWords, beside a topic, ask for its newest articles (最新的枫桥经验).
// Not 今天 nor 昨天: they name a day, and 今天的国常会 may be another day's.
var recentWords = []string{"最新", "最近", "近期", "近日", "近来", "这几天", "这两天", "这些天", "本周", "这周", "这星期", "本月", "这个月",
	"上一次", "上次", "上一期",
	// 粤港澳大湾区最新进展 is the topic's newest (a follower run's find:
	// 「粤港澳大湾区进展」's two 2023 articles); 最新的研究进展 keeps its 进展.
	"最新进展", "最近进展", "近期进展"}

// recentInside are the recency words taken out from inside a question:
// those no longer word holds across its edge (日本周边 holds 本周, 基本月薪
// 本月, 靠近日本 近日: a review's find).
var recentInside = []string{"最近一次", "最新一次", "最近一期", "最新一期", "最近", "最新", "近期", "这几天", "这两天", "这些天"}

// recentFront and recentBack are what is peeled off a topic's ends with a
// recency word: asking before it (请问有没有关于), what is asked for and the
// question after it (消息, 文章有哪些, 吗). Not the what-is-new words that
// are topics' words too (新闻联播, 新闻 of 新闻发布会, 推荐), nor one
// character that may begin a topic (新 of 新质生产力, 发 of 发展).
var (
	recentFront = longestFirst(slices.Concat(recentWords, pastFewDays, []string{"请问一下", "请问", "问一下", "我想问一下", "我想了解", "想了解", "了解一下",
		"我想知道", "想知道", "你知道", // 「我想知道国常会」最新的文章 (a follower run's find)
		"有没有讲", "求推荐几篇关于", "推荐几篇关于", "求推荐", "推荐几篇",
		// A voice message's way in (老师我想问一下就是最近有没有关于低空经济的文章:
		// a follower run's find, no match for its 就是).
		"老师", "小编", "就是", "那个",
		"搜一下", "搜索", "查一下", "找一下", "帮我找", "帮我", "麻烦问下", "麻烦", "请问下", "问下", "发一下", "我想看", "想看", "给我", "看看", "一下",
		// Asked to see or send it (我要看最新的国常会 headed 「我要看的国常会」,
		// 能发一下最新的国常会吗 a card on June's meeting: a follower run's finds).
		"我要看", "我要看看", "我想要看", "能发一下", "能不能发一下", "可以发一下", "可不可以发一下", "能给我发一下", "发我一下", "发给我",
		"有没有", "有什么", "有哪些", "有啥", "关于", "一次", "一期", "的",
		// English courtesy before it (please 最新的国常会 had headed its
		// list 「please 的国常会」: a follower run's find).
		"please", "pls", "我想找一下关于", "我想找一下", "想找一下"}, eventHeld()))
	recentBack = longestFirst(slices.Concat(recentWords, []string{"消息", "文章", "资讯", "新闻", "动态", "报道", "推送", "方面",
		"有哪些", "有什么", "有什么新", "有啥", "有啥新", "是什么", "有吗", "开了什么会", "开了啥会", "开了哪些会", "是哪天", "哪天", "是什么时候", "什么时候", "怎么样", "讲了什么", "讲了啥",
		// A date asked otherwise, and 啥 for 什么 (国常会最近开了啥, 最近一次
		// 政治局会议是几月几号开的: a card on 2024's or 2025's meeting, a
		// follower run's finds).
		"开了啥", "是几月几号开的", "几月几号开的", "是几号开的", "几号开的", "是几月几号召开的", "几月几号召开的", "是几月几号", "几月几号", "是几号", "几号",
		// 些 and 都 (国常会最近开了些啥: a card on 2024's meeting; 最近国常会都开了啥 headed 「国常会都」: a re-check's finds).
		"开了些啥", "开了些什么", "开了些什么会", "都开了啥", "都开了什么", "都开了什么会", "都开了哪些会",
		"说了什么", "说了啥", "开了什么", "是什么时候开的", "是哪天开的", "是什么时候召开的", "是哪天召开的", "什么时候开的", "什么时候开",
		"什么时候召开的", "什么时候召开", "哪天召开的", "哪天开的", "开了吗", "开了没有", "开了没", "开没开", "召开了吗", "召开了没有", "召开了没", "决定了什么", "部署了什么",
		"定了什么", "有什么内容", "有什么进展", "有什么新进展", "是什么主题", "什么主题", "主题是什么", "的主题是什么", "学了什么", "学习了什么",
		// Figures and places asked (「CPI同比上涨多少」, 「出访是去哪」: a
		// follower run's find).
		"同比上涨多少", "同比增长多少", "上涨多少", "增长多少", "增长了多少", "涨了多少", "是去哪", "去哪了", "去了哪里", "去了哪", "去哪里了",
		// ... as a share (七月份社零增长了百分之几: headed 「社零增长了百分之几」
		// and said to have none in July, a follower run's find).
		"增长了百分之几", "增长百分之几", "上涨了百分之几", "涨了百分之几", "下降了百分之几", "降了百分之几", "增长了几个百分点",
		// (李强最近出访了哪些国家: a 2023 card; 总书记最近考察了哪里 headed
		// 「总书记考察了哪里」: a follower run's finds.)
		"去了哪些国家", "了哪些国家", "哪些国家", "去了哪些地方", "了哪些地方", "哪些地方", "了哪里", "哪里",
		// The figures asked of a topic (最新的社会消费品零售总额是多少: a
		// follower run's find). Not 数据: 人口数据 and 金融数据 are topics
		// of their own (a review's find: 最新的人口数据 listed 人口's news).
		"是多少",
		// 最近国常会都讲了些什么内容: its header had said 「国常会都讲了些什么」.
		// After the recency word too (国常会最近一次, 求是最新一期: a follower
		// run's finds, the 2023 meeting's 第一次 first, and no match).
		"一次", "一期",
		// (Not 内容 alone: 会议内容 is a topic.)
		"都讲了些什么", "都讲了什么", "都讲了啥", "讲了些什么", "都说了些什么", "都说了什么", "说了些什么", "讲的什么", "说的什么",
		"都讲了些什么内容", "讲了些什么内容", "讲了什么内容", "说了什么内容", "都有什么", "都有哪些", "的", "了", "吗", "呢", "呀", "啊", "吧",
		// Asked for after the topic (最近新质生产力有没有相关的文章 headed
		// 「新质生产力有没有相关」: a follower run's find).
		"有没有相关", "有没有", "相关", "素材", "资料",
		// What became of it (霍尔木兹海峡最近怎么了 headed 「霍尔木兹海峡怎么」:
		// a study-platform follower run's find).
		"怎么了", "怎么样了", "咋样了", "咋了", "怎么回事", "什么情况", "啥情况"}))
)

// eventHeld are what a follower says of the event whose newest is asked
// (最近开的国常会讲了什么, 最近刚开的政治局会议: a follower run's and a
// review's finds, searched with 开的 and 刚开的, a card on a 2024 or a
// 2023 meeting): 开的, 召开的, 刚发布的, 正在举行的, ….
func eventHeld() []string {
	var out []string
	for _, when := range []string{"", "刚", "刚刚", "正在", "在", "新"} {
		for _, done := range []string{"开", "召开", "举行", "举办", "发布", "出台", "印发", "公布", "通过", "颁布",
			// 最近刚闭幕的进博会 (a re-check's find: the seventh fair first).
			"开幕", "闭幕", "落幕", "结束", "开通"} {
			out = append(out, when+done+"的")
		}
	}
	return out
}

// softFront are a voice message's ways in (老师, 就是, 那个), peeled only
// before more asking or a recency word: 那个年代, 就是说, 老师资格证 and
// 老师们 are what is asked (a second review's find).
var softFront = map[string]bool{"老师": true, "就是": true, "那个": true}

// frontNext reports whether text opens with a front edge other than a
// soft one.
func frontNext(text string) bool {
	text = strings.TrimLeftFunc(text, func(r rune) bool { return !isWordRune(r) })
	for _, w := range recentFront {
		if strings.HasPrefix(text, w) && (!softFront[w] || frontNext(text[len(w):])) {
			return true
		}
	}
	return false
}

// meetingAsked are back edges asking whether a meeting met (开了吗,
// 召开了没有), peeled only after what names one (…会, …会议): 放开了没有 and
// 公开了没有 are no meeting's (a second review's find).
var meetingAsked = map[string]bool{"开了吗": true, "开了没有": true, "开了没": true, "开没开": true, "召开了吗": true, "召开了没有": true, "召开了没": true}

func meetingNamed(text string) bool {
	return strings.HasSuffix(text, "会") || strings.HasSuffix(text, "议")
}

// recentGlued are front edges that begin a longer word before what is
// given (一次性补贴: a review's find, 性补贴 was searched).
var recentGlued = map[string]string{"一次": "性", "最新": "鲜"}

// recentTopic returns the topic a text asks the newest articles of: what is
// left when a recency word (recentWords) and the words around it are
// peeled off its ends, or taken out from inside it: 国常会最新消息 is
// 国常会's, 枫桥经验最新发展 枫桥经验发展's.
func recentTopic(text string) (string, bool) {
	if utf8.RuneCountInString(text) > 32 || ownRecently(text) {
		return "", false
	}
	topic, recent := peeled(text)
	if !recent {
		// Inside the question (总书记最近去哪考察了, 两会最近有啥新闻, 国常会
		// 最近开了什么会): searched with it, they got no match or a 2023
		// meeting first (a follower run's finds). Without it, the rest is
		// peeled as before.
		i := slices.IndexFunc(recentInside, func(w string) bool { return strings.Contains(topic, w) })
		if i < 0 || strings.Contains(topic, "最新鲜") {
			return "", false
		}
		topic, _ = peeled(strings.Replace(topic, recentInside[i], "", 1))
	}
	if topic == "" || slices.ContainsFunc(saidBefore, func(w string) bool { return strings.HasPrefix(topic, w) }) {
		// 前两天说的那个政策, 这两天发的那个通知: what was said points back
		// at something, and the rest is no topic (headed 「说的政策」, a
		// tariff ruling first: a re-check's find).
		return "", false
	}
	return topic, true
}

// saidBefore open what points back at something said or sent.
var saidBefore = []string{"说的", "说过的", "讲的", "讲过的", "发的", "发过的", "提的", "提到的"}

// ownRecently reports whether a recency word in text tells what the
// follower is doing, in a sentence of its own beside the question (我最近在
// 准备遴选，有没有共同富裕的文章; 最近在备考，…; 有没有…，我最近在准备遴选): they ask
// for the topic, not its newest (a follower run's find: a list headed
// 「我在准备遴选,有没有共同富裕」). Not a recency word describing what is
// asked about (最近在开的政治局会议，讲了啥: 的 binds it to the meeting),
// nor beside one asking for the newest (最近在学习，想看最新的政治局会议), nor
// one sentence alone (老师们最近在学什么).
func ownRecently(text string) bool {
	sentences := clausesOf(text)
	if len(sentences) < 2 {
		return false
	}
	own := false
	for _, sentence := range sentences {
		switch {
		case doingRecently(sentence):
			own = true
		case slices.ContainsFunc(recentInside, func(w string) bool { return strings.Contains(sentence, w) }):
			return false // the newest asked in another sentence
		}
	}
	return own
}

// withoutOwnRecency is text without the recency word of what the follower
// says they are doing (ownRecently), which asks nothing: searched with it,
// 我最近在看共同富裕，有没有文章 got no match (a follower re-check's find).
func withoutOwnRecency(text string) string {
	if !ownRecently(text) {
		return text
	}
	return ownRecency.ReplaceAllString(text, "$1$2$3")
}

// ownRecency is a recency word opening a sentence of the follower's doing.
var ownRecency = regexp.MustCompile(`(^|[^\p{L}\p{N}])((?:我们|我|本人)?)(?:最近|近期|这几天|这两天)((?:也|一直)?(?:在|正在|准备))`)

// doingRecently reports whether sentence is the follower's doing lately:
// 我最近在准备遴选, 最近一直在备考, 我们这两天正在学习.
func doingRecently(sentence string) bool {
	if strings.Contains(sentence, "的") {
		return false
	}
	for _, who := range []string{"我们", "我", "本人"} {
		if rest, ok := strings.CutPrefix(sentence, who); ok {
			sentence = rest
			break
		}
	}
	for _, w := range []string{"最近", "近期", "这几天", "这两天"} {
		if rest, ok := strings.CutPrefix(sentence, w); ok {
			rest = strings.TrimPrefix(strings.TrimPrefix(rest, "也"), "一直")
			return slices.ContainsFunc([]string{"在", "正在", "准备"}, func(doing string) bool {
				after, ok := strings.CutPrefix(rest, doing)
				return ok && after != "" && !strings.HasPrefix(after, "哪")
			})
		}
	}
	return false
}

// peeled is text with the asking around a topic peeled off its ends
// (recentFront, recentBack), and whether a recency word was among it.
func peeled(text string) (topic string, recent bool) {
	peel := func(t string, front bool) string {
		for {
			if front {
				t = strings.TrimLeftFunc(t, func(r rune) bool { return !isWordRune(r) })
			} else {
				t = strings.TrimRightFunc(t, func(r rune) bool { return !isWordRune(r) })
			}
			edges := recentBack
			if front {
				edges = recentFront
			}
			i := slices.IndexFunc(edges, func(w string) bool {
				if front {
					g, glued := recentGlued[w]
					return strings.HasPrefix(t, w) && !(glued && strings.HasPrefix(t[len(w):], g)) && (!softFront[w] || frontNext(t[len(w):]))
				}
				return strings.HasSuffix(t, w) && (!meetingAsked[w] || meetingNamed(t[:len(t)-len(w)]))
			})
			if i < 0 {
				if n := latestCount.FindString(t); front && n != "" {
					t = t[len(n):] // 最新的5篇枫桥经验, 最近三天的国常会
					continue
				}
				return t
			}
			w := edges[i]
			recent = recent || slices.Contains(recentWords, w) || slices.Contains(pastFewDays, w)
			if front {
				t = t[len(w):]
			} else {
				t = t[:len(t)-len(w)]
			}
		}
	}
	return peel(peel(text, true), false), recent
}

// newest answers a question for a topic's newest articles: those the
// search finds surely relevant (at clear_score: a list by date must not put
// a weak match above the clear answer), or when none is relevant those
// that mention it, newest first and dated, 更多 showing older ones. With
// fewer than two surely relevant, or a year named (最新的2024年政府工作报告
// is one report), the topic's own answer, unless the "topic" is small talk
// (最近压力大, 最近忙什么呢): then, as when nothing relevant or mentioning it
// is found, nil, and the text is searched as typed, as it was before (a
// follower run's find: the topic alone, 压力大, got confident cards).
func (b *Bot) newest(ctx context.Context, s *Settings, m Message, topic string) []Reply {
	return b.newestAfter(ctx, s, m, topic, m.Text, "")
}

// newestAfter is newest with lead before the list's header, topic named
// there as typed has it (asTyped). With a lead (why the newest answer:
// 2026年11月没有「国常会」的文章。) one surely relevant is listed too, and
// with none it is nil: the topic's own answer would not say why it came.
func (b *Bot) newestAfter(ctx context.Context, s *Settings, m Message, topic, typed, lead string) []Reply {
	// 医保 is no topic either, and has its list when its articles are sure.
	chat := b.smallTalk(topic)
	if namesYear.MatchString(topic) && lead == "" {
		if chat {
			return nil
		}
		return b.search(ctx, s, m, topic, 0)
	}
	found, mentions, err := b.newestOf(ctx, s, &topic, moreDepth)
	switch {
	case err != nil:
		b.log.ErrorContext(ctx, "search", "err", err)
		return b.noMatch(ctx, s, m, 0)
	case len(found) == 0 && mentions, len(found) < 2 && !mentions && chat, len(found) == 0 && lead != "":
		return nil
	case len(found) < 2 && !mentions && lead == "": // relevant, not two surely (最新的焦裕禄精神: a follower run's find, no match)
		return b.search(ctx, s, m, topic, 0)
	}
	if lead == "" && !mentions && len(found) > 0 && oneAsked.MatchString(m.Text) {
		// The last one asked for (最近一次国常会是哪天, 最新一期求是): its
		// card, not five meetings of one title (a follower run's find).
		return b.pick(ctx, s, m, topic, found[:1], true, false, 0)
	}
	more := len(found) > s.search.MaxResults
	found = dated(found[:min(len(found), s.search.MaxResults)])
	note(ctx, func(e *Event) {
		switch {
		case mentions && (e.Outcome == OutcomeEvent || e.Outcome == OutcomeRule):
			// No article answers it, for the report's topics; a list, for
			// what the follower got (it had been counted as nothing
			// beside the item they chose from it: a newcomer's run).
			e.Outcome = OutcomeMentions
		case lead != "" && (e.Outcome == OutcomeEvent || e.Outcome == OutcomeRule):
			// The period or day asked has none (2026年11月CPI: 还没有文章,
			// the newest below): unanswered, for the report's topics (an
			// operator run's find: logged as a list at 0.99).
			e.Outcome = OutcomeNoMatch
		case e.Outcome == OutcomeEvent:
			e.Outcome = OutcomeList
		}
		e.bestFirst(found)
	})
	header := newestHeaderFor(asTyped(typed, topic), mentions)
	reply, ids := listReplyWith(found, func(n int) string { return lead + header(n) }, true, more)
	list := FollowUp{Query: asked(m), Search: topic, Mentions: mentions, Newest: true, IDs: ids, Stories: storiesOf(found[:len(ids)])}
	return []Reply{b.keepList(ctx, m, list, reply)}
}

// oneAsked is a question for a topic's last one: 最近一次, 最新一期, 上一次.
var oneAsked = regexp.MustCompile(`(?:最新|最近|上)的?一(?:次|期|篇)`)

// smallTalk reports whether a topic read off a question is small talk:
// two or three characters the catalog knows as no topic (两会 and 国常会
// are topics; 压力大, 三天 and 功能 are not).
func (b *Bot) smallTalk(topic string) bool {
	return utf8.RuneCountInString(topic) <= 3 && !b.catalog.Topic(topic)
}

// asTyped is topic as text has it, its letters' case kept (「GDP」, not the
// 「gdp」 the comparison folded it to: a follower run's find); topic when
// text has it otherwise (full-width, traditional).
func asTyped(text, topic string) string {
	// Nor with the particle that asked it (「PPI呢」: a follower run's find);
	// not 吧, 啊 or 呀, which end names too (奔跑吧: a review's find).
	if t := strings.TrimRight(topic, "呢吗"); t != "" {
		topic = t
	}
	lower := strings.ToLower(text)
	if len(lower) != len(text) {
		return clausesShown(hanJoined(topic))
	}
	if i := strings.Index(lower, topic); i >= 0 {
		return text[i : i+len(topic)]
	}
	// Its parts apart in text (PMI最新数据 asks 「pmi数据」): each run of
	// letters as typed.
	return clausesShown(hanJoined(latinRun.ReplaceAllStringFunc(topic, func(run string) string {
		if i := strings.Index(lower, run); i >= 0 {
			return text[i : i+len(run)]
		}
		return run
	})))
}

// clausesShown is a topic of a voice message's clauses, their commas
// folded to ASCII for the search, as said, less a pronoun pointing back at
// the clause before: 「中央经济工作会议,它提出了哪些重点任务」 read as the bot
// having misheard (a study-platform follower run's find).
func clausesShown(topic string) string {
	if !strings.ContainsAny(topic, ",;?!") {
		return topic
	}
	// (它的重点任务 is the meeting's: 「中央经济工作会议的重点任务」; voice
	// writes 他 for 它: a re-check's finds.)
	// (会议的 after a meeting's name is the meeting's, 这个 gone with the
	// fillers: a re-check's find.)
	topic = fullWidthPunct.Replace(topic)
	if i := strings.Index(topic, "会议，会议的"); i >= 0 {
		topic = topic[:i] + "会议的" + topic[i+len("会议，会议的"):]
	}
	return pointingBack.ReplaceAllStringFunc(topic, func(back string) string {
		if strings.HasSuffix(back, "的") {
			return "的"
		}
		return "，"
	})
}

var latinRun = regexp.MustCompile(`[a-z0-9]+`)

var (
	fullWidthPunct = strings.NewReplacer(",", "，", "?", "？", "!", "！", ";", "；")
	pointingBack   = regexp.MustCompile(`，(?:它们|它|他们|他|这个会议|这次会议|该会议|这个会)(的)?`)
)

// hanJoined is topic without the spaces between Han characters that a
// question put together of a follow-up's parts has (「2024年 高考」: a
// follower run's find).
func hanJoined(topic string) string {
	if !strings.Contains(topic, " ") {
		return topic
	}
	var b strings.Builder
	for i, r := range topic {
		if r == ' ' {
			before, _ := utf8.DecodeLastRuneInString(strings.TrimRight(topic[:i], " "))
			after, _ := utf8.DecodeRuneInString(strings.TrimLeft(topic[i:], " "))
			if unicode.Is(unicode.Han, before) && unicode.Is(unicode.Han, after) {
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// newestOf returns, newest first, the articles the search finds surely
// relevant to topic (at clear_score); when none is relevant at all, those
// that mention it (mentions set, and topic then the word they mention:
// 风桥经验's are 枫桥经验's). Of the first n hits, so that every page of a
// list orders the same ones.
func (b *Bot) newestOf(ctx context.Context, s *Settings, topic *string, n int) (found []content.Hit, mentions bool, err error) {
	hits, err := b.catalog.Search(ctx, *topic, n)
	if err != nil {
		return nil, false, err
	}
	if relevant := relevantOf(hits, s.search.MinScore); len(relevant) > 0 {
		// The clear answers, and the relevant ones whose title names the
		// topic as asked: 嫦娥六号's newest, titled 嫦娥六号…, scored 0.69–0.78
		// on the corpus and were left out (a follower run's find: the
		// newest listed was months old). Not the merely relevant: a weak
		// match is not put above a clear answer for being newer.
		// Or by another of its names (最新CPI: the newest figures' titles
		// say 居民消费价格指数, scored about 0.5, and the list stopped at
		// March's titled CPI: a follower run's find).
		clear, titled := max(s.search.ClearScore, s.search.MinScore), b.titled(*topic)
		// A near tie with a clear answer is as clear: 7月份CPI's 2026 figures
		// scored 0.79 beside 2025's 0.86, and the list by date named only
		// 2025's (a follower run's find).
		best := slices.MaxFunc(relevant, func(a, b content.Hit) int { return cmp.Compare(a.Score, b.Score) }).Score
		if best >= clear {
			clear = min(clear, best-newestTie)
		}
		for _, h := range relevant {
			if h.Score >= clear || titled(h.Article.Title) {
				found = append(found, h)
			}
		}
		if len(found) < 2 && best < max(s.search.ClearScore, s.search.MinScore) {
			// None clear, and the topic in no title but one: the
			// relevant by date, as asked (a follower run's find: 台湾问题
			// 最近有什么新闻 listed 2024's first, by relevance, where the
			// six relevant ran to March 2026).
			found = slices.Clone(relevant)
		}
		// A topic of more titles than the search's depth (加沙: 325) has
		// its newest among them only by chance: searched again with the
		// year of the store's newest article, whose articles the search
		// then puts first (a follower run's find: 加沙最新消息 listed
		// November's, where August's came later).
		if len(hits) >= n && len(found) >= n/2 && !namesYear.MatchString(*topic) {
			found = b.withNewestYear(ctx, *topic, n, found, titled)
		}
	} else {
		word, mentioning, err := b.catalog.Mentions(ctx, *topic, n)
		if err != nil {
			return nil, false, err
		}
		found, mentions = slices.Clone(mentioning), true
		if len(found) > 0 {
			*topic = word
		}
	}
	// Undated articles, and those dated after today in China (a date
	// mistyped, or an event's), come last.
	today := b.now().In(chinaTime).Format(content.DateLayout)
	when := func(h content.Hit) string {
		if h.Article.PublishedOn > today {
			return ""
		}
		return h.Article.PublishedOn
	}
	slices.SortStableFunc(found, func(a, b content.Hit) int { return strings.Compare(when(b), when(a)) })
	return found, mentions, nil
}

// withNewestYear adds to found the articles of topic published in the
// year of the store's newest article that a search of the topic with that
// year finds titled with it: not those it finds sure, whom the year asked
// makes sure (a review's find: 最新的两会 opened with a State Council
// plenary of March).
func (b *Bot) withNewestYear(ctx context.Context, topic string, n int, found []content.Hit, titled func(string) bool) []content.Hit {
	newest, err := b.catalog.Latest(ctx, 1)
	if err != nil || len(newest) == 0 || len(newest[0].Article.PublishedOn) < 4 {
		return found
	}
	year := newest[0].Article.PublishedOn[:4]
	hits, err := b.catalog.Search(ctx, topic+" "+year+"年", n)
	if err != nil {
		return found
	}
	for _, h := range hits {
		if strings.HasPrefix(h.Article.PublishedOn, year) && titled(h.Article.Title) &&
			!slices.ContainsFunc(found, func(f content.Hit) bool { return f.Article.ID == h.Article.ID }) {
			found = append(found, h)
		}
	}
	return found
}

// titled reports whether a title names topic, as typed or by another of
// its names (居民消费价格指数 for CPI, 第八届中国国际进口博览会 for 进博会),
// compared as titleKey has them. The figures of a topic (CPI数据) are
// named as the topic is: the list of 最新的CPI数据 had left out every
// title saying 居民消费价格指数 (a session's find).
func (b *Bot) titled(topic string) func(title string) bool {
	names := append(b.catalog.Names(topic), titleKey(topic))
	// Only a term's: 大数据's 大 and 公共数据's 公共 name no topic (a review's
	// find: every title holding 大 was 大数据's).
	if stem, ok := strings.CutSuffix(topic, figuresWord); ok {
		if others := b.catalog.Names(stem); len(others) > 0 {
			names = append(append(names, others...), titleKey(stem))
		}
	}
	names = slices.DeleteFunc(names, func(n string) bool { return n == "" })
	return func(title string) bool {
		t := titleKey(title)
		return slices.ContainsFunc(names, func(n string) bool { return strings.Contains(t, n) })
	}
}

// figuresWord after a term asks for its figures: the search reads CPI数据
// as CPI (for 数据 matched 北京：“数”为先 and 大数据 before GDP's figures).
const figuresWord = "数据"

// newestTie is how far below a clear answer an article of a topic's newest
// list may score: scores that close say no more than which is newer.
const newestTie = 0.1

// titleKey is text as titles are compared with a topic: lower case,
// without spaces.
func titleKey(text string) string {
	return strings.ToLower(strings.Join(strings.Fields(text), ""))
}

// namesYear matches a year in a topic, in digits or as the search reads
// one (今年, 去年, 二〇二四年), not inside a longer number (120000).
var namesYear = regexp.MustCompile(`(?:^|\D)(?:19|20)\d\d(?:\D|$)|今年|去年|前年|明年|[〇零一二][〇零一二三四五六七八九]{3}年`)

// chinaTime is China Standard Time, the day articles are dated by.
var chinaTime = time.FixedZone("CST", 8*60*60)

const (
	newestHeader         = "「%s」最新的文章：\n"
	newestMentionsHeader = "没有专门讲「%s」的文章，以下是最近提到它的：\n"
)

// newestHeaderFor is the header of a list of topic's newest articles, or
// of those that mention it.
func newestHeaderFor(topic string, mentions bool) func(int) string {
	h := fmt.Sprintf(map[bool]string{false: newestHeader, true: newestMentionsHeader}[mentions], html.EscapeString(Cut(topic, listTitle)))
	return func(int) string { return h }
}

// publishedBefore returns the article of ids published last before from
// was (of two the same day, the one listed first); with none, the one
// listed after from when of its day or from is undated (a day's list: the
// day's second). False when there is none, or the store could not say.
func (b *Bot) publishedBefore(ctx context.Context, ids []string, from string) (content.Article, bool) {
	start, err := b.catalog.Get(ctx, from)
	if err != nil {
		return content.Article{}, false
	}
	var best content.Article
	for _, id := range ids {
		if start.PublishedOn == "" {
			break
		}
		a, err := b.catalog.Get(ctx, id)
		if err != nil || id == from || a.PublishedOn == "" || a.PublishedOn >= start.PublishedOn {
			continue
		}
		if best.ID == "" || a.PublishedOn > best.PublishedOn {
			best = a
		}
	}
	if best.ID == "" {
		if i := slices.Index(ids, from); i >= 0 && i+1 < len(ids) {
			next, err := b.catalog.Get(ctx, ids[i+1])
			return next, err == nil && (start.PublishedOn == "" || next.PublishedOn == start.PublishedOn)
		}
	}
	return best, best.ID != ""
}

// refinement reads a question narrowing the one answered before to the
// one of its articles about aspect: 关于防汛的, 讲防汛的那次, 人工智能那次,
// 和教育有关的. Searched alone, they had lost the topic (a follower run's
// finds: 国常会, then 关于防汛的, listed 防汛 notices and no meeting;
// 政治局集体学习, then 人工智能那次, got no match).
func refinement(text string) (string, bool) {
	// Opened by 那, as followers and voice messages open a follow-up
	// (那讲防汛的那次, 那，人工智能那次呢: a follower run's find, no match),
	// when it asks for one of the answers (…那次, …那篇): 那关于乡村振兴的呢
	// is another topic, as 那乡村振兴的呢 is (a review's find: it had
	// listed meetings on 乡村振兴).
	oneOfThem := slices.ContainsFunc([]string{"那次", "那一次", "那篇"}, func(w string) bool { return strings.HasSuffix(strings.TrimSuffix(text, "呢"), w) })
	for _, lead := range []string{"那么", "那"} {
		if rest, ok := strings.CutPrefix(text, lead); ok && oneOfThem && !strings.HasPrefix(rest, "个") {
			if aspect, ok := refinement(strings.TrimLeftFunc(rest, func(r rune) bool { return !isWordRune(r) })); ok {
				return aspect, true
			}
		}
	}
	text = strings.TrimSuffix(text, "呢")
	if r, _ := utf8.DecodeRuneInString(text); strings.ContainsRune("最上下这那第前后首末", r) && !strings.HasPrefix(text, "那个") || strings.ContainsAny(text, "0123456789") {
		return "", false // which one, not what about: 最新的那次, 上一次, 第二篇的, 2025年的
	}
	for _, w := range []string{"的那一次", "的那次", "那一次", "那次", "的那篇", "那篇"} {
		if rest, ok := strings.CutSuffix(text, w); ok {
			rest = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(rest, "那个"), "是"), "讲")
			return rest, utf8.RuneCountInString(rest) >= 2 && utf8.RuneCountInString(rest) <= 8
		}
	}
	rest, ok := strings.CutSuffix(text, "的")
	if !ok {
		return "", false
	}
	for _, w := range []string{"关于", "有关", "讲", "那个"} {
		if aspect, ok := strings.CutPrefix(rest, w); ok && utf8.RuneCountInString(aspect) >= 2 && utf8.RuneCountInString(aspect) <= 8 {
			return aspect, true
		}
	}
	for _, w := range []string{"和", "跟", "与"} {
		if aspect, ok := strings.CutPrefix(rest, w); ok {
			if aspect, ok := strings.CutSuffix(aspect, "有关"); ok && utf8.RuneCountInString(aspect) >= 2 && utf8.RuneCountInString(aspect) <= 8 {
				return aspect, true
			}
		}
	}
	return "", false
}

// refined answers aspect of the question the follower's list answered, when
// the two together find an answer; nil when they do not (or no question was
// answered), and aspect is searched as typed.
func (b *Bot) refined(ctx context.Context, s *Settings, m Message, aspect string) []Reply {
	list, err := b.followUps.Get(ctx, m.From)
	topic := cmp.Or(list.Search, list.Topic)
	if err != nil || topic == "" || strings.Contains(topic, aspect) {
		return nil
	}
	query := topic + " " + aspect
	if _, ok := b.finds(ctx, s, query); !ok {
		return nil
	}
	return b.search(ctx, s, m, query, 0)
}

// withoutLead is text without what opens a follow-up said apart from it:
// an acknowledgement or 那 before a comma or a space (voice recognition
// writes 那，最新的呢; followers type 好的，那2025年的呢), and 那 glued to
// 更早的 or 上一次 (那更早的呢). Each had lost the topic: a list of titles
// holding 最新, a card on a volcano, the acknowledgement reply, no match (a
// follower run's finds). Only before a question ending in 呢 or a
// follow-up's words: 好的，谢谢 stays thanks, 那，这个 what it is.
func withoutLead(text string) string {
	rest := text
	for {
		i := slices.IndexFunc(followUpLeads, func(w string) bool { return strings.HasPrefix(rest, w) })
		if i < 0 {
			break
		}
		after := rest[len(followUpLeads[i]):]
		trimmed := strings.TrimLeftFunc(after, func(r rune) bool { return !isWordRune(r) })
		if len(trimmed) == len(after) || trimmed == "" {
			break // glued to what follows (好几次, 那些, 行政): no lead
		}
		rest = trimmed
	}
	for _, lead := range []string{"那么", "那"} {
		if after, ok := strings.CutPrefix(rest, lead); ok && (olderWords[after] || previousWords[after] || newerWords[after]) {
			rest = after
		}
	}
	if courteous := slices.ContainsFunc(courtesyOpeners, func(w string) bool { return strings.HasPrefix(rest, w) }); courteous {
		return text // 好的，辛苦了呢 is thanks, as it was (a review's find: no match)
	}
	if rest != text && (strings.HasSuffix(rest, "呢") || olderWords[rest] || previousWords[rest] || newerWords[rest] || latestOfTopic(rest)) {
		return rest
	}
	return text
}

// courtesyOpeners open courtesy, which no lead goes before as a follow-up.
var courtesyOpeners = []string{"辛苦", "麻烦", "谢谢", "感谢", "多谢", "不客气", "没事", "好的", "好滴", "拜托"}

// followUpLeads open a follow-up said apart from it (withoutLead).
var followUpLeads = longestFirst([]string{"好的", "好滴", "好嘞", "好", "嗯嗯", "哦哦", "哦", "行", "ok", "收到", "明白了", "谢谢老师", "谢谢", "那么", "那",
	// Two said in one breath (好的谢谢，那2025年的呢: the topic lost, a re-check's find).
	"好的谢谢", "好的谢谢老师", "好的收到", "收到谢谢", "嗯嗯好的", "好谢谢", "ok谢谢"})

// olderWords ask for the articles before those of the list open.
var olderWords = wordSet("更早的", "更早一点的", "更早一些的", "有没有更早的", "有更早的吗", "还有更早的吗", "更早的呢", "更早的文章",
	"再早一点的", "早一点的", "有没有更早一点的",
	// (还有没有更早的: a follower run's find, no match.)
	"还有没有更早的", "还有没有更早一点的", "还有没有更早的文章")

// previousWords ask for the one before the answer (上一次呢 after the last
// meeting's card).
var previousWords = wordSet("上一次呢", "那上一次呢", "上一次的呢", "那上一次的呢", "上次呢", "那上次呢", "上次的呢", "再上一次",
	"再上一次呢", "那再上一次呢", "上上次呢", "那上上次呢", "前一次呢", "那前一次呢", "上一次", "上次",
	// A 届's (第八届进博会, then 上一届呢: no match, a re-check's find).
	"上一届呢", "那上一届呢", "上一届", "上届呢", "那上届呢", "前一届呢", "那前一届呢", "上一届的呢", "那上一届的呢")

// newerWords ask for newer articles of the list's topic: its newest, as
// 最新的呢 gets (有没有更新的 had listed the newest of any topic: a follower
// run's find).
var newerWords = wordSet("有没有更新的", "有更新的吗", "还有更新的吗", "有没有更新一点的", "更新一点的", "有没有新一点的", "新一点的",
	"再新一点的", "要新一点的", "有新的吗", "有没有新的", "更新的呢", "更新的", "有没有最新的", "有最新的吗", "有没有更近的", "更近的")

// latestOfTopic reports whether text asks for the newest of the topic
// answered before, as 最新的 does (政治局会议, then 最近一次是哪天: a card on a
// volcano's last eruption, a follower run's find; 最近一次是几号开的, 最新
// 一次是哪天, 最近一次讲了什么: a re-check's); 最近 alone, as 最新, is the
// latest articles.
func latestOfTopic(text string) bool {
	if text == "最近的" {
		return true
	}
	for _, lead := range []string{"最近的一次", "最新的一次", "最近一次", "最新一次", "最近一期", "最新一期",
		// (最新的那次 had been read as narrowing the question to 最新: an
		// older meeting's card, a re-check's find.)
		"最新的那一次", "最近的那一次", "最新的那次", "最近的那次", "最新那次", "最近那次"} {
		if rest, ok := strings.CutPrefix(text, lead); ok {
			rest = strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(rest, "开会"), "是"), "呢")
			return rest == "" || latestAsked[rest] || questionOfLast[rest]
		}
	}
	return false
}

// latestAsked are the dates asked of the newest (最近一次是几号开的).
var latestAsked = wordSet("哪天", "哪一天", "几号", "几月几号", "什么时候", "哪天开的", "几号开的", "几月几号开的", "什么时候开的",
	"哪天召开的", "几号召开的", "什么时候召开的")

func wordSet(words ...string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set
}

// older answers 更早的 after a search's list or card: the topic's articles
// by date, newest first, from before the oldest the list showed; with one,
// the first of them as a card (上一次呢).
func (b *Bot) older(ctx context.Context, s *Settings, m Message, list FollowUp, one bool) []Reply {
	oldest := ""
	ids := list.IDs
	if len(ids) == 0 {
		ids = list.Seen // a card's article
	}
	for _, id := range ids {
		if a, err := b.catalog.Get(ctx, id); err == nil && a.PublishedOn != "" && (oldest == "" || a.PublishedOn < oldest) {
			oldest = a.PublishedOn
		}
	}
	// Earlier years are what is asked, not the question's own (中央一号文件,
	// 2026年的, 那2025年的呢, then 更早的: "none earlier than these 2025年
	// 中央一号文件", a follower run's find).
	topic := cmp.Or(withoutYears(list.Search), list.Search)
	topic = withoutAskedOfAnswer(topic)
	found, mentions, err := b.newestOf(ctx, s, &topic, olderDepth)
	if err != nil {
		b.log.ErrorContext(ctx, "search", "err", err)
		return b.noMatch(ctx, s, m, 0)
	}
	// None shown before, on this question's pages (a review's find: an
	// older article of the first page came again).
	seen := map[string]bool{}
	for _, id := range slices.Concat(list.Seen, list.IDs) {
		seen[id] = true
	}
	for _, p := range list.Back {
		for _, id := range p.IDs {
			seen[id] = true
		}
	}
	var before []content.Hit
	for _, h := range found {
		if h.Article.PublishedOn != "" && h.Article.PublishedOn < oldest && !seen[h.Article.ID] && len(seen) < olderDepth {
			before = append(before, h)
		}
	}
	named := html.EscapeString(Cut(asTyped(cmp.Or(list.Typed, list.Query), topic), listTitle))
	note(ctx, func(e *Event) { e.Outcome, e.Query = OutcomeMore, list.Query })
	if len(before) == 0 {
		return []Reply{{Type: ReplyText, Text: fmt.Sprintf(noOlder, named)}}
	}
	if one {
		return b.pick(ctx, s, m, topic, before[:1], true, false, 0)
	}
	more := len(before) > s.search.MaxResults
	before = dated(before[:min(len(before), s.search.MaxResults)])
	header := fmt.Sprintf(olderHeader, named)
	reply, ids := listReplyWith(before, func(int) string { return header }, true, more)
	page := FollowUp{Query: list.Query, Typed: list.Typed, Search: topic, Mentions: mentions, Newest: true, Older: true, IDs: ids,
		Stories: storiesOf(before[:len(ids)]), More: more, Seen: slices.Sorted(maps.Keys(seen))}
	return []Reply{b.keepList(ctx, m, page, reply)}
}

const (
	olderHeader = "「%s」更早的文章：\n"
	noOlder     = "没有比这些更早的「%s」文章了。回复序号查看列表里的文章，或发送其他关键词。"
)

// latest answers with the articles published last, as a numbered list
// (dated; numbers open them, 更多 shows the ones before).
func (b *Bot) latest(ctx context.Context, s *Settings, m Message) []Reply {
	return b.latestAfter(ctx, s, m, "")
}

// latestAfter is latest with lead before the list's header (why the latest
// articles answer).
func (b *Bot) latestAfter(ctx context.Context, s *Settings, m Message, lead string) []Reply {
	found, err := b.catalog.Latest(ctx, s.searchN())
	if err != nil {
		b.log.ErrorContext(ctx, "latest articles", "err", err)
	}
	if len(found) == 0 {
		note(ctx, func(e *Event) { e.Outcome = OutcomeNoMatch })
		return b.render(ctx, s, m, s.noMatch, 0)
	}
	found, more := firstPage(ctx, s, found)
	if lead != "" {
		// The period or day asked has none: unanswered, the latest shown
		// instead (as newestAfter's).
		note(ctx, func(e *Event) { e.Outcome = OutcomeNoMatch })
	}
	dated(found)
	reply, ids := listReplyWith(found, func(n int) string { return lead + latestHeaderFor(n) }, true, more)
	return []Reply{b.keepList(ctx, m, FollowUp{Query: asked(m), Latest: true, IDs: ids, Stories: storiesOf(found[:len(ids)])}, reply)}
}

// digitYears writes a year in numerals (二〇二五年, 二零二六年, as voice
// recognition writes one) in digits, as every reading of a period takes
// it: 二〇二五年八月份的PPI had headed a list 「二〇二五年」 of the year's news
// (a follower run's find).
func digitYears(text string) string {
	if !strings.Contains(text, "年") {
		return text
	}
	return hanYear.ReplaceAllStringFunc(text, func(y string) string {
		if n := hanDigits(strings.TrimSuffix(y, "年")); n >= 1900 && n < 2100 {
			return strconv.Itoa(n) + "年"
		}
		return y
	})
}

var hanYear = regexp.MustCompile(`[〇零○一二三四五六七八九]{4}年`)

// yearAlone is a year said alone: 2025年, 2025.
var yearAlone = regexp.MustCompile(`^(?:19|20)\d\d年?$`)

// followUpAsked answers what is asked, ending in 呢 (or led by 那, or a
// period alone: 前7个月), of the answer before:
// after readings, a day or a period without the reading word (每日一读, then
// 明天的呢, 上周的呢, 11月的呢: searched, 上周的呢 got an article on 本周's
// illnesses); after a question's list or card, a year or a recency word, as
// that question with it (国常会, then 最新的呢; 政府工作报告, then 2025年的呢:
// searched alone, they got the latest five and a card on Germany's
// economy). nil for anything else. The follow-up is read once, and only
// for a text that asks one of these (read says it was).
func (b *Bot) followUpAsked(ctx context.Context, s *Settings, m Message, text string, now time.Time) (_ []Reply, read bool) {
	// The marks before thanks go too, whether the thanks are still there
	// or the courtesy rule took them (a follower run's find: 2022年的呢？谢谢
	// was searched, and listed 2022's news).
	unmarked := func(t string) string { return strings.TrimRightFunc(t, func(r rune) bool { return !isWordRune(r) }) }
	text = unmarked(text)
	// 最新的 after a topic's answer is the topic's newest (PPI, then 最新的:
	// a follower run's find, the newest of any topic); 最新 alone, the
	// help's word, stays the latest articles.
	if newerWords[text] || text == "最新的" || latestOfTopic(text) {
		text = "最新的呢"
	}
	text = unmarked(withoutThanks(text)) // 2022年的呢？谢谢 (or 呢? 老师, the courtesy rule having taken 谢谢)
	core, asked := strings.CutSuffix(text, "呢")
	if utf8.RuneCountInString(core) > 12 {
		return nil, false
	}
	led := false
	// 有2026年的吗 and 有没有2026年的 ask for the question's year as 2026年的呢
	// does (a follower run's find: they listed any topic's 2026 articles).
	if rest, ok := strings.CutSuffix(core, "的吗"); ok && !asked {
		if rest, ok := strings.CutPrefix(rest, "有"); ok {
			core, led = rest+"的", true
		}
	}
	core, of := strings.CutSuffix(core, "的")
	for _, lead := range []string{"那么", "那个", "那", "还有没有", "还有", "有没有"} { // 还有没有去年的 (a follower run's find: 没有去年 was left); 那2024年的呢 (a follower run's find: searched alone); 那个六月份呢, by voice
		if rest, ok := strings.CutPrefix(core, lead); ok {
			core, led = rest, true
		}
	}
	// A year asked as followers write one (去年的呢, 二〇二二年的呢, 23年的呢, and
	// 那2022年的 without 呢: a follower run's finds, each searched alone).
	year, isYear := yearFollowUp(core, now.In(chinaTime))
	// So is a number of the question's counting (神舟十七号, then 那十八号呢;
	// 抗战胜利80周年, then 那70周年呢: a follower run's finds, the first
	// read as item 18 of the list, the second searched alone).
	measure, count := "", ""
	if m := numberedAlone.FindStringSubmatch(core); m != nil && !isYear {
		count, measure = m[1], m[3]
	}
	// And a month (国常会, then 3月的呢: a re-check follower run's find,
	// which listed every article of March), or one named by today or with
	// its year (上个月呢, 这个月的呢, 那2025年3月的: a follower run's find,
	// 国常会, then 那上个月呢, got 2026年11月没有文章。 above the latest five
	// of any topic, as the month's news).
	month, isMonth := monthFollowUp(core)
	// And a week named by today (国常会, then 上周的呢: a follower run's
	// find, 上周没有文章 above the latest five of any topic).
	week, isWeek := weekNamed(core, now.In(chinaTime))
	named, isNamed := period{}, false
	if !isMonth {
		named, isNamed = monthNamed(core, now.In(chinaTime))
		isMonth = isNamed
	}
	// And a part of the year figures are reported for (2025年上半年GDP, then
	// 前三季度呢 or 全年呢: a follower run's find, searched alone they
	// listed any topic's 前三季度 and grain harvests).
	isPeriod := !isYear && !isMonth && periodAlone.MatchString(core)
	// With its year (去年上半年呢, 2025年全年呢, 二〇二三年全年呢: a follower
	// run's finds, each searched alone): the question's year too.
	periodYear := ""
	if loc := periodWritten.FindStringIndex(core); !isYear && !isMonth && !isPeriod && loc != nil && loc[0] > 0 && loc[1] == len(core) {
		if y, ok := yearFollowUp(strings.TrimSuffix(core[:loc[0]], "的"), now.In(chinaTime)); ok {
			isPeriod, periodYear, core = true, y, core[loc[0]:]
		}
	}
	// And a day of the month (八月二十一号的国常会, then 那七月三十一号的呢: a
	// follower run's find, which listed every article of the day).
	onDay, dayRest, isDay := readDay(core, now.In(chinaTime))
	isDay = isDay && !isYear && !isMonth && measure == "" && strings.IndexFunc(dayRest, isWordRune) < 0
	// And the day before or after the one asked (8月20号新闻联播, then 前一天的呢
	// or 那第二天的呢: a follower run's find, no match or 春运第二天).
	shift, isShift := dayShifts[core]
	// A period alone is no topic of its own: after a question it asks of it
	// without 呢 too (社会消费品零售总额, then 前7个月: a follower run's find).
	// A year alone, said without 呢 (国常会, then 2025年 or 去年: a re-check's
	// find, the year's news of any topic), is asked of a topic's answer as
	// 2025年的呢 is; with none open it is searched as typed.
	bareYear := isYear && !asked && !led && !of
	if !asked && !((isYear || measure != "" || isMonth || isWeek || isPeriod || isDay || isShift) && (led || of)) && !isPeriod && !bareYear {
		return nil, false
	}
	if isYear {
		core = year
	}
	reading, readingOK := readingAsk{}, false
	if b.readings != nil {
		reading, readingOK = readingAsked(core+"的每日一读", s.readingDay(now))
		readingOK = readingOK && !(reading.list && reading.period.name == "") // 往期的呢 is no day
	}
	recent := slices.Contains(recentInside, core)
	// Another topic of the same time (二〇二六年七月份CPI是多少, then 那个PPI呢:
	// a follower run's find, PPI of any month): a topic's name alone.
	swap := asked && !isYear && measure == "" && !isMonth && !isPeriod && !isDay && !recent && !readingOK && b.catalog.Topic(core)
	topicOK := recent || isYear || measure != "" || isMonth || isWeek || isPeriod || isDay || isShift || swap
	if !readingOK && !topicOK {
		return nil, false
	}
	list, err := b.followUps.Get(ctx, m.From)
	m.typed = list.Typed
	// A topic's day card or list is the topic's, for a year, a month or
	// 最新的呢 after it as after its search (a review's find: the newest of
	// any topic, no match, a month's every article). A card kept by an
	// older replica has no Topic: its question names it.
	if list.Topic == "" && list.Day != "" && len(list.IDs) == 0 {
		if day, rest, ok := readDay(list.Query, now.In(chinaTime)); ok {
			list.Topic, _ = topicOnDay(day, rest)
			list.TopicDay = list.Day
		}
	}
	if list.Search == "" {
		list.Search = list.Topic
	}
	switch {
	case err != nil:
		return nil, true
	case readingOK && list.Readings != nil:
		return b.pastReading(ctx, s, m, reading), true
	case asked && (isYear || measure != "") && list.Search == "" && list.Readings == nil && list.News == nil && list.Day == "" && !list.Latest:
		// 去年的呢 with no question before it: searched, it got a card on
		// whatever its words found (a follower run's find). (最新的呢 and
		// 3月的呢 alone are the latest articles and the month's.)
		note(ctx, func(e *Event) { e.Outcome = OutcomeNoMatch })
		return []Reply{{Type: ReplyText, Text: noQuestionFor(m)}}, true
	case isShift && (list.Day != "" || list.TopicDay != ""):
		d, err := time.Parse(content.DateLayout, cmp.Or(list.TopicDay, list.Day))
		if err != nil {
			return nil, true
		}
		day := askedDay{day: d.AddDate(0, 0, shift)}
		if list.Topic != "" {
			return b.topicOnDayFollowUp(ctx, s, m, day, list.Topic, cmp.Or(list.Typed, list.Query), core+" "+list.Topic), true
		}
		return b.day(ctx, s, m, day), true
	case isShift:
		return nil, true // no day asked before: searched as typed
	case measure == "号" && (list.Day != "" || list.TopicDay != ""):
		// 那十八号呢 after a day's news: that day of its month (a follower
		// run's find: searched, it listed 神舟十八号); after a topic's day
		// (八月二十一号的国常会, then 那十号的呢), the topic's that day.
		d, err := time.Parse(content.DateLayout, cmp.Or(list.TopicDay, list.Day))
		if n, ok := dayOfMonth(strings.TrimSuffix(count, measure)); ok && err == nil {
			if day := time.Date(d.Year(), d.Month(), n, 0, 0, 0, 0, time.UTC); day.Month() == d.Month() {
				if list.Topic != "" {
					return b.topicOnDayFollowUp(ctx, s, m, askedDay{day: day}, list.Topic, cmp.Or(list.Typed, list.Query), count+" "+list.Topic), true
				}
				return b.day(ctx, s, m, askedDay{day: day}), true
			}
		}
		return nil, true
	case isDay:
		// The topic asked before (of a search, or of a day's card or list),
		// on that day, as the two asked in one message are; after a day's
		// news (8月21日的新闻) that day's, as asked. A day without its year
		// after a day with one is of that year (2024年8月19日的国常会, then
		// 那7月31号的呢: a review's find, 2026's).
		topic := cmp.Or(list.Topic, list.Search)
		if topic == "" {
			return nil, true
		}
		if d, err := time.Parse(content.DateLayout, list.TopicDay); err == nil && onDay.yearless {
			if day, ok := validDate(d.Year(), int(onDay.day.Month()), onDay.day.Day()); ok && !day.After(now.In(chinaTime)) {
				onDay.day, onDay.yearless, onDay.coming = day, false, false
			}
		}
		return b.topicOnDayFollowUp(ctx, s, m, onDay.news(), topic, cmp.Or(list.Typed, list.Query), core+" "+topic), true
	case swap:
		when := timeOf(list.Search)
		if when == "" || list.Mentions {
			return nil, true // searched as typed, as before
		}
		// A month's, as a month asked of a topic is answered.
		if at := monthWritten.FindStringSubmatchIndex(list.Search); at != nil {
			if month, ok := monthFollowUp(list.Search[at[3]:at[1]]); ok {
				if ys := yearsIn(list.Search); len(ys) == 1 {
					return b.monthAsked(ctx, s, m, m.Text, core, when+" "+core, ys[0], month), true
				}
			}
		}
		return b.search(ctx, s, m, when+" "+core, 0), true
	case !topicOK || list.Search == "":
		return nil, true
	case isWeek:
		// The topic's that week, as a week asked with it is answered; not
		// the question's month or year.
		topic := withoutYears(withoutMonth(list.Search))
		if t, _ := peeled(topic); t != "" {
			topic = t
		}
		return b.weekAsked(ctx, s, m, cmp.Or(list.Typed, list.Query), topic, week), true
	case recent:
		// The topic's newest: after a year (嫦娥六号, then 2024年的呢, then
		// 最新的呢) not that year's list again (a follower run's find);
		// after its newest, its newest again, not the newest of any topic;
		// the topic less what asked for it (有没有新型工业化的文章, then
		// 最新的呢, had been headed and ranked by the whole question).
		topic := cmp.Or(withoutYears(list.Search), list.Search)
		if t, _ := peeled(topic); t != "" {
			topic = t
		}
		return b.newestAfter(ctx, s, m, topic, cmp.Or(list.Typed, list.Query), ""), true
	case measure != "":
		// In place of the question's own number of that measure; a
		// question with none has nothing to count (searched as typed).
		for _, loc := range numbered.FindAllStringSubmatchIndex(list.Search, -1) {
			if list.Search[loc[4]:loc[5]] == measure {
				return b.search(ctx, s, m, list.Search[:loc[0]]+count+list.Search[loc[1]:], 0), true
			}
		}
		// A question counting nothing (进博会, then 第八届的呢): its topic
		// with the count, when an answer's title has the count (a follower
		// run's find: 第八届 alone listed other events' eighth first).
		// Else as typed: 枫桥经验, then 那十八号呢, is no 枫桥经验 of the 18th.
		// The answer's title names the topic too, as typed or by another
		// name (第八届中国国际进口博览会): 第八届工商峰会 is no 进博会's.
		// The count as typed, then in Han numerals, as most titles write
		// it (进博会, then 第8届的: the index finds no 第8届 in 第八届, a
		// re-check's find).
		for _, c := range slices.Compact([]string{core, hanCounts(core)}) {
			asked := c + " " + list.Search
			if hits, ok := b.finds(ctx, s, asked); ok {
				if title := hits[0].Article.Title; strings.Contains(arabicCounts(titleKey(title)), arabicCounts(core)) && b.titled(list.Search)(title) {
					return b.search(ctx, s, m, asked, 0), true
				}
			}
		}
		return nil, true // the list read: not a way to keep
	case isPeriod:
		// In place of the question's own period (and its month: 2025年8月CPI,
		// then 前三季度呢, a review's find), or with its topic when that finds
		// something (枫桥经验, then 前三季度呢, searched alone as before); the
		// year asked with it in place of the question's.
		topic := withoutMonth(list.Search)
		if periodYear != "" {
			topic = periodYear + " " + withoutYears(topic)
		}
		if core == "全年" && !namesYear.MatchString(topic) {
			// The last whole year's (上半年GDP, then 那全年呢: a follower
			// run's find, 2023's card, its title holding 全年).
			topic = fmt.Sprintf("%d年 %s", now.In(chinaTime).Year()-1, topic)
		}
		if loc := periodIn(topic); loc != nil {
			return b.search(ctx, s, m, topic[:loc[0]]+core+topic[loc[1]:], 0), true
		}
		asked := core + " " + topic
		if _, ok := b.finds(ctx, s, asked); !ok {
			return nil, true
		}
		return b.search(ctx, s, m, asked, 0), true
	case isMonth:
		// In place of the question's own month, of the year it names, or
		// else the last such month up to today; a month named by today or
		// with its year, in place of the question's year too.
		topic := withoutMonth(list.Search)
		if loc := periodIn(topic); loc != nil {
			// Nor its period (去年上半年呢, then 那个六月份呢: a review's
			// find, 上半年 searched beside June).
			topic = strings.Join(strings.Fields(topic[:loc[0]]+" "+topic[loc[1]:]), " ")
		}
		switch {
		case isNamed:
			from, _ := time.Parse(content.DateLayout, named.from)
			topic = withoutYears(topic)
			return b.monthAsked(ctx, s, m, cmp.Or(list.Typed, list.Query), topic, named.name+" "+topic, from.Year(), int(from.Month())), true
		case namesYear.MatchString(topic):
			year := 0 // 去年, 二〇二四年: no year to look the month up in
			if ys := yearsIn(topic); len(ys) == 1 {
				year = ys[0]
			}
			return b.monthAsked(ctx, s, m, cmp.Or(list.Typed, list.Query), topic, fmt.Sprintf("%d月 %s", month, topic), year, month), true
		}
		today := now.In(chinaTime)
		year := today.Year()
		if month > int(today.Month()) {
			year--
		}
		return b.monthAsked(ctx, s, m, cmp.Or(list.Typed, list.Query), topic, fmt.Sprintf("%d年%d月 %s", year, month, topic), year, month), true
	}
	// A year after the topic's newest (国常会最近开了什么会, then
	// 那2023年的呢: a follower run's find, which got a card on 2023's
	// economy) is the topic's that year, as after its search.
	// The year asked in place of the question's own (2025年政府工作报告, then
	// 2024年的呢; 2022年的呢, then 2021年的呢): with both, the list held the
	// year asked before above the one asked now.
	query := core + " " + withoutYears(list.Search)
	if at := monthWritten.FindAllStringSubmatchIndex(list.Search, -1); len(at) == 1 {
		// The question's month of that year (3月的呢, then 2025年的呢), as
		// a month asked is: said when the topic has none then.
		if month, ok := monthFollowUp(list.Search[at[0][3]:at[0][1]]); ok {
			year, _ := strconv.Atoi(strings.TrimSuffix(core, "年"))
			topic := core + " " + withoutYears(withoutMonth(list.Search))
			return b.monthAsked(ctx, s, m, cmp.Or(list.Typed, list.Query), topic, query, year, month), true
		}
	}
	// A year with none of the topic is said above its newest, as a month
	// with none is (政府工作报告, then 2025年的呢: the no-match text, as if
	// the topic just answered were unknown: a demo follower run's find).
	// (core is 2025年 by now, 去年 too; a count of years, 5年, is none.)
	if year, err := strconv.Atoi(strings.TrimSuffix(core, "年")); err == nil && year >= 1949 && year <= now.In(chinaTime).Year()+1 {
		if _, ok := b.finds(ctx, s, query); !ok {
			topic := cmp.Or(withoutYears(list.Search), list.Search)
			if t, _ := peeled(topic); t != "" {
				topic = t
			}
			typed := cmp.Or(list.Typed, list.Query)
			lead := fmt.Sprintf(noneOfYear, year, html.EscapeString(Cut(asTyped(typed, topic), listTitle)))
			if r := b.newestAfter(ctx, s, m, topic, typed, lead); r != nil {
				return r, true
			}
		}
	}
	return b.search(ctx, s, m, query, 0), true
}

// askedOfLast reads text as a question with no topic of its own, asked of
// the answer before (二十届五中全会, then 什么时候开: searched alone, it got a
// card on 2024's diplomacy; 民营经济促进法, then 什么时候施行: other laws'
// dates; a follower run's finds), and returns what it asks.
func askedOfLast(text string) (string, bool) {
	t := strings.TrimRightFunc(text, func(r rune) bool { return !isWordRune(r) })
	// Addressed to the teacher after it too (这篇讲的什么，老师: a
	// re-check's find).
	for _, tail := range []string{"老师", "谢谢"} {
		if rest, ok := strings.CutSuffix(t, tail); ok {
			t = strings.TrimRightFunc(rest, func(r rune) bool { return !isWordRune(r) })
		}
	}
	// Words pointing at the answer, not naming whom it asks about (习近平讲了
	// 什么 is a question of its own: a review's find); greetings and the
	// teacher addressed, in any order (请问老师，老师好，…: a re-check's
	// find).
	t = withoutLeads(t, "老师好", "老师您好", "老师", "你好", "您好", "请问", "那么", "那")
	for _, lead := range []string{"我想问一下", "想问一下", "那么", "那", "请问", "它的", "它",
		// 这条是什么意思, 这个新闻讲的是什么, 这一篇主要内容 (a re-check's
		// finds: 这条 searched, a card on 改革开放这条"必由之路").
		"这条新闻", "这个新闻", "这篇新闻", "这个文章", "这一篇", "这一条", "这条",
		"这个的", "这个", "他们", "这次会议的", "这次会议", "这篇文章的", "这篇文章", "这篇",
		// 这个, a voice filler, is gone before (这个新闻讲的是什么).
		"新闻", "文章", "是",
		// 那要怎么申请, 那应该怎么申请呢 (a re-check's find: patents listed).
		"应该", "要"} {
		if rest, ok := strings.CutPrefix(t, lead); ok {
			// 老师，这篇讲的什么？ (a re-check's find: searched alone)
			t = strings.TrimLeftFunc(rest, func(r rune) bool { return !isWordRune(r) })
		}
	}
	for {
		r, size := utf8.DecodeLastRuneInString(t)
		if size == 0 || !strings.ContainsRune("呢吗啊呀", r) {
			break
		}
		t = t[:len(t)-size]
	}
	if questionOfLast[t] || topicQuestions[t] {
		return t, true
	}
	// 这个什么时候开始实施的 (a follower run's find: searched alone, a card on
	// a border control's start).
	t = strings.TrimSuffix(t, "的")
	return t, questionOfLast[t] || topicQuestions[t]
}

// questionOfLast are what is asked of an answer without naming it.
var questionOfLast = wordSet("什么时候开", "什么时候开的", "什么时候召开", "什么时候召开的", "哪天开的", "是哪天开的", "是哪天", "哪天",
	"什么时候", "是什么时候", "什么时候施行", "什么时候实施", "什么时候起施行", "什么时候开始施行", "什么时候开始实施", "什么时候生效",
	"什么时候通过的", "什么时候通过", "什么时候发布的", "什么时候发布", "什么时候出台的", "什么时候印发的", "什么时候提出的", "哪一年提出的",
	"讲了什么", "讲了啥", "说了什么", "有什么内容", "主要内容是什么", "内容是什么", "主要讲了什么", "提出了什么", "有哪些重点任务",
	"重点任务有哪些", "部署了什么", "决定了什么", "在哪里开的", "在哪开的", "在哪里举行", "在哪举行的", "谁主持的", "是谁主持的",
	"主要内容", "主要内容有哪些", "什么时候开幕的", "什么时候开幕", "什么时候闭幕的", "什么时候闭幕", "主要目标是什么", "目标是什么",
	"讲了哪些内容", "有哪些内容", "审议通过了什么", "通过了什么", "出处", "出自哪里", "出自哪", "是哪篇文章",
	// 这篇讲了什么, 这篇主要讲什么, 讲的是什么 (a follower run's finds: no match,
	// or 讲的是什么 a card on a speech, 演讲).
	"主要讲什么", "讲什么", "讲的是什么", "说的是什么", "主要讲了啥", "讲的啥",
	// (讲的什么, 啥时候开, 哪天开: a re-check's finds, searched alone.)
	"讲的什么", "说的什么", "这篇讲的什么", "啥时候开", "啥时候开的", "哪天开", "何时开",
	"什么意思", "说了啥", "说的啥",
	// 这篇讲的是什么内容, 这篇讲的什么意思 (a re-check's finds: no match).
	"讲的是什么内容", "讲的什么内容", "是什么内容", "讲的什么意思", "讲的是什么意思", "讲的啥内容")

// topicQuestions ask of the topic answered, not of the one article shown:
// what it costs or gives, when it was launched, where one went (育儿补贴,
// then 每年多少钱: a card on a port, 钱凯港; 神舟二十一号, then 什么时候
// 发射的: other launches; 李强, then 最近去哪调研了: others' visits; 几号开的:
// no match. A follower run's finds). After an article opened they are
// searched with the topic too (神舟二十一号, 2, then 什么时候发射的 had shown
// the landing's card again: a re-check's find).
var topicQuestions = wordSet("每年多少钱", "每月多少钱", "每个月多少钱", "一年多少钱", "能领多少钱", "能领多少", "补贴多少", "标准是多少", "标准是什么",
	"什么时候发射的", "什么时候发射", "哪天发射的", "几号发射的", "什么时候上线的", "什么时候开通的",
	"几号开的", "几月几号开的", "是几号开的", "几号召开的", "几号开", "几号举行的", "几号举行",
	"最近去哪调研了", "去哪调研了", "去哪里调研了", "最近去哪考察了", "去哪考察了", "去哪里考察了", "去了哪里", "去了哪些地方",
	// How to apply for it (育儿补贴, then 怎么申请: patents and a US
	// state's court application, 申请 searched alone: a follower run's find).
	"怎么申请", "如何申请", "在哪申请", "在哪里申请", "去哪申请", "怎么领", "怎么领取", "如何领取", "在哪领", "在哪里领",
	"申请条件", "申请条件是什么", "怎么办理", "如何办理", "在哪办理", "在哪里办理")

// withoutAskedOfAnswer is a question's search without what askedOfAnswer
// joined to its topic (国务院常务会议 讲了什么): earlier articles are the
// topic's (更早的 after 国常会, 讲了什么 headed 「国常会讲了什么」, and after
// 民营经济促进法, 什么时候施行 had none earlier: a follower run's finds).
func withoutAskedOfAnswer(search string) string {
	if topic, tail, ok := cutLast(search, " "); ok && topic != "" && (questionOfLast[tail] || topicQuestions[tail]) {
		return topic
	}
	return search
}

func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// askedOfAnswer answers a question asked of the answer before (its card
// or list, still open) with that question and this one; with none, it
// asks for one.
func (b *Bot) askedOfAnswer(ctx context.Context, s *Settings, m Message, tail string) []Reply {
	list, err := b.followUps.Get(ctx, m.From)
	switch {
	case err != nil:
		return nil
	case list.Mentions:
		// A list of articles that mention the topic: a question of it is
		// the topic's, searched alone, but 这篇讲的什么 points at one of
		// them (it got no match: a follower run's find).
		// So does a question of the answer shown (讲的什么意思 had a card on
		// an unrelated 演讲: a re-check's find); one of the topic's
		// (怎么申请) is searched.
		if !pointsAtOne(asked(m)) && !pointsAtOne(Bare(m.Text)) && !questionOfLast[tail] {
			return nil
		}
		return b.oneOrWhich(ctx, list)
	case list.Search == "" && list.Topic == "" && list.Day == "" && len(shown(list)) == 1 && (len(list.IDs) == 0 || list.Opened > 0):
		// A reading's card (每日一读, 昨天的每日一读, or one opened from
		// the readings' list) is what it asks of (a follower run's find:
		// told to search first).
		a, failed := b.listedArticle(ctx, shown(list)[0])
		if failed != nil {
			return failed
		}
		noteShownAgain(ctx, list, a.ID)
		return []Reply{b.shownAgain(ctx, a, list)}
	case list.Search == "" && list.Topic == "" && len(list.IDs) > 0:
		// A list by date (a day's, the latest, a period's news): the item
		// opened is what it asks of; none opened, which one is the
		// follower's to say (a re-check's find: told to search first).
		return b.oneOrWhich(ctx, list)
	case list.Search == "" && list.Topic == "":
		// Alone it asks of nothing (什么时候开 had a card on 中国特色大国
		// 外交开创新局面).
		note(ctx, func(e *Event) { e.Outcome = OutcomeNoMatch })
		return []Reply{{Type: ReplyText, Text: noQuestionFor(m)}}
	case list.Search == "" && list.TopicDay != "":
		// A day's card or list of a topic is what it asks of: that day's
		// (七月二十五号国常会, then 它的主要内容是什么: a follower run's find,
		// searched alone; of the topic, every meeting).
		if day, err := time.Parse(content.DateLayout, list.TopicDay); err == nil {
			if r := b.topicOnDayAsked(ctx, s, m, askedDay{day: day}, list.Topic); r != nil {
				return r
			}
		}
	}
	// One article shown (a card, or the item opened from a list) is what
	// is asked of: searched with the topic, the question had listed the
	// topic's articles by relevance (最近一次政治局会议, 那上一次呢, then 讲了
	// 什么: 2025's first; a follower run's find).
	topic := cmp.Or(list.Search, list.Topic)
	// With a recency word (李强, then 最近去哪调研了: a re-check's find, his
	// 2023 and 2024 visits), the topic's newest of it, as the question
	// asked in one message gets.
	if t, ok := recentTopic(topic + tail); ok {
		if r := b.newest(ctx, s, m, t); r != nil {
			return r
		}
	}
	if ids := shown(list); len(ids) == 1 && (len(list.IDs) == 0 || list.Opened > 0) && !topicQuestions[tail] {
		if a, failed := b.listedArticle(ctx, ids[0]); failed == nil {
			note(ctx, func(e *Event) { e.Outcome, e.Article = OutcomeFollowUp, a.ID })
			return []Reply{b.shownAgain(ctx, a, list)}
		}
	} else if len(ids) > 1 && (pointsAtOne(asked(m)) || pointsAtOne(Bare(m.Text)) || whatItSays[tail]) {
		// 这篇讲的什么 under a list, none opened: which one is the
		// follower's to say. Searched with the list's question, it
		// listed the articles again as the answer to 这篇讲的什么, and the
		// number chosen next was logged, and voted, for it (an operator
		// run's find: 19× in the report's most asked, synonyms proposed
		// of 这篇).
		note(ctx, func(e *Event) { e.Outcome, e.Query = OutcomeFollowUp, list.question() })
		return []Reply{{Type: ReplyText, Text: fmt.Sprintf(openOneOf, len(ids))}}
	}
	// With its words, or, when they find nothing (出处, 这个什么时候开始实施的
	// in other words than the article's), the answer asked of again.
	asked := topic + " " + tail
	if _, ok := b.finds(ctx, s, asked); !ok {
		asked = topic
	}
	return b.search(ctx, s, m, asked, 0)
}

// whatItSays are the questions of what an article says: under a list of
// several, none opened, which one is the follower's to say (讲的是什么内容
// under 新质生产力's list had a card on an article not in it, found by its
// 讲话: a re-check's find).
var whatItSays = wordSet("讲的是什么内容", "讲的什么内容", "是什么内容", "讲的什么意思", "讲的是什么意思", "讲的啥内容",
	"讲的什么", "讲的是什么", "说的是什么", "说的什么", "讲的啥", "什么意思", "说了啥", "说的啥", "主要讲什么", "讲什么")

// oneOrWhich answers a question of a list's one article shown (the item
// opened, or the only one) with its card again, and of several with how
// to open one.
func (b *Bot) oneOrWhich(ctx context.Context, list FollowUp) []Reply {
	if ids := shown(list); len(ids) == 1 {
		a, failed := b.listedArticle(ctx, ids[0])
		if failed != nil {
			return failed
		}
		noteShownAgain(ctx, list, a.ID)
		return []Reply{b.shownAgain(ctx, a, list)}
	}
	note(ctx, func(e *Event) { e.Outcome, e.Query = OutcomeFollowUp, list.question() })
	return []Reply{{Type: ReplyText, Text: fmt.Sprintf(openOneOf, len(list.IDs))}}
}

// withoutLeads is text without the leads it opens with, in any order and
// with punctuation between (请问老师，…, 嗯，那个…).
func withoutLeads(text string, leads ...string) string {
	for {
		t := strings.TrimLeftFunc(text, func(r rune) bool { return !isWordRune(r) })
		for _, lead := range leads {
			t = strings.TrimPrefix(t, lead)
		}
		if t == text {
			return t
		}
		text = t
	}
}

// pointsAtOne reports whether text asks of one article shown: 这篇讲的什么,
// 这条是什么意思. Asked of the message as typed (这个新闻讲的是什么: 这个 is a
// voice filler asked drops) and as asked (嗯，这篇讲的什么。). Not 这个 alone:
// 这个怎么申请 asks of the topic (a re-check's find).
func pointsAtOne(text string) bool {
	text = withoutLeads(text, "那个", "就是", "那么", "嗯", "那", "请问", "老师")
	for _, w := range []string{"这篇", "这条", "这一篇", "这一条", "这个文章", "这个新闻"} {
		if strings.HasPrefix(text, w) {
			return true
		}
	}
	return false
}

// finds reports whether a search of q finds a relevant article, its hits
// with it: how a follow-up's words joined to a question are tried. As many
// as the search answering q asks for, as answers does: that one is then the
// answer cache's, not a second search, and judges what will be shown.
// answersAlone reports whether q, a clause of a message beside a stop, is
// answered by itself: a person asked for, or a relevant article. Another
// rule's reply (你们是机器人吗) had said nothing of the stop (a re-check's
// find).
func (b *Bot) answersAlone(ctx context.Context, s *Settings, q string) bool {
	if r, _ := s.match(q); r >= 0 && s.rules[r].transfers() || s.handOff(q) >= 0 {
		return true
	}
	_, ok := b.finds(ctx, s, q)
	return ok
}

func (b *Bot) finds(ctx context.Context, s *Settings, q string) ([]content.Hit, bool) {
	hits, err := b.catalog.Search(ctx, q, s.searchN())
	return hits, err == nil && len(hits) > 0 && hits[0].Score >= s.search.MinScore
}

// quotedAsAnswer makes the article a quoted message names the follower's
// answer before: a card's follow-up, as pick keeps one. Of several found,
// the one titled as quoted (国常会's meetings share one title).
func (b *Bot) quotedAsAnswer(ctx context.Context, s *Settings, m Message) {
	q := quotedTopic(m.Quoted)
	if q == "" || numberedLine.MatchString(m.Quoted) {
		return // a list of the account's: its heading names no article (a re-check's find)
	}
	// A card of the list open, or the card shown, quoted is that article
	// (the one opened from the list then): articles sharing its title
	// (国常会's meetings) are found alike, and the first found had taken its
	// place (re-checks' finds: 这是哪天的 under 7月31日's card said 8月21日;
	// under an earlier item of the list, the item opened since).
	if list, err := b.followUps.Get(ctx, m.From); err == nil {
		titled := func(id string) bool {
			a, err := b.catalog.Get(ctx, id)
			return err == nil && sameTitle(q, a.Title)
		}
		if list.Opened == 0 && len(list.IDs) > 1 {
			// A list none of whose items is open shows them all: a quote
			// of one (its card opened earlier, the topic asked again) is
			// that item (a follower run's find: 这篇讲的什么 under it had
			// asked for a number, 这是哪天的 gave every item's date). Of
			// several titled alike, none is told apart.
			var alike []int
			for i, id := range list.IDs {
				if titled(id) {
					alike = append(alike, i)
				}
			}
			if len(alike) == 1 {
				list.Opened = alike[0] + 1
				if err := b.putFollowUp(ctx, m, list); err != nil {
					b.log.DebugContext(ctx, "store the quoted item as opened", "openid", m.From, "err", err)
				}
			}
			if len(alike) > 0 {
				return
			}
		}
		if slices.ContainsFunc(shown(list), titled) {
			return // what is open (of several titled alike, the one opened)
		}
		if i := slices.IndexFunc(list.IDs, titled); i >= 0 {
			list.Opened = i + 1
			if err := b.putFollowUp(ctx, m, list); err != nil {
				b.log.DebugContext(ctx, "store the quoted item as opened", "openid", m.From, "err", err)
			}
			return
		}
	}
	hits, found := b.finds(ctx, s, q)
	if !found {
		return
	}
	best := hits[0]
	for _, h := range relevantOf(hits, s.search.MinScore) {
		if sameTitle(q, h.Article.Title) {
			best = h
			break
		}
	}
	if err := b.putFollowUp(ctx, m, cardShown(q, q, best)); err != nil {
		b.log.DebugContext(ctx, "store the quoted article as the answer before", "openid", m.From, "err", err)
	}
}

// cardShown is the follow-up of h shown as a card, the answer to question
// (searched as query).
func cardShown(question, query string, h content.Hit) FollowUp {
	card := FollowUp{Query: question, Search: query, Seen: []string{h.Article.ID}}
	if h.Story != nil {
		card.SeenStory = h.Story.Head
	}
	return card
}

// sameTitle reports whether quoted (a quote's first line) is title, or its
// start cut with … as a quote shows a long one.
func sameTitle(quoted, title string) bool {
	if start, cut := strings.CutSuffix(quoted, "…"); cut && start != "" {
		return strings.HasPrefix(title, start)
	}
	return quoted == title
}

// numberedLine is a list's item, 1. …, as the account's lists number them.
var numberedLine = regexp.MustCompile(`(?m)^\s*[0-9]{1,2}\. `)

// quotedTopic is what a quoted message names, to search: its first line,
// without the [链接] a quoted card shows before its title, cut to a
// question's length.
func quotedTopic(quoted string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(quoted), "\n")
	line = strings.TrimSpace(strings.ReplaceAll(line, "[链接]", ""))
	return Cut(line, maxQuotedRunes)
}

const maxQuotedRunes = 64

// noQuestionFor is noQuestionBefore naming what m asked, as the query log
// keeps it (not a voice message's 那个 and 。: a follower run's find), as
// valid text (FuzzAnswer's find), less a link pasted with it (a follower
// run's find: the link was inside the question suggested).
func noQuestionFor(m Message) string {
	typed := strings.TrimRightFunc(withoutLinks(asked(m)), func(r rune) bool { return !isWordRune(r) })
	return fmt.Sprintf(noQuestionBefore, html.EscapeString(Cut(strings.ToValidUTF8(typed, ""), listTitle)))
}

// noQuestionBefore answers a follow-up (去年的呢) with no question to go on
// from.
const noQuestionBefore = "请先发送想查的主题（例如「国常会」），找到文章后再问「%s」。"

// numbered is a count with its measure (十七号, 80周年, 第二十三届's 二十三届);
// numberedAlone, a text that is one, 第 before it or not (第八届).
var (
	numbered      = regexp.MustCompile(`([0-9]+|[零〇一二三四五六七八九十百]+)(号|周年|届|次|期)`)
	numberedAlone = regexp.MustCompile(`^第?(` + numbered.String() + `)$`)
)

// periodWritten is a part of a year as figures are reported for one
// (上半年, 前三季度, 一季度, 前7个月, 全年); periodAlone, a text that is one.
var (
	periodWritten = regexp.MustCompile(`上半年|下半年|全年|前三季度|第?[一二三四1-4]季度|前(?:[两二三四五六七八九十]|十一|[2-9]|1[01])个月`)
	periodAlone   = regexp.MustCompile(`^(?:` + periodWritten.String() + `)$`)
)

// timeOf is the time a question names: its years, month and period
// (2026年7月份CPI是多少: 2026年7月份), or "".
func timeOf(q string) string {
	var b strings.Builder
	for _, y := range yearsIn(q) {
		fmt.Fprintf(&b, "%d年", y)
	}
	if loc := monthWritten.FindStringSubmatchIndex(q); loc != nil {
		b.WriteString(q[loc[3]:loc[1]])
	}
	if loc := periodIn(q); loc != nil {
		b.WriteString(q[loc[0]:loc[1]])
	}
	return b.String()
}

// periodIn finds the period text names, not 全年 inside a word (安全年度,
// 健全年金: a review's find, 网络安全年度报告 then 上半年呢 searched
// 网络安上半年度报告).
func periodIn(text string) []int {
	for at := 0; at < len(text); {
		loc := periodWritten.FindStringIndex(text[at:])
		if loc == nil {
			return nil
		}
		loc[0], loc[1] = loc[0]+at, loc[1]+at
		before, _ := utf8.DecodeLastRuneInString(text[:loc[0]])
		after, _ := utf8.DecodeRuneInString(text[loc[1]:])
		if text[loc[0]:loc[1]] != "全年" || !strings.ContainsRune("安健完齐周", before) && !strings.ContainsRune("度金龄级", after) {
			return loc
		}
		at = loc[1]
	}
	return nil
}

// monthWritten is a month as a question names one (3月, 3月份, 十二月).
var monthWritten = regexp.MustCompile(`(^|[^0-9])(?:[0-9]{1,2}|十[一二]?|[一二三四五六七八九])月份?`)

// withoutMonth is a question without the month it names, nor the 的 that
// followed it (今年八月份的国常会, searched as 2026年8月 的国常会, then 那七月份
// 的呢: the list was headed 「的国常会」, a follower run's find).
func withoutMonth(text string) string {
	var b strings.Builder
	at := 0
	for _, loc := range monthWritten.FindAllStringSubmatchIndex(text, -1) {
		b.WriteString(text[at:loc[0]])
		b.WriteString(text[loc[2]:loc[3]]) // what the pattern took before the month
		b.WriteByte(' ')
		at = loc[1]
		rest := strings.TrimLeftFunc(text[at:], unicode.IsSpace)
		// Not the 的 of 的士 or 的确.
		if after, ok := strings.CutPrefix(rest, "的"); ok && !strings.HasPrefix(after, "士") && !strings.HasPrefix(after, "确") {
			at = len(text) - len(after)
		}
	}
	b.WriteString(text[at:])
	return strings.Join(strings.Fields(b.String()), " ")
}

// monthFollowUp reads text as a month alone (3月, 3月份, 三月, 十二月份).
func monthFollowUp(text string) (int, bool) {
	digits, ok := strings.CutSuffix(strings.TrimSuffix(text, "份"), "月")
	if !ok || digits == "" {
		return 0, false
	}
	n, err := strconv.Atoi(digits)
	if err != nil {
		n, _ = hanNumber(digits)
	}
	return n, n >= 1 && n <= 12
}

// monthNamed reads text as a month alone named by today or with its year
// (上个月, 上月, 这个月, 去年11月, 2025年3月), as readPeriod reads one: not
// one to come.
func monthNamed(text string, today time.Time) (period, bool) {
	if !strings.HasSuffix(strings.TrimSuffix(text, "份"), "月") {
		return period{}, false // most texts: no regexp for them
	}
	p, rest, ok := readPeriod(text, today)
	return p, ok && strings.TrimSpace(rest) == "" && !p.ahead && strings.HasSuffix(p.name, "月")
}

// weekNamed reads text as a week alone named by today (上周, 这周, 上个星期),
// as weekTopic reads one.
func weekNamed(text string, today time.Time) (period, bool) {
	p, rest, ok := readNewsPeriod(text, today)
	return p, ok && strings.TrimSpace(rest) == "" && strings.HasSuffix(p.name, "周")
}

// monthTopic reads text as a month and a topic (上个月的国常会, 2026年11月
// CPI, 11月的国常会, 本月政治局会议): a month named by today, with its
// year or in digits, not a Han numeral's month alone (十月革命, 五月天 are
// topics).
// The question is returned with the month as its year and number
// (2026年11月 国常会): the search reads 上个月 by its own clock.
func monthTopic(text string, today time.Time) (p period, topic, query string, ok bool) {
	if !strings.Contains(text, "月") || utf8.RuneCountInString(text) > 32 { // most messages: no regexp for them
		return period{}, "", "", false
	}
	at := monthByNumber.FindStringIndex(text)
	if at == nil {
		return period{}, "", "", false
	}
	// A month in numerals with 份 after a year the pattern took for none
	// (1917年十月份) or after 每年 names no month (a review's find).
	if m := text[at[0]:at[1]]; strings.HasSuffix(m, "月份") && !strings.ContainsAny(m, "0123456789") &&
		(strings.HasSuffix(text[:at[0]], "年") || strings.HasSuffix(text[:at[0]], "每")) {
		return period{}, "", "", false
	}
	// 上月, 本月 and 这月 (not 上个月) only where they stand as words,
	// opening the question: inside one, 基本月薪, 日本月球, 马上月底, 晚上月亮
	// and 线上月活 name no month (a review's finds: searched as
	// 2026年12月 基 薪怎么算).
	if m := text[at[0]:at[1]]; !strings.Contains(m, "个") && !strings.ContainsAny(m, "0123456789年") {
		// Or after a topic, ending the question or before 的 (国常会本月,
		// 国常会这月的: a second review's find).
		next, _ := utf8.DecodeRuneInString(text[at[1]:])
		ends := at[1] == len(text) || next == '的' || !unicode.Is(unicode.Han, next)
		if before, _ := peeled(text[:at[0]]); before != "" && !ends {
			return period{}, "", "", false
		}
	}
	p, rest, ok := readNewsPeriod(text, today)
	if !ok || !strings.HasSuffix(p.name, "月") {
		return period{}, "", "", false
	}
	before, after, _ := strings.Cut(rest, " ")
	topic, ok = topicBeside(before, after)
	// Searched without what asks of it either side (七月份社零增长了百分之几
	// listed the first half's GDP above July's figures, where 七月份社零
	// lists July's first: a follower run's find).
	asked, _ := peeled(strings.TrimSpace(before) + strings.TrimSpace(after))
	return p, topic, strings.TrimSpace(p.name + " " + asked), ok
}

// weekTopic reads text as a week named by today and a topic (上周的国常会,
// 本周政治局会议, 国常会上周讲了什么).
func weekTopic(text string, today time.Time) (p period, topic string, ok bool) {
	if !strings.ContainsAny(text, "周期拜") || utf8.RuneCountInString(text) > 32 {
		return period{}, "", false
	}
	p, rest, ok := readNewsPeriod(text, today)
	if !ok || !strings.HasSuffix(p.name, "周") {
		return period{}, "", false
	}
	before, after, _ := strings.Cut(rest, " ")
	// A week as a word: opening the question, or after the topic before
	// 的, its end or what asks of it (国常会上周讲了什么). Inside a word it is
	// none (日本周边, 资本周转, 线上周报, 马上周年庆: a review's finds).
	if t, _ := peeled(before); t != "" {
		next, _ := utf8.DecodeRuneInString(after)
		if rest, _ := peeled(after); rest != "" && next != '的' && unicode.Is(unicode.Han, next) {
			return period{}, "", false
		}
	}
	topic, ok = topicBeside(before, after)
	return p, topic, ok
}

// atoiOr is the number s writes, or 0.
func atoiOr(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// spanName names a week with its days (上周（8月10日至8月16日）), a range of
// days by its own name, which has them.
func (p period) spanName() string {
	if strings.Contains(p.name, "至") {
		return p.name
	}
	return fmt.Sprintf("%s（%s至%s）", p.name, monthDay(p.from), monthDay(p.through))
}

// rangeTopic reads a range of days asked of a topic (7月30日到8月2日的国常会).
func rangeTopic(text string, today time.Time) (p period, topic string, ok bool) {
	if utf8.RuneCountInString(text) > 40 {
		return period{}, "", false
	}
	p, rest, ok := readDayRange(text, today)
	if !ok || p.ahead {
		return period{}, "", false
	}
	before, after, _ := strings.Cut(rest, " ")
	// The range opens the question or ends it: inside, it is the event's
	// own days (乌拉圭总统奥尔西2月1日至7日访华 is a visit to search).
	if b, _ := peeled(before); b != "" {
		if a, _ := peeled(strings.TrimPrefix(strings.TrimSpace(after), "的")); a != "" && !strings.HasPrefix(strings.TrimSpace(after), "的") {
			return period{}, "", false
		}
	}
	topic, ok = topicBeside(before, after)
	return p, topic, ok
}

// topicBeside is the topic beside a time a question names: what comes
// before it, or else after it (GDP上个月增长了多少 is GDP's: a review's find,
// 「gdp 增长了多少」); none when it tells of the follower (上个月我考试了; 上个月
// 我国CPI is asked).
func topicBeside(before, after string) (string, bool) {
	topic, _ := peeled(before)
	if topic == "" {
		topic, _ = peeled(after)
	}
	self := strings.ContainsAny(strings.ReplaceAll(topic, "我国", ""), "我你您咱")
	return topic, topic != "" && !self
}

// weekAsked answers a week asked of a topic with its articles of that week,
// by date, the last first; with none, a line says so above the topic's
// newest (a follower run's find: 上周的国常会 listed a 2024 meeting first,
// 上周的政治局会议 got no match).
func (b *Bot) weekAsked(ctx context.Context, s *Settings, m Message, typed, topic string, p period) []Reply {
	hits, err := b.catalog.Search(ctx, topic, moreDepth)
	if err != nil {
		b.log.ErrorContext(ctx, "search", "err", err)
		return b.noMatch(ctx, s, m, 0)
	}
	titled := b.titled(cmp.Or(withoutYears(topic), topic))
	// A range of days: each of its years searched with the topic too, or
	// the topic's most relevant may all be of other years (a re-check's
	// find: 2023年7月1日到7月31日的国常会 said none); what only those find
	// must name the topic in its title (searched with the year alone,
	// 2025年3月1日到3月15日的两会 had listed articles naming 2025年 and, in
	// their summaries, 两会精神: a later re-check's).
	extra := 0 // the topic's own hits, before those searched with a year
	if strings.Contains(p.name, "至") && !namesYear.MatchString(topic) {
		extra = len(hits)
		for y := p.from[:4]; y <= p.through[:4]; y = strconv.Itoa(atoiOr(y) + 1) {
			more, err := b.catalog.Search(ctx, y+"年"+topic, moreDepth)
			if err != nil {
				break
			}
			for _, h := range more {
				if !slices.ContainsFunc(hits, func(x content.Hit) bool { return x.Article.ID == h.Article.ID }) {
					hits = append(hits, h)
				}
			}
		}
	}
	var found []content.Hit
	for i, h := range hits {
		in := h.Article.PublishedOn >= p.from && h.Article.PublishedOn <= p.through
		own := extra == 0 || i < extra
		named := titled(h.Article.Title) || own && titled(h.Article.Summary)
		if in && (named || own && h.Score >= s.search.ClearScore) {
			found = append(found, h)
		}
	}
	named := html.EscapeString(Cut(asTyped(typed, topic), listTitle))
	if len(found) == 0 {
		lead := fmt.Sprintf(noneOfWeek, p.spanName(), named)
		if b.nothingSince(ctx, p.from) {
			// A week after the store's newest article: it cannot know
			// (a follower run's find: it said the week had no meeting,
			// where a day of it said none yet).
			lead = fmt.Sprintf(noneOfWeekYet, p.spanName())
		}
		if r := b.newestAfter(ctx, s, m, topic, typed, lead); r != nil {
			return r
		}
		return b.search(ctx, s, m, topic, 0)
	}
	if len(found) == 1 {
		return b.pick(ctx, s, m, topic, found, true, false, 0)
	}
	slices.SortStableFunc(found, func(x, y content.Hit) int { return cmp.Compare(y.Article.PublishedOn, x.Article.PublishedOn) })
	whole := len(found) <= s.search.MaxResults // else 更多 searches the topic, as after its newest
	return b.periodList(ctx, m, found[:min(len(found), s.search.MaxResults)], fmt.Sprintf(weekHeader, p.name, named), topic, whole)
}

// monthDay is a day (YYYY-MM-DD) as 8月17日.
func monthDay(day string) string {
	t, err := time.Parse(content.DateLayout, day)
	if err != nil {
		return day
	}
	return fmt.Sprintf("%d月%d日", t.Month(), t.Day())
}

const (
	noneOfWeek    = "%s没有「%s」的文章。"
	noneOfWeekYet = "%s还没有文章。"
	weekHeader    = "%s「%s」的文章：\n"
)

// monthByNumber is a month named in digits, with this century's year or
// by today (11月, 2026年十一月, 去年十一月, 上个月, 本月; not 1917年十月革命 or
// 每年十一月: a second review's finds), or in numerals with 份 (八月份, as
// voice recognition writes it: 八月份的政治局会议 had no match, a follower
// run's find; 五月天 and 十月革命 have no 份).
var monthByNumber = regexp.MustCompile(`[0-9]月|(?:20[0-9][0-9]|今|去|前)年(?:十[一二]?|[一二三四五六七八九])月|(?:十[一二]?|[一二三四五六七八九])月份|(?:上|这|本)个?月`)

// monthAsked answers a month asked of the question before (3月的呢, 上个月呢)
// with query, the question with the month in place of its own. When the
// topic has no article of that month (year; 0 when it is not known), a
// line says so above the topic's newest, of the year the topic names if
// it names one, for a month asked next to be of it (a follower run's find:
// 国常会, then 那上个月呢, got the month's news of any topic, or the latest
// five under 2026年11月没有文章。; searched, the month a word no article has,
// the topic's articles came as if of that month).
func (b *Bot) monthAsked(ctx context.Context, s *Settings, m Message, typed, topic, query string, year, month int) []Reply {
	// The topic without what asked of it (「社会消费品零售总额增长多少」 headed
	// a month's none: a follower run's find).
	if t, _ := peeled(topic); t != "" {
		topic = t
	}
	if named := cmp.Or(withoutYears(topic), topic); year > 0 && topic != "" {
		hits, err := b.catalog.Search(ctx, query, moreDepth)
		// Relevant, or titled with the topic or another of its names: what
		// the topic's newest below would list (a review's find: GDP, then
		// 那2026年1月的, said January had none above its 2026-01-19 article).
		// An article of the month answers it when it is the topic's:
		// titled with it, or summing it up, or surely relevant. Relevant
		// alone is not enough: the month's words in the query raise the
		// month's news of any topic (a review's find: 11月份PMI为50.2% at
		// 0.46 answered 上个月的国常会).
		titled := b.titled(named)
		of := func(h content.Hit) bool {
			return (h.Score >= s.search.ClearScore || titled(h.Article.Title) || titled(h.Article.Summary)) && ofMonth(h.Article, year, month)
		}
		var found []content.Hit
		if err == nil {
			for _, h := range hits {
				if of(h) {
					found = append(found, h)
				}
			}
		}
		switch {
		case err == nil && len(found) == 0:
			lead := fmt.Sprintf(noneOfMonth, year, month, html.EscapeString(Cut(asTyped(typed, named), listTitle)))
			if b.nothingSince(ctx, time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC).Format(content.DateLayout)) {
				lead = fmt.Sprintf(noneOfMonthYet, year, month) // after the store's newest article, as a week
			}
			if r := b.newestAfter(ctx, s, m, topic, typed, lead); r != nil {
				return r
			}
		case len(found) >= 2 && len(found) <= s.search.MaxResults:
			// The topic's articles of the month, by date (a follower run's
			// find: 今年6月的国常会 listed 06-11, 06-29, 06-05 and July's).
			return b.monthList(ctx, s, m, found, asTyped(typed, named), query, year, month)
		}
	}
	return b.search(ctx, s, m, query, 0)
}

// monthList answers a month asked of a topic with its articles then,
// those whose title names the month first, then those published in it,
// each by date, the last first.
func (b *Bot) monthList(ctx context.Context, s *Settings, m Message, found []content.Hit, topic, query string, year, month int) []Reply {
	in := fmt.Sprintf("%d-%02d-", year, month)
	// A title naming the month first: its figures (7月份居民消费价格指数…,
	// published in August) had come below June's published in July (a
	// follower run's find: 2025年7月CPI led with a roundup and June's).
	names := func(h content.Hit) bool {
		m := titleMonth.FindStringSubmatch(h.Article.Title)
		return m != nil && m[1] == strconv.Itoa(month)
	}
	slices.SortStableFunc(found, func(x, y content.Hit) int {
		if xNames, yNames := names(x), names(y); xNames != yNames {
			if xNames {
				return -1
			}
			return 1
		}
		xIn, yIn := strings.HasPrefix(x.Article.PublishedOn, in), strings.HasPrefix(y.Article.PublishedOn, in)
		if xIn != yIn {
			if xIn {
				return -1
			}
			return 1
		}
		return cmp.Compare(y.Article.PublishedOn, x.Article.PublishedOn)
	})
	return b.periodList(ctx, m, found, fmt.Sprintf(monthOfTopic, year, month, html.EscapeString(Cut(topic, listTitle))), query, true)
}

// periodList answers with a topic's articles of a period (a month, a
// week), dated, under header; whole, they are all it has, and 更多 says so
// rather than listing other periods'.
func (b *Bot) periodList(ctx context.Context, m Message, found []content.Hit, header, search string, whole bool) []Reply {
	note(ctx, func(e *Event) {
		if e.Outcome == OutcomeEvent {
			e.Outcome = OutcomeList
		}
		e.bestFirst(found)
	})
	reply, ids := listReplyWith(dated(found), func(int) string { return header }, !whole, false)
	list := FollowUp{Query: asked(m), Search: search, IDs: ids, Stories: storiesOf(found[:len(ids)]), Whole: whole}
	return []Reply{b.keepList(ctx, m, list, reply)}
}

// monthOfTopic heads a topic's articles of a month.
const monthOfTopic = "%d年%d月「%s」的文章：\n"

// topicOnDayFollowUp answers a day asked after a topic's answer: the
// topic's articles of the day; with none, said so above the topic's newest
// (a review's find: 十号 国常会 searched, no match), or else question
// searched.
func (b *Bot) topicOnDayFollowUp(ctx context.Context, s *Settings, m Message, day askedDay, topic, typed, question string) []Reply {
	if r := b.topicOnDayAsked(ctx, s, m, day, topic); r != nil {
		return r
	}
	named := dayName(day.day.Format(content.DateLayout))
	if day.yearless { // of no one year: none in any
		named = fmt.Sprintf("%d月%d日", day.day.Month(), day.day.Day())
	}
	lead := fmt.Sprintf(noneOfDay, named, html.EscapeString(Cut(asTyped(typed, topic), listTitle)))
	if r := b.newestAfter(ctx, s, m, topic, typed, lead); r != nil {
		return r
	}
	return b.search(ctx, s, m, question, 0)
}

// noneOfDay leads the topic's newest when it has no article of the day
// asked after it.
const noneOfDay = "%s没有「%s」的文章。"

// noneOfMonth leads the topic's newest when it has no article of the month
// asked.
const (
	noneOfMonth    = "%d年%d月没有「%s」的文章。"
	noneOfYear     = "%d年没有「%s」的文章。"
	noneOfMonthYet = "%d年%d月还没有文章。"
)

// ofMonth reports whether a is of a month, as the search reads a month
// asked with its year: published in it, or in the month after naming it
// in its title or summary (a month's figures come out in the next).
func ofMonth(a content.Article, year, month int) bool {
	start := time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC)
	p := a.PublishedOn
	switch {
	case strings.HasPrefix(p, start.Format("2006-01-")):
		// Unless its title names another month (3月 publishes 2月份CPI).
		other := titleMonth.FindStringSubmatch(a.Title)
		return other == nil || other[1] == strconv.Itoa(month)
	case !strings.HasPrefix(p, start.AddDate(0, 1, 0).Format("2006-01-")):
		return false
	}
	named := fmt.Sprintf("%d月", month)
	for _, text := range []string{a.Title, a.Summary} {
		for i := strings.Index(text, named); i >= 0; i = strings.Index(text, named) {
			if i == 0 || text[i-1] < '0' || text[i-1] > '9' { // 11月 holds 1月
				return true
			}
			text = text[i+len(named):]
		}
	}
	return false
}

// dayShifts are the days before and after the one asked before.
var dayShifts = map[string]int{"前一天": -1, "上一天": -1, "头一天": -1, "后一天": 1, "下一天": 1, "第二天": 1, "次日": 1, "隔天": 1}

// titleMonth is a month a title names in digits (2月份CPI, 2025年12月CPI).
var titleMonth = regexp.MustCompile(`(?:^|[^0-9])(1[0-2]|[1-9])月`)

// yearFollowUp reads text as a year alone, written as followers do (2024年,
// 2024, 二〇二四年, 24年, 今年, 去年, 前年), as digits and 年 (2024年).
func yearFollowUp(text string, today time.Time) (string, bool) {
	// The same part of another year (去年同期: a follower run's find, after
	// 7月份CPI it got a card on holiday traffic 创历史同期新高).
	if t, ok := strings.CutSuffix(text, "同期"); ok && t != "" {
		if t == "上年" {
			t = "去年"
		}
		return yearFollowUp(t, today)
	}
	switch text {
	case "今年":
		return strconv.Itoa(today.Year()) + "年", true
	case "去年":
		return strconv.Itoa(today.Year()-1) + "年", true
	case "前年":
		return strconv.Itoa(today.Year()-2) + "年", true
	}
	if yearAlone.MatchString(text) {
		return strings.TrimSuffix(text, "年") + "年", true
	}
	digits, ok := strings.CutSuffix(text, "年")
	if !ok {
		return "", false
	}
	switch n := utf8.RuneCountInString(digits); {
	case n == 4:
		if y := hanDigits(digits); y >= 1900 && y < 2100 {
			return strconv.Itoa(y) + "年", true
		}
	case n == 2 && digits[0] >= '0' && digits[0] <= '9' && digits[1] >= '0' && digits[1] <= '9':
		if y, err := strconv.Atoi(digits); err == nil && 2000+y <= today.Year()+1 {
			return strconv.Itoa(2000+y) + "年", true // 23年: this century's, not one to come
		}
	}
	return "", false
}

// yearWritten is a year as a question holds it: 2025年, 2025年度, 2025.
var yearWritten = regexp.MustCompile(`(?:19|20)\d\d ?(?:年度|年的|年)?`)

// withoutYears is text without the years it names, not the digits of
// other numbers (减税降费12000亿元, 201900名考生: a review's find), nor
// those named by today (今年上半年GDP增长多少, then 那去年的呢, had been
// searched with 2026 beside 2025, 2026's figures first: a follower run's
// find).
func withoutYears(text string) string {
	var b strings.Builder
	at := 0
	for _, loc := range yearSpans(text) {
		b.WriteString(text[at:loc[0]])
		b.WriteByte(' ')
		at = loc[1]
	}
	b.WriteString(text[at:])
	return strings.Join(strings.Fields(withoutYearsByToday(b.String())), " ")
}

// withoutYearsByToday is text without 今年, 去年 and 前年 (and 的 or 度 after
// them), but where their first character ends a word before them: 如今年轻人,
// 当前年轻干部, 以前年度亏损 and 过去年代 name no year (a review's find).
func withoutYearsByToday(text string) string {
	var b strings.Builder
	at := 0
	for _, loc := range yearByToday.FindAllStringIndex(text, -1) {
		first, _ := utf8.DecodeRuneInString(text[loc[0]:])
		before, _ := utf8.DecodeLastRuneInString(text[:loc[0]])
		if strings.ContainsRune(wordsEndingIn[first], before) {
			continue
		}
		b.WriteString(text[at:loc[0]])
		b.WriteByte(' ')
		at = loc[1]
	}
	b.WriteString(text[at:])
	return b.String()
}

// yearByToday is a year named by today, as a question holds it.
var yearByToday = regexp.MustCompile(`(?:今|去|前)年(?:度|的)?`)

// wordsEndingIn are the characters before 今, 去 or 前 that make a word of
// them (如今, 过去, 以前).
var wordsEndingIn = map[rune]string{'今': "如至迄当古现而", '去': "过失离死上下进出回来归", '前': "以此目之从先事提空眼面跟日近上向超当门胸生战"}

// yearsIn are the years text names in digits (2025年政府工作报告: 2025).
func yearsIn(text string) []int {
	var years []int
	for _, loc := range yearSpans(text) {
		y, _ := strconv.Atoi(text[loc[0] : loc[0]+4])
		years = append(years, y)
	}
	return years
}

// yearSpans are where text names a year in digits (yearWritten), not the
// digits of a longer number.
func yearSpans(text string) [][]int {
	digit := func(i int) bool { return i >= 0 && i < len(text) && '0' <= text[i] && text[i] <= '9' }
	spans := yearWritten.FindAllStringIndex(text, -1)
	return slices.DeleteFunc(spans, func(loc []int) bool { return digit(loc[0]-1) || digit(loc[0]+4) }) // a longer number's digits
}

// readNewsPeriod reads the week or month text names, for its news (not
// a year's, nor one to come).
func readNewsPeriod(text string, today time.Time) (period, string, bool) {
	if p, rest, ok := readDayRange(text, today); ok {
		return p, rest, !p.ahead
	}
	if !strings.ContainsAny(text, "周期拜月") { // most messages name none: no regexp for them
		return period{}, "", false
	}
	p, rest, ok := readPeriod(text, today)
	return p, rest, ok && !p.ahead && !strings.HasSuffix(p.name, "年")
}

// periodNews answers for a week's or a month's news (上周的新闻联播, 上周有
// 什么新闻, 11月的新闻): its articles, the last day's first, each day's in
// the programme's order; with none, the latest under a line saying so. A
// follower run's find: searched, each got a 2023 card on 本周 and 上周's
// illnesses.
func (b *Bot) periodNews(ctx context.Context, s *Settings, m Message, p period) []Reply {
	of := ReadingsOf{From: p.from, Through: p.through, Name: p.name}
	found, err := b.periodHits(ctx, of, s.searchN())
	if err != nil {
		b.log.ErrorContext(ctx, "a period's articles", "period", p.name, "err", err)
		return b.noMatch(ctx, s, m, 0)
	}
	if len(found) == 0 {
		// After the store's newest article the period's news may not be
		// in yet, as a day's or a topic's period says (上周的新闻联播 said
		// 上周没有文章: a follower run's find).
		if b.nothingSince(ctx, p.from) {
			return b.latestAfter(ctx, s, m, p.name+"还没有文章。\n")
		}
		return b.latestAfter(ctx, s, m, p.name+"没有文章。\n")
	}
	found, more := firstPage(ctx, s, found)
	reply, ids := listReplyWith(dated(found), newsHeaderFor(of), true, more)
	list := FollowUp{Query: asked(m), News: &of, IDs: ids, Stories: storiesOf(found[:len(ids)]), More: more}
	return []Reply{b.keepList(ctx, m, list, reply)}
}

// periodHits are the articles of the days of of, the last day's first and
// each day's in the programme's order, day by day until there are n (a
// month has some six hundred: 更多 pages through them, where the first
// five had been all a follower could reach).
func (b *Bot) periodHits(ctx context.Context, of ReadingsOf, n int) ([]content.Hit, error) {
	from, err := time.Parse(content.DateLayout, of.From)
	if err != nil {
		return nil, fmt.Errorf("news of %s: %w", of.Name, err)
	}
	through, err := time.Parse(content.DateLayout, cmp.Or(of.At, of.Through))
	if err != nil {
		return nil, fmt.Errorf("news of %s: %w", of.Name, err)
	}
	var found []content.Hit
	for d := through; !d.Before(from) && len(found) < n; d = d.AddDate(0, 0, -1) {
		hits, err := b.catalog.Day(ctx, d.Format(content.DateLayout), maxSeenOfDay)
		if err != nil {
			return nil, fmt.Errorf("news of %s: %w", d.Format(content.DateLayout), err)
		}
		found = append(found, hits...)
	}
	return found, nil
}

func newsHeaderFor(of ReadingsOf) func(int) string {
	h := of.Name + "的文章：\n"
	return func(int) string { return h }
}

// firstPage cuts found to a list's length, notes the list in the query log
// (answered: the report does not list it as unanswered), and reports
// whether more were found.
func firstPage(ctx context.Context, s *Settings, found []content.Hit) ([]content.Hit, bool) {
	more := len(found) > s.search.MaxResults
	found = found[:min(len(found), s.search.MaxResults)]
	note(ctx, func(e *Event) {
		e.Outcome = OutcomeList
		for _, h := range found {
			e.Hits = append(e.Hits, Scored{ID: h.Article.ID, Score: h.Score})
		}
	})
	return found, more
}

// dated shows each hit's date under its title.
func dated(hits []content.Hit) []content.Hit {
	for i := range hits {
		hits[i].Snippet = hits[i].Article.PublishedOn
	}
	return hits
}

const latestHeader = "最新 %d 篇文章：\n"

func latestHeaderFor(n int) string { return fmt.Sprintf(latestHeader, n) }

// earlierHeader heads the pages of the latest articles after the first.
const earlierHeader = "更早的 %d 篇文章：\n"

func earlierHeaderFor(n int) string { return fmt.Sprintf(earlierHeader, n) }

// pastedURL reports a text that is a web address alone, as links are
// copied: ASCII (a question glued on, https://x/a这篇讲什么, is searched).
// Parsed only when it starts as one: parsing allocates, on every message.
func pastedURL(text string) bool {
	t := strings.TrimFunc(text, invisible)
	if len(t) < 8 || !strings.EqualFold(t[:7], "http://") && !strings.EqualFold(t[:8], "https://") ||
		strings.ContainsFunc(t, func(r rune) bool { return r >= utf8.RuneSelf }) {
		return false
	}
	return content.WebURL(t)
}

// withoutLinks is text without the web addresses pasted beside its words
// (推荐一篇关于生态文明的文章 https://…/2024/01/11/…: a follower run's find,
// the address's digits were searched and marked); text when it is one.
func withoutLinks(text string) string {
	if !strings.Contains(text, "://") { // most messages: no regexp for them
		return text
	}
	if rest := strings.TrimSpace(webLink.ReplaceAllString(text, " ")); strings.IndexFunc(rest, isWordRune) >= 0 {
		return rest
	}
	return text
}

// webLink is a web address as links are copied: its scheme, then ASCII
// up to a space or other text.
var webLink = regexp.MustCompile(`(?i)https?://[!-~]+`)

// invisible reports a character that shows nothing: a space, or a format
// character (zero-width space and joiners, U+FEFF, the soft hyphen).
func invisible(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) }

// voiceEmpty is what recognition gives of a voice message with nothing
// heard: spaces and the full stops it ends every text with.
func voiceEmpty(r rune) bool { return invisible(r) || r == '。' || r == '.' }

// optNotSaved answers an opt-out or opt-in the store could not record.
const optNotSaved = "抱歉，设置暂时没有保存成功，请稍后再发一次。"

// optOut turns the daily reading off (out) or on for the follower.
func (b *Bot) optOut(ctx context.Context, s *Settings, m Message, out bool) []Reply {
	// The menu's buttons too: their key stays beside the outcome (a
	// follower run's find: 退订 by the menu was no opt-out in the report).
	note(ctx, func(e *Event) { e.Outcome = map[bool]Outcome{true: OutcomeOptOut, false: OutcomeOptIn}[out] })
	if b.followers != nil {
		if err := b.followers.SetPushOptOut(ctx, m.From, out, m.SentAt); err != nil {
			// Told it worked, the follower would get tomorrow's push
			// (or none) with nothing retrying the change.
			b.record(ctx, "opt-out", err)
			// Not a follower leaving (or joining) in the report.
			note(ctx, func(e *Event) { e.Outcome = OutcomeNotSaved })
			return []Reply{{Type: ReplyText, Text: optNotSaved}}
		}
	}
	if out {
		return []Reply{{Type: ReplyText, Text: s.push.UnsubscribeReply}}
	}
	return []Reply{{Type: ReplyText, Text: s.push.SubscribeReply}}
}

// optState answers a follower asking whether the daily reading is on (退订了吗,
// 怎么退订) with the reply its switch gives, which says where it stands
// and how to turn it: nothing changes.
func (b *Bot) optState(ctx context.Context, s *Settings, m Message) []Reply {
	note(ctx, func(e *Event) { e.Outcome = OutcomeOptStatus })
	out, err := b.followers.PushOptedOut(ctx, m.From)
	if err != nil {
		b.record(ctx, "read opt-out", err)
		return unavailable(ctx, optUnreadable) // an apology: no answer (a review's find: counted answered)
	}
	// Not the switch's own replies: they say it was just done (已为你订阅),
	// and to 退订了吗 that reads as the opposite done.
	if out {
		return []Reply{{Type: ReplyText, Text: cmp.Or(s.push.StatusOffReply, "你现在没有订阅每日推送。"+replyTo(s.push.SubscribeKeywords, "重新开启"))}}
	}
	return []Reply{{Type: ReplyText, Text: cmp.Or(s.push.StatusOnReply, "你现在订阅着每日推送。"+replyTo(s.push.UnsubscribeKeywords, "取消"))}}
}

// replyTo says which keyword does what: 回复「退订」可以取消。
func replyTo(keywords []string, does string) string {
	if len(keywords) == 0 {
		return ""
	}
	return "回复「" + keywords[0] + "」可以" + does + "。"
}

// optUnreadable answers a follower asking about the daily reading when the
// store cannot tell.
const optUnreadable = "抱歉，暂时查不到你的订阅设置，请稍后再问。"

// followUp answers a number typed after a numbered list: the article, or
// what the valid numbers are, or that no list is open. (A bare number is
// never a search for articles containing "2".)
func (b *Bot) followUp(ctx context.Context, s *Settings, m Message, n int, open *FollowUp) []Reply {
	if open == nil {
		list, err := b.followUps.Get(ctx, m.From)
		if err != nil {
			// Not "no match": the list may well be there (Redis down).
			b.log.ErrorContext(ctx, "read follow-up", "openid", m.From, "err", err)
			return unavailable(ctx, listUnreadable)
		}
		open = &list
	}
	list := *open
	ids := list.IDs
	if n == lastChoice {
		n = len(ids)
	}
	note(ctx, func(e *Event) { e.Number, e.Query, e.Rule = n, list.question(), list.by() })
	switch {
	case len(ids) == 0 && n >= 1 && list.Search != "" && !list.Mentions && !list.Newest && len(list.Seen) > 0:
		return b.nextAfterCard(ctx, s, m, list, n)
	case len(ids) == 0:
		note(ctx, func(e *Event) { e.Outcome = OutcomeNoList })
		return []Reply{{Type: ReplyText, Text: s.noList}}
	case n < 1 || n > len(ids):
		note(ctx, func(e *Event) { e.Outcome = OutcomeOutOfRange })
		return []Reply{{Type: ReplyText, Text: s.outOfRange(len(ids))}}
	}
	a, failed := b.listedArticle(ctx, ids[n-1])
	if failed != nil {
		return failed
	}
	note(ctx, func(e *Event) { e.Outcome, e.Article = OutcomeFollowUp, a.ID })
	if list.Opened != n {
		// 下一篇 after it opens the next (it paged on: a follower run's
		// find). Not kept, 下一篇 pages on as before.
		list.Opened = n
		if err := b.putFollowUp(ctx, m, list); err != nil {
			b.log.DebugContext(ctx, "store the item opened", "openid", m.From, "err", err)
		}
	}
	if n <= len(list.Stories) {
		// The roundup item listed, found again by its headline; gone
		// from a roundup imported again since, the roundup is shown.
		if st, ok := storyHeaded(a, list.Stories[n-1]); ok {
			return []Reply{storyReply(a, st)}
		}
	}
	return []Reply{b.articleReply(ctx, a)}
}

// listedArticle reads an article a follower was shown, or the reply when it
// cannot be read.
func (b *Bot) listedArticle(ctx context.Context, id string) (content.Article, []Reply) {
	a, err := b.catalog.Get(ctx, id)
	switch {
	case errors.Is(err, content.ErrNotFound):
		// Removed since the list was sent: said so (a fleet run's find:
		// the no-match reply, as if the number had been searched).
		// Info: what an operator's removal brings, no fault (a soak run's
		// note: 61 warnings in 25 minutes of routine removals).
		b.log.InfoContext(ctx, "follow-up article gone", "id", id)
		note(ctx, func(e *Event) { e.Outcome = OutcomeNoMatch })
		return a, []Reply{{Type: ReplyText, Text: articleGone}}
	case err != nil:
		// The store down: the article is there, the follower may ask
		// again (no match said there was none, and the report listed
		// 2 as a question nothing answers).
		b.log.ErrorContext(ctx, "read follow-up article", "id", id, "err", err)
		return a, unavailable(ctx, articleUnreadable)
	}
	return a, nil
}

// selfCorrected is what a follower said after correcting themselves, as
// voice messages do (帮我找一下新质生产力，不对，是新型工业化的文章: a follower
// run's find, no match): the words after 不对，是 (说错了，应该是, 口误，我是说).
// A complaint (你们的回复不对) is a rule's before this is read.
func selfCorrected(text string) string {
	if m := notThatButThis.FindStringSubmatch(text); m != nil && utf8.RuneCountInString(strings.TrimFunc(m[1], func(r rune) bool { return !isWordRune(r) })) >= 2 {
		return m[1]
	}
	loc := selfCorrection.FindStringIndex(text)
	if loc == nil {
		return text
	}
	rest := text[loc[1]:]
	// What was not meant, said after (我问的是面试不是笔试: no match, a
	// final-week follower run's find), goes.
	// (Not 是不是 asked: 我问的是新质生产力是不是高科技, a re-check's find.)
	if m := notThatOne.FindStringIndex(rest); m != nil && m[0] > 0 && !strings.HasSuffix(rest[:m[0]], "是") {
		rest = rest[:m[0]]
	}
	if utf8.RuneCountInString(strings.TrimFunc(rest, func(r rune) bool { return !isWordRune(r) })) < 2 {
		return text
	}
	return rest
}

// notThatOne is what a correction says it did not mean, at its end.
// (And what the follower says of the answer after it: …，不是笔试，你发错了。)
var notThatOne = regexp.MustCompile(`[\p{P}\s]*(?:而|并)?不是[^\p{P}\s]{1,12}(?:[\p{P}\s]+(?:你发错了|发错了|你搞错了|搞错了|你弄错了|弄错了|错了|你理解错了))?[\p{P}\s]*$`)

// notThatButThis is a correction saying what was not meant first (我问的不是
// 笔试是面试, 不是共同富裕，是新质生产力: a re-check's finds, no match and the
// wrong topic): what follows 是 was meant.
var notThatButThis = regexp.MustCompile(`^(?:我问的|我说的|我要的|我找的|我指的)?不是[^\p{P}\s]{2,12}?[\p{P}\s]*(?:而)?是([^\p{P}\s].*)$`)

// preferenceFirst puts a preference of time said after the question
// (…中国式现代化的文章，最好是今年的; 有没有讲全面从严治党的，最好新一点: a
// follower run's finds, 冬奥会 with 【最好】 marked, and no match) before it,
// where a year or a recency word is read: 今年的…, 最新的….
func preferenceFirst(text string, today time.Time) string {
	m := preferenceAfter.FindStringSubmatchIndex(text)
	if m == nil || m[0] == 0 {
		return text
	}
	question, when := text[:m[0]], text[m[2]:m[3]]
	switch when {
	case "新一点", "新一些", "最新", "近一点", "近期", "最近", "新点":
		when = "最新"
	case "今年", "去年", "前年":
		// In digits, as a follow-up's year takes its place (去年的呢 after
		// it had made 「2025年今年的国常会的文章」: a follower run's find).
		when = fmt.Sprintf("%d年", today.Year()-map[string]int{"今年": 0, "去年": 1, "前年": 2}[when])
	}
	return when + "的" + question
}

var preferenceAfter = regexp.MustCompile(`[\p{P}\s]+(?:最好|希望|要|要求)(?:是|能)?(新一点|新一些|新点|最新|近一点|近期|最近|今年|去年|前年|(?:19|20)\d\d年)(?:的|发的|出的)?(?:文章)?[\p{P}\s]*$`)

var selfCorrection = regexp.MustCompile(`(?:不对|说错了|错了|口误)[\p{P}\s]*(?:应该是|我是说|我说的是|我问的是|我指的是|我要的是|是)|` +
	// What was meant, said after the answer (不是这个，我说的是PPI; 我说的是中纪委全会: a
	// follower run's finds, no match and a header naming 我说的是).
	// 我是说 only before a pause: 我是说明书 is a word.
	`^(?:不是这个|不是这篇|不是)?[\p{P}\s]*(?:我说的是|我指的是|我要的是|我找的是|我问的是|我是说[\p{P}\s])`)

// several answers items of a list named at once (第一个和第二个, 1和2): each
// as a link in one text, as the list showed them; a number past the list
// gets the list's range.
func (b *Bot) several(ctx context.Context, s *Settings, m Message, list FollowUp, items []int) []Reply {
	note(ctx, func(e *Event) { e.Query = list.Query })
	var found []content.Hit
	var numbers []int
	for _, n := range items {
		if n < 1 || n > len(list.IDs) {
			note(ctx, func(e *Event) { e.Outcome = OutcomeOutOfRange })
			return []Reply{{Type: ReplyText, Text: s.outOfRange(len(list.IDs))}}
		}
		a, err := b.catalog.Get(ctx, list.IDs[n-1])
		switch {
		case errors.Is(err, content.ErrNotFound):
			continue // removed since the list was sent: the others are still there
		case err != nil:
			b.log.ErrorContext(ctx, "read follow-up article", "id", list.IDs[n-1], "err", err)
			return unavailable(ctx, articleUnreadable)
		}
		h := content.Hit{Article: a}
		if n <= len(list.Stories) {
			if st, ok := storyHeaded(a, list.Stories[n-1]); ok {
				h.Story = &st
			}
		}
		found, numbers = append(found, h), append(numbers, n)
	}
	if len(found) == 0 {
		note(ctx, func(e *Event) { e.Outcome = OutcomeNoMatch })
		return []Reply{{Type: ReplyText, Text: articleGone}}
	}
	note(ctx, func(e *Event) { e.Outcome, e.Article = OutcomeFollowUp, found[0].Article.ID })
	var body strings.Builder
	for i, h := range found {
		a := h.Article
		if h.Story != nil {
			a.Title = h.Story.Head
		}
		title := html.EscapeString(Cut(a.Title, listTitle))
		if a.URL != "" {
			title = `<a href="` + html.EscapeString(a.URL) + `">` + title + `</a>`
		}
		line := strconv.Itoa(numbers[i]) + ". " + title
		if i > 0 {
			line = "\n" + line
		}
		if body.Len()+len(line) > maxTextBytes {
			break // long addresses: the first ones, within WeChat's limit
		}
		body.WriteString(line)
	}
	return []Reply{{Type: ReplyText, Text: body.String()}}
}

// namedItems are the numbers of a text choiceInside matched, in order, each
// once (第一个和第二个: 1, 2; 第1、2篇: 1, 2).
func namedItems(text string) []int {
	var items []int
	for _, run := range numberRuns.FindAllString(text, -1) {
		n, ok := digitsUpTo(run, 3)
		if !ok {
			n, ok = hanNumber(run)
		}
		if ok && !slices.Contains(items, n) {
			items = append(items, n)
		}
	}
	return items
}

var numberRuns = regexp.MustCompile(`[0-9]+|[一二三四五六七八九十]+`)

// nextAfterCard answers 第二篇 (or 2, 第三篇) after the one card a question
// got: its answers in order, the card (the first seen) being the first (a
// follower run's find: it said no list was open, and 更多 was the only way
// on).
func (b *Bot) nextAfterCard(ctx context.Context, s *Settings, m Message, card FollowUp, n int) []Reply {
	note(ctx, func(e *Event) { e.Outcome, e.Query = OutcomeMore, card.Query })
	hits, err := b.catalog.Search(ctx, card.Search, max(n+len(card.Seen), moreDepth)) // as deep as 更多 searches
	if err != nil {
		b.log.ErrorContext(ctx, "search", "err", err)
		return b.noMatch(ctx, s, m, 0)
	}
	var next []content.Hit
	for _, h := range hits {
		if h.Article.ID == card.Seen[0] && n == 1 {
			// 1 is the card again, the question's first answer (a
			// follower run's find: it said no list was open, where 2
			// opened the second).
			next = append(next[:0], h)
			break
		}
		if h.Score >= s.search.MinScore && h.Article.ID != card.Seen[0] {
			next = append(next, h)
		}
	}
	if n == 1 && (len(next) == 0 || next[0].Article.ID != card.Seen[0]) {
		a, failed := b.listedArticle(ctx, card.Seen[0]) // no longer found by the question (an import since)
		if failed != nil {
			return failed
		}
		next = []content.Hit{{Article: a, Score: 1}}
	}
	if n == 1 {
		n = 2 // next holds the card alone, where the second answer would be
	}
	if n-2 >= len(next) && len(next) > 0 {
		// Past the question's last answer: what 更多 would show.
		return b.more(ctx, s, m, card)
	}
	if len(next) == 0 {
		// The card was all the question had. What 更多 would show: the
		// articles mentioning a one-word question's word (a follower
		// run's find: "no more", and 更多 then listed five); with none,
		// what 2 gets with no list open, for none was shown (a follower
		// run's find: after 中央财经委员会第六次会议's one card, 2 said the
		// question had no more articles, as if a list had run out).
		seen := map[string]bool{card.Seen[0]: true}
		if r := b.moreMentions(ctx, s, m, card, seen); r != nil {
			return r
		}
		note(ctx, func(e *Event) { e.Outcome = OutcomeNoList })
		return []Reply{{Type: ReplyText, Text: s.noList}}
	}
	h := next[n-2]
	// A number chose an answer of the question, as in a list (logged as a
	// card, 1 had been reported as an unanswered question, and proposed
	// as a synonym of the card's question).
	note(ctx, func(e *Event) { e.Outcome, e.Article = OutcomeFollowUp, h.Article.ID })
	if !slices.Contains(card.Seen, h.Article.ID) { // 第三篇 after 第二篇 sees both
		card.Seen = append(card.Seen, h.Article.ID)
	}
	card.SeenStory = ""
	if h.Story != nil {
		card.SeenStory = h.Story.Head
	}
	if err := b.putFollowUp(ctx, m, card); err != nil {
		b.log.DebugContext(ctx, "store follow-up of a card", "openid", m.From, "err", err)
	}
	if h.Story != nil {
		return []Reply{storyReply(h.Article, *h.Story)}
	}
	return []Reply{b.articleReply(ctx, h.Article)}
}

// storyHeaded is the item of roundup a headed head ("" for none).
func storyHeaded(a content.Article, head string) (content.Story, bool) {
	if head == "" {
		return content.Story{}, false
	}
	for _, st := range content.Stories(a.Body) {
		if st.Head == head {
			return st, true
		}
	}
	return content.Story{}, false
}

// render expands a configured response into replies. depth stops a no-match
// response that itself searches from recursing.
func (b *Bot) render(ctx context.Context, s *Settings, m Message, resp response, depth int) []Reply {
	specs := resp.replies
	if resp.random && len(specs) > 1 {
		i := b.random(len(specs))
		specs = specs[i : i+1]
	}
	// kept says whether this reply has stored a list or a card's question
	// yet: one sent before the daily reading (mode all) stays open, while
	// an older one is closed by the reading. A configured card or a search
	// that found nothing stores nothing (a review's find: they kept the
	// older list open).
	kept, _ := ctx.Value(keptKey{}).(*bool) // a no-match reply's own searches count for the reply
	if kept == nil && len(specs) > 1 {
		kept = new(bool)
		ctx = context.WithValue(ctx, keptKey{}, kept)
	}
	var out []Reply
	for _, spec := range specs {
		if spec.Type != specDaily {
			out = append(out, b.expand(ctx, s, m, spec, depth)...)
			continue
		}
		r, sent := b.dailyReply(ctx, s, m, depth, len(specs) > 1, resp.welcome)
		if sent && (kept == nil || !*kept) {
			b.closeList(ctx, m, r)
		}
		out = append(out, r...)
	}
	return out
}

// keptKey marks in a context the flag render reads: set once a follow-up
// (a list, or a card's question for 更多) is stored for this reply.
type keptKey struct{}

// putFollowUp stores what the follower may follow up on and marks it kept
// for the reply under way.
// maxTyped is the longest message (in bytes) kept as typed beside its list: a
// header names a topic, not a pasted paragraph (kept in Redis per follower).
const maxTyped = 256

func (b *Bot) putFollowUp(ctx context.Context, m Message, f FollowUp) error {
	if f.Typed == "" && f.Query != "" && f.Query == asked(m) {
		switch {
		case m.typed != "":
			f.Typed = m.typed // a follow-up's list: the question it goes on from
		case len(m.Text) <= maxTyped && strings.ContainsFunc(m.Text, unicode.IsUpper):
			f.Typed = m.Text
		}
	}
	if err := b.followUps.Put(ctx, m.From, f); err != nil {
		return err
	}
	if kept, ok := ctx.Value(keptKey{}).(*bool); ok {
		*kept = true
	}
	return nil
}

// dailyReply is the day's reading, and whether it was sent (not an
// apology or the no-match reply, after which the list stays open).
//
// With no reading today (nothing of the category left, the demo articles
// removed), one asked for alone says so; one sent beside other replies (the
// welcome's) is left out, as the welcome's is when the store cannot be read, and one in a reply of a reply (depth) too. Both
// got the no-match text, which sends the follower to 每日一读 (an operator
// run's find).
func (b *Bot) dailyReply(ctx context.Context, s *Settings, m Message, depth int, beside, welcome bool) ([]Reply, bool) {
	var a content.Article
	err := content.ErrNotFound // a bot without one (Deps.Daily unset) has no reading to give
	if b.daily != nil {
		a, err = b.daily(ctx)
	}
	switch {
	case err == nil:
		r := b.articleReply(ctx, a)
		r.Reading = a.ID
		return []Reply{r}, true
	case !errors.Is(err, content.ErrNotFound):
		b.log.ErrorContext(ctx, "daily reading", "err", err)
		if beside && welcome {
			// The welcome's (also a rule's answering with it, 我是新来的):
			// an apology for an article nobody asked for followed it (a
			// fleet run's find, the store down). Not a rule's own reply
			// beside a line: 每日一读 was asked for (a re-check's find: the
			// line had come alone).
			return nil, false
		}
		return unavailable(ctx, articleUnreadable), false
	case depth > 0 || beside:
		return nil, false
	}
	note(ctx, func(e *Event) {
		if e.Outcome == OutcomeEvent || e.Outcome == OutcomeRule {
			e.Outcome = OutcomeNoMatch // the report shows followers asked for it
		}
	})
	// Not sent to the past readings when there are none either: their
	// reply sends the follower here (a newcomer's run: each pointed at
	// the other).
	if b.readings != nil {
		if past, err := b.readingHits(ctx, ReadingsOf{}, 1); err == nil && len(past) == 0 {
			return []Reply{{Type: ReplyText, Text: noReadingAtAll}}, false
		}
	}
	return []Reply{{Type: ReplyText, Text: noReadingToday}}, false
}

const (
	noReadingToday = "今天还没有每日一读。回复「往期每日一读」看之前的，或直接发送关键词搜索文章。"
	noReadingAtAll = "今天还没有每日一读，往期的也还没有。直接发送关键词搜索文章。"
)

func (b *Bot) expand(ctx context.Context, s *Settings, m Message, spec ReplySpec, depth int) []Reply {
	switch spec.Type {
	case string(ReplyText):
		return []Reply{{Type: ReplyText, Text: spec.Content}}
	case string(ReplyNews):
		return []Reply{{Type: ReplyNews, Card: &Card{Title: spec.Title, Description: spec.Description, URL: spec.URL, Pic: spec.Pic}}}
	case string(ReplyImage), string(ReplyVoice):
		return []Reply{{Type: ReplyType(spec.Type), MediaID: spec.MediaID}}
	case string(ReplyVideo):
		return []Reply{{Type: ReplyVideo, MediaID: spec.MediaID, Card: &Card{Title: spec.Title, Description: spec.Description}}}
	case string(ReplyMusic):
		return []Reply{{Type: ReplyMusic, Music: &Music{Title: spec.Title, Description: spec.Description, URL: spec.MusicURL,
			HQURL: spec.HQMusicURL, ThumbMediaID: spec.ThumbMediaID}}}
	case string(ReplyTransfer):
		return []Reply{{Type: ReplyTransfer}}
	case specDaily:
		r, _ := b.dailyReply(ctx, s, m, depth, false, false)
		return r
	case specWelcome:
		return b.render(ctx, s, m, s.subscribe, depth)
	case specArticles:
		if spec.Query != "" {
			return b.search(context.WithValue(ctx, ruleQueryKey{}, true), s, m, spec.Query, depth)
		}
		var found []content.Hit
		for _, id := range spec.IDs {
			a, err := b.catalog.Get(ctx, id)
			if err != nil {
				// Warned of once, at serve's start or reload (Unanswered):
				// not at every message.
				b.log.DebugContext(ctx, "configured article missing", "id", id, "err", err)
				continue
			}
			found = append(found, content.Hit{Article: a, Score: 1})
		}
		return b.pick(ctx, s, m, "", found, len(found) == 1, false, depth) // a list of its own: nothing more to page to
	}
	return nil
}

// storiesOf are the headlines of the roundup items among listed hits, one
// per hit ("" for a whole article), or nil when there are none.
func storiesOf(listed []content.Hit) []string {
	var stories []string
	for i, h := range listed {
		if h.Story != nil {
			if stories == nil {
				stories = make([]string, len(listed))
			}
			stories[i] = h.Story.Head
		}
	}
	return stories
}

// moreWords ask for more of the list just shown (Bare, folded).
var moreWords = map[string]bool{"更多": true, "还有吗": true, "还有呢": true, "还有没有": true, "下一页": true, "换一批": true,
	"再来几篇": true, "再来点": true, "其他的": true, "继续": true, "more": true, "还有": true, "还有别的": true, "还有别": true, "还有其他": true,
	"别的": true, "其他": true, "下一批": true, "下一组": true, "换一组": true, "换一换": true, "再来一批": true, "再来一些": true,
	"再来几个": true, "再来": true, "还有更多": true, "更多文章": true, "next": true, "还有哪些": true, "下一篇": true,
	// Said as 下一篇 is, before an item was opened (下一条 after a list, 下一个
	// after a card: a follower run's finds, searched, no match).
	"下一个": true, "下一条": true, "下篇": true, "后一篇": true,
	"还有没有别的": true, "有没有别的": true, "有别的吗": true, "后面的": true, "后面还有吗": true,
	// Another than the one shown (a follower run's finds: no match).
	"换一篇": true, "换一个": true, "换一条": true, "换个": true, "另外一篇": true, "另一篇": true, "另外的": true, "还有别的吗": true,
	// And then? (然后呢, as voice messages go on: a follower run's find, no match.)
	"然后呢": true, "然后": true, "接下来呢": true,
	// Asked, not said: 就这些吧 and 没了 close a conversation.
	"没有了吗": true, "没了吗": true, "就这些吗": true,
	// Others like it (a follower run's finds: 有没有类似的 got a card on
	// banks 类似 to Silicon Valley Bank).
	"有没有类似的": true, "有类似的吗": true, "类似的": true, "类似的文章": true, "还有类似的吗": true, "有没有相关的": true,
	"相关的": true, "相关文章": true, "还有相关的吗": true, "相关的还有吗": true}

// rejectWords say the answer just shown is not what was asked (Bare,
// folded); with a choice's wraps around them (不是这个啊, 好像不对).
var rejectWords = map[string]bool{"不是这个": true, "不是这篇": true, "不是这条": true, "不是这些": true, "都不是": true, "不对": true,
	"不是": true, "不是我要的": true, "不是我想要的": true, "这不是我要的": true, "不是我要找的": true, "这个不对": true, "这篇不对": true,
	"不是这个文章": true, "不是这篇文章": true, "找错了": true, "不相关": true, "没找到我要的": true, "这几篇都不是": true, "好像不对": true,
	// A follower run's finds: after a list, 没有我要的 was searched (没有:
	// a list on 委内瑞拉), 都不是我要的 got the no-match reply.
	"没有我要的": true, "没有我想要的": true, "没有我要找的": true, "都不是我要的": true, "都不是我想要的": true, "没找到我想要的": true,
	"这些都不是": true, "答非所问": true, "不是我问的": true,
	// And (a follower run's finds: each got the no-match reply right
	// after a list) 都不对, 错了, 没用.
	"都不对": true, "这些都不对": true, "全都不对": true, "错了": true, "都错了": true, "没用": true, "没有用": true, "都没用": true,
	"都没有用": true, "这些都没用": true, "没啥用": true, "搞错了": true, "弄错了": true, "全错了": true, "全不对": true, "不太对": true,
	"都不相关": true}

func rejects(text string) bool {
	if rejectWords[text] {
		return true
	}
	// Asked back (不是吗, 不对吗, 不是吧) or agreed (不是的): no rejection.
	return utf8.RuneCountInString(text) <= 16 && !strings.HasSuffix(text, "吗") && !strings.HasSuffix(text, "吧") &&
		!strings.HasSuffix(text, "的") && rejectWords[unwrapChoice(text)]
}

// listRead is the articles listed told read, before asking for more.
var listRead = regexp.MustCompile(`^(?:这)?(?:[0-9一二三四五六七八九十两几]+(?:篇|个)|这些|上面的|这几篇)?(?:都|全)(?:看了|看完了|读完了|看过了|读过了)[\p{P}\s]*`)

// moreCount is 再来5篇, 再来两篇, 第二页: more, however many.
var moreCount = regexp.MustCompile(`^((?:再来|再给我|再给|再发|再发我)[0-9一两二三四五六七八九十几]+[篇个条]|第[0-9二三四五六七八九十]+页)$`)

// asksMore reports whether text (Bare, folded) asks for more of what was
// just shown: a word of moreWords, with a choice's wraps around it
// (还有吗谢谢, 好的，下一页), or 再来5篇.
func asksMore(text string) bool {
	if moreWords[text] {
		return true
	}
	if utf8.RuneCountInString(text) > 16 { // 好的，谢谢，那再来一批吧 (a follower run's: searched)
		return false
	}
	// The list read, told first (3个都看了，还有别的吗: a follower run's
	// find, no match).
	if loc := listRead.FindStringIndex(text); loc != nil && loc[1] < len(text) {
		return asksMore(text[loc[1]:])
	}
	core := unwrapChoice(text)
	// Unwrapped, 别的呢 loses the 的 of 别的 too: asked with a particle
	// after it (别的呢, 后面的呢: a follower run's find, searched).
	// (那别的呢, 那后面的呢: a re-check's find, a card on 临别的礼物.)
	bare := strings.TrimPrefix(strings.TrimPrefix(text, "那么"), "那")
	return moreWords[core] || moreCount.MatchString(core) || moreWords[strings.TrimRightFunc(bare, func(r rune) bool {
		return !isWordRune(r) || strings.ContainsRune("呢吗吧啊呀", r)
	})]
}

// stepWords move from the item of a list last opened to the one beside it.
var stepWords = map[string]int{"下一篇": 1, "下一个": 1, "下一条": 1, "下篇": 1, "后一篇": 1, "上一篇": -1, "上一个": -1, "上一条": -1, "上篇": -1, "前一篇": -1}

const (
	firstItemAlready = "这已经是列表里的第一篇了。回复序号查看其他文章。"
	lastItemAlready  = "这已经是列表里的最后一篇了。回复「更多」看下一批。"
	lastItemNoMore   = "这已经是列表里的最后一篇了。回复序号查看其他文章，或发送其他关键词。"
)

// maxSeen bounds how far 更多 pages through one question: each page
// searches for the articles already shown and as many more.
const maxSeen = 50

// moreDepth is how many hits 更多 asks the search for at least.
const moreDepth = 64

// olderDepth is how many of a topic's articles 更早的 pages back through: a
// series' (国常会 has some hundred on the corpus; at moreDepth, 更早的 said
// there were none before 2023-06 with the 2022 meetings in the store: a
// re-check's find).
const olderDepth = 200

// noMore answers 更多 when the question has nothing more to show;
// noMoreThanCard, when what it had to show was one card.
const (
	noMore         = "这个问题没有更多相关文章了，换个关键词试试，或回复列表里的序号查看文章。"
	noMoreThanCard = "这个问题没有更多相关文章了，换个关键词试试。"
)

// more answers 更多 after a list: the question's next relevant articles,
// those of its earlier lists left out, as a list of their own (numbered
// from 1, as the follower reads it).
func (b *Bot) more(ctx context.Context, s *Settings, m Message, list FollowUp) []Reply {
	// A page of the question asked before, not a question: the report
	// listed 更多 as asked and unanswered (its page has no hits of its own).
	note(ctx, func(e *Event) { e.Outcome, e.Query = OutcomeMore, list.Query })
	if len(list.Questions) > 0 {
		page := list
		page.Seen, page.Opened = append(slices.Clip(list.Seen), list.IDs...), 0
		if len(list.IDs) > 0 {
			page.Back = append(slices.Clip(list.Back), Page{IDs: list.IDs, Stories: list.Stories, Questions: slices.Concat(list.Answered, list.Questions)})
		}
		return b.eachQuestion(ctx, s, m, page, list.Questions)
	}
	seen := make(map[string]bool, len(list.Seen)+len(list.IDs))
	for _, id := range append(slices.Clone(list.Seen), list.IDs...) {
		seen[id] = true
	}
	most := maxSeen
	if list.Day != "" || list.News != nil {
		most = maxSeenOfDay // a day's, in full; a month's as far
	}
	if len(seen) >= most || list.Whole || list.Search == "" && !list.Latest && list.Day == "" && list.Readings == nil && list.News == nil { // a configured list has no more
		return []Reply{{Type: ReplyText, Text: noMore}}
	}
	search, minScore, header := b.pager(s, list, false)
	// Searched deeper than the first page was: the search weighs its
	// leading candidates only, as many as it is asked for (at least 16),
	// and articles found relevant from a deeper pool were never offered
	// (an operator run: 2024政府工作报告 listed 3, and 更多 said there was
	// none, with three more at 0.90 and over).
	hits, err := search(ctx, list.Search, max(len(seen)+s.searchN(), moreDepth))
	if err != nil {
		b.log.ErrorContext(ctx, "search", "err", err)
		return b.noMatch(ctx, s, m, 0)
	}
	var next []content.Hit
	more := false
	for _, h := range hits {
		if h.Score >= minScore && !seen[h.Article.ID] {
			if len(next) == s.search.MaxResults {
				more = len(seen)+len(next) < most
				break
			}
			next = append(next, h)
		}
	}
	if len(next) == 0 && list.More && list.Search != "" {
		// The footer promised 更多 from the first search's candidates,
		// which the deeper one scored below relevant (each is weighed
		// among those it is searched with): those, rather than "no more"
		// (a follower run's find: 十五五规划建议 讲了啥).
		shallow, err := search(ctx, list.Search, s.searchN())
		if err != nil {
			b.log.ErrorContext(ctx, "search", "err", err)
			return b.noMatch(ctx, s, m, 0)
		}
		for _, h := range shallow {
			if h.Score >= minScore && !seen[h.Article.ID] && len(next) < s.search.MaxResults {
				next = append(next, h)
			}
		}
	}
	if len(next) == 0 {
		if list.Search != "" && !list.Newest && !list.Mentions {
			if r := b.moreMentions(ctx, s, m, list, seen); r != nil {
				return r
			}
		}
		if list.Day != "" && len(list.IDs) == 0 { // after the day's one card
			return []Reply{{Type: ReplyText, Text: fmt.Sprintf(noMoreOfDayCard, dayName(list.Day))}}
		}
		if list.Day != "" {
			return []Reply{{Type: ReplyText, Text: fmt.Sprintf(noMoreOfDay, dayName(list.Day))}}
		}
		if list.News != nil {
			return []Reply{{Type: ReplyText, Text: fmt.Sprintf(noMoreOfDay, list.News.Name)}}
		}
		// 更多 after the first day's 每日一读 (its card is Seen, the readings
		// through the day before listed)
		if list.Readings != nil && len(list.IDs) == 0 && (len(list.Seen) == 0 || list.Readings.Through != "") {
			return []Reply{{Type: ReplyText, Text: noReadings}}
		}
		if list.Readings != nil {
			return []Reply{{Type: ReplyText, Text: noMoreReadings}}
		}
		if len(list.IDs) == 0 {
			return []Reply{{Type: ReplyText, Text: noMoreThanCard}}
		}
		return []Reply{{Type: ReplyText, Text: noMore}}
	}
	next = b.decorate(ctx, list, next)
	// A page cut to fit leaves the rest to 更多, unless the question has
	// had its 50 (the footer of the last page before them promised more).
	reply, ids := listReplyWith(next, header, true, more)
	if text, cut := strings.CutSuffix(reply.Text, listFooterMore); cut && len(seen)+len(ids) >= most {
		reply.Text = text + listFooter
	}
	page := list
	page.IDs, page.Stories, page.Seen, page.Opened = ids, storiesOf(next[:len(ids)]), slices.Sorted(maps.Keys(seen)), 0
	if list.News != nil && len(ids) > 0 {
		// The next page starts at the last day shown, not at the period's
		// end again: each 更多 had read every day back from there (a
		// review's find: its cost grew with the pages).
		of := *list.News
		of.At = next[len(ids)-1].Article.PublishedOn
		page.News = &of
	}
	if len(list.IDs) > 0 {
		page.Back = append(slices.Clip(list.Back), Page{IDs: list.IDs, Stories: list.Stories})
	}
	return []Reply{b.keepList(ctx, m, page, reply)}
}

// pager is how 更多 finds the next page of list, the least score it
// lists, and its header.
func (b *Bot) pager(s *Settings, list FollowUp, first bool) (func(ctx context.Context, query string, n int) ([]content.Hit, error), float64, func(int) string) {
	switch {
	case list.Newest: // the topic's older articles, as the first page found and ordered them (mentions too)
		return func(ctx context.Context, topic string, n int) ([]content.Hit, error) {
			found, _, err := b.newestOf(ctx, s, &topic, n)
			return found, err
		}, 0, newestHeaderFor(asTyped(cmp.Or(list.Typed, list.Query), list.Search), list.Mentions)
	case list.Mentions: // more of the articles mentioning the word, whatever their scores
		typed := asTyped(cmp.Or(list.Typed, list.Query), list.Search)
		header := mentionsHeaderFor(typed)
		switch {
		case !first:
			// Not "none is about it" again: the first page may have
			// listed those that are (a follower run's find).
			header = wordHeaderFor(moreMentioningHeader, typed)
		case len(list.Seen) > 0:
			// The first page after the answers (更多 after a card) shown
			// again by 返回: "none more", as it was first headed, not
			// "none", just after the card that is (a follower run's find).
			header = wordHeaderFor(moreMentionsHeader, typed)
		}
		return func(ctx context.Context, query string, n int) ([]content.Hit, error) {
			_, hits, err := b.catalog.Mentions(ctx, query, n)
			return hits, err
		}, 0, header
	case list.Day != "": // the day's next articles
		return func(ctx context.Context, _ string, n int) ([]content.Hit, error) {
			return b.catalog.Day(ctx, list.Day, n)
		}, 0, dayHeaderFor(list.Day)
	case list.Readings != nil: // the readings before those shown
		return func(ctx context.Context, _ string, n int) ([]content.Hit, error) {
			return b.readingHits(ctx, *list.Readings, n)
		}, 0, list.Readings.header
	case list.News != nil: // the period's next articles, the days before
		return func(ctx context.Context, _ string, n int) ([]content.Hit, error) {
			return b.periodHits(ctx, *list.News, n)
		}, 0, newsHeaderFor(*list.News)
	case list.Latest: // the articles published before those shown (a follower run's find: 更多 said there were none)
		header := latestHeaderFor
		if !first {
			header = earlierHeaderFor // not 最新 again (a follower run's find)
		}
		return func(ctx context.Context, _ string, n int) ([]content.Hit, error) { return b.catalog.Latest(ctx, n) }, 0, header
	}
	if !first {
		// Not "found 2" on a page after the first's five: it read as all
		// there were (a follower run's find).
		return b.catalog.Search, s.search.MinScore, func(int) string { return moreHeader }
	}
	return b.catalog.Search, s.search.MinScore, listHeaderFor
}

// decorate puts under each of a page's titles what its first page had:
// the date, the reading's day, nothing (a day's), or the words found.
func (b *Bot) decorate(ctx context.Context, list FollowUp, page []content.Hit) []content.Hit {
	switch {
	case list.Latest || list.Newest || list.News != nil:
		return dated(page)
	case list.Day != "": // titles alone, as on the first page
	case list.Readings != nil: // each under its day, as on the first page
	default:
		return b.catalog.Snippets(ctx, list.Search, page)
	}
	return page
}

// backWords ask for the page before the list shown, returnWords for the
// list shown again (a card opened from it read): Bare, folded.
var (
	backWords = map[string]bool{"上一页": true, "上页": true, "前一页": true, "上一批": true, "前一批": true, "上一组": true,
		"返回上一页": true, "返回上一批": true, "回到上一页": true, "看上一页": true, "上一页呢": true, "之前那批": true}
	returnWords = map[string]bool{"返回": true, "返回列表": true, "回到列表": true, "返回上一级": true, "刚才的列表": true, "刚才那个列表": true,
		"列表呢": true, "刚才那批": true, "刚才那一批": true, "再发一下列表": true, "重新发一下列表": true}
)

const (
	firstPageAlready = "这已经是第一页了。回复列表里的序号查看文章。"
	noPageBack       = "现在没有可以返回的列表。发送关键词搜索文章。"
)

// back answers 上一页 (before) and 返回 (the list open again): the page
// before the list shown, or that list, its numbers open, and 更多 after
// it showing the page that follows (a follower run's finds: searched,
// 上一页 found articles on its words, and 返回 a list on 返回舱 whose 3
// the follower then opened).
func (b *Bot) back(ctx context.Context, s *Settings, m Message, list FollowUp, before bool) []Reply {
	note(ctx, func(e *Event) { e.Outcome, e.Query = OutcomeMore, list.Query })
	if len(list.IDs) == 0 {
		return []Reply{{Type: ReplyText, Text: noPageBack}}
	}
	shown := Page{IDs: list.IDs, Stories: list.Stories}
	page := list
	if before {
		if len(list.Back) == 0 {
			return []Reply{{Type: ReplyText, Text: firstPageAlready}}
		}
		shown = list.Back[len(list.Back)-1]
		if shown.Answers {
			page.Mentions = false // the question's answers again, as first listed
		}
		gone := make(map[string]bool, len(shown.IDs)+len(list.IDs))
		for _, id := range slices.Concat(shown.IDs, list.IDs) {
			gone[id] = true
		}
		page.Back = list.Back[:len(list.Back)-1]
		page.Seen = slices.DeleteFunc(slices.Clone(list.Seen), func(id string) bool { return gone[id] })
		if len(shown.Questions) > 0 { // numbered questions' page: answered again, 更多 on from it
			return b.eachQuestion(ctx, s, m, page, shown.Questions)
		}
		if list.News != nil { // the page after it starts again from the period's end, its articles no longer seen
			of := *list.News
			of.At = ""
			page.News = &of
		}
	}
	var days map[string]string
	if list.Readings != nil { // each reading is listed under its day
		rs, err := b.readingHits(ctx, *list.Readings, maxSeen+s.searchN())
		if err != nil {
			b.log.ErrorContext(ctx, "past readings", "err", err)
			return unavailable(ctx, readingsUnreadable)
		}
		days = make(map[string]string, len(rs))
		for _, h := range rs {
			days[h.Article.ID] = h.Snippet
		}
	}
	hits := make([]content.Hit, 0, len(shown.IDs))
	for i, id := range shown.IDs {
		a, err := b.catalog.Get(ctx, id)
		if errors.Is(err, content.ErrNotFound) {
			continue // removed since: the page shows the rest
		}
		if err != nil {
			b.log.ErrorContext(ctx, "read follow-up article", "id", id, "err", err)
			return unavailable(ctx, articleUnreadable)
		}
		h := content.Hit{Article: a, Score: 1, Snippet: days[id]}
		if i < len(shown.Stories) {
			if st, ok := storyHeaded(a, shown.Stories[i]); ok {
				h.Story = &st
			}
		}
		hits = append(hits, h)
	}
	if len(hits) == 0 {
		return []Reply{{Type: ReplyText, Text: noPageBack}}
	}
	_, _, header := b.pager(s, page, len(page.Back) == 0)
	// The page before has the one shown after it; the list shown again
	// promises 更多 as it did (a follower run's find: its footer had
	// dropped it, and 更多 still paged on).
	reply, ids := listReplyWith(b.decorate(ctx, list, hits), header, true, before || list.More)
	page.IDs, page.Stories, page.Opened = ids, storiesOf(hits[:len(ids)]), 0
	return []Reply{b.keepList(ctx, m, page, reply)}
}

// moreMentions answers 更多 after the last article that answers a one-word
// question with those that mention it, not shown yet, as mentions does
// when none answers (a follower run's find: 更多 after 枫桥经验's card said
// there were no more, with 46 news articles mentioning it); nil when there
// are none.
func (b *Bot) moreMentions(ctx context.Context, s *Settings, m Message, list FollowUp, seen map[string]bool) []Reply {
	word, hits, err := b.catalog.Mentions(ctx, list.Search, max(len(seen)+s.searchN(), moreDepth))
	if err != nil {
		b.log.ErrorContext(ctx, "mentions", "err", err)
		return nil
	}
	var next []content.Hit
	for _, h := range hits {
		if !seen[h.Article.ID] {
			next = append(next, h)
		}
	}
	if len(next) == 0 {
		return nil
	}
	more := len(next) > s.search.MaxResults && len(seen)+s.search.MaxResults < maxSeen
	next = b.catalog.Snippets(ctx, word, next[:min(len(next), s.search.MaxResults)])
	reply, ids := listReplyWith(next, wordHeaderFor(moreMentionsHeader, asTyped(cmp.Or(list.Typed, list.Query), word)), true, more)
	page := FollowUp{Query: list.Query, Typed: list.Typed, Search: word, Mentions: true, IDs: ids, Stories: storiesOf(next[:len(ids)]), Seen: slices.Sorted(maps.Keys(seen)),
		Back: list.Back}
	if len(list.IDs) > 0 { // 上一页 shows the answers listed before (a review's find: "the first page")
		page.Back = append(slices.Clip(list.Back), Page{IDs: list.IDs, Stories: list.Stories, Answers: !list.Mentions})
	}
	return []Reply{b.keepList(ctx, m, page, reply)}
}

const moreMentionsHeader = "没有更多专门讲「%s」的文章了，以下文章提到了它：\n"

// mentions answers a one-word question no article answers surely with the
// articles that mention it (枫桥经验 in the news's bodies: "no match" for a
// topic 46 articles discuss), as a numbered list under a header saying
// so; nil when there are none. The question stays unanswered in the
// query log (no_match), for the report's topics.
func (b *Bot) mentions(ctx context.Context, s *Settings, m Message, query string) []Reply {
	word, found, err := b.catalog.Mentions(ctx, query, s.searchN())
	if err != nil {
		b.log.ErrorContext(ctx, "mentions", "err", err)
	}
	if len(found) == 0 {
		return nil
	}
	more := len(found) > s.search.MaxResults
	found = found[:min(len(found), s.search.MaxResults)]
	note(ctx, func(e *Event) {
		if e.Outcome == OutcomeEvent || e.Outcome == OutcomeRule {
			e.Outcome = OutcomeMentions // unanswered, and a list: see OutcomeMentions
		}
	})
	found = b.catalog.Snippets(ctx, query, found)
	header := mentionsHeaderFor(asTyped(m.Text, word))
	if slices.ContainsFunc(found, func(h content.Hit) bool { return strings.Contains(s.fold(h.Article.Title), s.fold(word)) }) {
		// One titled by it is about it: "none is about it" had headed a
		// list led by the article titled 新质生产力 (求助新质生产力: a
		// follower run's find).
		header = listHeaderFor
	}
	reply, ids := listReplyWith(found, header, true, more)
	list := FollowUp{Query: asked(m), Search: word, Mentions: true, IDs: ids, Stories: storiesOf(found[:len(ids)])}
	return []Reply{b.keepList(ctx, m, list, reply)}
}

// closeList closes the follower's open list once the daily reading is sent,
// the latest answer as a search's card is: an older list's numbers would
// open articles of another question.
//
// What stays open is the readings before today's: 更多 lists them, and
// 明天的呢 or 上周的呢 asks for another day's or week's (a follower run's
// finds: 更多 said no list was open, 上周的呢 got an article on illnesses).
func (b *Bot) closeList(ctx context.Context, m Message, reading []Reply) {
	f := FollowUp{Query: asked(m)}
	// The reading's card is the answer asked of next (这是哪天的, 讲了什么,
	// 原文链接 were told to search first, 全文 searched: a follower run's
	// finds).
	if len(reading) == 1 && reading[0].Reading != "" {
		f.Seen = []string{reading[0].Reading}
	}
	if b.readings != nil {
		f.Readings = &ReadingsOf{Through: midnight(b.settings.Load().readingDay(b.now())).AddDate(0, 0, -1).Format(content.DateLayout)}
	}
	var err error
	if f.Seen == nil && f.Readings == nil {
		err = b.followUps.Forget(ctx, m.From)
	} else {
		err = b.putFollowUp(ctx, m, f)
	}
	if err != nil {
		b.log.DebugContext(ctx, "close the list before the daily reading", "openid", m.From, "err", err)
	}
}

// articleUnreadable answers a choice or 每日一读 when the store cannot be
// read: the article is there.
const articleUnreadable = "文章暂时无法读取，请稍后再试。"

// articleGone answers a choice of an article removed since its list was
// sent.
const articleGone = "这篇文章已经下线了。可以回复列表里的其他序号，或发送关键词重新搜索。"

// unavailable is the apology text for what could not be read, logged as
// such: no answer, and no question nothing answers either.
func unavailable(ctx context.Context, text string) []Reply {
	note(ctx, func(e *Event) {
		switch e.Outcome {
		case OutcomeSubscribe, OutcomeMenu: // the welcome's or a menu's daily reading: still a subscription, a key used
		default:
			e.Outcome = OutcomeUnavailable
		}
	})
	return []Reply{{Type: ReplyText, Text: text}}
}

// listUnreadable answers a number when the lists cannot be read (the
// fleet's Redis down): the list may be there, so it is not "no match".
const listUnreadable = "列表暂时无法读取，请点击列表里的标题阅读，或稍后重新发送关键词。"

// keepList stores the numbered list reply shows, so that a number opens its
// article; when it cannot be stored, the reply does not ask for a number
// that would not work.
func (b *Bot) keepList(ctx context.Context, m Message, list FollowUp, reply Reply) Reply {
	list.More = strings.HasSuffix(reply.Text, listFooterMore)
	if list.Query == "" && m.Kind == KindClick {
		list.Key = m.EventKey // a menu's list: the report names it by its key
	}
	if err := b.putFollowUp(ctx, m, list); err != nil {
		b.log.ErrorContext(ctx, "store follow-up", "openid", m.From, "err", err)
		// Neither a number nor 更多 works without it (a footer promising
		// 更多 was kept, and the list went over WeChat's 2048 bytes).
		text, cut := strings.CutSuffix(reply.Text, listFooter)
		if !cut {
			text, _ = strings.CutSuffix(reply.Text, listFooterMore)
		}
		reply.Text = text + listNoNumbers
	}
	return reply
}

// listNoNumbers ends a list that could not be stored.
const listNoNumbers = "点击标题阅读。"

// answers reports whether a search for query finds an article surely (at
// search.clear_score): a word beside thanks is searched only then.
func (b *Bot) answers(ctx context.Context, s *Settings, query string) bool {
	hits, ok := b.finds(ctx, s, query) // clear_score is at least min_score (Compile)
	return ok && hits[0].Score >= s.search.ClearScore
}

// search runs a query and chooses between one clear answer, a numbered list
// and the no-match reply.
func (b *Bot) search(ctx context.Context, s *Settings, m Message, query string, depth int) []Reply {
	hits, err := b.catalog.Search(ctx, query, s.searchN())
	if err != nil {
		b.log.ErrorContext(ctx, "search", "err", err)
		return b.noMatch(ctx, s, m, depth)
	}
	if b.votes != nil {
		// Votes are for the question the follower asked (as the list's
		// follow-up records it), which a rule may search with other words.
		// The query log's event has it as asked; a bot without one (the
		// console's try box) asks the message (its lists kept the order
		// before the votes).
		question, noted := "", false
		note(ctx, func(e *Event) { question, noted = e.Text, true })
		if !noted {
			question = asked(m)
		}
		if question != "" {
			hits = boost(hits, b.votes.Boosts(question))
		}
	}
	note(ctx, func(e *Event) {
		if e.Hits == nil && len(hits) > 0 {
			shown := hits[:min(len(hits), s.search.MaxResults)]
			e.Hits = make([]Scored, 0, len(shown))
			for _, h := range shown {
				e.Hits = append(e.Hits, Scored{h.Article.ID, h.Score})
			}
		}
	})
	relevant := relevantOf(hits, s.search.MinScore)
	more := len(relevant) > s.search.MaxResults
	relevant = relevant[:min(len(relevant), s.search.MaxResults)]
	if depth == 0 {
		// Two topics asked together that no article found names both of
		// (五位一体和四个全面有什么区别: no match; 枫桥经验和浦江经验有什么区别: a
		// card on 浦江经验 alone; a follower run's finds).
		// Apart from a question of how they relate, both must be topics the
		// search knows: 习近平和普京会谈 is one event.
		// The follower's own two topics: a rule's query (遴选 考试) is no
		// question they asked (a follower run's find: its menu list said
		// no article named both).
		// (遴选考试难不难, which the exam rule answers, had been told no
		// article named both of the rule's words: a session's find.)
		// Nor is the follower's exam beside a topic a second topic (遴选
		// 新质生产力, 面试，新质生产力: a follower run's find, told no article
		// named both, headed by 国家公园…遴选出49个候选区).
		if parts, relation, ok := twoTopics(query); ok && ctx.Value(ruleQueryKey{}) == nil && (relation || b.catalog.Topic(parts[0]) && b.catalog.Topic(parts[1])) &&
			!slices.ContainsFunc(parts, b.catalog.Aside) &&
			typedBoth(s.fold(asked(m)), parts) && !slices.ContainsFunc(relevant, b.namesAll(parts)) {
			if replies := b.eachTopic(ctx, s, m, query, parts); replies != nil {
				return replies
			}
		}
		// Then, with none about the question, the articles mentioning
		// it: after the two topics (两个确立和两个维护 had listed the
		// mentions of 两个维护 alone under its name: a follower run's find).
		// (Whatever the whole message found: 发一下今天的每日一读，再找一下千万
		// 工程 had the topic's card alone on the corpus, a re-check's find.)
		if ctx.Value(ruleQueryKey{}) == nil {
			if replies := b.readingBeside(ctx, s, m, asked(m), len(relevant) > 0); replies != nil {
				return replies
			}
		}
		if ctx.Value(ruleQueryKey{}) == nil && ctx.Value(numberedKey{}) == nil {
			if nb, ok := numberedParts(asked(m)); ok && (len(relevant) == 0 || nb.topics(b.catalog.Topic)) {
				if replies := b.numberedAnswers(ctx, s, m, nb); replies != nil {
					return replies
				}
			} else if parts, topics := b.askedApart(asked(m), relevant); parts != nil {
				if replies := b.eachAsked(context.WithValue(ctx, numberedKey{}, true), s, m, parts, topics); replies != nil {
					return replies
				}
			}
		}
		if len(relevant) == 0 {
			if replies := b.mentions(ctx, s, m, query); replies != nil {
				return replies
			}
			// A long message telling the follower's case before its
			// question (我今年打算参加…遴选考试，但是工作比较忙，…，申论和案例分析
			// 应该先看哪个？): its last sentence, which asks (no match
			// read whole, where the question alone finds its article: a
			// follower run's find).
			// Only a message that ends asking (？): a voice message's or a
			// pasted article's last clause (…习近平总书记怎么说的。, 来源：新华社)
			// had got unrelated articles where it got no match (a
			// re-check's and a review's finds).
			// Its parts, in turn (lastSentences: …谈谈如何推进基层治理现代化。
			// 老师这个题从哪几个角度答？ asks of the sentence before); thanks
			// after the question (…考试里一般怎么用？谢谢！) are no sentence of
			// it (a follower run's finds, no match).
			// A request and the follower's own reason after it (嗯我想了
			// 解一下枫桥经验因为我们单位要写材料。, 申论怎么准备啊，我完全不会写。: a
			// voice follower run's finds, no match where the request alone
			// found its article): the request.
			if request, ok := requestBeforeOwn(withoutThanks(query)); ok {
				if replies := b.search(ctx, s, m, request, depth+1); replies != nil {
					return replies
				}
			}
			text := withoutThanks(m.Text)
			// A voice message ends in 。 whatever it says: its last
			// clause asks when it holds a question word (…然后就是那个组织协调
			// 题不太会答有没有什么思路。: no match, a follower run's find).
			if tries, framed := lastSentences(withoutThanks(query)); len(tries) > 0 && (endsAsking(text) || asksMeaning(tries[0]) || framed || m.Kind == KindVoice && clauseAsks.MatchString(tries[0])) {
				for _, last := range tries {
					if replies := b.search(ctx, s, m, last, depth+1); replies != nil {
						return replies
					}
					if replies := b.mentions(ctx, s, m, last); replies != nil {
						return replies
					}
				}
			}
			// A long voice message may ask in any of its clauses, every
			// one ending in a comma or 。 (…就是结构化面试那个，嗯，综合分析题
			// 应该怎么答才能得高分啊，我每次答都感觉没有逻辑，…有没有什么好的
			// 方法或者文章推荐一下。: no match, a demo follower run's find):
			// the clause found surest, when one is sure. Not a text's: a
			// pasted article's clauses (来源：新华社) had found unrelated
			// articles.
			if m.Kind == KindVoice && depth == 0 && len(hits) > 0 {
				if clause := b.surestClause(ctx, s, query, hits[0].Article.ID); clause != "" {
					if replies := b.search(ctx, s, m, clause, depth+1); replies != nil {
						return replies
					}
				}
			}
		}
	}
	clear := len(relevant) == 1 ||
		len(relevant) > 1 && hits[0].Score >= s.search.ClearScore && hits[0].Score-hits[1].Score >= s.search.ClearMargin
	if clear && otherYear(query, relevant[0].Article, b.now()) {
		// A year asked that the answer is not of, nor names: listed with
		// the dates, not a card as if it were that year's (2025年国常会防汛,
		// and 2025年的呢 after its card, had the demo's 2026 meeting as a
		// sure card: a follower run's find).
		clear = false
		relevant = withDates(relevant)
	}
	if !clear && len(relevant) > 1 {
		relevant = b.catalog.Snippets(ctx, query, relevant)
	}
	return b.pick(ctx, s, m, query, relevant, clear, more, depth)
}

// withDates is hits with their articles' dates after their titles, as a
// list of alike titles shows them, where the titles do not say them.
func withDates(hits []content.Hit) []content.Hit {
	out := make([]content.Hit, len(hits))
	for i, h := range hits {
		if d := h.Article.PublishedOn; d != "" && !strings.Contains(h.Article.Title, d) {
			h.Article.Title += "（" + d + "）"
		}
		out[i] = h
	}
	return out
}

// otherYear reports whether query asks for a year (2025年…, 今年) that a is
// not published in and whose title and summary do not name, or for a
// year's document (2026年政府工作报告) that a's title and summary do not
// name as that year's (the demo's 新质生产力, of 2026, quoting the 2024
// report, had been the sure card: a follower run's find).
func otherYear(query string, a content.Article, now time.Time) bool {
	year := ""
	if m := yearAskedRe.FindStringSubmatch(query); m != nil {
		year = m[1]
	} else {
		for back, w := range []string{"今年", "去年", "前年"} {
			// Not 如今年轻人, 至今年底 (a re-check's find: read as 今年).
			if i := strings.Index(query, w); i >= 0 && !strings.ContainsRune("如至迄于", lastRune(query[:i])) {
				year = strconv.Itoa(now.In(chinaTime).Year() - back)
				break
			}
		}
	}
	if year == "" {
		return false
	}
	for _, d := range titledDocuments {
		if strings.Contains(query, d) && !namesDocument(a.Title, d, year) && !namesDocument(a.Summary, d, year) {
			return true
		}
	}
	if len(a.PublishedOn) < 4 || strings.HasPrefix(a.PublishedOn, year) {
		return false
	}
	return !strings.Contains(a.Title, year) && !strings.Contains(a.Summary, year)
}

var yearAskedRe = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})年`)

// namesDocument reports whether text names document d, not as another
// year's than year (新质生产力's summary names the 2024年政府工作报告, no
// answer to 2026's; a 统计公报's article names it in its summary only: a
// re-check's find, listed).
func namesDocument(text, d, year string) bool {
	for rest := text; ; {
		i := strings.Index(rest, d)
		if i < 0 {
			return false
		}
		before := rest[:i]
		if len(before) > 48 { // some 16 characters: 2023年国民经济和社会发展统计公报
			before = before[len(before)-48:]
		}
		if m := yearAskedRe.FindAllStringSubmatch(before, -1); m == nil || m[len(m)-1][1] == year {
			return true
		}
		rest = rest[i+len(d):]
	}
}

// titledDocuments are the year's documents whose articles are titled by
// their name: not 一号文件 (《中共中央 国务院关于…的意见》) nor 两会 (全国人大…),
// whose right cards had been listed (a re-check's find).
var titledDocuments = []string{"政府工作报告", "新年贺词", "经济工作会议", "统计公报"}

// lastSentences are what of a long message is searched alone, in turn,
// when it has several clauses: its last sentence, its last two clauses and
// its last, and the sentence before when the last points back at it, each
// that says enough and is short enough to be a question.
//
// A short message of two clauses, the first telling of the follower (我在
// 乡镇工作，枫桥经验重要吗？: no match, a follower run's find), tries its last.
// A clause opened by asking (想问一下…, 我想了解一下…) is tried last, and
// framed says one was: a long message going on after its question (…，另外
// 平时应该怎么积累素材呢, …，最好是简单易懂的那种) had got no match.
func lastSentences(query string) (tries []string, framed bool) {
	query = runOnBreaks(query)
	clauses := strings.FieldsFunc(query, clauseBreak)
	add := func(t string) {
		// Each try is searched: a message of many asking clauses, none
		// found, had searched every one (66 at 2,048 bytes: a hostile
		// run's find).
		if len(tries) >= maxClausesTried {
			return
		}
		if t = strings.TrimSpace(t); utf8.RuneCountInString(t) >= 5 && utf8.RuneCountInString(t) <= maxSentenceRunes && !slices.Contains(tries, t) {
			tries = append(tries, t)
		}
	}
	// The clauses opening a question after the follower's case (我每天都
	// 有看每日一读然后想问一下那个新质生产力怎么理解。, run on: a follower
	// run's find).
	framedAfterCase := func() ([]string, bool) {
		if len(clauses) < 2 || !toldOfSelf.MatchString(clauses[0]) {
			return nil, false
		}
		for _, c := range clauses[1:] {
			if askingFrame.MatchString(c) {
				add(c)
			}
		}
		return tries, len(tries) > 0
	}
	if utf8.RuneCountInString(query) < minToldRunes {
		if len(clauses) == 2 && toldOfSelf.MatchString(clauses[0]) && !toldOfSelf.MatchString(clauses[1]) {
			add(clauses[1])
			return tries, askingFrame.MatchString(clauses[1]) || strings.HasSuffix(strings.TrimSpace(clauses[1]), "吗")
		}
		return framedAfterCase()
	}
	if len(clauses) < 3 {
		return framedAfterCase()
	}
	sentences := strings.FieldsFunc(query, func(r rune) bool { return strings.ContainsRune("。？！；.?!;\n", r) })
	if len(sentences) > 1 {
		add(sentences[len(sentences)-1])
	}
	// A sentence too long to search alone: its last two clauses (…，想问一下
	// 枫桥经验的核心是什么，考试里一般怎么用？), then its last.
	add(clauses[len(clauses)-2] + "，" + clauses[len(clauses)-1])
	add(clauses[len(clauses)-1])
	// The sentence before, when the last asks of it (这个题, 这道题, 上面
	// 的): a question of its own (我能当志愿者吗？ after a story) had got a
	// card on the story (a re-check's find).
	if len(sentences) > 1 && pointsBackRe.MatchString(sentences[len(sentences)-1]) {
		add(sentences[len(sentences)-2])
	}
	for _, c := range clauses {
		if askingFrame.MatchString(c) {
			add(c)
			framed = true
		}
	}
	return tries, framed
}

// runOnBreaks is query with a comma before each question's opening (想问
// 一下, 请问, 想了解…) and connector (然后, 另外, 还有) said straight after a
// word (the first maxClausesTried of them),
// as a voice message's recognition and a hurried typist run them on
// (我是在街道办工作的想问一下基层治理有没有相关的文章; …公务员然后今年想考遴选
// 就是想问一下遴选笔试一般考哪些题型。: no match, where the same words with
// commas found their article: a follower run's find).
func runOnBreaks(query string) string {
	locs := runOnRe.FindAllStringIndex(query, maxClausesTried)
	if locs == nil {
		return query
	}
	var b strings.Builder
	at, end := 0, -1
	for _, loc := range locs {
		// (然后想问一下 is one clause's opening.)
		if r, _ := utf8.DecodeLastRuneInString(query[:loc[0]]); loc[0] == 0 || !isWordRune(r) || loc[0] == end {
			end = loc[1]
			continue
		}
		end = loc[1]
		b.WriteString(query[at:loc[0]])
		b.WriteString("，")
		at = loc[0]
	}
	b.WriteString(query[at:])
	return b.String()
}

// runOnRe is where a run-on message's next clause begins.
var runOnRe = regexp.MustCompile(`(?:就是)?(?:我)?(?:想问一下|想问问|想问下|想问|请问一下|请问|想了解一下|想了解|想请教一下|想请教)|然后|另外|还有`)

// requestBeforeOwn returns what of query comes before the follower's own
// words told after a request (因为…, 我完全不会写, 我们要开会用),
// said after a comma or straight on, as voice recognition writes them:
// the request, when it is a few words more than the reason's opening.
func requestBeforeOwn(query string) (string, bool) {
	loc := ownAfterRe.FindStringIndex(query)
	if loc == nil || loc[0] == 0 {
		return "", false
	}
	request := strings.TrimRightFunc(query[:loc[0]], func(r rune) bool { return !isWordRune(r) })
	if utf8.RuneCountInString(request) < 2 || utf8.RuneCountInString(request) > maxSentenceRunes {
		return "", false
	}
	// Own words going on to a question are no reason (千万工程我们要开会用，想问
	// 一下新质生产力的特征是什么？ asks of 新质生产力: a review's find), nor
	// ones refusing or asking for another (新质生产力我完全不想看, 看过枫桥经验了
	// 我想写一篇浦江经验的), nor is a request a refusal, what was read, or
	// thanks (不要枫桥经验的因为我看过了, 谢谢我还是没找到): a re-check's finds,
	// each had got what it refused or only 不客气.
	own := query[loc[0]:]
	if clauseAsks.MatchString(own) || runOnRe.MatchString(own) || strings.ContainsAny(own, "?？") || otherAsked.MatchString(own) {
		return "", false
	}
	if refused.MatchString(request) || onlyAsking(request) {
		return "", false
	}
	return request, true
}

// refused is a request refused or read already (不要…, 不是…, …以外的, 看过…);
// otherAsked, own words refusing to read or asking for something else.
var (
	refused    = regexp.MustCompile(`不要|不是|不想|没有|别|以外|看过|读过|看了|看完`)
	otherAsked = regexp.MustCompile(`不想看|不想读|不要|不会再|我是说|想要|想找|想看|想写|想用|看完了|看过|不太?需要|不太?感兴趣|没兴趣|没用|不会去看|不学|学过|学习过|好几遍|不考|` +
		// A button pressed by mistake (人工我是不小心点的: a re-check's find,
		// handed to a person).
		`点错|按错|不小心|随便点|点的|` +
		// A call taken back (人工我是开玩笑的, 人工我还是算了: a re-check's find).
		`开玩笑|算了|打错|测试|自己看|试试|也有|不会看`)
)

// ownAfterRe opens the follower's own words after a request: a reason, or
// what they (我, 我们) are, can or will do.
// Not 但是: what follows it is what the follower wants (谢谢，但是我想要的是浦江经验,
// 每日一读但是要昨天的: a re-check's finds).
var ownAfterRe = regexp.MustCompile(`(?:因为|我们单位|我们要|我们这边|我是|我完全|我看不|我每次|我总是|我一直|我想写|我想用|我要写|我要用|我还是|我不会|我不太|我有问题|我有个问题|我有事)`)

// toldOfSelf is a clause telling of the follower (我在乡镇工作, 平时工作特别忙);
// askingFrame, one opening a question (想问一下…, 我想了解一下…).
var (
	toldOfSelf  = regexp.MustCompile(`^\s*(?:我|本人|平时)|我们|我在|我是`) // (not 今年两会，…: a topic's time)
	askingFrame = regexp.MustCompile(`^\s*(?:然后)?(?:就是)?(?:我)?(?:想问一下|想问问|想问下|想问|请问一下|请问|问一下|想了解一下|想了解|想知道|想请教一下|想请教)`)
)

// surestClause is the clause of a long message (at least minToldRunes,
// three clauses or more) that asks of something (a question word: 怎么,
// 什么, 有没有…) and whose search is surest, its first hit relevant and the
// article the whole message ranks first (top); "" when none does.
// A clause asking nothing (麻烦帮我取消一下, 领导还批评我了) or only whether
// (是官方的吗) had found news on its one word (a re-check's find); relevant
// (min_score) is sure enough when the whole message ranked the same article
// first. The first
// maxClausesTried asking clauses of 4 to maxSentenceRunes characters,
// fillers gone, are searched.
func (b *Bot) surestClause(ctx context.Context, s *Settings, query, top string) string {
	if utf8.RuneCountInString(query) < minToldRunes {
		return ""
	}
	clauses := strings.FieldsFunc(runOnBreaks(query), clauseBreak)
	if len(clauses) < 3 {
		return ""
	}
	best, score, tried := "", s.search.MinScore, 0
	for _, c := range clauses {
		c = strings.TrimSpace(withoutFillers(c))
		if n := utf8.RuneCountInString(c); n < 4 || n > maxSentenceRunes || !clauseAsks.MatchString(c) {
			continue
		}
		if tried++; tried > maxClausesTried {
			break
		}
		if hits, ok := b.finds(ctx, s, c); ok && hits[0].Score >= score && hits[0].Article.ID == top {
			best, score = c, hits[0].Score
		}
	}
	return best
}

// clauseAsks is a clause's question word: what asks of a topic, not only
// whether (吗).
var clauseAsks = regexp.MustCompile(`怎么|如何|怎样|什么|啥|哪|为什么|多少|有没有|有哪些|推荐|介绍|讲讲|说说|是指`)

// maxClausesTried bounds the searches of a long voice message's clauses: a
// minute's speech is some 300 characters, a dozen clauses of any length.
const maxClausesTried = 12

// clauseBreak reports whether r ends a clause of a long message.
func clauseBreak(r rune) bool { return strings.ContainsRune("，。？！；,.?!;\n", r) }

// pointsBackRe is a question asking of what the message said before it.
var pointsBackRe = regexp.MustCompile(`这个题|这道题|这题|这个问题|这些题|这道|上面的|上述|以上|这段|这个材料|这则材料|这篇材料`)

// maxSentenceRunes bounds a sentence searched alone: a question, not a
// paragraph pasted.
const maxSentenceRunes = 60

// withoutThanks is text without the thanks ending it (…怎么用？谢谢！,
// …，谢谢老师).
func withoutThanks(text string) string {
	for {
		t := strings.TrimRightFunc(text, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("！!。.~～", r) })
		for _, w := range []string{"谢谢老师", "谢谢您", "谢谢", "感谢老师", "感谢", "多谢", "辛苦了", "麻烦了", "老师"} {
			t = strings.TrimSuffix(t, w)
		}
		t = strings.TrimRightFunc(t, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("，,！!。.~～", r) })
		if t == text {
			return t
		}
		text = t
	}
}

// politeRequest reports whether text ends asking leave for what it asks
// (…，可以吗, 好吗, 行吗): a request, its question mark a courtesy.
// So does a clause asked of someone, can you (可以把推送关掉吗？, 老师，能不能
// 先停一下推送？: follower runs' finds, no match), as 可以退订吗？ is a request.
func politeRequest(text string) bool {
	t := strings.TrimRightFunc(text, func(r rune) bool { return !isWordRune(r) })
	if strings.HasSuffix(t, "可以吗") || strings.HasSuffix(t, "好吗") || strings.HasSuffix(t, "行吗") || strings.HasSuffix(t, "行不行") {
		return true
	}
	if i := strings.LastIndexFunc(t, func(r rune) bool { return !isWordRune(r) }); i >= 0 {
		_, n := utf8.DecodeRuneInString(t[i:])
		t = t[i+n:]
	}
	t = strings.TrimPrefix(t, "请问")
	// What is asked of someone: the reading, or 把 / 帮 (能恢复吗？ asks
	// whether: a re-check's find).
	return slices.ContainsFunc(canYou, func(w string) bool { return strings.HasPrefix(t, w) }) &&
		(strings.ContainsAny(t, "把帮") || slices.ContainsFunc(readingNames, func(n string) bool { return strings.Contains(t, n) }))
}

// canYou are the words asking someone whether they can, longest first.
var canYou = []string{"可不可以", "能不能", "能否", "可以", "能"}

// endsAsking reports whether text ends with a question mark.
func endsAsking(text string) bool {
	t := strings.TrimRightFunc(text, unicode.IsSpace)
	return strings.HasSuffix(t, "？") || strings.HasSuffix(t, "?")
}

// asksMeaning reports whether clause asks what a topic means (两个确立是什么
// 意思: a voice message's last clause, which ends in 。, not ？).
func asksMeaning(clause string) bool {
	for _, w := range meaningAsked {
		if rest, ok := strings.CutSuffix(clause, w); ok && utf8.RuneCountInString(rest) >= 2 {
			return true
		}
	}
	return false
}

// minToldRunes is how long a message is that tells a case before asking.
const minToldRunes = 30

// eachTopic answers two topics asked together that no article answers
// both of (五位一体和四个全面有什么区别, 基层治理 枫桥经验: a follower run's
// finds, no match) with the first articles of each, in one numbered list
// under a line saying so. Each must be a topic the search knows or one an
// article answers surely: 和 inside a word (共和国, 和平) leaves no such parts.
func (b *Bot) eachTopic(ctx context.Context, s *Settings, m Message, query string, parts []string) []Reply {
	per := max(1, s.search.MaxResults/len(parts))
	var found []content.Hit
	shared := false // a part found only articles the other's had
	for _, part := range parts {
		hits, err := b.catalog.Search(ctx, part, s.searchN())
		if err != nil {
			return nil
		}
		relevant := relevantOf(hits, s.search.MinScore)
		if len(relevant) == 0 {
			// None about it: those that mention it, as it alone gets (枫桥经验
			// on the corpus), when it is a topic word.
			if _, relevant, err = b.catalog.Mentions(ctx, part, per); err != nil || len(relevant) == 0 {
				return nil
			}
		} else if !b.catalog.Topic(part) && relevant[0].Score < s.search.ClearScore {
			return nil
		}
		// (A copy: relevant shares the search cache's hits, which
		// DeleteFunc shifted and zeroed: the question, and each of its
		// topics, then found nothing for every follower until the index
		// changed: a re-check's find.)
		relevant = slices.DeleteFunc(slices.Clone(relevant), func(h content.Hit) bool {
			return slices.ContainsFunc(found, func(f content.Hit) bool { return f.Article.ID == h.Article.ID })
		})
		shared = shared || len(relevant) == 0
		found = append(found, b.catalog.Snippets(ctx, part, relevant[:min(len(relevant), per)])...)
	}
	note(ctx, func(e *Event) {
		if e.Outcome == OutcomeEvent || e.Outcome == OutcomeRule {
			e.Outcome = OutcomeMentions // no article answers the two together: unanswered, and a list
		}
	})
	format := eachTopicHeader
	if shared {
		// The articles found for one are all the other's too: "each's
		// articles follow" over one article contradicted itself (a
		// follower run's find: 新质生产力和高质量发展的关系 listed the one
		// article each alone is answered with).
		format = bothTopicsHeader
	}
	header := fmt.Sprintf(format, html.EscapeString(Cut(asTyped(m.Text, parts[0]), listTitle)), html.EscapeString(Cut(asTyped(m.Text, parts[1]), listTitle)))
	reply, ids := listReplyWith(found, func(int) string { return header }, false, false)
	list := FollowUp{Query: asked(m), Search: query, IDs: ids, Stories: storiesOf(found[:len(ids)])}
	return []Reply{b.keepList(ctx, m, list, reply)}
}

// namesAll reports whether a hit's title or summary, or the headline of
// the roundup's item it is (遴选和选调 in 国内联播快讯's 中央机关公开遴选和公开
// 选调公务员明起报名: a follower run's find, told no article named both),
// names each of topics (or another of its names).
func (b *Bot) namesAll(topics []string) func(content.Hit) bool {
	titled := make([]func(string) bool, len(topics))
	for i, t := range topics {
		titled[i] = b.titled(t)
	}
	return func(h content.Hit) bool {
		return !slices.ContainsFunc(titled, func(named func(string) bool) bool {
			return !named(h.Article.Title) && !named(h.Article.Summary) && (h.Story == nil || !named(h.Story.Head))
		})
	}
}

// typedBoth reports whether the follower's message holds both topics.
func typedBoth(typed string, parts []string) bool {
	// Compared without their quotes: a topic's opening quote, gone from
	// the bare text with the punctuation before the question, is back in
	// its part (withoutStrayQuote).
	unquote := func(s string) string {
		return strings.ToLower(strings.Map(func(r rune) rune {
			if isQuote(r) {
				return -1
			}
			return r
		}, s))
	}
	typed = unquote(typed)
	return !slices.ContainsFunc(parts, func(p string) bool { return !strings.Contains(typed, unquote(p)) })
}

// eachTopicHeader heads the articles of two topics asked together.
const eachTopicHeader = "没有同时讲「%s」和「%s」的文章，以下分别是两者的文章：\n"

// bothTopicsHeader heads them when one topic's articles are all the
// other's.
const bothTopicsHeader = "没有专门讲「%s」和「%s」的文章，以下文章与两者都有关：\n"

// twoTopics reads query as two topics asked together: apart by 和, 与, 跟,
// 及, 、, a comma or a space, less what is asked of them; relation, that it
// was how they relate (有什么区别, 的关系).
func twoTopics(query string) (parts []string, relation, ok bool) {
	// (Or on two lines: 枫桥经验⏎浦江经验 had a card on 浦江经验 alone, a
	// follower run's find.)
	// (Or joined by 还有 as speech joins them: 全过程人民民主还有基层立法联系点,
	// no match, a final-week follower run's find.)
	if !strings.ContainsAny(query, "和与跟及、，, \n\r\tvV") && !strings.Contains(query, "还有") || utf8.RuneCountInString(query) > 32 { // most questions: no regexp for them
		return nil, false, false
	}
	t := strings.TrimSpace(query)
	for {
		t = strings.TrimRightFunc(t, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("，,、。！!", r) })
		// What each means asked after them, apart by a comma as voice
		// writes it (两个确立，两个维护，是什么意思: no match, where 两个确立 两个维护
		// lists each's mentions: a follower run's find): no relation.
		if i := slices.IndexFunc(meaningAsked, func(w string) bool { return strings.HasSuffix(t, w) }); i >= 0 {
			t = t[:len(t)-len(meaningAsked[i])]
			continue
		}
		i := slices.IndexFunc(pairAsked, func(w string) bool { return strings.HasSuffix(t, w) })
		if i < 0 {
			break
		}
		relation = relation || !strings.ContainsAny(pairAsked[i], "吗呢?？")
		t = strings.TrimSpace(t[:len(t)-len(pairAsked[i])])
	}
	// Nor the asking before them, nor the quotes around each (请问"两个确立"
	// had headed the list: a follower run's find); 老师 and 小编 only set
	// apart (老师工资和公务员工资 is 老师工资's), and quotes only in pairs
	// (“一带一路”倡议 is one topic; C++ keeps its marks: a review's finds).
	t = withoutPairAsking(t)
	parts = pairApart.Split(t, -1)
	for i, p := range parts {
		// (Nor 还有 before the second: 「还有浦江经验」 had headed the list:
		// a re-check's find.)
		if rest, ok := strings.CutPrefix(p, "还有"); ok && i > 0 && utf8.RuneCountInString(rest) >= 2 {
			p = rest
		}
		// Nor what each means asked of the first too (新质生产力是什么然后还有
		// 两个确立怎么理解。: 「新质生产力是什么」 had headed the list, a
		// follower run's find).
		if k := slices.IndexFunc(meaningAsked, func(w string) bool { return strings.HasSuffix(p, w) }); k >= 0 && utf8.RuneCountInString(p)-utf8.RuneCountInString(meaningAsked[k]) >= 2 {
			p = p[:len(p)-len(meaningAsked[k])]
		}
		parts[i] = withoutStrayQuote(unquoted(p))
	}
	parts = slices.DeleteFunc(parts, func(p string) bool { return p == "" })
	if len(parts) != 2 {
		return nil, false, false
	}
	// What else is asked of the first is no second topic (两会还有哪些热词:
	// 「哪些热词」 named one, a re-check's find).
	if slices.ContainsFunc(askedOpenings, func(w string) bool { return strings.HasPrefix(parts[1], w) }) {
		return nil, false, false
	}
	for _, p := range parts {
		if n := utf8.RuneCountInString(p); n < 2 || n > 12 {
			return nil, false, false
		}
	}
	return parts, relation, true
}

// askedOpenings open a question asked of what came before, not a topic.
var askedOpenings = []string{"哪些", "哪个", "哪", "什么", "啥", "多少", "几", "没有", "别的", "其他", "其它", "吗"}

// withoutPairAsking is text without the asking it opens with: 请问, 问一下,
// 老师好, 你好; 老师 and 小编 only before a mark or a space.
func withoutPairAsking(text string) string {
	for {
		t := strings.TrimLeftFunc(text, unicode.IsSpace)
		i := slices.IndexFunc(pairAskingFront, func(w string) bool { return strings.HasPrefix(t, w) })
		if i < 0 {
			// (And what asks after them: 老师，问下枫桥经验和浦江经验 had got
			// no match, a re-check's find.)
			for _, w := range []string{"老师", "小编"} {
				if rest, ok := strings.CutPrefix(t, w); ok {
					if r, _ := utf8.DecodeRuneInString(rest); rest != "" && !isWordRune(r) && !isQuote(r) {
						return withoutPairAsking(strings.TrimLeftFunc(rest, func(r rune) bool { return !isWordRune(r) && !isQuote(r) }))
					}
				}
			}
			return t
		}
		rest := strings.TrimLeftFunc(t[len(pairAskingFront[i]):], func(r rune) bool { return !isWordRune(r) && !isQuote(r) })
		if rest == "" {
			return t
		}
		text = rest
	}
}

var pairAskingFront = longestFirst([]string{"请问一下", "请问", "问一下", "我想问一下", "想问一下", "我想问问", "想问问", "我想问", "我想问下", "想问下", "请问下", "问下", "麻烦问一下", "我想了解一下", "想了解一下", "我想了解下", "想了解下", "老师好", "小编好", "你好", "您好",
	// As voice writes a question's opening (老师您好我想问一下就是浦江经验和枫桥经验
	// 有什么区别啊: 「就是浦江经验」 named a topic, a voice follower run's find).
	"老师您好", "老师你好", "就是", "那个",
	// A request before them (我想看一带一路还有人类命运共同体: 「我想看一带一路」
	// named a topic, told no article named both: a re-check's find).
	"我想看", "我要看", "想看", "我想找", "帮我找一下", "帮我找", "发一下", "麻烦发一下"})

// unquoted is p without the quotes around it, when they are a pair.
func unquoted(p string) string {
	for _, q := range [][2]string{{"“", "”"}, {"\"", "\""}, {"「", "」"}, {"『", "』"}, {"'", "'"}, {"‘", "’"}, {"《", "》"}} {
		if inner, ok := strings.CutPrefix(p, q[0]); ok {
			if inner, ok = strings.CutSuffix(inner, q[1]); ok && !strings.Contains(inner, q[0]) && !strings.Contains(inner, q[1]) {
				return inner
			}
		}
	}
	return p
}

// withoutStrayQuote is p with a quote that is the only one in it mended:
// the message's opening quote goes with the punctuation before the question
// (“两个确立”和“两个维护”有什么区别 was headed 「两个确立”」: a follower
// run's find), so a closing quote inside the first topic gets its opening
// back (“两山”理论和…, 「两山”理论」: a review's find), and one at an end is
// dropped. “一带一路”倡议 keeps its pair.
func withoutStrayQuote(p string) string {
	i := strings.IndexFunc(p, isQuote)
	if i < 0 || i != strings.LastIndexFunc(p, isQuote) {
		return p
	}
	r, size := utf8.DecodeRuneInString(p[i:])
	if open, ok := openingQuote[r]; ok && i > 0 && i+size < len(p) {
		return string(open) + p
	}
	return strings.TrimFunc(p, isQuote)
}

// openingQuote is each closing quote's opening one.
var openingQuote = map[rune]rune{'”': '“', '"': '"', '」': '「', '』': '『', '\'': '\'', '’': '‘', '》': '《'}

func isQuote(r rune) bool { return strings.ContainsRune("“”\"「」『』'‘’《》", r) }

var (
	pairAsked = longestFirst([]string{"有什么区别", "有什么不同", "有何区别", "有何不同", "有什么联系", "有什么关系", "的区别", "区别", "的关系", "关系",
		// As said aloud (有啥区别, 区别在哪, 有啥不同: a re-check's find, no match).
		"有啥区别", "有啥不同", "有啥联系", "有啥关系", "区别在哪", "区别在哪里", "区别在哪儿", "不同在哪", "的不同", "不同",
		"的异同", "异同", "的联系", "联系", "的区别和联系", "区别和联系", "的区别与联系", "区别与联系", "吗", "呢", "?", "？",
		// Without 有 or 是 (共同富裕和中国式现代化什么关系 had named a topic
		// 中国式现代化什么), and the two pointed at (枫桥经验和浦江经验，它俩有
		// 什么区别: no match): a follower run's finds.
		"什么关系", "啥关系", "什么区别", "啥区别", "什么不同", "什么联系", "它俩", "它们俩", "它们", "这两个", "这俩", "两者", "二者", "啊",
		// With 是 (四下基层和浦江经验是什么关系: 「浦江经验是」 named a topic, a
		// voice follower run's find).
		// (Not 之间的关系: 中国和美国之间的关系 asks of one thing, 中美关系: a
		// re-check's find.)
		"是什么关系", "是啥关系", "是什么区别", "是啥区别"})
	// (枫桥经验vs浦江经验, as followers compare: no match.)
	pairApart = regexp.MustCompile(`(?i)\s*(?:和|与|跟|及|、|，|,|\bvs\b\.?|\s|(?:以及|还有)\s*)\s*`)
	// meaningAsked ask what two topics mean, each.
	meaningAsked = longestFirst([]string{"是什么意思", "什么意思", "是啥意思", "啥意思", "是什么", "指什么", "怎么理解", "如何理解"})
)

// ruleQueryKey marks a search for a rule's query (its reply's articles):
// what it asks is the rule's, not the follower's.
type ruleQueryKey struct{}

// searchN is how many hits a search asks for: one beyond a list, so that
// the list says when 更多 has more.
func (s *Settings) searchN() int { return s.search.MaxResults + 1 }

// relevantOf is the hits scoring at least min, in their order: a prefix of
// hits when they come first, as they do unless votes reordered them (a
// copy of a hit is 300 bytes).
func relevantOf(hits []content.Hit, min float64) []content.Hit {
	n := 0
	for _, h := range hits {
		if h.Score >= min {
			n++
		}
	}
	if !slices.ContainsFunc(hits[:n], func(h content.Hit) bool { return !(h.Score >= min) }) { // NaN too
		return hits[:n:n]
	}
	relevant := make([]content.Hit, 0, n)
	for _, h := range hits {
		if h.Score >= min {
			relevant = append(relevant, h)
		}
	}
	return relevant
}

// pick answers with found, the hits of a search for query ("" for a
// configured list): one card, a numbered list (saying whether 更多 has
// more), or no match.
func (b *Bot) pick(ctx context.Context, s *Settings, m Message, query string, found []content.Hit, clear, more bool, depth int) []Reply {
	switch {
	case len(found) == 0:
		return b.noMatch(ctx, s, m, depth)
	case clear:
		note(ctx, func(e *Event) {
			if e.Outcome == OutcomeEvent {
				e.Outcome = OutcomeCard
			}
			e.Article = found[0].Article.ID
		})
		if query != "" && !choiceInside.MatchString(unwrapChoice(s.fold(asked(m)))) {
			// 还有吗 after a card is for more of what it answered: the card
			// is the latest answer, as a list would be, and the older list
			// is closed (its numbers would open articles of another
			// question). Not kept, 更多 gets what a list-less follower gets.
			// A text naming an item (第一个和第二个, a choice the bot did
			// not read as one) leaves the list open.
			if err := b.putFollowUp(ctx, m, cardShown(asked(m), query, found[0])); err != nil {
				// The card is answered; only 更多 after it loses its
				// question (Redis down: every card would log an error).
				b.log.DebugContext(ctx, "store follow-up of a card", "openid", m.From, "err", err)
			}
		}
		if st := found[0].Story; st != nil {
			return []Reply{storyReply(found[0].Article, *st)}
		}
		return []Reply{b.articleReply(ctx, found[0].Article)}
	}
	note(ctx, func(e *Event) {
		if e.Outcome == OutcomeEvent {
			e.Outcome = OutcomeList
		}
	})
	reply, ids := listReplyWith(found, listHeaderFor, query != "", more) // a configured list (no query) has no more
	// The question as the follower sent it (the query log's text) is what
	// votes are for; the query searched is what 更多 searches again.
	list := FollowUp{Query: asked(m), Search: query, IDs: ids, Stories: storiesOf(found[:len(ids)])}
	return []Reply{b.keepList(ctx, m, list, reply)}
}

func (b *Bot) noMatch(ctx context.Context, s *Settings, m Message, depth int) []Reply {
	if depth > 0 {
		return nil
	}
	note(ctx, func(e *Event) {
		// A rule whose reply is a search that found nothing answered
		// nothing: the question is unanswered (the rule is still named).
		if e.Outcome == OutcomeEvent || e.Outcome == OutcomeRule {
			e.Outcome = OutcomeNoMatch
		}
	})
	return b.render(ctx, s, m, s.noMatch, depth+1)
}

// voteBoostMax bounds how far followers' votes can lift an article past
// others: enough to reorder near neighbours. Votes only reorder: whether
// an article is relevant, and whether one is clear enough for a card, is
// decided on the scores the search gave.
const voteBoostMax = 0.3

// boost lifts the articles followers voted for (their scores plus the
// votes, bounded): each moves up to just before the first hit it then
// outscores, and never below a hit it was above. Every hit keeps its score,
// and those no one voted for their order: the catalog's order is its
// ranking, which a score (a confidence) need not follow.
func boost(hits []content.Hit, boosts map[string]float64) []content.Hit {
	if len(boosts) == 0 || len(hits) == 0 {
		return hits
	}
	type ranked struct {
		hit  content.Hit
		key  float64 // the score with the votes, uncapped, so a vote also lifts past a tie at 1
		rank int     // the place the catalog gave it
		lift bool    // voted for
	}
	var rest, voted []ranked
	for i, h := range hits {
		if v := boosts[h.Article.ID]; v > 0 && h.Score > 0 {
			voted = append(voted, ranked{h, h.Score + min(v, voteBoostMax), i, true})
		} else {
			rest = append(rest, ranked{h, h.Score, i, false})
		}
	}
	slices.SortStableFunc(voted, func(a, b ranked) int { return cmp.Compare(b.key, a.key) })
	for _, v := range voted {
		at := slices.IndexFunc(rest, func(r ranked) bool { return r.key < v.key || !r.lift && r.rank > v.rank })
		if at < 0 {
			at = len(rest)
		}
		rest = slices.Insert(rest, at, v)
	}
	out := make([]content.Hit, len(rest))
	for i, r := range rest {
		out[i] = r.hit
	}
	return out
}

// articleReply is one article as a follower gets it: the news card that
// opens its page, or, for an article with no page (a file imported without
// an address), its text in the chat, cut to WeChat's limit: a card without
// a link opens nothing.
func (b *Bot) articleReply(ctx context.Context, a content.Article) Reply {
	if a.URL == "" && a.Body == "" { // hits carry the card, not the text
		full, err := b.catalog.Get(ctx, a.ID)
		if err != nil {
			b.log.WarnContext(ctx, "article text for a reply", "id", a.ID, "err", err)
		} else {
			a = full
		}
	}
	return ArticleReply(a)
}

// storyReply is the item of roundup a that answered: its headline and text
// as the card's title and description, the roundup's page behind it (or,
// without one, the item's own text, not the whole roundup's).
func storyReply(a content.Article, st content.Story) Reply {
	item := content.Article{ID: a.ID, Title: st.Head, Summary: st.Text, Body: st.Text, URL: a.URL, Cover: a.Cover}
	if item.URL != "" {
		return cardReply(item)
	}
	return TextReply(item)
}

// ArticleReply is how a follower is sent the whole article a (its body
// read): a news card, or without a page its text. The console shows it so
// (it had shown the stored summary: 各位代表：, a title again, a line break,
// and a card for an article sent as text: an operator run's finds).
func ArticleReply(a content.Article) Reply {
	if a.URL != "" {
		return cardReply(a)
	}
	return TextReply(a)
}

// TextReply is an article with no page as a text reply: its title and
// text (or summary), cut to WeChat's limit. The daily push sends such an
// article so too.
func TextReply(a content.Article) Reply {
	text := a.Title
	if body := strings.TrimSpace(cmp.Or(a.Body, a.Summary)); body != "" {
		text += "\n\n" + body
	}
	if len(text) > maxTextBytes {
		text = cutBytes(text, maxTextBytes-len("…")) + "…"
	}
	return Reply{Type: ReplyText, Text: text}
}

// cardReply is the news card for one article.
func cardReply(a content.Article) Reply {
	// content.Describe: a summary that says nothing of the article (none,
	// the title again, 各位代表：, a zero-width space: the corpus's
	// documents, each day's reading card) gives way to its first paragraph.
	// The title cut and the links kept as import bounds them, for
	// articles stored before (a 150,000-character title or a 100 KB
	// address made a card WeChat never delivered: a hostile-input run's
	// find).
	card := &Card{Title: Cut(a.Title, content.MaxTitleRunes), Description: Cut(content.Describe(a), maxDescRunes), URL: a.URL, Pic: a.Cover}
	if len(card.URL) > content.MaxURLBytes {
		card.URL = ""
	}
	if len(card.Pic) > content.MaxURLBytes {
		card.Pic = ""
	}
	return Reply{Type: ReplyNews, Card: card}
}

const (
	listHeader = "找到 %d 篇相关文章：\n"
	// listHeaderMore heads a search's first page when 更多 has more.
	listHeaderMore = "以下是最相关的 %d 篇文章：\n"
	// moreHeader heads a search's pages after the first.
	moreHeader = "更多相关文章：\n"
	// mentionsHeader heads the articles that mention a one-word question
	// no article answers (not how many do: more may).
	mentionsHeader = "没有专门讲「%s」的文章，以下文章提到了它：\n"
	// moreMentioningHeader heads the pages after a mentions list's first.
	moreMentioningHeader = "更多提到「%s」的文章：\n"
	listFooter           = "回复序号（如 1）查看对应文章，10 分钟内有效。"
	// listFooterMore ends a list with more to page to.
	listFooterMore = "回复序号（如 1）查看对应文章，「更多」看下一批，10 分钟内有效。"
	listTitle      = 40 // runes of a title shown in a list line
	listSnippet    = 36 // runes of the highlighted snippet under it
)

// listReply renders candidates as numbered links that fit WeChat's text
// limit, and returns the ids in the order shown.
func listReply(found []content.Hit) (Reply, []string) {
	return listReplyWith(found, listHeaderFor, false, false)
}

// listReplyWith is listReply under another header (given the count shown).
// When 更多 pages on from the list (pages), its footer says 更多 has more
// when more says so or not all of found fit.
// sharesTitle reports whether another of found is listed under the title
// found[i] is.
func sharesTitle(found []content.Hit, i int) bool {
	title := func(h *content.Hit) string {
		if h.Story != nil {
			return h.Story.Head
		}
		return h.Article.Title
	}
	t := title(&found[i])
	for j := range found {
		if j != i && title(&found[j]) == t {
			return true
		}
	}
	return false
}

func listReplyWith(found []content.Hit, header func(n int) string, pages, more bool) (Reply, []string) {
	var body strings.Builder
	ids := make([]string, 0, len(found))
	// A list that pages on keeps room for the longer footer; one that
	// does not (configured ids) never shows it, and so keeps the room for
	// an article (a review's find: a configured list that fit lost its last).
	longest := listFooter
	if pages {
		longest = listFooterMore
	}
	size := len(longest) + len(header(len(found)))
	line := make([]byte, 0, 256)
	for i, h := range found {
		a := h.Article
		if h.Story != nil {
			a.Title = h.Story.Head // the item, not the roundup's recurring title
		}
		line = strconv.AppendInt(line[:0], int64(len(ids)+1), 10)
		line = append(line, ". "...)
		// The date withDates gave the title stays whole after the title
		// is cut (…的说明（… had lost it: a follower run's find).
		dated := "（" + a.PublishedOn + "）"
		base, hasDate := a.Title, false
		if a.PublishedOn != "" {
			base, hasDate = strings.CutSuffix(a.Title, dated)
		}
		title := html.EscapeString(Cut(base, listTitle))
		if hasDate {
			title += dated
		} else if a.PublishedOn != "" && h.Snippet != a.PublishedOn && sharesTitle(found, i) {
			// 国常会 listed 李强主持召开国务院常务会议 five times, two of
			// them a year apart on the same day of the month (a follower
			// run's find): the date tells them apart.
			title += "（" + a.PublishedOn + "）"
		}
		if a.URL != "" { // an article imported without an address is listed by title alone
			line = append(line, `<a href="`...)
			line = append(line, html.EscapeString(a.URL)...)
			line = append(line, `">`...)
			line = append(line, title...)
			line = append(line, "</a>"...)
		} else {
			line = append(line, title...)
		}
		line = append(line, '\n')
		if h.Snippet != "" {
			line = append(line, "   "...)
			line = append(line, html.EscapeString(cutMarked(h.Snippet, listSnippet))...)
			line = append(line, '\n')
		}
		if size+len(line) > maxTextBytes && a.URL != "" && len(ids) == 0 {
			// An address too long for the reply (stored before import
			// bounded them): the first by its title alone, never a list
			// of none asking for a number (a hostile-input run's find).
			line = strconv.AppendInt(line[:0], 1, 10)
			line = append(line, ". "...)
			line = append(line, title...)
			line = append(line, '\n')
		}
		if size+len(line) > maxTextBytes {
			break
		}
		size += len(line)
		body.Write(line)
		ids = append(ids, a.ID)
	}
	head, footer := header(len(ids)), listFooter
	if pages && (more || len(ids) < len(found)) {
		footer = listFooterMore
		if head == listHeaderFor(len(ids)) {
			// 找到 5 篇 read as all there were, with more to page to (an
			// operator run's and a follower run's find).
			head = fmt.Sprintf(listHeaderMore, len(ids))
		}
	}
	var text strings.Builder
	text.Grow(len(head) + body.Len() + len(footer))
	text.WriteString(head)
	text.WriteString(body.String())
	text.WriteString(footer)
	return Reply{Type: ReplyText, Text: text.String()}, ids
}

func listHeaderFor(n int) string { return fmt.Sprintf(listHeader, n) }

// mentionsHeaderFor is the header of a list of articles mentioning word.
func mentionsHeaderFor(word string) func(int) string { return wordHeaderFor(mentionsHeader, word) }

// wordHeaderFor is a list's header naming word in format, as a title is
// shown (cut, escaped).
func wordHeaderFor(format, word string) func(int) string {
	h := fmt.Sprintf(format, html.EscapeString(Cut(word, listTitle)))
	return func(int) string { return h }
}

// logField is a value from a request for a log line, cut to 64 bytes, as
// the webhook cuts every request field: a signed request's 1 KB EventKey
// had made a 1,195-byte line (a hostile run's find).
func logField(s string) string {
	if len(s) <= 64 {
		return s
	}
	cut := 64
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + fmt.Sprintf("…(%d bytes)", len(s))
}

// Cut shortens s to n characters, ending with … when it had to: a card's
// description, a list's title, a template field, a logged question.
func Cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	end, count := 0, 0
	for i := range s {
		if count == n-1 {
			end = i
			break
		}
		count++
	}
	return strings.TrimSuffix(s[:end], "…") + "…"
}

// cutMarked is cut for a snippet whose words are marked 【like this】: a
// mark the cut would leave open goes whole.
func cutMarked(s string, n int) string {
	out := Cut(s, n)
	if open := strings.LastIndex(out, "【"); open > strings.LastIndex(out, "】") {
		out = strings.TrimSuffix(out[:open], "…") + "…"
	}
	return out
}

// minusBefore reports whether the first digit of text has a minus sign
// (ASCII or full-width) right before it.
func minusBefore(text string) bool {
	norm := Normalize(text)
	i := strings.IndexAny(norm, "0123456789")
	return i > 0 && norm[i-1] == '-'
}

// parseChoice reads a follow-up number such as "2" (already Bare, so
// full-width digits are ASCII and 2。 is 2).
func parseChoice(norm string) (int, bool) {
	return digitsUpTo(norm, 2)
}

// digitsUpTo reads norm as a number of at most max digits.
func digitsUpTo(norm string, max int) (int, bool) {
	if len(norm) == 0 || len(norm) > max || strings.Trim(norm, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(norm)
	return n, err == nil
}

// Followers choose from a list in words too: 二, 第二篇, 第2个, 2号, 看第三条.
var (
	choiceLeads    = []string{"我要看", "我想看", "给我看", "打开", "查看", "我选", "选", "看", "要", "no.", "no"}
	choiceMeasures = "篇个条项号则"
	choiceCircled  = []rune("①②③④⑤⑥⑦⑧⑨⑩")
)

// maxCorrectedChoice is the longest choice read as corrected: each 不对
// in a longer text had cost a read of all that follows it.
const maxCorrectedChoice = 64

// choiceCorrected is a choice corrected: what was said wrong (不对, 错了)
// and what was meant (m[2]), or what is meant and what is not (m[3]:
// 第二篇不是第一篇).
var choiceCorrected = regexp.MustCompile(`^(?:(.*?)(?:不对|说错了|错了)[\p{P}\s]*(?:我是说|我说的是|我要的是|应该是|是)?|(?:我是说|我说的是|我要的是|应该是))[\p{P}\s]*(.+)$|^(第.{1,3}[篇个条])[\p{P}\s]*不是第.{1,3}[篇个条]$`)

// choiceWraps are what followers put around a choice (2，谢谢, 好的 2, 2吧,
// 我要第3篇, 看一下第二篇, 发我第二篇, 第二篇谢谢老师), longest first.
var choiceWraps = func() []string {
	w := []string{"谢谢老师", "谢谢您", "谢谢", "感谢", "多谢", "谢啦", "好的", "好滴", "好嘞", "收到", "嗯嗯", "嗯", "麻烦",
		"请", "老师", "我要看", "我想看", "给我看", "我看看", "看一下", "看看", "发我", "发一下", "给我", "我要", "我想", "打开",
		"查看", "那就", "那", "就", "发", "一下", "文章", "想看", "看下", "链接", "来个", "发下", "好", "ok", "吧", "呀", "啊", "哈", "呢", "吗", "哦", "噢", "嘛",
		"了", "的",
		// What the follower will do first (谢谢，我先看看第二篇, 我看一下第二篇: a
		// study-platform follower run's find, no match and the list lost).
		"我先", "先", "我", "我再看看", "再看看", "我再", "我打算", "打算", "读", "读一下", "我先去看看", "我去看看", "先去看看", "去看看",
		// Asked in detail (a follower run's find: 详细说说第一篇 and 第一篇详细说说
		// got the no-match reply).
		// Not 说说 or 讲讲 alone: 讲讲十九 asks about the 19th congress (a
		// review's find: read as the list's 19th item).
		"详细说说", "详细讲讲", "具体说说", "具体讲讲", "展开说说", "详细介绍一下", "详细介绍", "详细看看"}
	return longestFirst(w)
}()

// choiceFronts are choiceWraps and what only opens a choice: the footer's
// own words, 回复序号（如 1）…「更多」看下一批, said back (回复 2, 请回复2,
// 回复序号2, 回复更多: a follower run's find, searched as text they got a
// card on an article with 回复 in its title, and the list open was lost).
// Not at the end: 还有回复吗 asks after a reply, not for more.
// (点第二个, 点开第二篇, as a list on a phone is tapped: a follower run's
// find, searched; not after it: 三点 is a time.)
var choiceFronts = longestFirst(append([]string{"回复", "序号", "点开", "点击", "点"}, choiceWraps...))

// saidBack is text without the 回复 (请回复, 回复「…」) of a reply's own
// invitation said back: 回复「帮助」查看全部用法 invites 帮助, and followers
// send 回复帮助 (a follower run's find: 回复帮助, 回复人工 and 回复订阅 got a
// card on an article with 回复 in its title, 回复退订 no match).
func saidBack(text string) (string, bool) {
	for _, front := range []string{"请回复", "回复"} {
		if rest, ok := strings.CutPrefix(text, front); ok {
			rest = strings.TrimFunc(rest, func(r rune) bool { return !isWordRune(r) })
			return rest, rest != ""
		}
	}
	return "", false
}

// answersWhole reports whether text alone is what the daily reading's
// switch or a rule answers whole.
func (s *Settings) answersWhole(text string) bool {
	if _, ok := s.opt(text); ok || s.optStatus(text) || s.stopsReading(text) {
		return true
	}
	r, q := s.match(text)
	return r >= 0 && q == ""
}

// choiceDigits are the characters a choice is written with.
const choiceDigits = "0123456789一二三四五六七八九十①②③④⑤⑥⑦⑧⑨⑩"

// unwrapChoice takes punctuation off both ends of norm, choiceFronts off
// its start and choiceWraps off its end, until none is left.
func unwrapChoice(norm string) string {
	for {
		before := norm
		norm = strings.TrimFunc(norm, func(r rune) bool { return !isWordRune(r) })
		// One wrap at a time, the longest first each time: 请发一下第二篇
		// lost 请, then 发 (of 发一下) before 发一下 was tried again.
		for _, w := range choiceFronts {
			if rest, ok := strings.CutPrefix(norm, w); ok {
				norm = rest
				break
			}
		}
		for _, w := range choiceWraps {
			if rest, ok := strings.CutSuffix(norm, w); ok {
				norm = rest
				break
			}
		}
		if norm == before {
			return norm
		}
	}
}

// wordChoice reads a list choice written in words (norm is Bare). The same
// text may be a search (二 alone, 2号, 二号 of 鹊桥二号, 315, no2), so the
// caller takes it as a choice only while a list is open, unless it is
// surely one (sure): a measure only lists have (第二篇, 第三条), a lead or
// words around it (看第三条, 选②, 2吧, 请发一下第二篇), a circled numeral.
func wordChoice(norm string) (n int, sure, ok bool) {
	if !strings.ContainsAny(norm, choiceDigits) && !strings.Contains(norm, "最后") && !strings.Contains(norm, "头") {
		return 0, false, false // most messages: no number to choose with
	}
	// A choice corrected in one breath (第一篇不对我是说第二篇, 我是说第二篇,
	// 第二篇不是第一篇: a voice follower run's finds, no match): the one
	// meant.
	if len(norm) <= maxCorrectedChoice {
		if m := choiceCorrected.FindStringSubmatch(norm); m != nil {
			meant := m[2]
			if m[3] != "" {
				meant = m[3]
			}
			// What was said wrong is a choice too, or nothing: 第一篇说的不对
			// 第三条 finds fault with an article (a re-check's find: it
			// opened the third).
			wrong := true
			if m[1] != "" {
				_, _, wrong = wordChoice(m[1])
			}
			if n, _, ok := wordChoice(meant); ok && wrong {
				return n, true, true
			}
		}
	}
	norm = withoutGreeting(norm)
	core := unwrapChoice(norm)
	sure = core != norm
	for _, lead := range choiceLeads {
		if rest, ok := strings.CutPrefix(core, lead); ok {
			core = rest
			sure = sure || lead != "no" && lead != "no."
			break
		}
	}
	switch core {
	case "最后一篇", "最后一个", "最后一条", "最后那篇", "最后":
		return lastChoice, true, true
	case "头条", "头一条", "头一篇", "头一个":
		// After a day's list (a follower run's find: no match); alone,
		// with none open, 头条 is searched.
		return 1, false, true
	}
	for _, what := range []string{"新闻", "消息", "报道"} {
		if rest, ok := strings.CutSuffix(core, what); ok && strings.HasPrefix(rest, "第") {
			core = rest // 第二条新闻 (a follower run's find: a list on C919's 第二条航线); 头条新闻 is a search
			break
		}
	}
	// What the chosen one says, asked with it (第三个讲的什么, 第三篇是什么
	// 内容: a follower run's find, no match with a list open).
	for _, ask := range []string{"讲的是什么", "讲的什么", "讲了什么", "说的是什么", "说的什么", "说了什么", "是什么内容", "讲什么", "是什么", "的内容", "内容"} {
		if rest, ok := strings.CutSuffix(core, ask); ok && strings.HasPrefix(rest, "第") {
			core = rest
			break
		}
	}
	core, ordinal := strings.CutPrefix(core, "第")
	measured := false
	if r, size := utf8.DecodeLastRuneInString(core); size > 0 && strings.ContainsRune(choiceMeasures, r) {
		core, measured = core[:len(core)-size], true
		// 第二个, the whole message, is a choice as 第二篇 is (a follower
		// run's find: after a card it found 第二个百年奋斗目标).
		sure = sure || strings.ContainsRune(listMeasures, r) || ordinal
	}
	if n, ok := digitsUpTo(core, 2); ok {
		return n, sure, true
	}
	if n, ok := digitsUpTo(core, 3); ok && sure { // 第100篇; 315 alone is a search
		return n, true, true
	}
	if n, ok := hanNumber(core); ok { // 二, 十一: 十一 of a list of five is out of its range
		// A numeral alone (二, 三) is a list's number whether one is open
		// or not: searched, 二 found 二〇二五年新年贺词 as a card.
		return n, sure || utf8.RuneCountInString(norm) == 1, true
	}
	if n, ok := hanValue([]rune(core)); ok && ordinal && measured {
		// 第二十篇, 第一百篇: past the end of any list, as 第100篇 is (a
		// follower run's find: searched, a card on 二十届二中全会 closed the
		// list). Only while one is open: 第二十条 is also a film's name.
		return n, false, true
	}
	if rs := []rune(core); len(rs) == 1 {
		if i := slices.Index(choiceCircled, rs[0]); i >= 0 {
			return i + 1, true, true
		}
	}
	return 0, false, false
}

// choiceGreetings may open a choice (你好，2, 请问第二篇) without making it
// one: 你好，315 is searched, as 315 is.
var choiceGreetings = longestFirst([]string{"你好", "您好", "请问", "早上好", "上午好", "中午好", "下午好", "晚上好", "在吗", "在么",
	"老师好", "老师您好", "老师你好", "小编好", "小编你好", "小编您好", "hello", "hi", "嗨", "哈喽", "哈啰"})

// withoutGreeting is norm less the greetings it opens with (你好，请问第二篇).
func withoutGreeting(norm string) string {
	for {
		i := slices.IndexFunc(choiceGreetings, func(g string) bool { return strings.HasPrefix(norm, g) })
		if i < 0 {
			return norm
		}
		rest := norm[len(choiceGreetings[i]):]
		if r, _ := utf8.DecodeRuneInString(rest); r < utf8.RuneSelf && unicode.IsLetter(r) {
			return norm // hi of history
		}
		norm = strings.TrimLeftFunc(rest, func(r rune) bool { return !isWordRune(r) })
	}
}

// listMeasures are the measures only a list's items take: 第二篇, 第三条
// (2号 and 三个 are as often something else).
const listMeasures = "篇条项则"

// choiceInside finds a text (Bare) of items of a list named and nothing
// else: 第一个和第二个 (第二个结合, 第三个历史决议 and 第一个百年奋斗目标和第二个
// 百年奋斗目标 are topics).
// Items of a list follow one another with or without a connective
// (第一篇第二篇, 第一第二, 第1、2篇); a citation's (第三条第二项) need one,
// and bare numbers are digits (1和2, 2 3; a year is no item).
var choiceInside = regexp.MustCompile(`^(?:看|我要看|我想看)?(?:` +
	`第[0-9一二三四五六七八九十]+[篇个]?(?:[和与跟及、,， ]*第[0-9一二三四五六七八九十]+[篇个]?)+|` +
	`第[0-9一二三四五六七八九十]+[篇个条项]?(?:[和与跟及、,， ]+第?[0-9一二三四五六七八九十]+[篇个条项]?)+|` +
	`[0-9]{1,2}(?:[和与跟及、,， ]+[0-9]{1,2})+)` +
	`(?:我?都(?:想看看|想看|要看|看看|想|要)?)?$`)

// listChosen reads a choice of the whole list open, or of its first n
// items (n 0 for the whole): 都要, 全部, 两个都看看, 三篇都要, 前两篇.
// Read as said, not less its fillers (看看 is one) nor a choice's words:
// taken off, thanks or a past event (都收到了谢谢, 两篇都看了) had read as 都
// (a re-check's find: the list's links again).
func listChosen(text string) (n int, ok bool) {
	if len(text) > 48 {
		return 0, false
	}
	m := wholeList.FindStringSubmatch(strings.TrimRightFunc(text, func(r rune) bool { return !isWordRune(r) }))
	if m == nil {
		return 0, false
	}
	count := m[1] + m[2]
	if count == "" {
		return 0, true
	}
	if n, ok = digitsUpTo(count, 1); !ok {
		n, ok = hanNumber(strings.Replace(count, "两", "二", 1))
	}
	return n, ok && n >= 2
}

// wholeList is the whole list asked for, or its first few: a count and 都
// (两个都看看), 都 with a verb (都要, 全都发给我), or 前 and a count (前两篇).
var wholeList = regexp.MustCompile(`^(?:那|那就|那我|嗯|好的|好)?[，,\s]*(?:` +
	`(?:这)?(两|三|四|五|[2-9])(?:篇|个|条)(?:我)?(?:都|全都|全部)(?:要|看看|想看|想看看|要看|发我|发给我|发一下)?|` +
	`(?:我)?(?:都|全都|全部)(?:要|要看|想看|想看看|看看|发我|发给我|发一下)|全部|全要|` +
	`(?:前|头)(两|三|四|五|[2-9])(?:篇|个|条)(?:都要|都看看|都发给我)?` +
	`)(?:吧|一下|谢谢|谢谢老师)?$`)

// dayOfMonth reads a day of a month (1 to 31) in digits or Han numerals.
func dayOfMonth(s string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, n >= 1 && n <= 31
	}
	n, ok := hanValue([]rune(s))
	return n, ok && n <= 31 && !strings.ContainsAny(s, "百零")
}

// arabicCounts writes the Han numerals of s (一 to 九百九十九) in digits, so
// that 第8届 and 第八届 compare alike (a follower run's find: 进博会, then
// 第8届的, listed other events' eighth editions: the titles write 第八届).
func arabicCounts(s string) string {
	if !strings.ContainsAny(s, "一二三四五六七八九十") {
		return s
	}
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && strings.ContainsRune("零一二三四五六七八九十百", rs[j]) {
			j++
		}
		if j == i {
			b.WriteRune(rs[i])
			i++
			continue
		}
		if n, ok := hanValue(rs[i:j]); ok {
			b.WriteString(strconv.Itoa(n))
		} else {
			b.WriteString(string(rs[i:j]))
		}
		i = j
	}
	return b.String()
}

// hanCounts writes the numbers of s (1 to 999) in Han numerals: 第8届 is
// 第八届, 第139届 第一百三十九届.
func hanCounts(s string) string {
	if !strings.ContainsAny(s, "0123456789") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i {
			b.WriteByte(s[i])
			i++
			continue
		}
		if n, err := strconv.Atoi(s[i:j]); err == nil && n >= 1 && n <= 999 && s[i] != '0' {
			b.WriteString(hanNumeral(n))
		} else {
			b.WriteString(s[i:j])
		}
		i = j
	}
	return b.String()
}

// hanNumeral writes n (1 to 999) in Han numerals, as titles count: 十二,
// 二十三, 一百零五, 一百三十九.
func hanNumeral(n int) string {
	const digits = "零一二三四五六七八九"
	d := func(k int) string { return digits[k*len("零") : (k+1)*len("零")] }
	var out string
	if n >= 100 {
		out, n = d(n/100)+"百", n%100
		switch {
		case n == 0:
			return out
		case n < 10:
			return out + "零" + d(n)
		}
		out += d(n / 10)
	} else if n >= 20 {
		out = d(n / 10)
	}
	if n >= 10 {
		out += "十"
	}
	if n%10 > 0 {
		out += d(n % 10)
	}
	return out
}

// hanValue reads a Han numeral of up to three places (八, 十二, 一百三十九).
func hanValue(rs []rune) (int, bool) {
	n, digit := 0, -1
	for _, r := range rs {
		switch d := strings.IndexRune("零一二三四五六七八九", r); {
		case r == '零': // 一百零五's place holder
		case d >= 0:
			d /= len("一") // IndexRune counts bytes
			if digit >= 0 {
				return 0, false // 二五: two digits side by side, no count
			}
			digit = d
		case r == '十':
			n += max(digit, 1) * 10
			digit = -1
		case r == '百':
			if digit < 1 {
				return 0, false
			}
			n += digit * 100
			digit = -1
		default:
			return 0, false
		}
	}
	return n + max(digit, 0), n+max(digit, 0) > 0
}

// lastChoice is 最后一篇: the list's last item, whatever its length.
const lastChoice = 1 << 20

// hanNumber reads 一 to 十九 written in Han numerals (a list has at most
// ten items; 十一 is out of its range). Not 二十: alone it is 二十大.
func hanNumber(s string) (int, bool) {
	n, ok := hanValue([]rune(s))
	return n, ok && n <= 19 && !strings.ContainsAny(s, "百零")
}
