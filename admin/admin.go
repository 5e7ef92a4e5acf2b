// Package admin is the operators' console: read-only web pages, behind a
// token, on an address of their own. It shows what the query log says
// (messages, answered shares, unanswered topics, rules and keys used), the
// daily push and the schedule ahead, the articles as the bot would answer,
// a box that shows a reply as a follower's phone does, and the compiled
// rules with the check of the live config file. Editing stays in
// config.yaml, where it is reviewed and versioned.
package admin

import (
	"cmp"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"mpbot/bot"
	"mpbot/content"
	"mpbot/insights"
	"mpbot/store"
)

// Deps are what the console shows, from the running app.
type Deps struct {
	Token string // the console's password (MPBOT_ADMIN_TOKEN)
	// Report reports on the query log from since to now.
	Report func(ctx context.Context, since time.Time) (*insights.Report, error)
	// Answer answers text as the bot does, for a console session (no
	// follower is recorded, nothing is logged).
	Answer func(ctx context.Context, session, text string) []bot.Reply
	// Search lists what the search finds for a query, with scores.
	Search func(ctx context.Context, query string) ([]content.Hit, error)
	// Article returns one stored article.
	Article func(ctx context.Context, id string) (content.Article, error)
	// Plan is the daily reading of the days ahead.
	Plan func(ctx context.Context, days int) ([]store.Planned, error)
	// Rules describes the compiled rules; Check checks the live config
	// file.
	Rules func() string
	Check func(context.Context) ConfigCheck
	// ClientAddr is the address of a request's client, as the trusted
	// proxies say it (server.trusted_proxies); nil: its peer's.
	ClientAddr func(*http.Request) string
	Log        *slog.Logger
}

// ConfigCheck is what the config page says of the config file.
type ConfigCheck struct {
	File    string // "" when serve runs on the embedded defaults, without live reload
	Problem string // why the file is not applied; "" when it is valid
	// Warnings are what `mpbot check` warns of in the config applied: a
	// push.category no article is of, a rule whose search finds nothing
	// (the page had said 有效 alone while the daily reading had stopped:
	// an operator run's find).
	Warnings []string
}

// Console serves the pages.
type Console struct {
	deps Deps
	mux  *http.ServeMux
	key  []byte // signs session cookies

	mu      sync.Mutex
	revoked map[string]int64 // sessions logged out, until their expiry (unix seconds)
	guesses *wrongTokens
}

//go:embed templates/*.html
var templates embed.FS

// outcomeWords are the query log's outcomes an answer of "other" has.
var outcomeWords = map[string]string{
	"opt_in": "开启每日一读", "opt_out": "退订每日一读", "opt_status": "问是否订阅了每日一读", "not_saved": "订阅或退订没能保存",
	"no_list": "没有列表时的数字", "out_of_range": "超出列表的数字", "unavailable": "文章或列表暂时无法读取", "default": "图片、语音等默认回复",
	"more": "更多", "rejected": "不是这个", "follow_up": "从列表里打开", "unknown_key": "没有规则回答的菜单",
	"mentions": "没有专门讲它的文章",
}

// pushState is a day's push state as the console says it.
func pushState(state string, rehearsal bool) string {
	switch {
	case rehearsal && state == "done":
		return "已演练：push.mode 为 log，只写入发件箱，没有粉丝收到"
	case rehearsal:
		return cmp.Or(pushStates[state], state) + "（演练，没有粉丝收到）"
	}
	return cmp.Or(pushStates[state], state)
}

// pushStates are the push ledger's states (store.RunState, and the
// report's missed) as the console says them.
var pushStates = map[string]string{"done": "已完成", "running": "进行中", "stopped": "已停止（重跑可补发）", "missed": "未推送"}

var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"pct": func(n, of int) string {
		if of == 0 {
			return "-"
		}
		return share(n, of)
	},
	"score": func(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) },
	"join":  strings.Join,
	// An id holding / ? # or % (exam/2026-01) is one path segment: its
	// link had reached another page, or none (an operator run's find).
	"pathEscape": url.PathEscape,
	"has":        slices.Contains[[]string],
	// A day's push in the console's words: "done（演练）" mixed the
	// ledger's English with them (a newcomer's run).
	"pushState": pushState,
	// What an answer of "other" was, in the console's words: the query
	// log's codes (opt_status, no_list) had been shown as they are (an
	// operator run's find).
	"outcome": func(code string) string { return cmp.Or(outcomeWords[code], code) },
}).ParseFS(templates, "templates/*.html"))

