package wechat

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/silenceper/wechat/v2/officialaccount/message"
	"github.com/silenceper/wechat/v2/util"
)

// Simulator plays WeChat against a webhook: it builds messages as WeChat
// does, signs them, encrypts them when it has an AES key, and verifies and
// decrypts the replies. `mpbot chat` and the tests use it.
type Simulator struct {
	URL     string // the webhook, e.g. http://127.0.0.1:8080/wechat
	Token   string
	AppID   string
	AESKey  string // set to encrypt (compat and safe modes)
	Account string // the account's original id, ToUserName
	HTTP    *http.Client
	Now     func() time.Time
}

// Inbound is a message or event as WeChat sends it.
type Inbound struct {
	From        string
	MsgType     string // text, voice, image, event, ...
	Content     string
	Recognition string
	Event       string
	EventKey    string
	MsgID       int64
	CreateTime  int64
	Extra       string // raw XML elements appended inside <xml>, for other fields
}

// XML renders the message the way WeChat does (CDATA strings).
func (in Inbound) XML(account string) []byte {
	var b bytes.Buffer
	cdata := func(name, v string) {
		if v != "" {
			// ]]> would end the section: it is split across two, as
			// an XML writer must.
			fmt.Fprintf(&b, "<%s><![CDATA[%s]]></%s>", name, strings.ReplaceAll(v, "]]>", "]]]]><![CDATA[>"), name)
		}
	}
	b.WriteString("<xml>")
	cdata("ToUserName", account)
	cdata("FromUserName", in.From)
	fmt.Fprintf(&b, "<CreateTime>%d</CreateTime>", in.CreateTime)
	cdata("MsgType", in.MsgType)
	cdata("Content", in.Content)
	cdata("Recognition", in.Recognition)
	cdata("Event", in.Event)
	cdata("EventKey", in.EventKey)
	if in.MsgID != 0 {
		fmt.Fprintf(&b, "<MsgId>%d</MsgId>", in.MsgID)
	}
	b.WriteString(in.Extra)
	b.WriteString("</xml>")
	return b.Bytes()
}

// Request builds the signed (and, with an AES key, encrypted) POST for a
// message body. Tests tamper with it to play an attacker.
func (s *Simulator) Request(ctx context.Context, body []byte) (*http.Request, error) {
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	ts := strconv.FormatInt(now().Unix(), 10)
	nonce := randomDigits(10)
	q := url.Values{}
	q.Set("timestamp", ts)
	q.Set("nonce", nonce)
	q.Set("signature", util.Signature(s.Token, ts, nonce))
	q.Set("openid", "")
	if s.AESKey != "" {
		key, err := DecodeAESKey(s.AESKey)
		if err != nil {
			return nil, err
		}
		var random [16]byte
		rand.Read(random[:])
		enc := base64.StdEncoding.EncodeToString(util.AESEncryptMsg(random[:], body, s.AppID, key))
		body, _ = xml.Marshal(struct {
			XMLName    xml.Name      `xml:"xml"`
			ToUserName message.CDATA `xml:"ToUserName"`
			Encrypt    message.CDATA `xml:"Encrypt"`
		}{ToUserName: message.CDATA(s.Account), Encrypt: message.CDATA(enc)})
		q.Set("encrypt_type", "aes")
		q.Set("msg_signature", util.Signature(s.Token, ts, nonce, enc))
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.URL+"?"+q.Encode(), bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "text/xml")
	return req, nil
}

// Outbound is what the webhook answered, decrypted and decoded.
type Outbound struct {
	Success  bool   // the body was "success": WeChat shows nothing
	Plain    []byte // the reply's plaintext XML
	MsgType  string
	Content  string
	MediaID  string // of an image, voice or video
	Articles []message.Article
}

// Send posts a message and reads the reply.
func (s *Simulator) Send(ctx context.Context, in Inbound) (*Outbound, error) {
	req, err := s.Request(ctx, in.XML(s.Account))
	if err != nil {
		return nil, err
	}
	client := s.HTTP
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Second}
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxBody))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, &StatusError{Code: resp.StatusCode, Status: resp.Status, Body: strings.TrimSpace(string(body))}
	}
	return s.Read(body)
}

// StatusError is a webhook's answer other than 200 OK.
type StatusError struct {
	Code         int
	Status, Body string
}

func (e *StatusError) Error() string {
	if e.Body == "" {
		return "webhook answered " + e.Status
	}
	return "webhook answered " + e.Status + ": " + e.Body
}

// Read verifies, decrypts and decodes a webhook's answer body.
func (s *Simulator) Read(body []byte) (*Outbound, error) {
	if string(body) == "success" || len(body) == 0 {
		return &Outbound{Success: true}, nil
	}
	plain := body
	if s.AESKey != "" {
		var env message.ResponseEncryptedXMLMsg
		if err := xml.Unmarshal(body, &env); err != nil {
			return nil, fmt.Errorf("reply envelope: %w", err)
		}
		ts := strconv.FormatInt(env.Timestamp, 10)
		if env.MsgSignature != util.Signature(s.Token, ts, env.Nonce, env.EncryptedMsg) {
			return nil, errors.New("reply MsgSignature does not verify")
		}
		key, _ := DecodeAESKey(s.AESKey)
		cipher, err := base64.StdEncoding.DecodeString(env.EncryptedMsg)
		if err != nil {
			return nil, fmt.Errorf("reply ciphertext: %w", err)
		}
		var appID []byte
		if _, plain, appID, err = util.AESDecryptMsg(cipher, key); err != nil {
			return nil, fmt.Errorf("reply ciphertext: %w", err)
		}
		if string(appID) != s.AppID {
			return nil, fmt.Errorf("reply encrypted for AppID %q", appID)
		}
	}
	var r struct {
		MsgType  string            `xml:"MsgType"`
		Content  string            `xml:"Content"`
		Image    string            `xml:"Image>MediaId"`
		Voice    string            `xml:"Voice>MediaId"`
		Video    string            `xml:"Video>MediaId"`
		Music    string            `xml:"Music>MusicUrl"`
		Articles []message.Article `xml:"Articles>item"`
	}
	if err := xml.Unmarshal(plain, &r); err != nil {
		return nil, fmt.Errorf("reply XML: %w", err)
	}
	media := r.Image + r.Voice + r.Video
	return &Outbound{Plain: plain, MsgType: r.MsgType, Content: r.Content + r.Music, MediaID: media, Articles: r.Articles}, nil
}

// String renders the reply as a follower would see it.
func (o *Outbound) String() string {
	switch {
	case o.Success:
		return "(no reply)"
	case o.MsgType == "text":
		return o.Content
	case o.MsgType == "news":
		var parts []string
		for _, a := range o.Articles {
			parts = append(parts, fmt.Sprintf("[图文] %s\n%s\n→ %s", a.Title, a.Description, a.URL))
		}
		return strings.Join(parts, "\n")
	case o.MsgType == "image":
		return "[图片] " + o.MediaID
	case o.MsgType == "transfer_customer_service":
		return "[转人工客服]"
	}
	return string(o.Plain)
}

func randomDigits(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	for i := range b {
		b[i] = '0' + b[i]%10
	}
	return string(b)
}
