package bot

import (
	"cmp"
	"fmt"
	"html"
	"strings"
	"unicode/utf8"
)

// ReplyType is the kind of message mpbot sends back.
type ReplyType string

// Reply types.
const (
	ReplyText     ReplyType = "text"
	ReplyNews     ReplyType = "news"
	ReplyImage    ReplyType = "image"
	ReplyVoice    ReplyType = "voice"
	ReplyVideo    ReplyType = "video" // MediaID, with Card's title and description
	ReplyMusic    ReplyType = "music"
	ReplyTransfer ReplyType = "transfer" // hand the conversation to human customer service
)

// Reply is one outgoing message. It is plain data (JSON-serialisable) so a
// reply can be cached and given again to a retried request.
type Reply struct {
	Type    ReplyType `json:"type"`
	Text    string    `json:"text,omitempty"`
	Card    *Card     `json:"card,omitempty"`
	MediaID string    `json:"media_id,omitempty"`
	Music   *Music    `json:"music,omitempty"`
	// Reading is the id of today's reading when the reply carries it
	// (the welcome's card, 每日一读 asked): once it reaches the follower,
	// the day's push leaves them out.
	Reading string `json:"reading,omitempty"`
}

// Music is a music reply: a link to play, with a cover.
type Music struct {
	Title        string `json:"title,omitempty"`
	Description  string `json:"description,omitempty"`
	URL          string `json:"url,omitempty"`
	HQURL        string `json:"hq_url,omitempty"`
	ThumbMediaID string `json:"thumb_media_id"`
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
	case ReplyVoice:
		return "[语音] " + r.MediaID
	case ReplyVideo:
		if r.Card != nil && r.Card.Title != "" {
			return "[视频] " + r.Card.Title + " " + r.MediaID
		}
		return "[视频] " + r.MediaID
	case ReplyMusic:
		return "[音乐] " + r.Music.Title + "\n→ " + r.Music.URL
	case ReplyTransfer:
		return "[转人工客服]"
	}
	return fmt.Sprintf("[%s]", r.Type)
}

// Merge folds replies into the one passive reply WeChat takes, for when the
// others cannot go through the customer-service API (no AppSecret): texts
// joined, each news card as a link to its article. Images and transfers
// cannot be folded into text and are left out, and so are the last texts
// when all of them would not fit; lost counts what was left out, for the
// operator. One reply is returned as is.
func Merge(replies []Reply) (merged Reply, lost int) {
	if len(replies) == 1 {
		return replies[0], 0
	}
	var parts, readings []string // readings: each part's Reading
	for _, r := range replies {
		switch r.Type {
		case ReplyText:
			parts, readings = append(parts, r.Text), append(readings, r.Reading)
		case ReplyNews:
			link := html.EscapeString(r.Card.Title)
			if r.Card.URL != "" {
				link = fmt.Sprintf(`<a href="%s">%s</a>`, html.EscapeString(r.Card.URL), link)
			}
			parts, readings = append(parts, link), append(readings, r.Reading)
		}
	}
	if len(parts) == 0 {
		return replies[0], len(replies) - 1
	}
	lost = len(replies) - len(parts)
	text := strings.Join(parts, "\n\n")
	for len(text) > maxTextBytes && len(parts) > 1 { // keep whole parts, the first ones
		parts = parts[:len(parts)-1]
		text = strings.Join(parts, "\n\n")
		lost++
	}
	merged = Reply{Type: ReplyText, Text: cutBytes(text, maxTextBytes)}
	for _, id := range readings[:len(parts)] { // the reading's part, if it was kept
		merged.Reading = cmp.Or(merged.Reading, id)
	}
	return merged, lost
}

// cutBytes shortens s to at most n bytes, on a character boundary.
func cutBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
