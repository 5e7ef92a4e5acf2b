package wechat

import (
	"encoding/base64"
	"encoding/xml"
	"net/url"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/silenceper/wechat/v2/officialaccount/message"
	"github.com/silenceper/wechat/v2/util"
)

var fuzzSeeds = []string{
	`<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[fromUser]]></FromUserName><CreateTime>1348831860</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[this is a test]]></Content><MsgId>1234567890123456</MsgId><MsgDataId>xxxx</MsgDataId><Idx>xxxx</Idx></xml>`,
	`<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[FromUser]]></FromUserName><CreateTime>123456789</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event><EventKey><![CDATA[qrscene_123123]]></EventKey><Ticket><![CDATA[TICKET]]></Ticket></xml>`,
	`<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[FromUser]]></FromUserName><CreateTime>123456789</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[CLICK]]></Event><EventKey><![CDATA[EVENTKEY]]></EventKey></xml>`,
	`<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[fromUser]]></FromUserName><CreateTime>1357290913</CreateTime><MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[media_id]]></MediaId><Format><![CDATA[Format]]></Format><Recognition><![CDATA[腾讯微信团队]]></Recognition><MsgId>1234567890123456</MsgId></xml>`,
	`<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[fromUser]]></FromUserName><CreateTime>1351776360</CreateTime><MsgType><![CDATA[location]]></MsgType><Location_X>23.134521</Location_X><Location_Y>113.358803</Location_Y><Scale>20</Scale><Label><![CDATA[位置信息]]></Label><MsgId>1234567890123456</MsgId></xml>`,
	`<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[FromUser]]></FromUserName><CreateTime>123456789</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[LOCATION]]></Event><Latitude>23.137466</Latitude><Longitude>113.352425</Longitude><Precision>119.385040</Precision></xml>`,
	`<xml><FromUserName>u</FromUserName><MsgType>text</MsgType><MsgId>-1</MsgId><Content>&lt;&amp;&gt;</Content></xml>`,
	`<xml><Encrypt><![CDATA[AAAA]]></Encrypt></xml>`,
	``,
	`<xml>`,
}

// FuzzParseRequest feeds arbitrary bodies to the webhook parser, both as
// plaintext and inside a correctly signed and encrypted envelope, and as a
// raw envelope. Whatever comes in, the parser must not panic, and what it
// accepts must be a usable message.
func FuzzParseRequest(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	now := time.Unix(1700000000, 0)
	ts := strconv.FormatInt(now.Unix(), 10)
	signed := url.Values{"timestamp": {ts}, "nonce": {"42"}, "signature": {util.Signature(testToken, ts, "42")}}
	plain, _ := NewHandler(Config{Token: testToken, Mode: ModePlain}, nil, nil, nil)
	compat, _ := NewHandler(Config{AppID: testAppID, Token: testToken, AESKey: testAESKey, Mode: ModeCompat}, nil, nil, nil)
	plain.now, compat.now = func() time.Time { return now }, func() time.Time { return now }
	key, _ := DecodeAESKey(testAESKey)

	f.Fuzz(func(t *testing.T, body []byte) {
		check := func(parse func(*request) *rejection) {
			var req request
			rej := parse(&req)
			if rej != nil {
				if rej.status < 400 || rej.status > 499 {
					t.Fatalf("rejection status %d", rej.status)
				}
				return
			}
			if req.msg.FromUserName == "" || req.msg.MsgType == "" {
				t.Fatalf("accepted an unusable message: %+v", req.msg)
			}
			m := toBot(&req.msg)
			if m.Kind == "" {
				t.Fatalf("message without a kind: %+v", m)
			}
			_ = dedupeKey(&req.msg)
		}
		check(func(r *request) *rejection { return plain.parseRequest(signed, body, r) })

		enc := base64.StdEncoding.EncodeToString(util.AESEncryptMsg([]byte("0123456789abcdef"), body, testAppID, key))
		q := url.Values{"encrypt_type": {"aes"}, "msg_signature": {util.Signature(testToken, ts, "42", enc)}}
		for k, v := range signed {
			q[k] = v
		}
		check(func(r *request) *rejection {
			return compat.parseRequest(q, []byte("<xml><Encrypt><![CDATA["+enc+"]]></Encrypt></xml>"), r)
		})

		// The body as a raw envelope, signed over whatever Encrypt it holds.
		check(func(r *request) *rejection { return compat.parseRequest(q, body, r) })
	})
}

// FuzzDecodeFlat checks the fast decoder against encoding/xml: whatever it
// accepts, encoding/xml must decode to the very same message.
func FuzzDecodeFlat(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte("<xml><FromUserName>a]b</FromUserName><CreateTime> 12 </CreateTime><MsgId></MsgId></xml>"))
	f.Add([]byte("<xml>\n  <Content><![CDATA[x]]]></Content>\n</xml>\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		var fast, full message.MixMessage
		if !decodeFlat(raw, &fast) {
			return
		}
		if err := xml.Unmarshal(raw, &full); err != nil {
			t.Fatalf("fast decoder accepted what encoding/xml rejects (%v): %q", err, raw)
		}
		if !reflect.DeepEqual(fast, full) {
			t.Fatalf("decoders disagree on %q\nfast: %+v\nfull: %+v", raw, fast, full)
		}
	})
}
