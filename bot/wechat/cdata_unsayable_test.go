package wechat

import (
	"encoding/xml"
	"testing"

	"mpbot/bot"
)

// TestReplyXMLStaysWellFormedAroundUnsayable: an article title (or any reply text)
// holding "]]" and ">" with a character XML cannot carry between them
// (a control character, U+FFFE, U+FFFF: all stored as imported) is split
// into CDATA sections before those characters are dropped, so the reply
// reads "]]>" inside one CDATA section: malformed XML, and WeChat gives the
// follower nothing (mpbot chat: "unescaped ]]> not in CDATA section").
func TestReplyXMLStaysWellFormedAroundUnsayable(t *testing.T) {
	for _, s := range []string{"控制字符]]\x01>标题", "非字符\ufffe]]\uffff>标题", "a]\x0b]>b", "x]]\x1f>y"} {
		for _, r := range []bot.Reply{
			{Type: bot.ReplyText, Text: s},
			{Type: bot.ReplyNews, Card: &bot.Card{Title: s, Description: s, URL: "https://example.com/x"}},
		} {
			b, err := appendReply(nil, r, "to", "from", 1)
			if err != nil {
				t.Fatal(err)
			}
			var v struct {
				Content string
				Items   []struct {
					Title string `xml:"item>Title"`
				} `xml:"Articles"`
			}
			if err := xml.Unmarshal(b, &v); err != nil {
				t.Errorf("reply of %q is not well-formed XML: %v\n%s", s, err, b)
			}
		}
	}
}
