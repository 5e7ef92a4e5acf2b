package wechat

import (
	"bytes"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/netip"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/silenceper/wechat/v2/officialaccount/message"

	"mpbot/bot"
)

// Modes, as named on the WeChat console (明文 / 兼容 / 安全).
const (
	ModePlain  = "plain"
	ModeCompat = "compat"
	ModeSafe   = "safe"
)

// Limits the SDK does not enforce.
const (
	MaxBody     = 64 << 10        // WeChat messages are a few KiB
	ClockWindow = 5 * time.Minute // a signed URL older than this is a replay
)

// Config is what the webhook needs to talk to WeChat.
type Config struct {
	AppID       string
	Token       string
	AESKey      string        // EncodingAESKey, 43 characters; empty in plain mode
	Mode        string        // plain, compat or safe
	ReplyBudget time.Duration // after this, answer "success" and reply via the API
	Metrics     *Metrics      // may be nil
	// Shared, if set, lets replicas agree on each message's answer, so a
	// retry that lands on another replica gets the same reply and no
	// second action.
	Shared SharedReplies
	// TrustedProxies are the reverse proxies whose X-Forwarded-For names
	// the client in logs; anyone else's is ignored.
	TrustedProxies []netip.Prefix
	// Receipts, if set, keeps WeChat's reports of what it delivered of a
	// mass send or a template message.
	Receipts Receipts
	// Shown, if set, is told of a reply carrying today's reading
	// (bot.Reply.Reading) once it reached the follower: written as the
	// passive reply, or sent through the customer-service API. (Recorded
	// as the reply was built, a welcome's card that failed to send kept
	// the follower from the day's push: a review's find.)
	Shown func(ctx context.Context, openid, articleID string)
}

// Receipts keeps WeChat's delivery receipts (the push ledger does).
type Receipts interface {
	RecordReceipt(ctx context.Context, r Receipt) error
}

// Receipt is a MASSSENDJOBFINISH or TEMPLATESENDJOBFINISH event: WeChat's
// report of a mass send's counts, or of one template message's delivery.
type Receipt struct {
	MsgID                         int64
	Kind                          string // broadcast or template
	Status                        string // e.g. "send success", "success", "failed:user block"
	Total, Filtered, Sent, Errors int
	At                            time.Time
}

// receiptOf reads a receipt event, if mm is one.
func receiptOf(mm *message.MixMessage) (Receipt, bool) {
	r := Receipt{MsgID: mm.TemplateMsgID, Status: mm.Status, At: time.Unix(mm.CreateTime, 0)}
	if r.MsgID == 0 {
		r.MsgID = mm.MsgID
	}
	switch mm.Event {
	case message.EventMassSendJobFinish:
		r.Kind = "broadcast"
		r.Total, r.Filtered, r.Sent, r.Errors = int(mm.TotalCount), int(mm.FilterCount), int(mm.SentCount), int(mm.ErrorCount)
	case message.EventTemplateSendJobFinish:
		r.Kind = "template"
	default:
		return r, false
	}
	return r, r.MsgID != 0
}

// SharedReplies records answers where every replica can read them.
type SharedReplies interface {
	// Claim marks key as answered by this replica, for ttl; when another
	// replica claimed it first, won is false, age is how long ago that
	// claim was made, by the shared store's clock (the replicas' clocks
	// need not agree). id tells the claim (this replica's, or the other's)
	// from a later one.
	Claim(ctx context.Context, key string, ttl time.Duration) (won bool, age time.Duration, id string, err error)
	// Store records the answer; late means it went through the API.
	Store(ctx context.Context, key string, replies []bot.Reply, late bool, ttl time.Duration) error
	// Load returns the answer; done is false while it is being worked out.
	Load(ctx context.Context, key string) (replies []bot.Reply, late, done bool, err error)
	// Takeover claims key for this replica, for ttl, in place of the
	// claim id, which was abandoned; in one step, won is false when an
	// answer (or word that it comes late) was stored meanwhile, or id is no
	// longer the claim (another replica took it over first). mine is the
	// new claim's id.
	Takeover(ctx context.Context, key, id string, ttl time.Duration) (won bool, mine string, err error)
	// Owns reports whether id is still key's claim (or no claim is left):
	// a replica that stalled past its budget may have been taken over.
	Owns(ctx context.Context, key, id string) (bool, error)
}

