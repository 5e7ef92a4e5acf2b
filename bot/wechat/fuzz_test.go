package wechat

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"encoding/base64"
	"encoding/xml"
	"net/url"
	"reflect"
	"strconv"
	"strings"
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
		check(func(r *request) *rejection { return plain.parseRequest(paramsOf(signed), body, r, new(envelope)) })

		enc := base64.StdEncoding.EncodeToString(util.AESEncryptMsg([]byte("0123456789abcdef"), body, testAppID, key))
		q := url.Values{"encrypt_type": {"aes"}, "msg_signature": {util.Signature(testToken, ts, "42", enc)}}
		for k, v := range signed {
			q[k] = v
		}
		check(func(r *request) *rejection {
			return compat.parseRequest(paramsOf(q), []byte("<xml><Encrypt><![CDATA["+enc+"]]></Encrypt></xml>"), r, new(envelope))
		})

		// The body as a raw envelope, signed over whatever Encrypt it holds.
		check(func(r *request) *rejection { return compat.parseRequest(paramsOf(q), body, r, new(envelope)) })
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

// paramsOf is q as the handler reads it.
func paramsOf(q url.Values) params { return parseParams(q.Encode()) }

// FuzzParseParams holds the query parser to net/url: every parameter the
// handler reads comes out as url.Values.Get gives it.
func FuzzParseParams(f *testing.F) {
	f.Add("signature=abc&timestamp=1700000000&nonce=42&openid=o1&encrypt_type=aes&msg_signature=def")
	f.Add("echostr=%E4%BD%A0+%ZZ&echostr=2&nonce=a;b&nonce=%41&timestamp")
	f.Add("signature&signature=x&=y&msg_signature=%&msg_signature=ok")
	f.Fuzz(func(t *testing.T, query string) {
		got := parseParams(query)
		want, _ := url.ParseQuery(query)
		for i, v := range []string{got.signature, got.timestamp, got.nonce, got.msgSignature, got.encryptType, got.echostr} {
			if w := want.Get(paramNames[i]); v != w {
				t.Fatalf("%s of %q: %q, net/url says %q", paramNames[i], query, v, w)
			}
		}
	})
}

// FuzzEnvelope holds the envelope reader to encoding/xml: whatever Encrypt
// the flat reader finds, encoding/xml finds too, and it rejects nothing
// encoding/xml reads.
func FuzzEnvelope(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte("<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Encrypt><![CDATA[a+b/c==]]></Encrypt></xml>"))
	f.Add([]byte("<xml><Encrypt>a</Encrypt><Encrypt>b</Encrypt></xml>"))
	f.Add([]byte("<xml><Encrypt>a&amp;b</Encrypt></xml>"))
	f.Add([]byte("<root><Encrypt>x</Encrypt></root>"))
	f.Fuzz(func(t *testing.T, body []byte) {
		got, err := encryptedOf(body)
		var env message.EncryptedXMLMsg
		werr := xml.Unmarshal(body, &env)
		if (err == nil) != (werr == nil) {
			t.Fatalf("%q: reader says %v, encoding/xml says %v", body, err, werr)
		}
		if err == nil && string(got) != env.EncryptedMsg {
			t.Fatalf("%q: Encrypt %q, encoding/xml reads %q", body, got, env.EncryptedMsg)
		}
	})
}

// TestSealOpensWithTheSDK: a reply sealed by the handler is opened by the
// SDK's own decryption and its signature checks with the SDK's, and what
// the SDK seals the handler opens.
func TestSealOpensWithTheSDK(t *testing.T) {
	key, _ := DecodeAESKey(testAESKey)
	h, err := NewHandler(Config{AppID: testAppID, Token: testToken, AESKey: testAESKey, Mode: ModeSafe}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	e := new(envelope)
	for _, reply := range []string{"", "x", "<xml><Content><![CDATA[你好]]></Content></xml>", strings.Repeat("长", 700), strings.Repeat("a", 31), strings.Repeat("a", 32)} {
		for _, nonce := range []string{"42", "a]]>b", "<&>"} {
			out, err := e.seal(h.block, key[:16], testAppID, testToken, []byte(reply), "1700000000", nonce)
			if err != nil {
				t.Fatal(err)
			}
			var env message.ResponseEncryptedXMLMsg
			if err := xml.Unmarshal(out, &env); err != nil {
				t.Fatalf("sealed envelope is not XML: %v\n%s", err, out)
			}
			if env.Nonce != nonce || env.Timestamp != 1700000000 || env.MsgSignature != util.Signature(testToken, "1700000000", nonce, env.EncryptedMsg) {
				t.Fatalf("envelope %+v", env)
			}
			ct, _ := base64.StdEncoding.DecodeString(env.EncryptedMsg)
			_, plain, appID, err := util.AESDecryptMsg(ct, key)
			if err != nil || string(plain) != reply || string(appID) != testAppID {
				t.Fatalf("SDK opens %q for %q: %v", plain, appID, err)
			}
			// and the other way round
			sdk := base64.StdEncoding.EncodeToString(util.AESEncryptMsg([]byte("0123456789abcdef"), []byte(reply), testAppID, key))
			msg, appID2, err := e.open(h.block, key[:16], []byte(sdk))
			if err != nil || string(msg) != reply || string(appID2) != testAppID {
				t.Fatalf("open of the SDK's ciphertext: %q %q %v", msg, appID2, err)
			}
		}
	}
}

// TestEnvelopeCBCAsNew: an envelope's CBC modes, set again to the IV for
// each message and made again for another key, encrypt and decrypt as new
// ones do. (A wrong IV garbles only the first block, the random prefix
// nobody reads: a round trip could not tell.)
func TestEnvelopeCBCAsNew(t *testing.T) {
	e := new(envelope)
	for _, k := range []string{testAESKey, strings.Repeat("b", 43), testAESKey} {
		key, err := DecodeAESKey(k)
		if err != nil {
			t.Fatal(err)
		}
		block, err := aes.NewCipher(key)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			plain := bytes.Repeat([]byte{byte(i)}, 64)
			want := make([]byte, 64)
			cipher.NewCBCEncrypter(block, key[:16]).CryptBlocks(want, plain)
			got := make([]byte, 64)
			e.cbc(block, key[:16], true).CryptBlocks(got, plain)
			if !bytes.Equal(got, want) {
				t.Fatalf("message %d: encrypted %x, want %x", i, got, want)
			}
			back := make([]byte, 64)
			e.cbc(block, key[:16], false).CryptBlocks(back, got)
			if !bytes.Equal(back, plain) {
				t.Fatalf("message %d decrypted to %x", i, back)
			}
		}
	}
	if e.enc == nil || e.dec == nil {
		t.Error("the envelope kept no CBC mode: every message makes two")
	}
}

// FuzzQuoting: a quoting text's reply is its end and what it quotes its
// middle, never nothing of a message that had words.
func FuzzQuoting(f *testing.F) {
	for _, s := range []string{"「a：b」\n- - - - - - - - - - - - - - -\n2", "「a」\n- - - - -\n", "「」\n- - - - -\n\n", "枫桥经验", "「a：b」\n- - - - - x\n2", "「x」\n- - - - -"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		reply, quoted := quoting(s)
		if !strings.HasSuffix(s, reply) || !strings.Contains(s, quoted) || strings.TrimSpace(s) != "" && strings.TrimSpace(reply) == "" {
			t.Fatalf("quoting(%q) = %q, %q", s, reply, quoted)
		}
	})
}
