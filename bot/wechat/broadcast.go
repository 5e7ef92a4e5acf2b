package wechat

import (
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	neturl "net/url"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/silenceper/wechat/v2/officialaccount/draft"

	"mpbot/bot"
	"mpbot/content"
)

// Broadcaster sends the daily reading as the account's one mass send of the
// day: a draft (mpnews), previews to staff, then sendall. It calls the
// endpoints itself rather than through the SDK's Broadcast, which has no
// clientmsgid and stays in preview mode after one Preview().
type Broadcaster struct {
	API   *API
	TagID int // 0: all followers
	// Covers remembers the permanent material id of each cover URL, so a
	// cover is uploaded once (the store).
	Covers    CoverCache
	DefaultID string // thumb_media_id when an article has no cover
	HTTP      *http.Client
	// RepeatAfter is how long WeChat asks a clientmsgid sent again too
	// soon (45066) to wait; 0: a minute and a second.
	RepeatAfter time.Duration
}

// CoverCache keeps uploaded covers' material ids.
type CoverCache interface {
	MediaID(ctx context.Context, url string) (string, bool, error)
	SetMediaID(ctx context.Context, url, id string) error
}

// Draft creates the day's draft (draft/add) and returns its media_id.
func (b *Broadcaster) Draft(ctx context.Context, a content.Article) (string, error) {
	thumb, err := b.cover(ctx, a.Cover)
	if err != nil {
		return "", err
	}
	req := map[string]any{"articles": []draft.Article{{
		Title: a.Title, Author: a.Author, Digest: bot.Cut(content.Describe(a), 120), Content: draftContent(a),
		ContentSourceURL: a.URL, ThumbMediaID: thumb, ShowCoverPic: 1,
	}}}
	var resp struct {
		MediaID string `json:"media_id"`
	}
	if err := b.API.Post(ctx, "/cgi-bin/draft/add", req, &resp); err != nil {
		return "", err
	}
	if resp.MediaID == "" {
		// An answer without an errcode nor the draft (a proxy's, a fake's):
		// the mass send of media_id "" had gone out and counted as sent
		// (an operator run's find).
		return "", errors.New("/cgi-bin/draft/add: WeChat's answer has no media_id")
	}
	return resp.MediaID, nil
}