// Answerer decides what to say to a message (bot.Bot.Answer).
type Answerer func(ctx context.Context, m bot.Message) []bot.Reply

// Sender delivers a reply outside the passive window (API.SendCustom). A
// nil Sender drops such replies with a warning.
type Sender interface {
	SendCustom(ctx context.Context, openid string, r bot.Reply) error
}

// Handler is the webhook WeChat calls. It verifies every request itself,
// with constant-time comparisons, a clock window and a body limit, and
// answers each message once however often WeChat retries it.
type Handler struct {
	cfg     Config
	key     []byte
	block   cipher.Block // AES with key
	answer  Answerer
	sender  Sender
	calls   *calls
	rejects *rejectLog
	log     *slog.Logger
	now     func() time.Time
	wg      sync.WaitGroup // background deliveries
	// sealed is set once WeChat has sent an encrypted request: its
	// console says compat or safe from then on, and a
	// plaintext request (its body unsigned) is a forgery with a signed URL.
	// Before it, plaintext is taken, so that mpbot can be switched to
	// compat before WeChat's console is.
	sealed atomic.Bool
	// plainURLs are the signed URLs plaintext messages came under, each
	// with its message's hash: in plaintext the signature covers the URL
	// alone, and one read from an access log had carried any message, as
	// any follower, for the 5 minutes of the clock window (a review's find).
	// WeChat signs each message anew; its retries repeat the message.
	plainURLs *lru.Cache[string, [sha256.Size]byte]
}

// plainURLsKept bounds plainURLs: the signed URLs of some 200 messages a
// second over the 5-minute clock window.
const plainURLsKept = 1 << 16

// NewHandler checks cfg and returns the webhook handler.
func NewHandler(cfg Config, answer Answerer, sender Sender, log *slog.Logger) (*Handler, error) {
	h := &Handler{cfg: cfg, answer: answer, sender: sender, calls: newCalls(), rejects: newRejectLog(log), log: log, now: time.Now}
	h.plainURLs, _ = lru.New[string, [sha256.Size]byte](plainURLsKept)
	if cfg.Token == "" {
		return nil, errors.New("wechat.token is empty")
	}
	switch cfg.Mode {
	case ModePlain:
	case ModeCompat, ModeSafe:
		if cfg.AppID == "" {
			return nil, fmt.Errorf("wechat.app_id is needed in %s mode: it is checked inside every ciphertext", cfg.Mode)
		}
		key, err := DecodeAESKey(cfg.AESKey)
		if err != nil {
			return nil, err
		}
		h.key = key
		if h.block, err = aes.NewCipher(key); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("wechat.mode %q is not plain, compat or safe", cfg.Mode)
	}
	if cfg.ReplyBudget <= 0 {
		h.cfg.ReplyBudget = 3 * time.Second
	}
	return h, nil
}

// DecodeAESKey checks and decodes an EncodingAESKey.
func DecodeAESKey(s string) ([]byte, error) {
	if len(s) != 43 {
		return nil, fmt.Errorf("wechat.encoding_aes_key must be 43 characters, got %d", len(s))
	}
	key, err := base64.StdEncoding.DecodeString(s + "=")
	if err != nil || len(key) != 32 {
		return nil, errors.New("wechat.encoding_aes_key is not a valid EncodingAESKey")
	}
	return key, nil
}

// Seal refuses plaintext requests in compat mode from now on, as after
// an encrypted one: serve takes in what an earlier process saw (Sealed).
func (h *Handler) Seal() { h.sealed.Store(true) }

// Sealed reports whether WeChat has sent an encrypted request (or Seal
// said it had before): serve keeps it for the next start.
func (h *Handler) Sealed() bool { return h.sealed.Load() }

// Replays is every message answered lately whose request, replayed, could
// still pass the timestamp check: for the next process to take in with
// TakeReplays (a restart forgot them, and a captured request was answered
// again). A fleet keeps this in Redis instead.
func (h *Handler) Replays() []Replay { return h.calls.replays(h.now()) }

// TakeReplays takes in what an earlier process answered (Replays): copies
// of those requests are answered with nothing.
func (h *Handler) TakeReplays(rs []Replay) { h.calls.restore(rs, h.now()) }

