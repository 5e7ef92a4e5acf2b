// Package content owns the platform's articles: their shape, the store that
// keeps them and the search that finds them for a follower's few words.
package content

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// ErrNotFound means what was asked for (an article, a follower, a day's
// reading) is not in the store.
var ErrNotFound = errors.New("not found")

// dateShape is a date written as YYYY-MM-DD, whether or not it is a day.
var dateShape = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// DateLayout is the layout of published_on and scheduled_on in files and the CLI.
const DateLayout = "2006-01-02"

// Size limits of what is imported. An article is a few to a hundred
// kilobytes (a government work report, the longest in the corpus, is under
// 200 KiB); an HTML page carries scripts and styles around it. Beyond these,
// a file is a mistake or an attack, and parsing it would cost minutes and
// gigabytes.
const (
	MaxArticleBytes = 2 << 20  // one JSON Lines line or one Markdown file
	MaxJSONBytes    = 64 << 20 // one .json file: a list of articles, each at most MaxArticleBytes
	MaxPageBytes    = 16 << 20 // one saved HTML page
)

// Reading is the daily reading (每日一读) chosen for a day (YYYY-MM-DD).
type Reading struct {
	Day     string
	Article Article
}

// Article is one piece of content a follower can be pointed at.
type Article struct {
	ID          string    `json:"id"`
	Title       string    `json:"title"`
	Summary     string    `json:"summary,omitempty"`
	Body        string    `json:"body,omitempty"`
	URL         string    `json:"url"`
	Cover       string    `json:"cover,omitempty"`
	Category    string    `json:"category,omitempty"`
	Tags        []string  `json:"tags,omitempty"`
	Source      string    `json:"source,omitempty"`
	Author      string    `json:"author,omitempty"`
	PublishedOn string    `json:"published_on,omitempty"` // YYYY-MM-DD
	ScheduledOn string    `json:"scheduled_on,omitempty"` // YYYY-MM-DD, for the daily reading
	CreatedAt   time.Time `json:"created_at,omitzero"`
	UpdatedAt   time.Time `json:"updated_at,omitzero"`
	// Origin is where an import read it (file:line), for its messages;
	// not stored.
	Origin string `json:"-"`
	// Named is the address the file itself gives, when the operator's
	// --url took its place (import says so); not stored.
	Named string `json:"-"`
}

// Bounds of what a reply can show of an article (a hostile-input run's
// finds: 3,000-byte addresses made a list of no article, each line past a
// text reply's 2,048 bytes; a 150,000-character title or a 100 KB address
// a card WeChat never delivered).
const (
	// MaxURLBytes is the longest address or cover: WeChat takes a menu's
	// link up to 1,024 bytes (the shared corpus's longest is 527).
	MaxURLBytes = 1024
	// MaxTitleRunes is the longest title: WeChat's editor takes 64
	// characters, the corpus's longest is 110.
	MaxTitleRunes = 200
)

// Validate reports what makes an article unusable in a reply: each
// problem a *FieldError naming the field at fault.
func (a Article) Validate() error {
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, &FieldError{Field: field, Err: fmt.Errorf(format, args...)})
	}
	if strings.TrimSpace(a.ID) == "" && strings.TrimSpace(a.URL) == "" {
		bad("id", "needs an id or a url")
	} else if t := strings.TrimSpace(a.ID); t != a.ID {
		// "t-6 " added a second article beside t-6, which both answered
		// (an operator run's find).
		bad("id", "id %q has spaces around it: write %q", a.ID, t)
	}
	if strings.TrimSpace(a.Title) == "" {
		bad("title", "title is empty")
	} else if n := utf8.RuneCountInString(a.Title); n > MaxTitleRunes {
		bad("title", "title is %d characters long, more than the %d a card shows (is the body in the title field?)", n, MaxTitleRunes)
	}
	for _, u := range []struct{ name, v string }{{"url", a.URL}, {"cover", a.Cover}} {
		switch {
		case u.v == "":
		case len(u.v) > MaxURLBytes:
			bad(u.name, "%s is %d bytes long, more than the %d a reply's link may be", u.name, len(u.v), MaxURLBytes)
		case strings.ContainsAny(u.v, unsafeInURL):
			// A card's link with a space or a quote in it breaks where it
			// is shown (a list's <a href="…">) or opens another page.
			bad(u.name, "%s %q holds a space, quote or other character a link cannot (percent-encode it: a space is %%20)", u.name, cut(u.v, 80))
		case !WebURL(u.v):
			bad(u.name, "%s %q is not an http(s) URL", u.name, cut(u.v, 80))
		}
	}
	for _, d := range []struct{ name, v string }{{"published_on", a.PublishedOn}, {"scheduled_on", a.ScheduledOn}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse(DateLayout, d.v); err != nil {
			if dateShape.MatchString(d.v) {
				// Written so, but no day (2026-13-45, 2024-02-30): "not a
				// YYYY-MM-DD date" said the opposite (an operator run's find).
				bad(d.name, "%s %q is no day of the calendar: its month or day is out of range", d.name, d.v)
			} else {
				// The other forms read are named: YYYY-MM-DD alone had read
				// as the one form taken (a newcomer's run).
				bad(d.name, "%s %q is not a YYYY-MM-DD date (2026/11/26, 2026.11.26 and 2026年11月26日 are read too)", d.name, d.v)
			}
		}
	}
	// PostgreSQL refuses text holding U+0000 or invalid UTF-8, and a
	// batch of 500 went with the one article: refused here, it is the
	// one reported, at its line.
	fields := []struct{ name, v string }{{"id", a.ID}, {"title", a.Title}, {"summary", a.Summary}, {"body", a.Body},
		{"url", a.URL}, {"cover", a.Cover}, {"category", a.Category}, {"source", a.Source}, {"author", a.Author}}
	for _, t := range a.Tags {
		fields = append(fields, struct{ name, v string }{"tags", t})
	}
	for _, f := range fields {
		switch {
		case strings.IndexByte(f.v, 0) >= 0:
			bad(f.name, "%s holds a NUL character (U+0000)", f.name)
		case !utf8.ValidString(f.v):
			bad(f.name, "%s is not valid UTF-8", f.name)
		case f.name != "body":
			// A control character or a noncharacter in what a reply or
			// a terminal shows (a title's \x1b[2J cleared the operator's
			// screen in articles list; XML cannot carry \x01: a
			// hostile-input run's finds). A body's are dropped where a
			// snippet of it is shown.
			if i := strings.IndexFunc(f.v, controlChar); i >= 0 {
				r, _ := utf8.DecodeRuneInString(f.v[i:])
				bad(f.name, "%s holds a control character (%U) that a reply cannot show: remove it", f.name, r)
			}
		}
	}
	return errors.Join(errs...)
}

