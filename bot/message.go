// Package bot decides what mpbot says to a follower: a pending numbered
// follow-up, then the operators' keyword rules, then article search, then the
// no-match reply. It knows nothing of WeChat's wire format.
package bot

import "time"

// Kind is what a follower did: sent a kind of message or caused an event.
type Kind string

// Message kinds. Events carry their name; messages their WeChat MsgType.
const (
	KindText        Kind = "text"
	KindVoice       Kind = "voice"
	KindImage       Kind = "image"
	KindVideo       Kind = "video"
	KindLocation    Kind = "location"
	KindLink        Kind = "link"
	KindOther       Kind = "other" // a message type this bot has no use for
	KindSubscribe   Kind = "subscribe"
	KindUnsubscribe Kind = "unsubscribe"
	KindClick       Kind = "click"
	KindView        Kind = "view"
	KindScan        Kind = "scan"
	KindLocationEv  Kind = "location_event"
	KindEvent       Kind = "event" // any other event (job finished, template sent, ...)
)

// IsEvent reports whether the kind is an event rather than a typed message.
func (k Kind) IsEvent() bool {
	switch k {
	case KindSubscribe, KindUnsubscribe, KindClick, KindView, KindScan, KindLocationEv, KindEvent:
		return true
	}
	return false
}

// Message is one thing a follower sent or did.
type Message struct {
	From string // the follower's openid
	To   string // the account's original id (gh_…)
	Kind Kind
	Text string // text content, or a voice message's recognition
	// Quoted is what a text quoting another message quotes (WeChat
	// delivers the quote with the text: Text is the follower's reply
	// alone). A reply asking of "this" (这篇讲的什么) asks of it.
	Quoted   string
	Event    string // the raw event name for KindEvent
	EventKey string // menu key, qrscene_… or scene id
	SentAt   time.Time
	// asked is Asked(Text) once answerText has worked it out: the lists,
	// the query log and the votes want it, and worked out for each it
	// was worked out again up to a dozen times a message.
	asked string
	// typed is, for a follow-up, the question it goes on from as the
	// follower typed it (list.Typed): the lists it answers with keep it,
	// so that headers name the topic as typed past one follow-up.
	typed string
}