// Wait blocks until background deliveries finish or ctx ends, and logs the
// rejections not yet summarised.
func (h *Handler) Wait(ctx context.Context) error {
	h.rejects.close()
	done := make(chan struct{})
	go func() { h.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		select { // both ready: select picked one at random, and warned of late replies there were none of
		case <-done:
			return nil
		default:
		}
		return ctx.Err()
	}
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var rej *rejection
	switch r.Method {
	case http.MethodGet:
		rej = h.verifyURL(w, parseParams(r.URL.RawQuery))
	case http.MethodPost:
		rej = h.serveMessage(w, r)
	default:
		w.Header().Set("Allow", "GET, POST")
		rej = reject(http.StatusMethodNotAllowed, "method not allowed", "%s", field(r.Method))
	}
	if rej != nil {
		h.cfg.Metrics.rejected(rej.status)
		h.rejects.add(r.Context(), rej, clientAddr(r, h.cfg.TrustedProxies), h.now())
		http.Error(w, http.StatusText(rej.status), rej.status)
	}
}

// verifyURL answers the console's GET check by echoing echostr.
func (h *Handler) verifyURL(w http.ResponseWriter, p params) *rejection {
	e := envelopes.Get().(*envelope)
	defer e.release()
	if rej := h.checkSignature(p, e); rej != nil {
		return rej
	}
	echo := p.echostr
	if echo == "" {
		return reject(http.StatusBadRequest, "URL verification without echostr", "")
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	io.WriteString(w, echo)
	return nil
}

// checkSignature verifies signature = sha1(sort(token, timestamp, nonce)) and
// that the timestamp is recent. WeChat sends it on every request.
func (h *Handler) checkSignature(p params, e *envelope) *rejection {
	ts := p.timestamp
	sec, err := strconv.ParseInt(ts, 10, 64)
	// Only WeChat's own form: the reply is signed over the timestamp as
	// given and carries it as a number, so 0123 or +123 would get a reply
	// whose signature does not verify.
	if err != nil || strconv.FormatInt(sec, 10) != ts {
		return reject(http.StatusUnauthorized, "bad timestamp", "%s", field(ts))
	}
	if d := h.now().Sub(time.Unix(sec, 0)); d > ClockWindow || d < -ClockWindow {
		return reject(http.StatusUnauthorized, "stale timestamp", "%s is %v away from now", ts, d.Round(time.Second))
	}
	if !equalSignature(e.signParams(h.cfg.Token, ts, p.nonce, nil), p.signature) {
		return reject(http.StatusUnauthorized, "wrong signature", "")
	}
	return nil
}

// request is a verified, decrypted webhook call.
type request struct {
	msg       message.MixMessage
	encrypted bool
	timestamp string
	nonce     string
}

// parseRequest verifies and decodes a POST into req, using e's buffers. It
// is the whole inbound parser, kept free of I/O so it can be fuzzed.
func (h *Handler) parseRequest(p params, body []byte, req *request, e *envelope) *rejection {
	if rej := h.checkSignature(p, e); rej != nil {
		return rej
	}
	return h.parseSigned(p, body, req, e)
}

// parseSigned is parseRequest for a request whose URL signature has been
// checked (serveMessage checks it before reading the body).
func (h *Handler) parseSigned(p params, body []byte, req *request, e *envelope) *rejection {
	req.encrypted, req.timestamp, req.nonce = p.encryptType == "aes", p.timestamp, p.nonce
	raw := body
	if len(bytes.TrimSpace(body)) == 0 {
		return reject(http.StatusBadRequest, "empty body", "") // the parser's "EOF" had said it (a hostile run's find)
	}
	switch {
	case req.encrypted && h.key == nil:
		return reject(http.StatusBadRequest, "encrypted request, but wechat.mode is plain", "")
	case !req.encrypted && h.cfg.Mode == ModeSafe:
		// In plaintext the signature does not cover the body: accepting it
		// would let anyone holding one signed URL post forged messages.
		return reject(http.StatusUnauthorized, "unencrypted request in safe mode", "")
	case !req.encrypted && h.sealed.Load():
		return reject(http.StatusUnauthorized, "unencrypted request in compat mode after encrypted ones", "")
	case req.encrypted:
		encrypted, err := encryptedOf(body)
		if err != nil {
			return reject(http.StatusBadRequest, "malformed envelope XML", "%s", errField(err))
		}
		if len(encrypted) == 0 {
			return reject(http.StatusBadRequest, "envelope has no Encrypt", "")
		}
		if !equalSignature(e.signParams(h.cfg.Token, req.timestamp, req.nonce, encrypted), p.msgSignature) {
			return reject(http.StatusUnauthorized, "wrong msg_signature", "")
		}
		var appID []byte
		raw, appID, err = e.open(h.block, h.key[:16], encrypted)
		switch {
		case errors.Is(err, errNotBase64):
			return reject(http.StatusBadRequest, "ciphertext is not base64", "")
		case err != nil:
			// The signature over it held: WeChat has the token, and its
			// key is most likely not this one (the detail had said "bad
			// ciphertext" again: a hostile run's find).
			return reject(http.StatusBadRequest, "bad ciphertext", "%s: msg_signature holds, so check wechat.encoding_aes_key against the console's EncodingAESKey", errField(err))
		}
		if string(appID) != h.cfg.AppID {
			return reject(http.StatusBadRequest, "ciphertext is for another AppID", "%d bytes where the AppID should be", len(appID))
		}
		if !h.sealed.Load() { // in safe mode too: switched to compat, plaintext is refused at once
			h.sealed.Store(true)
		}
	}
	if err := decodeMessage(raw, &req.msg); err != nil {
		// The parser quotes what it could not read (a CreateTime of
		// "abc"): the message's own text, which a rejection never logs.
		return reject(http.StatusBadRequest, "malformed message", "%s", errField(err))
	}
	if !req.encrypted {
		url := p.timestamp + "|" + p.nonce + "|" + p.signature
		sum := sha256.Sum256(raw)
		if prev, ok, _ := h.plainURLs.PeekOrAdd(url, sum); ok && prev != sum {
			return reject(http.StatusUnauthorized, "another message under a signed URL already used", "in plaintext the signature covers the URL alone: a URL read elsewhere carried a forged message (use compat or safe mode)")
		}
	}
	return nil
}

func (h *Handler) serveMessage(w http.ResponseWriter, r *http.Request) *rejection {
	// WeChat's 5 seconds run from its request, so the reply budget and the
	// reply's latency count from its arrival, the body's reading included
	// (a hostile run's find: a slow body's time was invisible).
	arrived := time.Now()
	e := envelopes.Get().(*envelope)
	defer e.release()
	p := parseParams(r.URL.RawQuery)
	// The URL's signature before the body: a request without one is
	// refused before a byte of its body is waited for (a slow upload held
	// serve's shutdown past its timeout), and its body is not drained.
	if rej := h.checkSignature(p, e); rej != nil {
		http.NewResponseController(w).SetReadDeadline(time.Now())
		return rej
	}
	// Compat mode's body holds the message twice, as text and encrypted:
	// twice the room, or it refused a text safe mode answers (a 10,000
	// character one: a real-traffic run's find).
	maxBody := int64(MaxBody)
	if h.cfg.Mode == ModeCompat {
		maxBody *= 2
	}
	if r.ContentLength > maxBody {
		// Said too large as it is announced, not after a body never sent
		// (Expect: 100-continue) timed out unreadable (a hostile run's find).
		http.NewResponseController(w).SetReadDeadline(time.Now())
		return reject(http.StatusRequestEntityTooLarge, "body too large", "announced %d bytes, over %d", r.ContentLength, maxBody)
	}
	body, err := readAll(e.body[:0], http.MaxBytesReader(w, r.Body, maxBody))
	e.body = body
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return reject(http.StatusRequestEntityTooLarge, "body too large", "over %d bytes", maxBody)
		}
		return reject(http.StatusBadRequest, "body unreadable", "%s", errField(err))
	}
	req := &e.req
	*req = request{}
	if rej := h.parseSigned(p, body, req, e); rej != nil {
		return rej
	}
	m := toBot(&req.msg)
	// CreateTime is the sender's word, inside the envelope: a clock far off
	// (or a key holder's forgery) would put a follower's last message years
	// ahead, inside the 48-hour window for ever. Within the replay window it
	// stands; outside it, the time the message arrived does.
	if now := h.now(); m.SentAt.After(now) || now.Sub(m.SentAt) > ClockWindow {
		m.SentAt = now
	}
	h.cfg.Metrics.message(string(m.Kind))
	if rc, ok := receiptOf(&req.msg); ok && h.cfg.Receipts != nil {
		// Kept whatever the dedupe says: a repeat replaces it. Within the
		// reply budget, as the bot's own writes are: a hung store had held
		// the event unanswered until WeChat hung up, and a shutdown to its
		// deadline (a hostile run's find).
		ctx, cancel := context.WithTimeout(r.Context(), answerDeadline(h.cfg.ReplyBudget-time.Since(arrived)))
		if err := h.cfg.Receipts.RecordReceipt(ctx, rc); err != nil {
			h.log.ErrorContext(r.Context(), "record WeChat's delivery receipt", "msg_id", rc.MsgID, "err", err)
		}
		cancel()
	}
	if h.log.Enabled(r.Context(), slog.LevelDebug) { // message text is personal: debug only
		h.log.DebugContext(r.Context(), "message", "openid", m.From, "kind", m.Kind, "text", m.Text)
	}

	started := h.now().Add(-time.Since(arrived)) // on h.now's clock
	replies, written := h.respondFrom(r.Context(), w, dedupeKey(&req.msg), m, arrived)
	if written {
		return nil
	}
	if len(replies) == 0 {
		writeSuccess(w)
		h.cfg.Metrics.reply("success", h.now().Sub(started).Seconds())
		return nil
	}
	defer func() { h.cfg.Metrics.reply(string(replies[0].Type), h.now().Sub(started).Seconds()) }()
	out, err := appendReply(e.out[:0], replies[0], string(req.msg.FromUserName), string(req.msg.ToUserName), h.now().Unix())
	e.out = out
	if err != nil {
		h.log.ErrorContext(r.Context(), "encode reply", "err", err)
		writeSuccess(w)
		return nil
	}
	if req.encrypted {
		if out, err = e.seal(h.block, h.key[:16], h.cfg.AppID, h.cfg.Token, out, req.timestamp, req.nonce); err != nil {
			h.log.ErrorContext(r.Context(), "encrypt reply", "err", err)
			writeSuccess(w)
			return nil
		}
	}
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	reading := replies[0].Reading != "" && h.cfg.Shown != nil
	if reading {
		h.wg.Add(1) // before the reply leaves: a Wait once the follower has it joins the record
	}
	if _, err := w.Write(out); reading && err == nil {
		go h.recordShown(r.Context(), m.From, replies[0].Reading)
	} else if reading {
		h.wg.Done()
	}
	return nil
}

