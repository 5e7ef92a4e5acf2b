package wechat

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"time"

	"github.com/silenceper/wechat/v2/officialaccount/message"

	"mpbot/bot"
	"mpbot/content"
)

// TemplateSender delivers the daily reading as a template message (verified
// service accounts). Since 2023 WeChat shows each field as at most 20
// characters, so the fields carry a title or a date, and the link the rest.
type TemplateSender struct {
	API        *API
	TemplateID string
	// Fields maps a template field (e.g. thing1) to what fills it: title,
	// summary, date, category or source; anything else is shown as written.
	Fields map[string]string
}

// templateFieldRunes is WeChat's limit on a template field since 2023-05.
const templateFieldRunes = 20

// Send implements the push job's Sender.
func (t *TemplateSender) Send(ctx context.Context, openid string, a content.Article) (int64, error) {
	return t.SendOnce(ctx, openid, a, "")
}

// SendOnce sends with a client_msg_id derived from key, so that WeChat drops
// a repeat: a delivery a crash left unknown is then safe to send again. It
// returns WeChat's msgid, which its TEMPLATESENDJOBFINISH receipt names.
func (t *TemplateSender) SendOnce(ctx context.Context, openid string, a content.Article, key string) (int64, error) {
	msg := &message.TemplateMessage{ToUser: openid, TemplateID: t.TemplateID, URL: a.URL, Data: map[string]*message.TemplateDataItem{}}
	for field, source := range t.Fields {
		msg.Data[field] = &message.TemplateDataItem{Value: bot.Cut(fieldValue(a, source), templateFieldRunes)}
	}
	if key != "" {
		sum := sha1.Sum([]byte(key))
		msg.ClientMsgID = hex.EncodeToString(sum[:16]) // WeChat takes up to 64 characters
	}
	var out struct {
		MsgID int64 `json:"msgid"`
	}
	err := t.API.Post(ctx, "/cgi-bin/message/template/send", msg, &out)
	return out.MsgID, err
}

// TemplateSources are the article's values a template field can name; any
// other text is sent as written.
var TemplateSources = []string{"title", "summary", "date", "category", "source"}

func fieldValue(a content.Article, source string) string {
	switch source {
	case "title":
		return a.Title
	case "summary":
		return content.Describe(a) // as the reading's card says it
	case "date":
		// An undated article's: the day it is sent, in China (WeChat
		// refuses an empty keyword: 47003).
		if a.PublishedOn == "" {
			return time.Now().In(shanghai).Format(content.DateLayout)
		}
		return a.PublishedOn
	case "category":
		return a.Category
	case "source":
		return a.Source
	}
	return source
}