// controlChar reports whether r is a control character (but a tab or a
// line break) or one of the noncharacters U+FFFE and U+FFFF.
func controlChar(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || 0x7f <= r && r <= 0x9f || r == 0xfffe || r == 0xffff
}

// FieldError is one problem of an article, with the field at fault
// (front matter's key, JSON's name), so a reader can say which line.
type FieldError struct {
	Field string
	Err   error
}

func (e *FieldError) Error() string { return e.Err.Error() }
func (e *FieldError) Unwrap() error { return e.Err }

// FieldErrors are the field errors err holds (Validate's, joined).
func FieldErrors(err error) []*FieldError {
	var out []*FieldError
	if fe, ok := err.(*FieldError); ok {
		return append(out, fe)
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			out = append(out, FieldErrors(e)...)
		}
	}
	return out
}

// Hit is one search result. Score is normalised to 0..1 so that callers can
// tell a clear answer from a weak one without knowing the ranking formula.
type Hit struct {
	Article Article `json:"article"`
	Score   float64 `json:"score"`
	Snippet string  `json:"snippet,omitempty"` // the summary around the match, matches in 【】
	// Story is, when the article is a roundup (国内联播快讯), the item of it
	// that matched: what the follower is shown instead of the roundup.
	Story *Story `json:"story,omitempty"`
}

// WebURL reports whether s is an absolute http or https URL: what a
// follower's phone may open. (javascript:, data: and relative links are
// not, nor text with a space or a quote: url.Parse takes them.)
func WebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(s, unsafeInURL)
}

// ArticleURL is a WeChat article's address without what varies between
// copies of one link: its scheme (https), its fragment (#rd,
// #wechat_redirect) and the parameters other than the four naming the
// article (__biz, mid, idx, sn; chksm, scene and the like track the
// reader). Saved twice from links copied apart, one article had been two
// (an operator run's find), and again when one copy's og:url said http://
// and the other's saved-from comment https:// (another's). Other addresses
// are as given: a fragment may name a part of a long page, and a site may
// serve another page at http://.
func ArticleURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || !strings.EqualFold(u.Host, "mp.weixin.qq.com") || !WebURL(s) {
		return s
	}
	u.Scheme, u.Host = "https", "mp.weixin.qq.com" // WeChat serves its articles at https, and sends http there
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "/s" {
		// The parameters as written (__biz ends in ==, unescaped), in
		// one order.
		raw := map[string]string{}
		for _, p := range strings.Split(u.RawQuery, "&") {
			if k, _, _ := strings.Cut(p, "="); raw[k] == "" {
				raw[k] = p
			}
		}
		var kept []string
		for _, k := range []string{"__biz", "mid", "idx", "sn"} {
			if p := raw[k]; len(p) > len(k)+1 {
				kept = append(kept, p)
			}
		}
		if len(kept) == 4 {
			u.RawQuery = strings.Join(kept, "&")
		} else {
			// A link naming its article otherwise (a temporary one's
			// signature): only the reader's tracking goes.
			var rest []string
			for _, p := range strings.Split(u.RawQuery, "&") {
				if k, _, _ := strings.Cut(p, "="); p != "" && !weChatTracking[k] {
					rest = append(rest, p)
				}
			}
			u.RawQuery = strings.Join(rest, "&")
		}
	}
	return u.String()
}

// weChatTracking are the parameters of a WeChat article's link that say
// who read it, from where and on what, not which article it is.
var weChatTracking = map[string]bool{"chksm": true, "scene": true, "subscene": true, "ascene": true, "sessionid": true,
	"clicktime": true, "enterid": true, "devicetype": true, "version": true, "nettype": true, "lang": true,
	"exportkey": true, "pass_ticket": true, "wx_header": true, "key": true, "uin": true, "abtest_cookie": true,
	"from": true, "isappinstalled": true, "srcid": true, "sharer_sharetime": true, "sharer_shareid": true,
	"sharer_shareinfo": true, "sharer_shareinfo_first": true, "poc_token": true, "countrycode": true, "realreporttime": true}

// unsafeInURL are the characters RFC 3986 leaves out of a URL that
// url.Parse lets through: whitespace, quotes, angle brackets and the like.
const unsafeInURL = " \t\r\n\"<>\\^`{|}"

// cut shortens s to n characters for an error message.
func cut(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