// shown tells Config.Shown, beside the reply rather than before it: a
// store slow to take the write (a locked table) held the passive reply
// past WeChat's 5 seconds (a review's find). Wait joins it.
func (h *Handler) shown(ctx context.Context, openid, articleID string) {
	h.wg.Add(1)
	go h.recordShown(ctx, openid, articleID)
}

// recordShown is shown's work, its wg.Add made.
func (h *Handler) recordShown(ctx context.Context, openid, articleID string) {
	defer h.wg.Done()
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shownTimeout)
	defer cancel()
	h.cfg.Shown(ctx, openid, articleID)
}

// shownTimeout bounds recording a reading shown.
const shownTimeout = 10 * time.Second

// writeSuccess tells WeChat there is nothing to show, in every mode. (The
// SDK instead encrypts an empty reply in safe mode.)
func writeSuccess(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	io.WriteString(w, "success")
}

// readAll reads r into dst, growing it as needed.
func readAll(dst []byte, r io.Reader) ([]byte, error) {
	if cap(dst) == 0 {
		dst = make([]byte, 0, 4096)
	}
	for {
		if len(dst) == cap(dst) {
			dst = append(dst, 0)[:len(dst)]
		}
		n, err := r.Read(dst[len(dst):cap(dst)])
		dst = dst[:len(dst)+n]
		if err == io.EOF {
			return dst, nil
		}
		if err != nil {
			return dst, err
		}
	}
}

