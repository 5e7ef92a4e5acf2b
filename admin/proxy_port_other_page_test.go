package admin

import (
	"net/http"
	"strings"
	"testing"
)

// TestTryRefusesAnotherPortBehindAProxySayingItsPort: the console behind
// nginx at http://console.lan:8080 with the setting README gives for a
// proxy passing the host without its port: Host $host, X-Forwarded-Port
// $server_port (8080). A page of another service of that host,
// http://console.lan (port 80; same site, so the SameSite=Strict cookie
// goes along, and no Sec-Fetch-Site over plain http), posts to /try: its
// Origin http://console.lan matches "the host as given", now accepted
// beside host:port for a proxy behind a port mapping, and the try box
// answers with the operator's session — the attack the origin check was
// made for (README: a form from another port of the host is refused).
// Before d49e913 it was refused, 403: the port said was joined.
func TestTryRefusesAnotherPortBehindAProxySayingItsPort(t *testing.T) {
	srv := testConsole(t)
	login, _ := http.NewRequest("POST", srv.URL+"/login", strings.NewReader("token=the-console-token"))
	login.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	login.Host = "console.lan"
	login.Header.Set("X-Forwarded-Port", "8080")
	login.Header.Set("Origin", "http://console.lan:8080")
	_, _, resp := get(t, login)
	var session *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == cookieName {
			session = c
		}
	}
	if session == nil {
		t.Fatal("no session from the console's own login form")
	}
	req, _ := http.NewRequest("POST", srv.URL+"/try", strings.NewReader("text=%E9%80%80%E8%AE%A2"))
	req.Host = "console.lan"
	req.Header.Set("X-Forwarded-Port", "8080")
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(session)                         // same site: sent from console.lan:80
	req.Header.Set("Origin", "http://console.lan") // another port's page
	if code, body, _ := get(t, req); code == http.StatusOK {
		t.Errorf("POST /try from http://console.lan (port 80) to a console at :8080 behind a proxy saying X-Forwarded-Port 8080 was answered %d with the operator's session:\n%.200s", code, body)
	}
}
