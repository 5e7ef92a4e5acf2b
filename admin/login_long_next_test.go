package admin

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestLoginFromALongSearchPage: the login form now carries the page asked
// for (next), and the login reads its post through a 4,096-byte limit. An
// operator whose session ended on an article search of a follower's pasted
// question (/articles?q= and 300 Chinese characters: 2,700 bytes as a URL,
// some 4,500 once the form encodes it again) types the right token and is
// told "wrong token" — 401, and "console login refused" in the log, as a
// guess would be — for as long as they log in from that page. The token
// was right; a next too long to keep should be dropped, not the login.
func TestLoginFromALongSearchPage(t *testing.T) {
	srv := testConsole(t)
	q := strings.Repeat("基层治理", 75) // 300 characters
	req, _ := http.NewRequest("GET", srv.URL+"/articles?q="+url.QueryEscape(q), nil)
	code, form, _ := get(t, req)
	if code != http.StatusUnauthorized || !strings.Contains(form, `name="token"`) {
		t.Fatalf("no login form: %d", code)
	}
	// Post the form as the page has it: its fields, the right token.
	vals := url.Values{"token": {"the-console-token"}}
	if i := strings.Index(form, `name="next" value="`); i >= 0 {
		v := form[i+len(`name="next" value="`):]
		vals.Set("next", strings.ReplaceAll(v[:strings.Index(v, `"`)], "&amp;", "&"))
	}
	post, _ := http.NewRequest("POST", srv.URL+"/login", strings.NewReader(vals.Encode()))
	post.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	code, body, _ := get(t, post)
	if code != http.StatusSeeOther {
		t.Errorf("the right token, posted from the login form of a long search (%d bytes), is refused: %d %s", len(vals.Encode()), code,
			map[bool]string{true: "(wrong token)", false: ""}[strings.Contains(body, "wrong token")])
	}
}

// TestLoginFormTooLongIsNoWrongToken: a login post over the bound is
// refused as too long, not as a wrong token (logged as a guess).
func TestLoginFormTooLongIsNoWrongToken(t *testing.T) {
	srv := testConsole(t)
	vals := url.Values{"token": {"the-console-token"}, "next": {"/articles?q=" + strings.Repeat("x", 20<<10)}}
	post, _ := http.NewRequest("POST", srv.URL+"/login", strings.NewReader(vals.Encode()))
	post.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if code, body, _ := get(t, post); code != http.StatusRequestEntityTooLarge || strings.Contains(body, "wrong token") {
		t.Errorf("a login form of 20 KB: %d %s", code, strings.TrimSpace(body))
	}
}