// respondFrom answers a message that arrived at start once, within the
// reply budget from then. The first request for a message runs the bot; a
// retry waits for that answer and gets the same reply. When the answer is
// late, the first request's watchdog tells WeChat "success" and the answer
// goes out through the customer-service API instead. written reports that
// the watchdog already answered.
func (h *Handler) respondFrom(ctx context.Context, w http.ResponseWriter, key string, m bot.Message, start time.Time) (replies []bot.Reply, written bool) {
	c, first, replay := h.calls.begin(key, h.now())
	for !first && !replay && c.gone() { // forgotten since: begun afresh
		c, first, replay = h.calls.begin(key, h.now())
	}
	if replay {
		// A copy of a message answered minutes ago: a captured request
		// replayed. Nothing runs again.
		h.cfg.Metrics.dedupeHit()
		h.log.DebugContext(ctx, "message seen before; not answered again", "openid", m.From)
		return nil, false
	}
	if !first {
		h.cfg.Metrics.dedupeHit()
		// What is left of this request's budget, counted from its arrival:
		// a whole one from here answered a retry whose body was slow past
		// WeChat's 5 s (a hostile run's find).
		timer := time.NewTimer(max(0, h.cfg.ReplyBudget-time.Since(start)))
		defer timer.Stop()
		select {
		case <-c.wait():
		case <-timer.C:
		case <-ctx.Done():
		}
		if c.gone() && ctx.Err() == nil {
			// The request this one waited for gave up before answering:
			// this one answers, in what is left of its budget.
			return h.respondFrom(ctx, w, key, m, start)
		}
		replies, _ = c.claim()
		return replies, false
	}

	var mine string // this replica's claim, which a late answer checks it still holds
	if h.cfg.Shared != nil {
		won, age, theirs, err := h.cfg.Shared.Claim(ctx, key, replayTTL)
		switch {
		case err == nil && won:
			mine = theirs
		case err != nil && ctx.Err() != nil:
			// WeChat hung up while the claim waited (this replica stalled
			// past its budget): a retry, here or on another replica,
			// answers the message. Answered here too it ran twice (a fleet
			// run's find: two 退订 in the query log), and the shared store
			// was not at fault.
			h.calls.forget(key, c, time.Now())
			h.log.InfoContext(ctx, "message given up: the request ended before it could be claimed", "openid", m.From)
			return nil, true
		case err != nil:
			// Dedupe falls back to this process; replies go on.
			h.cfg.Metrics.sharedStateError()
			h.log.WarnContext(ctx, "shared reply state unavailable; deduplicating in this process only", "err", err)
		case !won && age > callTTL:
			// Another replica answered this message minutes ago: a replay.
			h.cfg.Metrics.dedupeHit()
			c.finish(nil, h.now())
			return nil, false
		case !won:
			h.cfg.Metrics.dedupeHit()
			claimed := time.Now().Add(-age) // on this replica's clock
			// A claim made as this replica gave the message up is that
			// claim, reaching the store after its request ended: nobody
			// answers it (a review's find: every retry here got "success").
			abandoned := h.calls.forgotAround(key, claimed, ownClaimMargin)
			if !abandoned {
				replies, abandoned = h.awaitShared(ctx, key, claimed, h.cfg.ReplyBudget-time.Since(start))
				if !abandoned {
					c.finish(replies, h.now())
					return replies, false
				}
			}
			// The replica that claimed the message left no answer and no
			// word that it is late: it died (or lost Redis) after its
			// claim. Without a takeover every retry would wait for it,
			// and the follower would get nothing.
			won, id, err := h.cfg.Shared.Takeover(ctx, key, theirs, replayTTL)
			if err != nil || !won {
				if err != nil {
					h.cfg.Metrics.sharedStateError()
					h.log.WarnContext(ctx, "shared reply state unavailable; a message another replica claimed and did not answer is left unanswered", "err", err)
				} else if r, late, done, err := h.cfg.Shared.Load(ctx, key); err == nil && done && !late {
					replies = r // answered at the last moment
				}
				c.finish(replies, h.now())
				return replies, false
			}
			mine = id
			h.cfg.Metrics.takeover()
			h.log.WarnContext(ctx, "answering a message another replica claimed and did not answer", "openid", m.From, "claimed_ago", age.Round(time.Millisecond))
		}
	}

	// The bot runs on this goroutine: handing it to another costs more than
	// the routing itself. The watchdog only fires for a slow answer. The
	// budget counts from the call's start: a stalled Redis's claim (up to
	// a second) comes out of it, not on top of it past WeChat's 5 s.
	fallback := func() {
		if c.giveUp(func() { writeSuccessNow(w) }) {
			if h.cfg.Shared != nil {
				// Word that the answer is on its way, late: a retry on
				// another replica must not take the message over. Not
				// when another took it over already: the word would
				// hide its answer from the retries after (a fleet run's
				// find: a third replica answered "success").
				sctx := context.WithoutCancel(ctx)
				ours := true
				if mine != "" {
					owns, err := h.cfg.Shared.Owns(sctx, key, mine)
					ours = owns || err != nil
				}
				if ours {
					h.cfg.Shared.Store(sctx, key, nil, true, callTTL)
				}
			}
			// Answered "success": counted and timed as one, or the
			// slowest answers were missing from the latency an operator
			// watches (an operator run's find).
			h.cfg.Metrics.reply("success", time.Since(start).Seconds())
			h.cfg.Metrics.fallback()
			if h.sender == nil {
				h.log.WarnContext(ctx, "reply not ready within budget; answered with success, and the reply will be dropped: the customer-service API is not configured (wechat.app_secret is empty)", "openid", m.From, "budget", h.cfg.ReplyBudget)
			} else {
				h.log.WarnContext(ctx, "reply not ready within budget; it will be sent through the customer-service API", "openid", m.From, "budget", h.cfg.ReplyBudget)
			}
		}
	}
	var watchdog *time.Timer
	if left := h.cfg.ReplyBudget - time.Since(start); left > 0 {
		watchdog = time.AfterFunc(left, fallback)
	} else {
		fallback() // spent before the bot began (a slow body, a stalled claim): WeChat gets "success" now
	}
	// A late answer must still reach the follower, so the bot's context
	// survives WeChat hanging up after its "success". Its I/O ends before
	// the budget does: a store or Redis that hangs (connections open,
	// nothing answering) fails the call in time for the bot's apology to be
	// the passive reply (a fleet run's find: every such answer went out
	// late, when PostgreSQL came back, and without an AppSecret never).
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), answerDeadline(h.cfg.ReplyBudget-time.Since(start)))
	given := true // the answer is the message's: its event goes to the query log
	if mine != "" {
		var record func(keep bool)
		actx, record = bot.DeferRecord(actx)
		defer func() { record(given) }()
	}
	replies = h.answerSafely(actx, m)
	cancel()
	if watchdog != nil {
		watchdog.Stop()
	}
	if h.sender == nil && len(replies) > 1 {
		// Nothing can follow the passive reply (no AppSecret): the follower
		// gets what fits in it, rather than the first reply alone.
		merged, lost := bot.Merge(replies)
		if lost > 0 {
			h.log.WarnContext(ctx, "replies left out: without wechat.app_secret the others cannot follow the one passive reply, and these did not fit in it (set the AppSecret, or shorten the rule's replies)",
				"sent", 1, "left_out", lost)
		}
		replies = []bot.Reply{merged}
	}
	late := c.finish(replies, h.now())
	if late && mine != "" {
		// A replica that stalled (a paused process, a long GC) past its
		// budget and the takeover point may find the message answered by
		// another: its own late answer would be a second, contradicting
		// one (a fleet run's find: 文章暂时无法读取 after the card).
		if ours, err := h.cfg.Shared.Owns(context.WithoutCancel(ctx), key, mine); err == nil && !ours {
			h.log.WarnContext(ctx, "late answer dropped: another replica took the message over and answered it", "openid", m.From)
			given = false // the other replica's answer is the one logged
			return nil, true
		}
	}
	if h.cfg.Shared != nil {
		if err := h.cfg.Shared.Store(context.WithoutCancel(ctx), key, replies, late, callTTL); err != nil {
			h.cfg.Metrics.sharedStateError()
			h.log.WarnContext(ctx, "shared reply state unavailable; a retry on another replica may answer again", "err", err)
		}
	}
	if late {
		if len(replies) > 0 {
			h.deliver(ctx, m.From, replies)
		}
		return nil, true
	}
	if len(replies) > 1 {
		h.deliver(ctx, m.From, replies[1:])
	}
	return replies, false
}