// New returns the console; its handler refuses everything without the token.
func New(d Deps) *Console {
	c := &Console{deps: d, mux: http.NewServeMux(), key: []byte(rand.Text() + d.Token), guesses: newWrongTokens(d.ClientAddr)}
	c.mux.HandleFunc("GET /login", c.loginForm)
	c.mux.HandleFunc("POST /login", c.login)
	c.mux.HandleFunc("POST /logout", c.logout)
	c.mux.Handle("GET /{$}", c.auth(c.dashboard))
	c.mux.Handle("GET /unanswered", c.auth(c.unanswered))
	c.mux.Handle("GET /articles", c.auth(c.articles))
	c.mux.Handle("GET /articles/{id}", c.auth(c.article))
	c.mux.Handle("GET /schedule", c.auth(c.schedule))
	c.mux.Handle("GET /try", c.auth(c.try))
	c.mux.Handle("POST /try", c.auth(c.try))
	c.mux.Handle("GET /config", c.auth(c.config))
	return c
}

func (c *Console) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// Pages carry nothing from another host, and are never framed.
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	// same-origin, not no-referrer: under that a browser posts the
	// console's own forms with Origin: null, which no check can place (a
	// re-check's find: over plain http at a LAN address, no login).
	w.Header().Set("Referrer-Policy", "same-origin")
	// The pages carry what followers wrote: kept in the browser's cache,
	// Back after 退出 showed them again (an operator run's find).
	w.Header().Set("Cache-Control", "no-store")
	if err := fromThisOrigin(r); err != nil {
		http.Error(w, err.Error(), http.StatusForbidden)
		return
	}
	c.mux.ServeHTTP(w, r)
}

// fromThisOrigin refuses a form posted from another origin: a page of
// another site had logged the operator out, one on another port of the
// host had used the try box with their session (an operator run's finds).
// A browser says where a request comes from by Sec-Fetch-Site (to https
// and localhost), else by Origin, compared with the host the request was
// sent to, as a proxy says it (X-Forwarded-Host) or as it arrived. A
// request saying neither (a script, an old browser) is let through, but not
// Origin: null: the console's pages send their origin (Referrer-Policy
// same-origin), and a page elsewhere gets null by asking for no referrer
// (a re-check's find: over plain http at a host name, a page on another
// port used the try box with the operator's session).
func fromThisOrigin(r *http.Request) error {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return nil
	}
	switch site := r.Header.Get("Sec-Fetch-Site"); site {
	case "same-origin", "none":
		return nil
	case "":
	default:
		return fmt.Errorf("refused: a form posted from another site or origin (Sec-Fetch-Site: %s)", site)
	}
	origin := r.Header.Get("Origin")
	switch origin {
	case "":
		return nil
	case "null":
		return errors.New("refused: a form posted from a page that hides its origin (Origin: null)")
	}
	u, err := url.Parse(origin)
	if err != nil {
		return fmt.Errorf("refused: a form posted from an origin that is no address (%q)", origin)
	}
	// A proxy may name the host without its port (nginx's $host) and the
	// port apart (X-Forwarded-Port). A host without a port and none said
	// is compared as it is: console.lan is not console.lan:8080, for it
	// cannot be told from another port of the host, whose pages must not
	// post here.
	port := firstOf(r.Header.Get("X-Forwarded-Port"))
	forwarded := firstOf(r.Header.Get("X-Forwarded-Host"))
	for _, host := range []string{r.Host, forwarded} {
		if host == "" {
			continue
		}
		// Joined only: the host as given as well let a page on port 80
		// post to a console on 8080 behind such a proxy (a re-check's
		// find). Behind a port mapping, where the proxy's port is not the
		// browser's, $http_host passes the browser's.
		if _, _, err := net.SplitHostPort(host); err != nil && port != "" {
			host = net.JoinHostPort(strings.Trim(host, "[]"), port)
		}
		if strings.EqualFold(host, u.Host) || strings.EqualFold(host, defaultPort(u)) {
			return nil
		}
	}
	sent := r.Host
	if forwarded != "" {
		sent += ", X-Forwarded-Host " + forwarded
	}
	if port != "" {
		sent += ", X-Forwarded-Port " + port
	}
	// nginx's $host drops the port: the advice had been it, and a console
	// behind a proxy on a port of its own stayed refused (an operator
	// run's find).
	return fmt.Errorf("refused: a form posted from another origin (%s, not %s); behind a proxy, have it pass the host and port the browser used (nginx: proxy_set_header Host $http_host; or X-Forwarded-Host $http_host)", origin, sent)
}

