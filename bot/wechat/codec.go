// Package wechat adapts mpbot to WeChat: it verifies, decrypts and decodes
// webhook requests into bot.Message, encodes bot.Reply as WeChat XML, and
// calls the WeChat API. It is the only package that imports the SDK.
package wechat

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/silenceper/wechat/v2/officialaccount/message"

	"mpbot/bot"
)

// decodeMessage parses a message's plaintext XML. A message must say who
// sent it and what it is; anything less is malformed.
func decodeMessage(raw []byte, mm *message.MixMessage) error {
	raw = withoutControls(raw)
	if !decodeFlat(raw, mm) {
		*mm = message.MixMessage{}
		if err := xml.Unmarshal(raw, mm); err != nil {
			return fmt.Errorf("malformed message XML: %w", err)
		}
	}
	switch {
	case mm.FromUserName == "":
		return errors.New("message has no FromUserName")
	case mm.MsgType == "":
		return errors.New("message has no MsgType")
	case mm.MsgType == message.MsgTypeEvent && mm.Event == "":
		return errors.New("event message has no Event")
	}
	// Everything but a message's text is short in WeChat's own messages;
	// bounding it here bounds every log line and store row downstream.
	for _, f := range []struct {
		name  string
		value string
		max   int
	}{
		{"FromUserName", string(mm.FromUserName), maxID},
		{"ToUserName", string(mm.ToUserName), maxID},
		{"MsgType", string(mm.MsgType), maxID},
		{"Event", string(mm.Event), maxID},
		{"EventKey", mm.EventKey, maxEventKey},
	} {
		if len(f.value) > f.max {
			return fmt.Errorf("%s is %d bytes (at most %d)", f.name, len(f.value), f.max)
		}
	}
	return nil
}

// withoutControls returns raw with its C0 control characters but tab, line
// feed and carriage return, and the noncharacters U+FFFE and U+FFFF,
// written as spaces (raw itself, when it has none: nearly always). WeChat
// puts what a follower pasted into its XML as it is (Word's line break \v,
// an escape \x1b, a stray U+FFFF), and XML 1.0 has no place for these:
// refused, the follower was told the account cannot serve.
func withoutControls(raw []byte) []byte {
	i := slices.IndexFunc(raw, isControl)
	if j := nonCharacter(raw); i < 0 || j >= 0 && j < i {
		i = j
	}
	if i < 0 {
		return raw
	}
	out := slices.Clone(raw)
	for ; i < len(out); i++ {
		switch {
		case isControl(out[i]):
			out[i] = ' '
		case out[i] == 0xEF && nonCharacter(out[i:i+min(3, len(out)-i)]) == 0:
			out[i], out[i+1], out[i+2] = ' ', ' ', ' '
			i += 2
		}
	}
	return out
}

// nonCharacter is the index of the first U+FFFE or U+FFFF (EF BF BE, EF BF
// BF) in raw, or -1.
func nonCharacter(raw []byte) int {
	for at := 0; ; {
		i := bytes.Index(raw[at:], []byte{0xEF, 0xBF}) // U+FFxx: ￥ is EF BF A5
		if i < 0 || at+i+2 >= len(raw) {
			return -1
		}
		if b := raw[at+i+2]; b == 0xBE || b == 0xBF {
			return at + i
		}
		at += i + 2
	}
}

func isControl(b byte) bool { return b < 0x20 && b != '\t' && b != '\n' && b != '\r' }

// Field limits: openids are 28 characters and original ids 15; menu keys
// are at most 128 bytes and VIEW URLs 1024.
const (
	maxID       = 64
	maxEventKey = 1024
)

