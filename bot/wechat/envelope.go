package wechat

import (
	"bytes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/silenceper/wechat/v2/officialaccount/message"
)

// The envelope of a webhook call — its query parameters, signatures, the
// encrypted <xml><Encrypt> body and the sealed reply — costs more than
// routing a message when done with url.ParseQuery, encoding/xml and the
// SDK's helpers (each call about sixty allocations, and encoding/xml reads
// the long Encrypt text a byte at a time). This file does the same work on
// buffers kept between requests. The SDK's own helpers stay on the other
// side of every test: the Simulator signs and encrypts with them and checks
// what comes back with them, and fuzz tests hold the fast parsers to
// net/url and encoding/xml.

// params are the query parameters WeChat sends; the first of each wins, as
// with url.Values.Get.
type params struct {
	signature, timestamp, nonce, msgSignature, encryptType, echostr string
}

// parseParams reads the parameters mpbot uses from a raw query, as
// url.ParseQuery would: pairs split at '&', a pair holding ';' skipped,
// keys and values unescaped (the pair skipped when that fails). Values
// with nothing escaped are substrings of the query, allocating nothing.
func parseParams(query string) params {
	var p params
	dst := [...]*string{&p.signature, &p.timestamp, &p.nonce, &p.msgSignature, &p.encryptType, &p.echostr}
	var given uint8
	for query != "" {
		var pair string
		pair, query, _ = strings.Cut(query, "&")
		if strings.IndexByte(pair, ';') >= 0 {
			continue
		}
		key, value, _ := strings.Cut(pair, "=")
		key, ok := unescape(key)
		if !ok {
			continue
		}
		i := slices.Index(paramNames[:], key)
		if i < 0 || given&(1<<i) != 0 {
			continue
		}
		if value, ok = unescape(value); ok {
			*dst[i] = value
			given |= 1 << i
		}
	}
	return p
}

var paramNames = [...]string{"signature", "timestamp", "nonce", "msg_signature", "encrypt_type", "echostr"}

func unescape(s string) (string, bool) {
	if strings.IndexByte(s, '%') < 0 && strings.IndexByte(s, '+') < 0 {
		return s, true
	}
	u, err := url.QueryUnescape(s)
	return u, err == nil
}

// signer computes WeChat's signatures: the hex SHA-1 of the parts sorted
// and joined. Its buffer is reused between requests.
type signer struct {
	joined []byte
	sum    [40]byte
}

// sign signs parts (at most 4); the result is valid until the next call.
func (s *signer) sign(parts ...[]byte) []byte {
	slices.SortFunc(parts, bytes.Compare)
	s.joined = s.joined[:0]
	for _, p := range parts {
		s.joined = append(s.joined, p...)
	}
	sum := sha1.Sum(s.joined)
	hex.Encode(s.sum[:], sum[:])
	return s.sum[:]
}

// equalSignature compares a computed signature with a given one in
// constant time.
func equalSignature(sig []byte, given string) bool {
	if len(sig) != len(given) {
		return false
	}
	var v byte
	for i := range sig {
		v |= sig[i] ^ given[i]
	}
	return v == 0
}

// envelope is the scratch space of one request's crypto, pooled.
type envelope struct {
	signer
	strs   [3][]byte // token, timestamp and nonce as bytes, for sign
	body   []byte    // the request's body
	cipher []byte    // the decoded ciphertext, then the plaintext in place
	out    []byte    // the reply: its XML, then sealed
	sealed []byte
	req    request // the message being parsed (1.3 KB: allocated each time, it was a tenth of a message's garbage)
	// dec and enc are CBC modes of block, set to each message's IV:
	// making them cost two allocations a message.
	block    cipher.Block
	dec, enc ivBlockMode
}

// ivBlockMode is a CBC mode whose IV can be set again, as crypto/cipher's
// are (crypto/tls relies on it).
type ivBlockMode interface {
	cipher.BlockMode
	SetIV([]byte)
}

// cbc is a decrypter (or an encrypter) of block from iv, e's own when it
// can be.
func (e *envelope) cbc(block cipher.Block, iv []byte, encrypt bool) cipher.BlockMode {
	if e.block != block {
		e.block, e.dec, e.enc = block, nil, nil
	}
	mode := &e.dec
	if encrypt {
		mode = &e.enc
	}
	if *mode != nil {
		(*mode).SetIV(iv)
		return *mode
	}
	var m cipher.BlockMode
	if encrypt {
		m = cipher.NewCBCEncrypter(block, iv)
	} else {
		m = cipher.NewCBCDecrypter(block, iv)
	}
	if im, ok := m.(ivBlockMode); ok {
		*mode = im
	}
	return m
}

var envelopes = sync.Pool{New: func() any { return new(envelope) }}