// firstOf is the first of a header's comma-separated values, trimmed.
func firstOf(v string) string {
	first, _, _ := strings.Cut(v, ",")
	return strings.TrimSpace(first)
}

// defaultPort is u's host with its scheme's port written out
// (console.lan:80 for http://console.lan), as a proxy joining a host and
// X-Forwarded-Port names it.
func defaultPort(u *url.URL) string {
	if u.Port() != "" {
		return u.Host
	}
	switch u.Scheme {
	case "http":
		return net.JoinHostPort(u.Hostname(), "80")
	case "https":
		return net.JoinHostPort(u.Hostname(), "443")
	}
	return u.Host
}

const (
	cookieName = "mpbot_console"
	sessionTTL = 12 * time.Hour
)

// auth lets a request through with the token as a bearer (scripts) or a
// session cookie from the login form (people); anything else gets 401.
func (c *Console) auth(next func(http.ResponseWriter, *http.Request, string)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if bearer, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
			if wait := c.guesses.wait(r); wait > 0 {
				tooManyGuesses(w, wait)
				return
			}
			if equal(bearer, c.deps.Token) {
				next(w, r, "script")
				return
			}
			c.wrongToken(r, "bearer")
		} else if session, _, ok := c.session(r); ok {
			next(w, r, session)
			return
		}
		w.Header().Set("WWW-Authenticate", `Bearer realm="mpbot console"`)
		w.WriteHeader(http.StatusUnauthorized)
		// Logging in leads back to the page asked for (a bookmark of
		// /unanswered?days=30 had led to the dashboard), and a session
		// that ended is said (a try-box post after it got the form alone:
		// an operator run's finds).
		note := ""
		if _, err := r.Cookie(cookieName); err == nil {
			note = "登录已过期或已退出，请重新登录。"
		}
		next := r.URL.RequestURI()
		if len(next) > maxNext {
			next = r.URL.EscapedPath() // a long search's words are not kept
		}
		c.render(w, "login.html", map[string]any{"Error": "", "Note": note, "Next": next})
	})
}

// nextPage is where a login leads: the console's own page the form
// names, else the dashboard (never another site: //evil.example, /\evil).
func nextPage(next string) string {
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || !localPath(next) || u.Path == "/login" || u.Path == "/logout" {
		return "/"
	}
	// As written again: /%2F%20 had come out //%20, another host's address
	// (FuzzNextPage's find).
	if out := u.RequestURI(); localPath(out) {
		return out
	}
	return "/"
}

// localPath reports whether p is a path of this host as a browser reads a
// Location: one slash, then no second or backslash, and no line break.
func localPath(p string) bool {
	return strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "//") && !strings.HasPrefix(p, "/\\") && !strings.ContainsAny(p, "\r\n\t\\")
}

