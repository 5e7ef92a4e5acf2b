package wechat

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/silenceper/wechat/v2/officialaccount/message"

	"mpbot/bot"
)

// WeChat's message XML is flat: <xml> holding <Name>value</Name> elements,
// values in CDATA or plain text. encoding/xml decodes that through
// reflection at about sixty allocations a message and encodes a reply at
// about twenty-five, several times the cost of verifying and decrypting it.
// decodeFlat and appendReply handle exactly that flat shape; anything else
// (nested elements, entities, attributes, comments) falls back to
// encoding/xml, and a fuzz test checks that both decoders agree.

// decodeFlat fills mm from flat message XML. ok is false when the input is
// not of the flat shape it knows, and mm must then be decoded in full.
func decodeFlat(raw []byte, mm *message.MixMessage) (ok bool) {
	return flatFields(raw, func(name, value []byte) bool { return setField(mm, name, value) })
}

// flatFields calls field with each element of flat XML, in order, the
// value as it reads (CDATA unwrapped; plain text only without entities).
// ok is false when raw is not of that shape, or field refused an element.
func flatFields(raw []byte, field func(name, value []byte) bool) (ok bool) {
	p := bytes.TrimLeft(raw, " \t\r\n")
	p, ok = bytes.CutPrefix(p, []byte("<xml>"))
	if !ok {
		return false
	}
	for {
		p = bytes.TrimLeft(p, " \t\r\n")
		if rest, ok := bytes.CutPrefix(p, []byte("</xml>")); ok {
			return len(bytes.TrimLeft(rest, " \t\r\n")) == 0
		}
		if len(p) < 2 || p[0] != '<' {
			return false
		}
		end := 1
		for end < len(p) && isNameByte(p[end]) {
			end++
		}
		if end == 1 || end >= len(p) || p[end] != '>' {
			return false
		}
		name := p[1:end]
		p = p[end+1:]
		var value []byte
		if rest, ok := bytes.CutPrefix(p, []byte("<![CDATA[")); ok {
			i := bytes.Index(rest, []byte("]]>"))
			if i < 0 {
				return false
			}
			value, p = rest[:i], rest[i+3:]
		} else {
			i := bytes.IndexByte(p, '<')
			if i < 0 {
				return false
			}
			value, p = p[:i], p[i:]
			if bytes.IndexByte(value, '&') >= 0 || bytes.Contains(value, []byte("]]>")) {
				return false
			}
		}
		for _, r := range string(value) { // ranging over a converted slice does not copy it
			if r == '\r' || !xmlChar(r) || r == utf8.RuneError {
				return false
			}
		}
		// the closing tag must follow at once
		if len(p) < len(name)+3 || p[0] != '<' || p[1] != '/' || !bytes.Equal(p[2:2+len(name)], name) || p[2+len(name)] != '>' {
			return false
		}
		p = p[len(name)+3:]
		if !field(name, value) {
			return false
		}
	}
}

func isNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// plainChars reports whether value holds only characters XML allows, as
// valid UTF-8, with no carriage return (XML would normalise it) and no
// U+FFFD (which also stands for invalid bytes).
func plainChars(value string) bool {
	for _, r := range value {
		if r == '\r' || !xmlChar(r) || r == utf8.RuneError {
			return false
		}
	}
	return true
}

func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// setField assigns one element. Unknown names report false, so that a
// field this decoder does not model is never silently dropped.
func setField(mm *message.MixMessage, name, value []byte) bool {
	switch string(name) { // the compiler does not allocate for this conversion
	case "ToUserName":
		mm.ToUserName = message.CDATA(value)
	case "FromUserName":
		mm.FromUserName = message.CDATA(value)
	case "CreateTime":
		return parseInt(value, &mm.CreateTime)
	case "MsgType":
		mm.MsgType = message.MsgType(value)
	case "MsgId":
		return parseInt(value, &mm.MsgID)
	case "MsgID":
		return parseInt(value, &mm.TemplateMsgID)
	case "Content":
		mm.Content = string(value)
	case "Recognition":
		mm.Recognition = string(value)
	case "PicUrl":
		mm.PicURL = string(value)
	case "MediaId":
		mm.MediaID = string(value)
	case "Format":
		mm.Format = string(value)
	case "ThumbMediaId":
		mm.ThumbMediaID = string(value)
	case "Title":
		mm.Title = string(value)
	case "Description":
		mm.Description = string(value)
	case "Url":
		mm.URL = string(value)
	case "Label":
		mm.Label = string(value)
	case "Event":
		mm.Event = message.EventType(value)
	case "EventKey":
		mm.EventKey = string(value)
	case "Ticket":
		mm.Ticket = string(value)
	case "Latitude":
		mm.Latitude = string(value)
	case "Longitude":
		mm.Longitude = string(value)
	case "Precision":
		mm.Precision = string(value)
	case "MenuId":
		mm.MenuID = string(value)
	case "Status":
		mm.Status = string(value)
	case "TotalCount":
		return parseInt(value, &mm.TotalCount)
	case "FilterCount":
		return parseInt(value, &mm.FilterCount)
	case "SentCount":
		return parseInt(value, &mm.SentCount)
	case "ErrorCount":
		return parseInt(value, &mm.ErrorCount)
	case "MsgDataId", "Idx", "Encrypt":
		// sent by WeChat but not modelled by the SDK's MixMessage
	default:
		return false
	}
	return true
}