// toBot translates the SDK's message into the bot's.
func toBot(mm *message.MixMessage) bot.Message {
	m := bot.Message{
		From:     string(mm.FromUserName),
		To:       string(mm.ToUserName),
		EventKey: mm.EventKey,
		SentAt:   time.Unix(mm.CreateTime, 0),
	}
	switch mm.MsgType {
	case message.MsgTypeText:
		m.Kind = bot.KindText
		m.Text, m.Quoted = quoting(mm.Content)
	case message.MsgTypeVoice:
		m.Kind, m.Text = bot.KindVoice, mm.Recognition
	case message.MsgTypeImage:
		m.Kind = bot.KindImage
	case message.MsgTypeVideo, message.MsgTypeShortVideo:
		m.Kind = bot.KindVideo
	case message.MsgTypeLocation:
		m.Kind = bot.KindLocation
	case message.MsgTypeLink:
		m.Kind = bot.KindLink
	case message.MsgTypeEvent:
		m.Event = string(mm.Event)
		switch mm.Event {
		case message.EventSubscribe:
			m.Kind = bot.KindSubscribe
		case message.EventUnsubscribe:
			m.Kind = bot.KindUnsubscribe
		case message.EventClick, message.EventScancodePush, message.EventScancodeWaitmsg,
			message.EventPicSysphoto, message.EventPicPhotoOrAlbum, message.EventPicWeixin, message.EventLocationSelect:
			// A menu button's key, as a click's: check has each answered by
			// a rule, and scancode_waitmsg's 消息接收中 waits for it (they
			// had been answered "success": a real-traffic run's find).
			m.Kind = bot.KindClick
		case message.EventView:
			m.Kind = bot.KindView
		case message.EventScan:
			m.Kind = bot.KindScan
		case message.EventLocation:
			m.Kind = bot.KindLocationEv
		default:
			m.Kind = bot.KindEvent
		}
	default:
		m.Kind = bot.KindOther
	}
	return m
}

// quoting splits a text quoting another message into the follower's reply
// and what it quotes: WeChat delivers a quote as text, the quoted message
// in 「」 (its sender's name, a colon, the text), a line of spaced dashes,
// then the reply. Read whole, 「公众号：…国常会…」, the rule, then 2 was
// searched (a list on 国常会 again, not item 2), and so were 更多 and 退订
// under a quote (a follower run's and a re-check's finds). Any other text
// is its own reply, quoting nothing.
func quoting(text string) (reply, quoted string) {
	if !strings.HasPrefix(text, "「") {
		return text, "" // most messages
	}
	i := strings.LastIndex(text, "」\n- - - - -")
	if i < 0 {
		return text, ""
	}
	line, reply, ok := strings.Cut(text[i+len("」\n"):], "\n")
	if !ok || strings.Trim(line, "- ") != "" || strings.TrimSpace(reply) == "" {
		return text, ""
	}
	quoted = text[len("「"):i]
	if _, rest, named := strings.Cut(quoted, "："); named {
		quoted = rest // the sender's name
	}
	return reply, quoted
}

// dedupeKey identifies a message across WeChat's retries: messages by sender
// and MsgId (MsgIds alone have collided across users), events by sender,
// time, event and key.
func dedupeKey(mm *message.MixMessage) string {
	var buf [128]byte
	b := append(buf[:0], mm.FromUserName...)
	b = append(b, '|')
	if mm.MsgType != message.MsgTypeEvent && mm.MsgID != 0 {
		return string(strconv.AppendInt(b, mm.MsgID, 10))
	}
	b = strconv.AppendInt(b, mm.CreateTime, 10)
	if mm.MsgType != message.MsgTypeEvent {
		// A message without a MsgId (or 0) is told apart by what it holds
		// too: keyed by its second alone, a second message of the same
		// second got the first's reply, unanswered and unlogged (a
		// real-traffic run's find). A retry holds the same.
		h := fnv.New64a()
		for _, f := range [...]string{string(mm.MsgType), mm.Content, mm.Recognition, mm.PicURL, mm.MediaID, mm.Label, mm.Title, mm.URL,
			strconv.FormatFloat(mm.LocationX, 'g', -1, 64), strconv.FormatFloat(mm.LocationY, 'g', -1, 64)} {
			h.Write([]byte(f))
			h.Write([]byte{0})
		}
		b = append(b, '|')
		return string(strconv.AppendUint(b, h.Sum64(), 16))
	}
	b = append(b, '|')
	b = append(b, mm.Event...)
	b = append(b, '|')
	b = append(b, mm.EventKey...)
	return string(b)
}