func equal(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

// session reads and verifies the session cookie: id|expiry|signature.
// exp is when it expires (unix seconds).
func (c *Console) session(r *http.Request) (id string, exp int64, ok bool) {
	ck, err := r.Cookie(cookieName)
	if err != nil {
		return "", 0, false
	}
	parts := strings.Split(ck.Value, "|")
	if len(parts) != 3 || !equal(parts[2], c.sign(parts[0]+"|"+parts[1])) {
		return "", 0, false
	}
	exp, err = strconv.ParseInt(parts[1], 10, 64)
	if err != nil || time.Now().Unix() > exp {
		return "", 0, false
	}
	c.mu.Lock()
	_, out := c.revoked[parts[0]]
	c.mu.Unlock()
	if out {
		return "", 0, false
	}
	return parts[0], exp, true
}

func (c *Console) sign(s string) string {
	m := hmac.New(sha256.New, c.key)
	m.Write([]byte(s))
	return hex.EncodeToString(m.Sum(nil))
}

func (c *Console) loginForm(w http.ResponseWriter, r *http.Request) {
	c.render(w, "login.html", map[string]any{"Error": "", "Next": nextPage(r.URL.Query().Get("next"))})
}

// maxNext bounds the page a login form leads back to (a search's address
// of 300 characters is 2,700 bytes, twice that once posted); the login's
// body is bounded with room for it and a token.
const (
	maxNext      = 4096
	maxLoginBody = 16 << 10
)

func (c *Console) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxLoginBody)
	if err := r.ParseForm(); err != nil {
		// Not a wrong token: the right one from a long search's form had
		// been told so, and logged as a guess (a re-check's find).
		if _, long := errors.AsType[*http.MaxBytesError](err); long {
			http.Error(w, "refused: the login form is too long", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "refused: the login form is malformed", http.StatusBadRequest)
		return
	}
	next := nextPage(r.PostFormValue("next"))
	if wait := c.guesses.wait(r); wait > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int((wait+time.Second-1)/time.Second)))
		w.WriteHeader(http.StatusTooManyRequests)
		c.render(w, "login.html", map[string]any{"Error": fmt.Sprintf("too many wrong tokens from this address: try again in %d s", int((wait+time.Second-1)/time.Second)), "Next": next})
		return
	}
	if !equal(r.PostFormValue("token"), c.deps.Token) {
		c.wrongToken(r, "login")
		w.WriteHeader(http.StatusUnauthorized)
		c.render(w, "login.html", map[string]any{"Error": "wrong token", "Next": next})
		return
	}
	id := rand.Text()[:12]
	value := id + "|" + strconv.FormatInt(time.Now().Add(sessionTTL).Unix(), 10)
	// Secure over https, a proxy's too (it says so in X-Forwarded-Proto:
	// the cookie had gone out in clear on any http:// request to the
	// host, a hostile-input run's find). A client claiming https over http
	// only keeps its own cookie from itself.
	secure := r.TLS != nil || strings.EqualFold(firstOf(r.Header.Get("X-Forwarded-Proto")), "https")
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: value + "|" + c.sign(value), Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, MaxAge: int(sessionTTL / time.Second), Secure: secure})
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// wrongToken logs a wrong token and counts it against its address: each
// is logged until the address has none left, then that it has none.
func (c *Console) wrongToken(r *http.Request, how string) {
	if c.guesses.failed(r) {
		c.deps.Log.Warn("console: too many wrong tokens from one address; its tokens are refused for a while", "remote", r.RemoteAddr, "via", how)
		return
	}
	c.deps.Log.Warn("console token refused", "remote", r.RemoteAddr, "via", how)
}

// logout ends the session for good: a copy of its cookie (another
// browser, a proxy's log) is refused from now on, not only until the
// browser drops it. The revoked ids are kept until they would have expired.
func (c *Console) logout(w http.ResponseWriter, r *http.Request) {
	if id, exp, ok := c.session(r); ok {
		now := time.Now().Unix()
		c.mu.Lock()
		if c.revoked == nil {
			c.revoked = map[string]int64{}
		}
		for old, until := range c.revoked {
			if until < now {
				delete(c.revoked, old)
			}
		}
		c.revoked[id] = exp
		c.mu.Unlock()
	}
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: "", Path: "/", MaxAge: -1})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

func (c *Console) render(w http.ResponseWriter, name string, data any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := pages.ExecuteTemplate(w, name, data); err != nil {
		c.deps.Log.Error("console page", "page", name, "err", err)
	}
}

func (c *Console) fail(w http.ResponseWriter, what string, err error) {
	c.deps.Log.Error("console: "+what, "err", err)
	http.Error(w, what+" failed; see the log", http.StatusInternalServerError)
}

// days reads ?days= (the report's period), 14 by default.
func days(r *http.Request) int {
	n, err := strconv.Atoi(r.URL.Query().Get("days"))
	if err != nil || n < 1 || n > 366 {
		return 14
	}
	return n
}

func (c *Console) report(w http.ResponseWriter, r *http.Request) (*insights.Report, int, bool) {
	n := days(r)
	rep, err := c.deps.Report(r.Context(), time.Now().AddDate(0, 0, -n))
	if err != nil {
		c.fail(w, "report", err)
		return nil, n, false
	}
	return rep, n, true
}

func (c *Console) dashboard(w http.ResponseWriter, r *http.Request, _ string) {
	rep, n, ok := c.report(w, r)
	if !ok {
		return
	}
	c.render(w, "dashboard.html", map[string]any{"Page": "dashboard", "Days": n, "R": rep, "Note": logNote(rep, n),
		"Messages": barChart(rep.Days), "Push": pushChart(rep.Push), "Answered": answered(rep)})
}

