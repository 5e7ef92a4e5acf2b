package admin

import (
	"net/http"
	"strings"
	"testing"
)

// TestLoginFormOverPlainHTTPOnALANAddress: what chromium sends with the
// console's own login form when the console is opened over plain http at
// a LAN address or a host name (admin.addr 0.0.0.0:8081, an operator at
// http://192.168.1.5:8081): no Sec-Fetch-Site (sent to trustworthy origins
// only: https, localhost) and `Origin: null` (the page's Referrer-Policy is
// no-referrer, which serializes a POST's origin as null). Seen in headless
// chromium on http://console.lan:23206 (mapped to 127.0.0.1): 403
// "refused: a form posted from another site or origin"; the operator
// cannot log in. It logged in before 16dccaf.
func TestLoginFormOverPlainHTTPOnALANAddress(t *testing.T) {
	srv := testConsole(t)
	req, _ := http.NewRequest("POST", srv.URL+"/login", strings.NewReader("token=the-console-token"))
	req.Host = "192.168.1.5:8081"
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	// (Under the console's Referrer-Policy same-origin, its own form
	// says its origin; under no-referrer it had said null.)
	req.Header.Set("Origin", "http://192.168.1.5:8081")
	if code, body, _ := get(t, req); code == http.StatusForbidden {
		t.Errorf("the console's own login form over plain http at %s is refused: %d %s", req.Host, code, strings.TrimSpace(body))
	}
}

// TestLoginFormThroughAProxyRewritingHost: nginx's proxy_pass sends
// Host: <upstream> by default (proxy_set_header Host $proxy_host); an
// operator serving the console at http://console.lan:8080 through it (plain
// http, so no Sec-Fetch-Site) has the browser's Origin
// http://console.lan:8080 compared with Host 127.0.0.1:8081: 403. Seen with
// an httputil.ReverseProxy (SetURL) on 23207 in front of 23206 in chromium
// (there the Origin was "null", as above). Over https (Sec-Fetch-Site:
// same-origin) it logs in.
func TestLoginFormThroughAProxyRewritingHost(t *testing.T) {
	srv := testConsole(t)
	req, _ := http.NewRequest("POST", srv.URL+"/login", strings.NewReader("token=the-console-token"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "http://console.lan:8080")
	req.Header.Set("X-Forwarded-Host", "console.lan:8080")
	if code, body, _ := get(t, req); code == http.StatusForbidden {
		t.Errorf("the console's own login form through a Host-rewriting proxy (Origin %s, Host %s) is refused: %d %s", req.Header.Get("Origin"), req.Host, code, strings.TrimSpace(body))
	}
}
