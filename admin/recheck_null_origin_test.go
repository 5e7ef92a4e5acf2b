package admin

import (
	"net/http"
	"strings"
	"testing"
)

// TestTryRefusesNullOriginFromAnotherPort: the console opened over plain
// http at a host name or LAN address (http://console.lan:8081; chromium
// sends no Sec-Fetch-Site there). A page on another port of that host
// (http://console.lan:9999, same site: the SameSite=Strict cookie goes
// along) with <meta name="referrer" content="no-referrer"> auto-submits a
// form to /try: chromium sends `Origin: null`, which fromThisOrigin lets
// through, and the try box answers with the operator's session. Seen in
// headless chromium (console_recheck_origin_test.go). The console's own
// forms send their real Origin since it sends Referrer-Policy: same-origin,
// so null is not needed for them.
func TestTryRefusesNullOriginFromAnotherPort(t *testing.T) {
	srv := testConsole(t)
	session := loginSession(t, srv.URL, "console.lan:8081")
	req, _ := http.NewRequest("POST", srv.URL+"/try", strings.NewReader("text=%E9%80%80%E8%AE%A2"))
	req.Host = "console.lan:8081"
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(session)           // same site: sent from console.lan:9999
	req.Header.Set("Origin", "null") // the attacker's page is no-referrer
	if code, body, _ := get(t, req); code == http.StatusOK {
		t.Errorf("POST /try from another port's no-referrer page (Origin: null, no Sec-Fetch-Site) was answered %d with the operator's session:\n%.200s", code, body)
	}
}

// TestLogoutRefusesNullOrigin: any site (cookie or not) logs the operator
// out of a console served over plain http at a host name: its no-referrer
// page posts to /logout with `Origin: null`, and the answer deletes the
// session cookie (chromium honours the Set-Cookie of a top-level
// navigation).
func TestLogoutRefusesNullOrigin(t *testing.T) {
	srv := testConsole(t)
	req, _ := http.NewRequest("POST", srv.URL+"/logout", nil)
	req.Host = "console.lan:8081"
	req.Header.Set("Origin", "null")
	code, _, resp := get(t, req)
	for _, c := range resp.Cookies() {
		if c.Name == cookieName && c.MaxAge < 0 {
			t.Errorf("POST /logout with Origin: null and no Sec-Fetch-Site (%d) deletes the session cookie", code)
		}
	}
}