// draftContent is the article's text as the draft's HTML, a paragraph to
// each blank-line-separated block. The summary leads only when the body does
// not already open with it: importers take the summary from the first
// paragraph (below a subheading, with line breaks folded), and a follower
// would read it twice.
func draftContent(a content.Article) string {
	var paras []string
	for p := range strings.SplitSeq(a.Body, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	var b strings.Builder
	sum := strings.TrimSpace(a.Summary)
	fold := func(s string) string { return strings.Join(strings.Fields(s), "") }
	opening := fold(strings.Join(paras[:min(len(paras), draftOpening)], ""))
	if sum != "" && !strings.Contains(opening, fold(strings.TrimSuffix(sum, "…"))) {
		paras = append([]string{sum}, paras...)
	}
	// WeChat takes a draft's content of fewer than 20,000 characters, tags
	// included: a long article (a 政府工作报告, a plenum's communiqué: 36 of
	// the shared corpus's bodies) is its opening, said to be, and the day's
	// mass send had failed at draft/add (a review's find).
	note := "<p>（篇幅所限，以上为节选。）</p>"
	if a.URL != "" {
		note = "<p>（篇幅所限，以上为节选，全文请点「阅读原文」。）</p>"
	}
	used := 0
	for i, p := range paras {
		para := "<p>" + html.EscapeString(p) + "</p>"
		n := utf8.RuneCountInString(para)
		limit := maxDraftRunes - utf8.RuneCountInString(note) // room for the note after it
		if i == len(paras)-1 {
			limit = maxDraftRunes // the last needs none
		}
		if used+n > limit {
			left := maxDraftRunes - utf8.RuneCountInString(note) - used - len("<p>…</p>")
			// A paragraph that would end the draft with much room left (one
			// longer than a draft, after a heading or none: a body pasted
			// with single line breaks is one) gives its opening; it had been
			// left out, the draft a heading and the note (a re-check's find).
			if left > 0 && (used == 0 || left > maxDraftRunes/4) {
				b.WriteString("<p>" + escapedPrefix(p, left) + "…</p>")
			}
			b.WriteString(note)
			break
		}
		b.WriteString(para)
		used += n
	}
	return b.String()
}

// maxCover is the largest cover uploaded: WeChat's limit for an image.
const maxCover = 10 << 20

// maxDraftRunes is the most characters a draft's content is given, a
// margin under WeChat's 20,000.
const maxDraftRunes = 19_000

// escapedPrefix is the longest start of s whose escaped HTML is at most n
// characters, escaped.
func escapedPrefix(s string, n int) string {
	var b strings.Builder
	for _, r := range s {
		e := html.EscapeString(string(r))
		if n -= utf8.RuneCountInString(e); n < 0 {
			break
		}
		b.WriteString(e)
	}
	return b.String()
}

// draftOpening is how many of the body's first paragraphs a summary taken
// from it may come from: a subheading, a date line, then the paragraph.
const draftOpening = 3

// Preview sends the draft to one staff member (message/mass/preview).
func (b *Broadcaster) Preview(ctx context.Context, mediaID, openid string) error {
	return b.API.Post(ctx, "/cgi-bin/message/mass/preview", map[string]any{
		"touser": openid, "msgtype": "mpnews", "mpnews": map[string]string{"media_id": mediaID},
	}, nil)
}

// SendAll mass-sends the draft (message/mass/sendall) and returns WeChat's
// msg_id, which its MASSSENDJOBFINISH receipt names. key becomes the
// clientmsgid, so WeChat refuses a repeat (45065), which counts as sent.
func (b *Broadcaster) SendAll(ctx context.Context, mediaID, key string) (int64, error) {
	filter := map[string]any{"is_to_all": b.TagID == 0}
	if b.TagID != 0 {
		filter["tag_id"] = b.TagID
	}
	send := func() (int64, error) {
		var out struct {
			MsgID int64 `json:"msg_id"`
		}
		err := b.API.Post(ctx, "/cgi-bin/message/mass/sendall", map[string]any{
			"filter": filter, "msgtype": "mpnews", "mpnews": map[string]string{"media_id": mediaID},
			"send_ignore_reprint": 0, "clientmsgid": key,
		}, &out)
		if ErrorCode(err) == 45065 {
			return 0, nil // this clientmsgid was sent already: the broadcast happened
		}
		return out.MsgID, err
	}
	id, err := send()
	if ErrorCode(err) != 45066 {
		return id, err
	}
	// The key was sent within the minute (a retry after an answer lost, a
	// rerun just after a crash): that send reached WeChat, and whether it
	// went out is told only by sending again after the minute WeChat asks
	// for (45065: it did). Read as a plain failure, the day was "not gone
	// out", free to be rerun in a mode sending each follower the reading
	// a second time (a review's find).
	wait := b.RepeatAfter
	if wait <= 0 {
		wait = time.Minute + time.Second
	}
	select {
	case <-time.After(wait):
		id, err = send()
	case <-ctx.Done():
	}
	if err != nil || ctx.Err() != nil {
		// Whatever the send after the minute says but 45065 (45028, no
		// quota: the day's one perhaps used by the first), the first
		// reached WeChat: maybe sent, never a sure failure (a re-check's
		// find).
		why := "stopped while waiting"
		if err != nil {
			why = "sent again: " + err.Error()
		}
		return 0, &Error{Endpoint: "/cgi-bin/message/mass/sendall", Code: 45066, Unsure: true,
			Msg: "this clientmsgid was sent moments before and may have gone out (" + why + "); a rerun sends it again with the same key"}
	}
	return id, nil
}

// Check reports what would stop the article's mass send before any call:
// for a dry run, which must not say a send will go that cannot.
func (b *Broadcaster) Check(a content.Article) error {
	if a.Cover == "" && b.DefaultID == "" {
		return errors.New("the article has no cover, and a mass send needs one (set push.default_thumb_media_id)")
	}
	return nil
}

// cover returns the permanent material id for a cover URL, uploading the
// image on first use.
func (b *Broadcaster) cover(ctx context.Context, url string) (string, error) {
	if url == "" {
		if err := b.Check(content.Article{}); err != nil {
			return "", err
		}
		return b.DefaultID, nil
	}
	if id, ok, err := b.Covers.MediaID(ctx, url); err != nil || ok {
		return id, err
	}
	client := b.HTTP
	if client == nil {
		client = b.API.http
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", fmt.Errorf("cover %s: %w", url, err)
	}
	defer resp.Body.Close()
	img, err := io.ReadAll(io.LimitReader(resp.Body, maxCover+1))
	if err != nil || resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("cover %s: status %d %v", url, resp.StatusCode, err)
	}
	if len(img) > maxCover {
		// Cut to the limit, it had gone up a broken picture (a review's note).
		return "", fmt.Errorf("cover %s: over 10 MB, the most WeChat takes for an image", url)
	}
	name := "cover.jpg"
	if u, err := neturl.Parse(url); err == nil && strings.Contains(path.Base(u.Path), ".") {
		name = path.Base(u.Path) // not its query (a.jpg?w=640)
	}
	var out struct {
		MediaID string `json:"media_id"`
	}
	if err := b.API.upload(ctx, "/cgi-bin/material/add_material", neturl.Values{"type": {"image"}}, name, img, nil, &out); err != nil {
		return "", err
	}
	if out.MediaID == "" { // kept, it would be every later draft's cover
		return "", fmt.Errorf("cover %s: /cgi-bin/material/add_material: WeChat's answer has no media_id", url)
	}
	return out.MediaID, b.Covers.SetMediaID(ctx, url, out.MediaID)
}