// release returns e to the pool unless a hostile request grew it large.
func (e *envelope) release() {
	if cap(e.body) > 64<<10 || cap(e.cipher) > 64<<10 || cap(e.out) > 64<<10 || cap(e.sealed) > 96<<10 || cap(e.joined) > 96<<10 {
		return
	}
	envelopes.Put(e)
}

// signParams signs token, timestamp, nonce and, if given, encrypted.
func (e *envelope) signParams(token, timestamp, nonce string, encrypted []byte) []byte {
	e.strs[0] = append(e.strs[0][:0], token...)
	e.strs[1] = append(e.strs[1][:0], timestamp...)
	e.strs[2] = append(e.strs[2][:0], nonce...)
	if encrypted == nil {
		return e.sign(e.strs[0], e.strs[1], e.strs[2])
	}
	return e.sign(e.strs[0], e.strs[1], e.strs[2], encrypted)
}

// encryptedOf finds the Encrypt element of an envelope: in flat XML
// directly, otherwise through encoding/xml. The result may share body.
func encryptedOf(body []byte) ([]byte, error) {
	var enc []byte
	found := false
	if flatFields(body, func(name, value []byte) bool {
		if string(name) == "Encrypt" {
			enc, found = value, true
		}
		return true
	}) {
		if !found {
			return nil, nil
		}
		return enc, nil
	}
	var env message.EncryptedXMLMsg
	if err := xml.Unmarshal(body, &env); err != nil {
		return nil, err
	}
	return []byte(env.EncryptedMsg), nil
}

// Errors of open, as the rejection log names them.
var (
	errNotBase64   = errors.New("ciphertext is not base64")
	errCiphertext  = errors.New("bad ciphertext")
	errWrongLength = errors.New("bad ciphertext: wrong length field")
)

// open decrypts WeChat's ciphertext (base64 of AES-256-CBC over random(16)
// length(4) message appid, PKCS#7-padded to 32) and returns the message and
// the AppID inside, both in e's buffer.
func (e *envelope) open(block cipher.Block, iv, encrypted []byte) (msg, appID []byte, err error) {
	n := base64.StdEncoding.DecodedLen(len(encrypted))
	e.cipher = slices.Grow(e.cipher[:0], n)[:n]
	n, err = base64.StdEncoding.Decode(e.cipher, encrypted)
	if err != nil {
		return nil, nil, errNotBase64
	}
	ct := e.cipher[:n]
	if len(ct) < 32 || len(ct)%32 != 0 {
		return nil, nil, errCiphertext
	}
	e.cbc(block, iv, false).CryptBlocks(ct, ct)
	// PKCS#7: every padding byte is the padding's length (only the last
	// had been read: a hostile run's find, harmless behind the signature).
	pad := int(ct[len(ct)-1])
	if pad < 1 || pad > 32 || bytes.Count(ct[len(ct)-pad:], ct[len(ct)-1:]) != pad {
		return nil, nil, errCiphertext
	}
	plain := ct[:len(ct)-pad]
	if len(plain) <= 20 {
		return nil, nil, errCiphertext
	}
	size := uint64(binary.BigEndian.Uint32(plain[16:20]))
	if uint64(len(plain)) <= 20+size {
		return nil, nil, errWrongLength
	}
	return plain[20 : 20+size], plain[20+size:], nil
}

// seal encrypts reply (with a fresh random prefix: the SDK reuses the
// request's) for appID and wraps it in a signed envelope, in e.sealed.
func (e *envelope) seal(block cipher.Block, iv []byte, appID, token string, reply []byte, timestamp, nonce string) ([]byte, error) {
	size := 20 + len(reply) + len(appID)
	pad := 32 - size%32
	plain := slices.Grow(e.cipher[:0], size+pad)[:20]
	if _, err := rand.Read(plain[:16]); err != nil {
		return nil, err
	}
	binary.BigEndian.PutUint32(plain[16:20], uint32(len(reply)))
	plain = append(plain, reply...)
	plain = append(plain, appID...)
	for range pad {
		plain = append(plain, byte(pad))
	}
	e.cbc(block, iv, true).CryptBlocks(plain, plain)
	e.cipher = plain

	out := append(e.sealed[:0], "<xml><Encrypt><![CDATA["...)
	start := len(out)
	out = base64.StdEncoding.AppendEncode(out, plain)
	enc := out[start:]
	sig := e.signParams(token, timestamp, nonce, enc)
	out = append(out, "]]></Encrypt><MsgSignature><![CDATA["...)
	out = append(out, sig...)
	out = append(out, "]]></MsgSignature><TimeStamp>"...)
	ts, _ := strconv.ParseInt(timestamp, 10, 64)
	out = strconv.AppendInt(out, ts, 10)
	out = append(out, "</TimeStamp>"...)
	out = appendCDATA(out, "Nonce", nonce)
	out = append(out, "</xml>"...)
	e.sealed = out
	return out, nil
}
