package bot

import (
	"fmt"
	"strings"
)

// ReplyType is the kind of message mpbot sends back.
type ReplyType string

// Reply types.
const (
	ReplyText     ReplyType = "text"
	ReplyNews     ReplyType = "news"
	ReplyImage    ReplyType = "image"
	ReplyTransfer ReplyType = "transfer" // hand the conversation to human customer service
)

// Reply is one outgoing message. It is plain data (JSON-serialisable) so a
// reply can be cached and given again to a retried request.
type Reply struct {
	Type    ReplyType `json:"type"`
	Text    string    `json:"text,omitempty"`
	Card    *Card     `json:"card,omitempty"`
	MediaID string    `json:"media_id,omitempty"`
}

// Card is a news card: WeChat allows one per reply to a follower's message.
type Card struct {
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	URL         string `json:"url,omitempty"`
	Pic         string `json:"pic,omitempty"`
}

// String renders the reply as the follower would see it, for the CLI and
// golden files.
func (r Reply) String() string {
	switch r.Type {
	case ReplyText:
		return r.Text
	case ReplyNews:
		var b strings.Builder
		fmt.Fprintf(&b, "[图文] %s", r.Card.Title)
		if r.Card.Description != "" {
			fmt.Fprintf(&b, "\n%s", r.Card.Description)
		}
		if r.Card.URL != "" {
			fmt.Fprintf(&b, "\n→ %s", r.Card.URL)
		}
		return b.String()
	case ReplyImage:
		return "[图片] " + r.MediaID
	case ReplyTransfer:
		return "[转人工客服]"
	}
	return fmt.Sprintf("[%s]", r.Type)
}