// logNote says what the period shown lacks: the questions older than the
// log keeps (?days=366 had said 最近 366 天 of a log of 90), and any asked
// since the log was turned off (an operator run's finds; `mpbot report`
// notes both).
func logNote(rep *insights.Report, days int) string {
	var notes []string
	if kept := int(rep.Kept / (24 * time.Hour)); kept > 0 && days > kept {
		notes = append(notes, fmt.Sprintf("查询日志只保留 %d 天（insights.retention），更早的问题已删除。", kept))
	}
	switch {
	case rep.LogOnRestart:
		notes = append(notes, "insights.enabled 已改为 true：重启 serve 后才开始记录新的问题。")
	case rep.LogOff:
		notes = append(notes, "insights.enabled 为 false：新的问题不再记录，这里只有关闭之前记下的。")
	}
	return strings.Join(notes, "")
}

func (c *Console) unanswered(w http.ResponseWriter, r *http.Request, _ string) {
	rep, n, ok := c.report(w, r)
	if !ok {
		return
	}
	c.render(w, "unanswered.html", map[string]any{"Page": "unanswered", "Days": n, "R": rep, "Note": logNote(rep, n)})
}

func (c *Console) articles(w http.ResponseWriter, r *http.Request, session string) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	data := map[string]any{"Page": "articles", "Q": q}
	if q != "" {
		hits, err := c.deps.Search(r.Context(), q)
		if err != nil {
			c.fail(w, "search", err)
			return
		}
		data["Hits"] = hits
		data["Replies"] = phone(c.deps.Answer(r.Context(), "articles-"+session, q))
	}
	c.render(w, "articles.html", data)
}

func (c *Console) article(w http.ResponseWriter, r *http.Request, _ string) {
	a, err := c.deps.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		http.Error(w, "no such article", http.StatusNotFound)
		return
	}
	c.render(w, "article.html", map[string]any{"Page": "articles", "A": a, "Card": phone([]bot.Reply{bot.ArticleReply(a)})})
}

func (c *Console) schedule(w http.ResponseWriter, r *http.Request, _ string) {
	plan, err := c.deps.Plan(r.Context(), 14)
	if err != nil {
		c.fail(w, "schedule", err)
		return
	}
	c.render(w, "schedule.html", map[string]any{"Page": "schedule", "Plan": plan})
}

// try shows the bot's reply to what the operator typed, as a follower's
// phone shows it; a number after a list opens that article, as it would.
func (c *Console) try(w http.ResponseWriter, r *http.Request, session string) {
	r.Body = http.MaxBytesReader(w, r.Body, maxTryBytes)
	if err := r.ParseForm(); err != nil {
		// Read as an empty box, it showed the page as if nothing was sent.
		if _, long := errors.AsType[*http.MaxBytesError](err); long {
			w.WriteHeader(http.StatusRequestEntityTooLarge)
			c.render(w, "try.html", map[string]any{"Page": "try", "Error": fmt.Sprintf("消息太长：试发的内容最多 %d KB（粉丝发送的文字消息还要短得多）", maxTryBytes>>10)})
			return
		}
		w.WriteHeader(http.StatusBadRequest)
		c.render(w, "try.html", map[string]any{"Page": "try", "Error": "表单无法读取：请在本页的输入框里重新发送"})
		return
	}
	text := strings.TrimSpace(r.FormValue("text"))
	data := map[string]any{"Page": "try", "Text": text}
	if text != "" {
		data["Replies"] = phone(c.deps.Answer(r.Context(), "try-"+session, text))
	}
	c.render(w, "try.html", data)
}

// maxTryBytes bounds what the try box reads.
const maxTryBytes = 64 << 10

func (c *Console) config(w http.ResponseWriter, r *http.Request, _ string) {
	c.render(w, "config.html", map[string]any{"Page": "config", "Rules": c.deps.Rules(), "Check": c.deps.Check(r.Context())})
}

// Serve runs the console on ln until ctx ends.
func Serve(ctx context.Context, ln net.Listener, c *Console) error {
	srv := &http.Server{Handler: c, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: time.Minute}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("admin console on %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.Shutdown(sctx)
	<-errc
	return nil
}