// parseInt reads an integer the way encoding/xml does: surrounding space
// allowed, empty means zero.
func parseInt(value []byte, dst *int64) bool {
	s := strings.TrimSpace(string(value))
	if s == "" {
		*dst = 0
		return true
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return false // let encoding/xml report it
	}
	*dst = n
	return true
}

// appendReply renders a reply as WeChat's reply XML, strings in CDATA as in
// WeChat's own samples. to is the follower, from the account.
func appendReply(b []byte, r bot.Reply, to, from string, now int64) ([]byte, error) {
	b = append(b, "<xml>"...)
	b = appendCDATA(b, "ToUserName", to)
	b = appendCDATA(b, "FromUserName", from)
	b = append(b, "<CreateTime>"...)
	b = strconv.AppendInt(b, now, 10)
	b = append(b, "</CreateTime>"...)
	switch r.Type {
	case bot.ReplyText:
		b = appendCDATA(b, "MsgType", string(message.MsgTypeText))
		b = appendCDATA(b, "Content", r.Text)
	case bot.ReplyNews:
		// WeChat shows one article in a reply to a follower's message.
		b = appendCDATA(b, "MsgType", string(message.MsgTypeNews))
		b = append(b, "<ArticleCount>1</ArticleCount><Articles><item>"...)
		b = appendCDATA(b, "Title", r.Card.Title)
		b = appendCDATA(b, "Description", r.Card.Description)
		b = appendCDATA(b, "PicUrl", r.Card.Pic)
		b = appendCDATA(b, "Url", r.Card.URL)
		b = append(b, "</item></Articles>"...)
	case bot.ReplyImage:
		b = appendCDATA(b, "MsgType", string(message.MsgTypeImage))
		b = append(b, "<Image>"...)
		b = appendCDATA(b, "MediaId", r.MediaID)
		b = append(b, "</Image>"...)
	case bot.ReplyVoice:
		b = appendCDATA(b, "MsgType", string(message.MsgTypeVoice))
		b = append(b, "<Voice>"...)
		b = appendCDATA(b, "MediaId", r.MediaID)
		b = append(b, "</Voice>"...)
	case bot.ReplyVideo:
		b = appendCDATA(b, "MsgType", string(message.MsgTypeVideo))
		b = append(b, "<Video>"...)
		b = appendCDATA(b, "MediaId", r.MediaID)
		if r.Card != nil {
			b = appendCDATA(b, "Title", r.Card.Title)
			b = appendCDATA(b, "Description", r.Card.Description)
		}
		b = append(b, "</Video>"...)
	case bot.ReplyMusic:
		b = appendCDATA(b, "MsgType", string(message.MsgTypeMusic))
		b = append(b, "<Music>"...)
		b = appendCDATA(b, "Title", r.Music.Title)
		b = appendCDATA(b, "Description", r.Music.Description)
		b = appendCDATA(b, "MusicUrl", r.Music.URL)
		b = appendCDATA(b, "HQMusicUrl", r.Music.HQURL)
		b = appendCDATA(b, "ThumbMediaId", r.Music.ThumbMediaID)
		b = append(b, "</Music>"...)
	case bot.ReplyTransfer:
		b = appendCDATA(b, "MsgType", string(message.MsgTypeTransfer))
	default:
		return nil, errUnknownReply(r.Type)
	}
	return append(b, "</xml>"...), nil
}

type errUnknownReply bot.ReplyType

func (e errUnknownReply) Error() string {
	return "cannot encode a " + strconv.Quote(string(e)) + " reply"
}

// appendCDATA writes <name><![CDATA[value]]></name>, splitting any "]]>"
// in value and dropping characters XML cannot carry.
func appendCDATA(b []byte, name, value string) []byte {
	b = append(b, '<')
	b = append(b, name...)
	b = append(b, "><![CDATA["...)
	// What XML cannot carry goes before the text is split at ]]>: dropped
	// after, it had joined ]] and > around it into a bare ]]> (an article's
	// title ]]\x01>: the follower got nothing, a hostile-input run's find).
	value = xmlChars(value)
	for {
		i := strings.Index(value, "]]>")
		if i < 0 {
			break
		}
		b = append(b, value[:i+2]...)
		b = append(b, "]]><![CDATA["...)
		value = value[i+2:]
	}
	b = append(b, value...)
	b = append(b, "]]></"...)
	b = append(b, name...)
	return append(b, '>')
}

// xmlChars is s without the characters XML 1.0 cannot carry.
func xmlChars(s string) string {
	if plainChars(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if xmlChar(r) {
			b = utf8.AppendRune(b, r)
		}
	}
	return string(b)
}