// answerSafely is h.answer, with a panic in it logged and answered with
// nothing (WeChat's "success"): a bug in the bot costs one reply, not the
// process. Unrecovered, it went up to net/http, and the watchdog, never
// stopped, wrote to the dead response and took the server down (a review's
// find: 2024年3月5日第二条, on a day of one article).
func (h *Handler) answerSafely(ctx context.Context, m bot.Message) (replies []bot.Reply) {
	defer func() {
		if p := recover(); p != nil {
			h.log.ErrorContext(ctx, "the bot failed on a message; answered with nothing", "openid", m.From, "panic", p, "stack", string(debug.Stack()))
			replies = nil
		}
	}()
	return h.answer(ctx, m)
}

// answerDeadline is how long the bot's I/O may take of what is left of the
// reply budget: a fifth of it, at most half a second, is kept for the
// apology and the reply.
func answerDeadline(left time.Duration) time.Duration {
	return left - min(left/5, 500*time.Millisecond)
}

// awaitShared waits, within what is left of the reply budget (the claim
// came out of it), for the replica that claimed a message at claimed to
// record its answer. A late answer, or none in time, means "success": the
// claiming replica delivers it. abandoned reports a claim whose replica
// recorded nothing, neither answer nor lateness, by takeoverAfter past its
// own budget: it will not answer.
func (h *Handler) awaitShared(ctx context.Context, key string, claimed time.Time, budget time.Duration) (replies []bot.Reply, abandoned bool) {
	deadline := time.NewTimer(budget)
	defer deadline.Stop()
	for {
		replies, late, done, err := h.cfg.Shared.Load(ctx, key)
		switch {
		case err != nil:
			h.log.WarnContext(ctx, "shared reply state unavailable", "err", err)
			return nil, false
		case done && late:
			return nil, false
		case done:
			return replies, false
		case time.Since(claimed) > h.cfg.ReplyBudget+takeoverAfter:
			return nil, true
		}
		select {
		case <-deadline.C:
			return nil, false
		case <-ctx.Done():
			return nil, false
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// ownClaimMargin is how near the moment this replica gave a message up a
// claim of it must be to be that request's own, sent as it ended. A
// retry comes seconds later (WeChat retries after 5 s).
const ownClaimMargin = time.Second

// takeoverAfter is how long past its reply budget a claiming replica has
// to record that its answer is late before a retry takes the message
// over. A live replica records it when its budget ends; the margin is for
// a loaded one whose timer fires late. WeChat retries 5 s after a request:
// with the default 3 s budget the retry can take over at once, with the
// largest (4.5 s) it waits half a second of its own budget.
const takeoverAfter = time.Second

// writeSuccessNow answers "success" while the handler is still busy: a set
// Content-Length and a flush let WeChat read a complete response at once.
// The connection closes after it: a client keeping connections alive (a
// reverse proxy) would send the next message on it, and the server reads
// that only when this handler returns, after WeChat's 5 seconds.
func writeSuccessNow(w http.ResponseWriter) {
	w.Header().Set("Connection", "close")
	w.Header().Set("Content-Length", "7")
	writeSuccess(w)
	http.NewResponseController(w).Flush()
}

// deliver sends replies through the customer-service API in the background,
// past the request's end: ctx is the request's, for what its log lines carry
// (the request id), not for its cancellation.
func (h *Handler) deliver(ctx context.Context, openid string, replies []bot.Reply) {
	if h.sender == nil {
		h.log.WarnContext(ctx, "reply dropped: the customer-service API is not configured (wechat.app_secret is empty)", "openid", openid, "replies", len(replies))
		return
	}
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
		defer cancel()
		for _, r := range replies {
			if err := h.sender.SendCustom(ctx, openid, r); err != nil {
				// WeChat's errcode when it answered one: 0 is its "ok", and
				// had been logged for a call it never answered.
				attrs := []any{"openid", openid, "type", r.Type, "err", err}
				if code := ErrorCode(err); code != 0 {
					attrs = append(attrs, "errcode", code)
				}
				h.log.ErrorContext(ctx, "reply could not be delivered", attrs...)
			} else if r.Reading != "" && h.cfg.Shown != nil {
				h.shown(ctx, openid, r.Reading)
			}
		}
	}()
}
