package bot

import (
	"cmp"
	"context"
	"slices"
	"time"

	"mpbot/content"
)

// Outcome is how the bot answered a message.
type Outcome string

// Outcomes.
const (
	OutcomeCard        Outcome = "card"         // one clear article
	OutcomeList        Outcome = "list"         // a numbered list
	OutcomeNoMatch     Outcome = "no_match"     // nothing relevant
	OutcomeMentions    Outcome = "mentions"     // a list, none of it about the question: articles mentioning its topic, or each of two asked together
	OutcomeRule        Outcome = "rule"         // a keyword rule (Event.Rule names it)
	OutcomeFollowUp    Outcome = "follow_up"    // a number that opened an article of a list
	OutcomeNoList      Outcome = "no_list"      // a number with no list open
	OutcomeOutOfRange  Outcome = "out_of_range" // a number outside the list
	OutcomeOptIn       Outcome = "opt_in"       // the daily reading turned on
	OutcomeOptOut      Outcome = "opt_out"      // and off
	OutcomeNotSaved    Outcome = "not_saved"    // an opt-in or opt-out the store could not record
	OutcomeOptStatus   Outcome = "opt_status"   // a follower asked whether the daily reading is on
	OutcomeSubscribe   Outcome = "subscribe"    // a new follower (Event.Key is the scene)
	OutcomeLeave       Outcome = "unsubscribe"  // a follower left
	OutcomeMenu        Outcome = "menu"         // a menu key answered (Event.Key)
	OutcomeUnknownKey  Outcome = "unknown_key"  // a menu key no rule answers
	OutcomeDefault     Outcome = "default"      // images, video, locations, links
	OutcomeEvent       Outcome = "event"        // an event needing no answer
	OutcomeMore        Outcome = "more"         // 更多: the next page of a list's question (Event.Query), or that there is none
	OutcomeRejected    Outcome = "rejected"     // 不是这个: what was shown for Event.Query was not it; its next page, as 更多's
	OutcomeUnavailable Outcome = "unavailable"  // the store or the lists could not be read: an apology, no answer
)

// Event is what happened with one message, for the operators' query log:
// what the follower sent, how the bot answered and what it found.
type Event struct {
	At      time.Time
	From    string // the follower's openid (a log keeps only a keyed hash of it)
	Kind    Kind
	Text    string // the message as matched (Bare), or a voice message's
	Outcome Outcome
	Rule    string // the rule that answered (its name, or rules[i])
	Key     string // the menu key, or the scene of a subscription
	Number  int    // the number of a follow-up
	Article string // the article sent as a card
	Query   string // for a follow-up, the question the list answered
	Hits    []Scored
	Latency time.Duration
}

// Scored is an article a search found, with its score.
type Scored struct {
	ID    string  `json:"id"`
	Score float64 `json:"score"`
}

// Events keeps what happened with each message (the query log).
type Events interface {
	Record(ctx context.Context, e Event)
}

// Votes are followers' choices from lists: a number chosen after a
// question is a vote for that article on that question. Boosts returns,
// for a question (Bare), each voted article's boost to its score.
type Votes interface {
	Boosts(question string) map[string]float64
}

type eventKey struct{}

// note updates the event of the message being answered, if any.
func note(ctx context.Context, update func(e *Event)) {
	if e, ok := ctx.Value(eventKey{}).(*Event); ok {
		update(e)
	}
}

// bestFirst notes a list by date's hits as a search's are, best first: the
// report reads the first as the question's best answer.
func (e *Event) bestFirst(found []content.Hit) {
	e.Hits = e.Hits[:0]
	for _, h := range found {
		e.Hits = append(e.Hits, Scored{ID: h.Article.ID, Score: h.Score})
	}
	slices.SortStableFunc(e.Hits, func(a, b Scored) int { return cmp.Compare(b.Score, a.Score) })
}
