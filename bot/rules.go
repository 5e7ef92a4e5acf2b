package bot

import (
	"errors"
	"fmt"
	"mpbot/content"
	"net/url"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	lru "github.com/hashicorp/golang-lru/v2"
)

// Limits WeChat puts on passive replies.
const (
	maxTextBytes   = 2048 // a text reply longer than this is not delivered
	maxDescRunes   = 120  // a news card description we keep readable on a phone
	maxRuleKeyword = 30   // WeChat's own console allows 30 characters a keyword
)

// What a follower gets for a number that opens nothing, unless the config
// says otherwise.
const (
	defaultNoList      = "现在没有待选的文章列表。先发送关键词搜索，再回复列表里的序号（10 分钟内有效）。"
	defaultChoiceRange = "请回复 1 到 {n} 之间的序号查看对应文章。"
)

// Match kinds for keyword rules.
const (
	MatchExact    = "exact"
	MatchContains = "contains"
	MatchPrefix   = "prefix"
	MatchRegex    = "regex"
)

// Settings is the compiled, validated form of the replies and search config.
// It is immutable: a config reload builds a new one and swaps it in whole.
type Settings struct {
	rules       []rule
	exact       map[string]int // normalised keyword → rule index
	keys        map[string]int // menu CLICK key → rule index
	subscribe   response
	scenes      map[string]response // replies.subscribe_scenes
	fallback    response            // replies.default
	noMatch     response
	noList      string // a number with no list open
	choiceRange string // a number outside the list; {n} is its length
	search      SearchSpec
	push        PushSpec
	optKeywords map[string]bool // normalised keyword → opt out (true) or in
	optList     []string        // optKeywords' keys, for looking through each message
	fold        func(string) string
	// readingZone is push.timezone: the daily reading's days are its
	// (昨天的每日一读, 往期每日一读), while the news's are China's.
	readingZone *time.Location
	// matched keeps match's answers for short texts. Followers send the
	// same greetings and thanks all day (你好, 谢谢老师), and the shipped
	// whole-message patterns read them slowly: 你好 cost some 18 µs in
	// them, half of a keyword reply's time through the whole webhook.
	matched *lru.Cache[string, matchedRule]
}

// matchedRule is what match answered for a text.
type matchedRule struct {
	rule     int
	question string
}

const (
	// matchedTexts is how many texts' matches are kept: the greetings,
	// thanks and keywords of a day, not every question.
	matchedTexts = 1024
	// maxMatchedBytes is the longest text kept (32 Chinese characters):
	// longer ones are questions, seldom sent twice as such.
	maxMatchedBytes = 96
)

// SetReadingZone sets the zone the daily reading's days are in (push.timezone;
// China's by default). Called once, before the settings are in use.
func (s *Settings) SetReadingZone(loc *time.Location) { s.readingZone = loc }

// readingDay is now in the daily reading's zone.
func (s *Settings) readingDay(now time.Time) time.Time {
	if s.readingZone == nil {
		return now.In(chinaTime)
	}
	return now.In(s.readingZone)
}

type rule struct {
	name     string
	label    string // the name, or rules[i]: how logs and reports call it
	match    string
	alone    bool     // fires only when nothing searchable remains beside the keyword
	keywords []string // Bare
	re       *regexp.Regexp
	alpha    alphabet // re's, when it matches whole texts only
	whole    bool     // re matches whole texts only (^…$)
	resp     response
}

type response struct {
	random  bool
	replies []ReplySpec
	welcome bool // replies.subscribe's or a scene's: a reading beside it is left out when it cannot be read
}

// Compile validates the operators' replies and search settings and compiles
// them for fast matching. Every problem is reported, each naming where it is.
// fold, when not nil, writes traditional characters as simplified ones
// (search.Fold): keywords and followers' text are compared folded, so 退訂
// is 退订 and 謝謝老師 thanks.
func Compile(replies RepliesSpec, search SearchSpec, push PushSpec, fold func(string) string) (*Settings, error) {
	if fold == nil {
		fold = func(s string) string { return s }
	}
	// 妳 (Taiwan's "you" to a woman) is a variant, not a traditional
	// character, so OpenCC leaves it: 妳是機器人嗎 found robot news.
	simplified := fold
	fold = func(s string) string { return strings.ReplaceAll(simplified(s), "妳", "你") }
	c := &compiler{
		s: &Settings{exact: map[string]int{}, keys: map[string]int{}, search: search, push: push, optKeywords: map[string]bool{},
			fold: fold},
		keywords: map[string]string{},
		keyAt:    map[string]string{},
		spelt:    map[string]string{},
		written:  map[string]bool{},
		keys:     map[string]string{},
	}
	s := c.s
	s.push.SubscribeReply = c.fixedText("push.subscribe_reply", push.SubscribeReply)
	s.push.UnsubscribeReply = c.fixedText("push.unsubscribe_reply", push.UnsubscribeReply)
	s.push.StatusOnReply = c.fixedText("push.status_on_reply", push.StatusOnReply)
	s.push.StatusOffReply = c.fixedText("push.status_off_reply", push.StatusOffReply)
	s.subscribe = c.response("replies.subscribe", replies.Subscribe, false)
	s.subscribe.welcome = true
	if slices.ContainsFunc(s.subscribe.replies, func(r ReplySpec) bool { return r.Type == specWelcome }) {
		c.bad("replies.subscribe", "type welcome is this reply itself: write the welcome here")
	}
	s.scenes = map[string]response{}
	for name, spec := range replies.SubscribeScenes {
		where := "replies.subscribe_scenes." + name
		if name == "" || len(name) > 64 {
			c.bad(where, "a scene name is 1 to 64 characters")
		}
		scene := c.response(where, spec, true)
		scene.welcome = true
		s.scenes[name] = scene
	}
	s.fallback = c.response("replies.default", replies.Default, false)
	s.noMatch = c.response("replies.no_match", replies.NoMatch, false)
	if len(replies.NoMatch.Replies) == 0 && replies.NoMatch.Reply == nil {
		c.bad("replies.no_match", "is required: it is what a follower sees when nothing matches")
	}
	s.noList, s.choiceRange = c.fixedText("replies.no_list", replies.NoList), c.fixedText("replies.choice_out_of_range", replies.ChoiceRange)
	if strings.TrimSpace(s.noList) == "" {
		s.noList = defaultNoList
	}
	if strings.TrimSpace(s.choiceRange) == "" {
		s.choiceRange = defaultChoiceRange
	}
	for _, m := range braced.FindAllString(replies.ChoiceRange, -1) {
		if m != choiceCountMark && !pushTimeMisspelt.MatchString(m) { // a push time's is said above
			c.bad("replies.choice_out_of_range", "writes %q: the list's length is written %s", m, choiceCountMark)
		}
	}
	c.optKeywords("push.subscribe_keywords", push.SubscribeKeywords, false, push.SubscribeReply)
	c.optKeywords("push.unsubscribe_keywords", push.UnsubscribeKeywords, true, push.UnsubscribeReply)
	named := map[string]int{}
	for i, spec := range replies.Rules {
		if first, dup := named[spec.Name]; dup && spec.Name != "" {
			// The report counts uses by name: two rules of one name were
			// added together (an operator's find).
			c.bad(fmt.Sprintf("replies.rules[%d].name", i), "%q is already the name of replies.rules[%d]: the report and the logs tell rules by their names", spec.Name, first)
		} else {
			named[spec.Name] = i
		}
		s.rules = append(s.rules, c.rule(i, spec))
	}
	c.search(search)
	if len(c.errs) > 0 {
		return nil, errors.Join(c.errs...)
	}
	s.matched, _ = lru.New[string, matchedRule](matchedTexts)
	return s, nil
}

// compiler builds Settings, collecting every problem on the way.
type compiler struct {
	s        *Settings
	errs     []error
	keywords map[string]string // normalised keyword → where it was first seen
	keyAt    map[string]string // ... and its own key there (replies.rules[0] (help).keywords[2])
	spelt    map[string]string // normalised keyword → as the config wrote it there
	written  map[string]bool   // keywords as written (normalised as compared, not folded)
	keys     map[string]string // menu key → where it was first seen
}

func (c *compiler) bad(where, format string, args ...any) {
	c.errs = append(c.errs, fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...)))
}

func (c *compiler) response(where string, spec ResponseSpec, required bool) response {
	if spec.Reply != nil {
		r := c.timedReply(where+".reply", *spec.Reply)
		spec.Reply = &r
	}
	if len(spec.Replies) > 0 {
		rs := slices.Clone(spec.Replies)
		for i := range rs {
			rs[i] = c.timedReply(fmt.Sprintf("%s.replies[%d]", where, i), rs[i])
		}
		spec.Replies = rs
	}
	resp, err := compileResponse(where, spec, required)
	if err != nil {
		c.errs = append(c.errs, err)
	}
	return resp
}

// pushTimeMark in a reply's text is the daily push's time (早上7:30), so
// that what followers are told follows push.schedule when it is edited
// (the shipped texts had said 每天早上 whatever the schedule).
const pushTimeMark = "{push_time}"

// pushTimeMisspelt is a mark meant as pushTimeMark but written otherwise
// ({push_tme}, {push_time }, {pushtime}, braces typed full-width,
// ｛push_time｝, a template's {{push_time}}, {psuh_time}, one left open):
// sent as written, with no word to the operator (an operator run's and a
// re-check's finds).
var pushTimeMisspelt = regexp.MustCompile(`(?i)[{｛]+[^{}｛｝\n]{0,6}(?:push|psuh|puhs|time|tme|tiem)[^{}｛｝\n]{0,12}[}｝]*`)

// choiceCountMark in replies.choice_out_of_range is the list's length.
const choiceCountMark = "{n}"

// braced is a mark in a reply's text, as an operator may misspell one ({m},
// {N}, { n }, braces typed full-width, ｛n｝): sent as written (请回复 1 到 {m}
// 之间的序号: an operator run's find).
var braced = regexp.MustCompile(`[{｛]+[^{}｛｝\n]{0,12}[}｝]+`)

// timed writes the push's time for its mark in text, found at where.
func (c *compiler) timed(where, text string) string {
	for _, m := range pushTimeMisspelt.FindAllString(text, -1) {
		if m != pushTimeMark {
			c.bad(where, "writes %q: the push's time is written %s", m, pushTimeMark)
		}
	}
	if !strings.Contains(text, pushTimeMark) || c.s.push.Firings == nil {
		return text // no schedule to say: its own error is said
	}
	spoken, ok := spokenTimes(c.s.push.Firings)
	if !ok {
		c.bad(where, "names %s, but push.schedule fires at more than %d times of day: write the times out", pushTimeMark, maxSpokenTimes)
		return text
	}
	if c.s.push.Paused {
		spoken += pausedMark
	}
	return strings.ReplaceAll(text, pushTimeMark, spoken)
}

// fixedText is a text the bot sends as a reply of its own (订阅's and
// 退订's confirmations, replies.no_list), timed, and refused as a text
// reply is when WeChat would not deliver it (a hostile run's find: 2,100
// bytes were taken, and sent: the follower told nothing after 退订).
func (c *compiler) fixedText(where, text string) string {
	text = c.timed(where, text)
	if len(text) > maxTextBytes {
		c.bad(where, "is %d bytes (with {push_time} written out); WeChat delivers a text of at most %d", len(text), maxTextBytes)
	}
	return text
}

func (c *compiler) timedReply(where string, r ReplySpec) ReplySpec {
	r.Content = c.timed(where+".content", r.Content)
	r.Title = c.timed(where+".title", r.Title)
	r.Description = c.timed(where+".description", r.Description)
	return r
}

// pausedMark follows the push's time while push.mode is off.
const pausedMark = "（目前暂停）"

// maxSpokenTimes is how many times of day {push_time} names.
const maxSpokenTimes = 4

// spokenTimes says the times of day of firings, on China's clock (the
// followers'; push.timezone may be another), as followers read them:
// 早上7:30, 早上7:00和晚上7:00. ok is false for more than maxSpokenTimes.
func spokenTimes(firings []time.Time) (string, bool) {
	var times []time.Time
	for _, f := range firings {
		f = f.In(chinaTime)
		at := time.Date(2000, 1, 1, f.Hour(), f.Minute(), 0, 0, time.UTC)
		if !slices.Contains(times, at) {
			times = append(times, at)
		}
	}
	if len(times) == 0 || len(times) > maxSpokenTimes {
		return "", false
	}
	slices.SortFunc(times, time.Time.Compare)
	said := make([]string, len(times))
	for i, t := range times {
		said[i] = spokenTime(t)
	}
	return strings.Join(said, "和"), true
}

// spokenTime says a time of day as followers read one: 早上7:30, 晚上8:05.
func spokenTime(t time.Time) string {
	h := t.Hour()
	part := "晚上"
	switch {
	case h < 5:
		part = "凌晨"
	case h < 9:
		part = "早上"
	case h < 12:
		part = "上午"
	case h < 13:
		part = "中午"
	case h < 18:
		part = "下午"
	}
	if h > 12 {
		h -= 12
	}
	return fmt.Sprintf("%s%d:%02d", part, h, t.Minute())
}

// keyword claims kw (written: normalised as compared; norm: folded too) at
// at, in where (a rule, a push keyword list); a keyword belongs to one place
// only, as in WeChat's own console. A keyword written the same way twice
// is an error; a traditional spelling of one already in the same place
// (謝謝 beside 谢谢, which configs had before keywords were folded) is
// dropped: folded text matches the first. In another place it is an
// error: the first place would answer it, unseen (幫助 in one rule took
// 帮助 from the help rule).
func (c *compiler) keyword(where, at, kw, written, norm string) bool {
	if prev, dup := c.keywords[norm]; dup {
		// The first keyword's own key, which the config's reader gives
		// its line: the keyword added in a new rule above an old one was
		// named at the old rule, the new one's line unsaid (a newcomer's
		// run).
		first := c.keyAt[norm]
		switch {
		case c.written[written]:
			c.bad(at, "duplicate keyword %q (already in %s)", kw, first)
		case prev != where && c.spelt[norm] != kw:
			// Both spellings named: the one in the other place may be
			// the one to change (幫助 added to another rule made the help
			// rule's 帮助 the error).
			c.bad(at, "keyword %q is already in %s, written there as %q: both read %q as followers' text is compared", kw, first, c.spelt[norm], norm)
		case prev != where:
			c.bad(at, "keyword %q is %q as followers' text is compared, which is already in %s", kw, norm, first)
		}
		c.written[written] = true
		return false
	}
	c.written[written] = true
	// Its key whole, a rule's name before it (rule 课程 at
	// replies.rules[0].keywords[1]): a name may hold parentheses, which
	// had broken the key apart (a re-check's find).
	first := at
	if k := strings.Index(where, " ("); k >= 0 && strings.HasPrefix(at, where) && strings.HasSuffix(where, ")") {
		first = "rule " + where[k+2:len(where)-1] + " at " + where[:k] + at[len(where):]
	}
	c.keywords[norm], c.keyAt[norm], c.spelt[norm] = where, first, kw
	return true
}

// optKeywords compiles the words that turn the daily reading on or off.
func (c *compiler) optKeywords(where string, keywords []string, out bool, reply string) {
	if len(keywords) > 0 && strings.TrimSpace(reply) == "" {
		c.bad(strings.Replace(where, "keywords", "reply", 1), "is empty: the follower needs a confirmation")
	}
	for j, kw := range keywords {
		norm := c.s.fold(Bare(kw))
		at := fmt.Sprintf("%s[%d]", where, j)
		if norm == "" {
			c.bad(at, "is empty")
			continue
		}
		if !c.keyword(where, at, kw, Bare(kw), norm) {
			continue
		}
		c.s.optKeywords[norm] = out
		c.s.optList = append(c.s.optList, norm)
	}
}

// rule compiles replies.rules[i].
func (c *compiler) rule(i int, spec RuleSpec) rule {
	where := fmt.Sprintf("replies.rules[%d]", i)
	if spec.Name != "" {
		where += fmt.Sprintf(" (%s)", spec.Name)
	}
	r := rule{name: spec.Name, label: spec.Name, match: spec.Match, alone: spec.Alone}
	if r.label == "" {
		r.label = fmt.Sprintf("rules[%d]", i)
	}
	if r.match == "" {
		r.match = MatchExact
	}
	switch r.match {
	case MatchExact, MatchContains, MatchPrefix, MatchRegex:
	default:
		c.bad(where+".match", "%q is not one of exact, contains, prefix, regex", spec.Match)
	}
	if len(spec.Keywords) == 0 && len(spec.Keys) == 0 {
		c.bad(where, "needs keywords or keys (menu CLICK keys)")
	}
	var patterns []string
	if r.alone && r.match == MatchExact {
		c.bad(where+".alone", "only applies to contains, prefix and regex rules (an exact keyword is always alone)")
	}
	for j, kw := range spec.Keywords {
		at := fmt.Sprintf("%s.keywords[%d]", where, j)
		written := Bare(kw)
		if r.match == MatchRegex {
			written = Normalize(kw)
		}
		norm := c.s.fold(written)
		switch {
		case norm == "":
			c.bad(at, "is empty")
			continue
		case r.match != MatchRegex && len([]rune(norm)) > maxRuleKeyword:
			c.bad(at, "%q is longer than %d characters", kw, maxRuleKeyword)
		}
		if !c.keyword(where, at, kw, written, norm) {
			continue
		}
		if r.match == MatchRegex {
			// Matched against folded text: folded too (a 後 in it
			// would otherwise never match, nor PDF or ，: an operator
			// run's find, ^PDF资料$ and ^收到，谢谢老师$ passed check and
			// never matched).
			pattern := foldedPattern(c.s.fold(kw))
			re, err := regexp.Compile(pattern)
			if err != nil {
				c.bad(at, "bad regex: %v%s", err, regexHint(err))
				continue
			}
			// \b beside a Chinese character holds only where a Latin
			// letter or digit is on its other side: \b申论\b matched
			// neither 申论 nor 申论真题, and passed check (an operator
			// run's find).
			if hanBoundary(kw) {
				c.bad(at, "%q: \\b (a word boundary) beside a Chinese character holds only where a Latin letter or digit is on its other side: drop it (match: exact, or alone: true, answers a word sent alone)", kw)
				continue
			}
			// 申论|真题| (a trailing |), .* or . would answer every
			// message with this rule, search and the rules after it dead,
			// and nothing said (an operator run's find).
			if re.MatchString(anyMessage) {
				c.bad(at, "%q matches any message (an empty alternative, or .*): the reply to every message is replies.default's to give", kw)
				continue
			}
			patterns = append(patterns, "(?:"+pattern+")")
			continue
		}
		r.keywords = append(r.keywords, norm)
		if r.match == MatchExact {
			c.s.exact[norm] = i
		}
	}
	if len(patterns) > 0 {
		r.re = regexp.MustCompile(strings.Join(patterns, "|"))
		r.alpha = alphabetOf(r.re.String())
		r.whole = wholeText(r.re.String())
	}
	for j, key := range spec.Keys {
		at := fmt.Sprintf("%s.keys[%d]", where, j)
		if key == "" {
			c.bad(at, "is empty")
			continue
		}
		if prev, dup := c.keys[key]; dup {
			c.bad(at, "duplicate menu key %q (already in %s)", key, prev)
			continue
		}
		c.keys[key] = where
		c.s.keys[key] = i
	}
	r.resp = c.response(where, spec.ResponseSpec, true)
	return r
}

// search checks each setting on its own: an operator fixes every problem in
// one edit, not one a reload.
func (c *compiler) search(search SearchSpec) {
	if search.MaxResults < 1 || search.MaxResults > 10 {
		c.bad("search.max_results", "%d is outside 1..10", search.MaxResults)
	}
	minOK := search.MinScore > 0 && search.MinScore <= 1
	switch {
	case search.MinScore == 0:
		// Every article is then relevant to every question (an operator
		// run's find: MPBOT_SEARCH_MIN_SCORE= set it so, with a warning
		// alone, and 红烧肉做法 listed five articles).
		c.bad("search.min_score", "is 0, which lists articles for any question at all; give a cut above 0 (0.4 is shipped)")
	case !minOK:
		c.bad("search.min_score", "%v is outside 0..1", search.MinScore)
	}
	if search.ClearScore < 0 || search.ClearScore > 1 || minOK && search.ClearScore < search.MinScore {
		c.bad("search.clear_score", "%v must lie between min_score (%v) and 1", search.ClearScore, search.MinScore)
	}
	if search.ClearMargin < 0 || search.ClearMargin > 1 {
		c.bad("search.clear_margin", "%v is outside 0..1", search.ClearMargin)
	}
}

func compileResponse(where string, spec ResponseSpec, required bool) (response, error) {
	var errs []error
	var resp response
	switch spec.Mode {
	case "", "all":
	case "random":
		resp.random = true
	default:
		errs = append(errs, fmt.Errorf("%s.mode: %q is not all or random", where, spec.Mode))
	}
	switch {
	case spec.Reply != nil && len(spec.Replies) > 0:
		errs = append(errs, fmt.Errorf("%s: has both reply and replies; use one", where))
	case spec.Reply != nil:
		resp.replies = []ReplySpec{*spec.Reply}
	default:
		resp.replies = spec.Replies
	}
	if required && len(resp.replies) == 0 && !(spec.Reply != nil && len(spec.Replies) > 0) { // both is said above (an operator run's find: told both things at once)
		errs = append(errs, fmt.Errorf("%s: needs a reply or replies", where))
	}
	for i, r := range resp.replies {
		rw := fmt.Sprintf("%s.replies[%d]", where, i)
		if spec.Reply != nil {
			rw = where + ".reply"
		}
		if err := validateReply(rw, r); err != nil {
			errs = append(errs, err)
		}
		if r.Type == string(ReplyTransfer) && len(resp.replies) > 1 && !resp.random {
			errs = append(errs, fmt.Errorf("%s: transfer hands the chat to a human and cannot be sent along with other replies", rw))
		}
	}
	return resp, errors.Join(errs...)
}

const replyTypes = "text, news, articles, daily, welcome, image, voice, video, music, transfer"

// Reply types as written in config, beyond the wire types: articles and daily
// expand into a card or a list when a message arrives.
const (
	specArticles = "articles"
	specDaily    = "daily"
	// specWelcome is replies.subscribe's response, so that a rule answering
	// as the welcome does (the shipped newcomer rule: 我是新来的) follows its
	// edits (an operator run's find: it kept a copy of the text).
	specWelcome = "welcome"
)

func validateReply(where string, r ReplySpec) error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...)))
	}
	switch r.Type {
	case string(ReplyText):
		switch {
		case strings.TrimSpace(r.Content) == "":
			bad("text needs content")
		case len(r.Content) > maxTextBytes:
			bad("text content is %d bytes; WeChat delivers at most %d", len(r.Content), maxTextBytes)
		}
	case string(ReplyNews):
		if strings.TrimSpace(r.Title) == "" {
			bad("news needs a title")
		}
		if u, err := url.Parse(r.URL); r.URL == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			bad("news needs an http(s) url, got %q", r.URL)
		}
		if r.Pic != "" {
			if u, err := url.Parse(r.Pic); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
				bad("news pic must be an http(s) url, got %q", r.Pic)
			}
		}
		if n := len([]rune(r.Description)); n > maxDescRunes {
			bad("news description is %d characters; keep it to %d", n, maxDescRunes)
		}
		// As an article's are bounded (content.Validate): a card of
		// 30,000 characters passed check and reached no follower (a
		// hostile-input run's find).
		if n := len([]rune(r.Title)); n > content.MaxTitleRunes {
			bad("news title is %d characters; keep it to %d", n, content.MaxTitleRunes)
		}
		for _, u := range []struct{ name, v string }{{"url", r.URL}, {"pic", r.Pic}} {
			if len(u.v) > content.MaxURLBytes {
				bad("news %s is %d bytes; keep it to %d", u.name, len(u.v), content.MaxURLBytes)
			}
		}
	case specArticles:
		if (r.Query == "") == (len(r.IDs) == 0) {
			bad("articles needs either query or ids")
		}
		if r.Query != "" && strings.TrimSpace(r.Query) == "" {
			bad("articles query is blank: it finds nothing")
		}
		for i, id := range r.IDs {
			if strings.TrimSpace(id) == "" {
				bad("articles ids[%d] is blank", i)
			} else if slices.Contains(r.IDs[:i], id) {
				bad("articles ids lists %q twice (it would be listed twice)", id)
			}
		}
	case specDaily, specWelcome:
	case string(ReplyImage), string(ReplyVoice), string(ReplyVideo):
		if r.MediaID == "" {
			bad("%s needs media_id (mpbot media upload FILE --permanent prints one)", r.Type)
		}
	case string(ReplyMusic):
		if r.ThumbMediaID == "" {
			bad("music needs thumb_media_id (its cover; mpbot media upload prints one)")
		}
		for _, u := range []struct{ name, v string }{{"music_url", r.MusicURL}, {"hq_music_url", r.HQMusicURL}} {
			if u.v != "" && !content.WebURL(u.v) {
				bad("music %s must be an http(s) url, got %q", u.name, u.v)
			}
		}
		if r.MusicURL == "" && r.HQMusicURL == "" {
			bad("music needs music_url or hq_music_url")
		}
	case string(ReplyTransfer):
	case "":
		bad("type is missing (%s)", replyTypes)
	default:
		bad("type %q is not one of %s", r.Type, replyTypes)
	}
	return errors.Join(errs...)
}

// match returns the first rule, in config order, that matches text (Bare),
// or -1. A rule marked alone does not fire when something searchable
// remains beside its keyword; question is then the text without the
// keyword, which is what the follower asks (a long question ending in
// 谢谢老师！ is searched without the thanks).
// particles end a sentence said aloud, and change no keyword's meaning.
const particles = "啊呀呢吧嘛哈啦哦"

// withoutParticles is text without the particles it ends with (at most two).
func withoutParticles(text string) string {
	for range 2 {
		r, size := utf8.DecodeLastRuneInString(text)
		if size == len(text) || !strings.ContainsRune(particles, r) {
			break
		}
		text = text[:len(text)-size]
	}
	return text
}

// askingFront is how followers open a question to the account (请问,
// 老师好，请问): before a keyword matched exactly, it is the keyword's.
var askingFront = longestFirst([]string{"请问一下", "请问", "问一下", "我想问一下", "想问一下", "麻烦问一下", "老师好", "老师", "小编好", "小编", "你好", "您好"})

// withoutAsking is text without the asking it opens with, and whether it
// had some.
func withoutAsking(text string) (string, bool) {
	cut := false
	for {
		t := strings.TrimLeftFunc(text, func(r rune) bool { return !isWordRune(r) })
		i := slices.IndexFunc(askingFront, func(w string) bool { return strings.HasPrefix(t, w) })
		if i < 0 || len(t) == len(askingFront[i]) {
			return t, cut
		}
		text, cut = t[len(askingFront[i]):], true
	}
}

// outOfRange is replies.choice_out_of_range for a list of n: a list of one
// is no range (请回复 1 到 1 之间的序号: a follower run's find).
func (s *Settings) outOfRange(n int) string {
	text := strings.ReplaceAll(s.choiceRange, choiceCountMark, strconv.Itoa(n))
	if n == 1 {
		text = strings.Replace(text, " 1 到 1 之间的序号", "序号 1 ", 1)
	}
	return text
}

// match is the rule text fires (-1: none) and, for a rule that fires only
// on its own, the question left beside its keyword.
func (s *Settings) match(text string) (rule int, question string) {
	if len(text) > maxMatchedBytes || s.matched == nil {
		return s.matchRules(text)
	}
	if m, ok := s.matched.Get(text); ok {
		return m.rule, m.question
	}
	rule, question = s.matchRules(text)
	// A clone: text may be a slice of a long message, kept whole otherwise.
	s.matched.Add(strings.Clone(text), matchedRule{rule, strings.Clone(question)})
	return rule, question
}

func (s *Settings) matchRules(text string) (rule int, question string) {
	best := -1
	long := utf8.RuneCountInString(text) > maxRegexRunes
	if i, ok := s.exact[text]; ok {
		best = i
	} else if i, ok := s.exact[withoutParticles(text)]; ok {
		best = i // 帮助吧, 这个公众号怎么用啊 (a follower run's: searched)
	} else if asked, ok := withoutAsking(text); ok {
		if i, ok := s.exact[withoutParticles(asked)]; ok {
			best = i // 请问怎么用, 老师好，请问怎么找文章 (a follower run's: no match)
		}
	}
	for i := range s.rules {
		if best >= 0 && i >= best {
			break
		}
		r := &s.rules[i]
		var hit bool
		switch r.match {
		case MatchContains:
			hit = slices.ContainsFunc(r.keywords, func(kw string) bool { return containsWord(text, kw) })
		case MatchPrefix:
			hit = slices.ContainsFunc(r.keywords, func(kw string) bool { return hasPrefixWord(text, kw) })
		case MatchRegex:
			hit = !(long && r.whole) && r.re != nil && (r.alpha == nil || r.alpha.holds(text)) && r.re.MatchString(text)
		}
		if !hit {
			continue
		}
		if !r.alone {
			return i, ""
		}
		var left string
		var alone bool
		if r.re != nil {
			left, alone = rest(r.re.ReplaceAllString(text, " "), nil)
		} else {
			left, alone = rest(text, r.keywords)
		}
		if alone {
			return i, ""
		}
		if question == "" {
			question = left
		}
	}
	return best, question
}

// maxRegexRunes is the longest text a whole-message regex rule (^…$)
// reads: longer than a voice message (60 seconds, some 300 characters) is
// a passage pasted, no message of a few words the rule is written for.
// The shipped whole-message patterns cost some 3.4 µs a byte on a text of
// their own words (你好老师请问 repeated: 162 ms at 47,000 bytes, the most
// a webhook body holds: a hostile-input run's find). A pattern looking for
// words anywhere (投诉|退款) reads any text, as a contains rule does (a
// review's find: it had missed them in a long complaint).
const maxRegexRunes = 300

// opt reports whether text turns the daily reading off (out) or on: one of
// the push's keywords as sent, or with only asking around it (我要退订,
// 不要再推送了, 退订吧, 退订，谢谢). Anything else beside the keyword makes it
// no switch: a no (不想退订了, 别取消订阅, 不要订阅了) or a word (订阅号).
// The longest keyword held wins (取消订阅 holds 订阅).
func (s *Settings) opt(text string) (out, ok bool) {
	if out, ok := s.optKeywords[text]; ok {
		return out, true
	}
	if loc := keptAfter.FindStringIndex(text); loc != nil && loc[0] > 0 {
		return false, false // 不想看推送，算了，还是留着: kept, as stopsReading reads it
	}
	// A switch corrected in the same breath (订阅不对退订。, 退订，不对，是取消
	// 推送: a voice follower run's finds, no match and the switch as it
	// was): the one said last.
	if len(text) <= maxRepeatedBytes && (strings.Contains(text, "不对") || strings.Contains(text, "错了")) {
		m := correctedSwitch.FindStringSubmatch(text)
		if m != nil {
			if _, ok := s.opt(m[1]); ok {
				if out, ok := s.opt(m[2]); ok {
					return out, true
				}
			}
		}
	}
	// The subscription of the reading cancelled (取消每日一读订阅, 我想取消那个
	// 每日一读的订阅: the same run's, where the one got where the switch
	// stands and the other no match).
	if strings.Contains(text, "订阅") && strings.Contains(text, "取消") {
		text = cancelledSubscription.ReplaceAllString(text, "取消订阅")
	}
	// A keyword said again and again (退订退订, 退订，退订，退订: a hostile
	// run's find, no match and still subscribed).
	if once := saidOnce(text); once != "" {
		if out, ok := s.optKeywords[once]; ok {
			return out, true
		}
	}
	if strings.ContainsAny(text, "吗?？") {
		if out, ok := s.statusThenSwitch(text); ok {
			return out, true
		}
	}
	// The switch turned with 把, or after the reading asked (把推送打开, 帮我把
	// 每日一读打开, 推送打开吧: a follower run's finds, no match), is the
	// keyword's way round (开启推送).
	if strings.Contains(text, "开") || strings.Contains(text, "恢复") {
		text = turnedOn.ReplaceAllStringFunc(text, func(said string) string {
			m := turnedOn.FindStringSubmatch(said)
			if m[1] == "" && m[3] == "" {
				return said // 推送打开了 says what happened
			}
			return "开启" + m[2] + m[3]
		})
	}
	if mistakenLeave.MatchString(text) {
		return false, true
	}
	if loc := leftBefore.FindStringIndex(text); loc != nil && loc[1] < len(text) && wantsBack.MatchString(text[loc[1]:]) {
		text = strings.TrimLeftFunc(text[loc[1]:], func(r rune) bool { return !isWordRune(r) })
		// Asked to be put back (我之前不小心点了退订能帮我恢复吗: a voice
		// follower run's find, no match).
		if putBack.MatchString(text) {
			return false, true
		}
	}
	if aNotA.MatchString(text) || strings.Contains(text, "想想") {
		// 要不要订阅, 想不想退订: a question (a review's find: it
		// unsubscribed); 我再想想退订: not yet.
		return false, false
	}
	// Never mind, before the switch (算了，还是退订吧), and a no for the
	// future (以后不想收到推送); after it, 算了 drops it (退订还是算了), and
	// 以后 without a no puts it off (以后再退订).
	if rest, ok := strings.CutPrefix(text, "算了"); ok {
		text = strings.TrimLeftFunc(rest, func(r rune) bool { return !isWordRune(r) })
	}
	// So is a refusal set apart before it (不用了，退订: a re-check's find,
	// no match while 不用，退订 unsubscribed).
	for _, no := range []string{"不用了", "不了", "不用"} {
		if rest, ok := strings.CutPrefix(text, no); ok && rest != "" && !isWordRune(firstRune(rest)) {
			text = strings.TrimLeftFunc(rest, func(r rune) bool { return !isWordRune(r) })
			break
		}
	}
	for _, later := range []string{"以后", "今后"} {
		if rest, ok := strings.CutPrefix(text, later); ok && strings.ContainsRune("不别", firstRune(rest)) {
			text = rest
		}
	}
	if strings.ContainsAny(text, "不别取撤") {
		// A way of leaving taken back (不想退订了, 取消退订, 还是不退订了: a
		// follower run's find, no match) stays, or comes back.
		for _, kw := range s.optList {
			if !s.optKeywords[kw] || !strings.Contains(text, kw) {
				continue // most texts with 不 hold no way of leaving: one look each
			}
			for _, no := range []string{"不想", "不要", "不用", "不", "别", "取消", "撤销", "撤回"} {
				if i := strings.Index(text, no+kw); i >= 0 && onlyAsking(without(text[:i]+text[i+len(no+kw):], takenBack)) {
					return false, true
				}
			}
		}
	}
	if strings.ContainsAny(text, "不别") {
		// A way of staying said with a no (我不想订阅了, 不要再订阅了: a
		// follower run's find, an article's card) is a way of leaving.
		for _, kw := range s.optList {
			if s.optKeywords[kw] || !strings.Contains(text, kw) {
				continue
			}
			for _, no := range []string{"不想再", "不要再", "不想", "不要", "不再", "不用", "别再", "别"} {
				if i := strings.Index(text, no+kw); i >= 0 && onlyAsking(without(text[:i]+text[i+len(no+kw):], takenBack)) {
					return true, true
				}
			}
		}
	}
	best := ""
	for _, kw := range s.optList {
		if len(kw) > len(best) && containsWord(text, kw) && onlyAsking(strings.Replace(text, kw, "", 1)) {
			best = kw
		}
	}
	if best == "" && strings.Contains(text, "每天") {
		// 每天 between a no and what it stops (以后不用每天给我推了: a
		// follower run's find, no match), as stopsReading reads it.
		if plain := everyDayAfterNo.ReplaceAllString(text, "$1"); plain != text {
			if out, ok := s.opt(plain); ok && out {
				return true, true
			}
		}
	}
	if best == "" {
		return s.optInClauses(text)
	}
	return s.optKeywords[best], true
}

// pushOf is the daily push named by whose or when it is: 遴选的推送, 你们
// 公众号的推送, 那个每天早上的推送 (not 每天的推送, a name of its own).
var pushOf = regexp.MustCompile(`(?:那个|这个)?(?:遴选|公众号|你们公众号|你们|平台|每天早上|每天早晨|早上|每日)的推送`)

// plainPush is text with the push named by whose or when it is said as 推送.
func plainPush(text string) string {
	if !strings.Contains(text, "的推送") {
		return text
	}
	return pushOf.ReplaceAllString(text, "推送")
}

// statusThenSwitch is a question of where the switch stands, then the
// switch asked for (我还没有订阅吗帮我订阅一下; 我还订阅着吗？帮我退订: a voice
// follower run's find, no match): the one asked for.
func (s *Settings) statusThenSwitch(text string) (out, ok bool) {
	if len(text) > 2*maxRepeatedBytes {
		return false, false
	}
	i := strings.IndexAny(text, "吗?？")
	if i < 0 {
		return false, false
	}
	_, n := utf8.DecodeRuneInString(text[i:])
	question, rest := text[:i+n], strings.TrimLeftFunc(text[i+n:], func(r rune) bool { return !isWordRune(r) })
	// Only a request (帮我…, 请…, 我要…): 还是退订了 asks the question the
	// other way, 退订了吧 guesses, 退订太麻烦了 complains (a re-check's
	// finds: each turned the switch).
	if !switchRequested.MatchString(rest) || strings.ContainsAny(rest, "?？") || strings.HasSuffix(strings.TrimRightFunc(rest, func(r rune) bool { return !isWordRune(r) }), "了") {
		return false, false
	}
	if !s.optStatus(strings.TrimRight(question, "?？")) && !s.optStatus(question) {
		return false, false
	}
	return s.opt(rest)
}

// switchRequested opens a request of the switch after its state asked.
var switchRequested = regexp.MustCompile(`^(?:那|那就|那你|那请|就)?(?:请|麻烦|麻烦你|帮我|给我|你帮我|我要|我想|我想要|直接)`)

// saidOnce is what text repeats, twice or more, with or without marks
// between (退订退订, 退订，退订！), or "".
func saidOnce(text string) string {
	// (A keyword is short: a long text is no keyword said again. Read
	// without allocating: opt reads every message.)
	if len(text) > maxRepeatedBytes {
		return ""
	}
	notWord := func(r rune) bool { return !isWordRune(r) }
	first := text
	if i := strings.IndexFunc(text, notWord); i >= 0 {
		first = text[:i]
	}
	if first == "" {
		return ""
	}
	if first == text { // no marks: a unit said again and again
		for end := range text {
			if end > 0 && end <= len(text)/2 && len(text)%end == 0 && periodic(text, end) {
				return text[:end]
			}
		}
		return ""
	}
	for rest := text[len(first):]; ; {
		if rest = strings.TrimLeftFunc(rest, notWord); rest == "" {
			return first
		}
		after, ok := strings.CutPrefix(rest, first)
		if !ok || after != "" && !notWord(firstRune(after)) {
			return ""
		}
		rest = after
	}
}

// periodic reports whether text is its first n bytes said again and again.
func periodic(text string, n int) bool {
	for i := n; i < len(text); i++ {
		if text[i] != text[i-n] {
			return false
		}
	}
	return true
}

const maxRepeatedBytes = 96

// optInClauses is the switch one of two clauses turns, the other telling
// (我之前退订了，现在想重新订阅; 不退订了，恢复吧: a follower run's finds, no
// match and still unsubscribed): not when both turn it, two ways, nor when
// the other asks or one takes it back. A longer message tells a story
// (我退订了，现在又想看了，嗯，请问怎么才能恢复…: a question, not 退订).
func (s *Settings) optInClauses(text string) (out, ok bool) {
	clauses := clausesOf(text)
	if len(clauses) != 2 || slices.ContainsFunc(clauses, asksOf) {
		return false, false
	}
	if s.takenBackIn(clauses) {
		return false, false // 我想退订，开玩笑的
	}
	turns := 0
	for i, c := range clauses {
		// Not beside a link that does not open: 每日一读的推送打不开，重新开
		// 一下 asks to open it (a re-check's find: it subscribed).
		if other := clauses[1-i]; bareTurnOn.MatchString(c) && !brokenLink.MatchString(other) && slices.ContainsFunc(readingNames, func(n string) bool { return strings.Contains(other, n) }) && !s.stopsReading(other) {
			c = "开启推送"
		}
		if o, k := s.opt(c); k {
			if turns > 0 && o != out {
				return false, false
			}
			out, turns = o, turns+1
		}
	}
	return out, turns > 0
}

// correctedSwitch is a switch said, a word of its being wrong, and the
// switch meant.
var correctedSwitch = regexp.MustCompile(`^(.+?)[\p{P}\s]*(?:不对不对|不对|说错了|错了)[\p{P}\s]*(?:我是说|我说的是|我的意思是|应该是|是)?[\p{P}\s]*(.+)$`)

// cancelledSubscription is the reading's subscription cancelled, named
// between (取消每日一读订阅, 取消那个每日一读的订阅).
var cancelledSubscription = regexp.MustCompile(`取消(?:那个|这个)?(?:每日一读|每日推送|推送|每天的推送)(?:的)?订阅`)

// turnedOn is the daily reading turned on the other way round from the
// keywords: 把 before it, or the verb after it with 吧 or 一下.
var turnedOn = regexp.MustCompile(`(把)?(每日一读|每日推送|推送)(?:给我)?(?:重新|再)?(?:打开|开启|开通|恢复|开)(吧|一下)?`)

// mistakenLeave is a leaving told to have been a slip (刚才退订是不小心按错了:
// a follower run's find, no match and still unsubscribed), as 刚才点错了，不想
// 退订 is read: nothing else but asking words and fillers around it.
var mistakenLeave = regexp.MustCompile(`^(?:嗯|那个|就是|老师|不好意思|抱歉|[\p{P}\s])*(?:我)?(?:刚才|刚刚|之前|刚)?(?:的)?(?:退订|取消订阅|取消关注每日一读)(?:是|那个是)?(?:我)?(?:不小心|误|手滑)(?:按|点|操作|碰)(?:错了|错的|错|的|到了|到的)(?:了|啦)?[\p{P}\s]*(?:帮我)?(?:恢复|恢复一下|重新订阅|订阅回来)?(?:吧|一下|谢谢)?[\p{P}\s]*$`)

// brokenLink is a link said not to open.
var brokenLink = regexp.MustCompile(`打不开|点不开|看不了|无法打开|加载不出来|显示不出来|链接`)

// bareTurnOn is a clause turning something on without naming it (重新开一下,
// 恢复吧): the reading's when another clause names it (我又想看每日一读了，重新
// 开一下: a follower run's find, no match).
var bareTurnOn = regexp.MustCompile(`^(?:帮我|麻烦|请|那就|那)?(?:重新|再)?(?:打开|开启|开通|开|恢复)(?:一下|吧|回来|起来)*$`)

// leftBefore is the follower's leaving told before asking to come back (我
// 之前退订了现在想重新订阅, said in one breath: a follower run's find).
var leftBefore = regexp.MustCompile(`^我?(?:之前|以前|上次|前几天|刚才|刚刚)(?:不小心(?:点了|按了|点到了|按到了)?(?:退订|取消订阅)|(?:不小心)?(?:退订|取消订阅|取消|关掉|关闭)了)(?:每日一读|推送)?`)

// putBack asks for the reading back, after leftBefore.
var putBack = regexp.MustCompile(`^(?:能不能|可不可以|能|可以|麻烦|请)?(?:帮我)?(?:恢复|重新订阅|订阅回来|再订阅|重新开通|重新打开)(?:一下)?(?:吗|么|吧)?$`)

// wantsBack is what asks to come back after leftBefore: 想, 要, 重新, 再
// (我之前取消了订阅 tells it, and had subscribed: a re-check's find).
var wantsBack = regexp.MustCompile(`想|要|重新|再|恢复`)

// foldedPattern is a regex keyword folded as the text it is matched
// against is (Normalize): its letters lower-cased, its full-width forms
// written as the ASCII they fold to, as literals (， is ",", （ is "\("),
// its escapes (\S, \b, \p{Han}, \x{3000}) and flags ((?i), (?P<name>)
// kept as written.
func foldedPattern(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		switch {
		case strings.HasPrefix(p[i:], `\Q`):
			// Literal to \E: folded without escapes (\Q真题（答案）\E).
			j := len(p)
			if k := strings.Index(p[i+2:], `\E`); k >= 0 {
				j = i + 2 + k
			}
			b.WriteString(`\Q`)
			b.WriteString(strings.Map(func(r rune) rune {
				switch {
				case r == '\u3000':
					return ' '
				case r >= '！' && r <= '～':
					r = r - '！' + '!'
				}
				return unicode.ToLower(r)
			}, p[i+2:j]))
			i = j
			continue
		case r == '\\' && i+n < len(p):
			j := i + n
			r2, n2 := utf8.DecodeRuneInString(p[j:])
			j += n2
			if strings.ContainsRune("pPx", r2) && j < len(p) && p[j] == '{' {
				if k := strings.IndexByte(p[j:], '}'); k >= 0 {
					j += k + 1
				}
			}
			b.WriteString(p[i:j])
			i = j
			continue
		case strings.HasPrefix(p[i:], "(?"):
			j := i + 2 + max(0, strings.IndexAny(p[i+2:], ":)>"))
			b.WriteString(p[i:j])
			i = j
			continue
		case r == '\u3000':
			b.WriteByte(' ')
		case r >= '！' && r <= '～':
			// Punctuation escaped, any of it: a literal wherever it stands
			// (－ in a class had made a range of printable ASCII: a
			// re-check's find).
			if c := unicode.ToLower(r - '！' + '!'); unicode.IsLetter(c) || unicode.IsDigit(c) {
				b.WriteRune(c)
			} else {
				b.WriteByte('\\')
				b.WriteRune(c)
			}
		default:
			b.WriteRune(unicode.ToLower(r))
		}
		i += n
	}
	return b.String()
}

// regexHint says a regex's commonest slips in an operator's words: a * or
// + with nothing before it to repeat ('*遴选真题', meant as "anything"), and
// a bracket not closed (an operator run's find: the parser's words alone).
func regexHint(err error) string {
	var se *syntax.Error
	if !errors.As(err, &se) {
		return ""
	}
	switch se.Code {
	case syntax.ErrMissingRepeatArgument:
		if se.Expr[:1] == "?" {
			return " (? makes what comes before it optional, and nothing is before it: for the character itself write \\?)"
		}
		return fmt.Sprintf(" (%s repeats what comes before it, and nothing does: for any text write .*, for the character itself \\%s)", se.Expr[:1], se.Expr[:1])
	case syntax.ErrMissingParen, syntax.ErrMissingBracket:
		return " (a ( or [ is not closed: close it, or write \\( or \\[ for the character itself)"
	case syntax.ErrUnexpectedParen:
		return " (a ) closes nothing: write \\) for the character itself)"
	}
	return ""
}

// hanBoundary reports whether the regex p has \b beside a Han character.
func hanBoundary(p string) bool {
	for i := 0; i+1 < len(p); i++ {
		if p[i] != '\\' {
			continue
		}
		if p[i+1] == 'b' {
			// Beside a Latin letter or digit on its other side it holds
			// (PPT\b模板: a re-check's find).
			before, _ := utf8.DecodeLastRuneInString(p[:i])
			after, _ := utf8.DecodeRuneInString(p[i+2:])
			asciiWord := func(r rune) bool { return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') }
			if unicode.Is(unicode.Han, before) && !asciiWord(after) || unicode.Is(unicode.Han, after) && !asciiWord(before) {
				return true
			}
		}
		i++ // the escaped character (\\b is a backslash and b)
	}
	return false
}

// keptAfter is the reading kept after a stop said (a match not at the
// text's start): but, or never mind, and a wish to keep it (not 继续关注 or
// 不取消关注, the account kept: a re-check's find).
// (算了 is a filler taken off before: 不想看推送，算了，还是留着 reads 不想看推送,还是
// 留着.)
var keptAfter = regexp.MustCompile(`(?:但是|但|不过|可是|算了)[\p{P}\s]*(?:我)?(?:还是|暂时|先)?(?:不想退订|不要退订|不用退订|别退订|不退订|留着(?:吧|$)|看吧|要吧|订着)|` +
	`[,，;；]\s*还是(?:留着|订着|看|继续看|继续推|要)吧?$`)

// aNotA is a question asked as a verb, its no and the verb again (要不要,
// 想不想, 用不用).
var aNotA = regexp.MustCompile(`要不要|想不想|用不用|需不需要|需要不需要`)

// stopsReading reports whether text asks to stop the daily reading in no
// keyword's words, a no before or after the reading itself (我不想要每日一读了,
// 不用每天推送了, 每日一读不要了, 关掉推送, 推送关闭: a follower run's finds,
// each no match and the follower still subscribed) with only asking words
// around. Not a state said (推送停了, 推送关了: a re-check's find, they had
// unsubscribed followers telling the push had stopped), nor a question:
// the caller asks this only of a message not ending in a question mark.
func (s *Settings) stopsReading(text string) bool {
	// 要不要每天都推送 asks (a re-check's find: it unsubscribed), as opt
	// reads it.
	if !strings.ContainsAny(text, stopRunes) || aNotA.MatchString(text) {
		return false
	}
	// Kept after all (我不想看推送，但是不想退订; 每日一读不想看了，算了还是看吧: a
	// re-check's finds, each had unsubscribed).
	if loc := keptAfter.FindStringIndex(text); loc != nil && loc[0] > 0 {
		return false
	}
	// A no for the future, as opt reads it (以后不想要推送了).
	for _, later := range []string{"以后", "今后"} {
		if rest, ok := strings.CutPrefix(text, later); ok && strings.ContainsRune("不别", firstRune(rest)) {
			text = rest
		}
	}
	// One clause that asks it whole, beside a reason or a greeting (不想被推送
	// 打扰了，关掉推送; 老师，能不能先停一下推送: follower runs' finds, no
	// match), unless another takes it back (不是，我不是要关掉推送) or turns
	// the reading on (每日一读不要了，取消退订).
	if clauses := clausesOf(text); len(clauses) > 1 {
		// (The take-back looked for once: for each stopping clause, a long
		// message of stops and a take-back at its end cost its clauses
		// squared.)
		// Nor beside a question of its own, of stopping or of something
		// else to read (关掉推送，会怎样; 每日一读不想看了，换一篇: a re-check's
		// finds, they had unsubscribed).
		// A stop taken back after it (关掉推送，算了) stops nothing, as 退订，
		// 算了 does not (a re-check's find: the one unsubscribed, the other
		// not).
		if s.takenBackIn(clauses) {
			return false
		}
		if stopping, other, question := s.stopBeside(clauses); stopping && !other && question == "" {
			return true
		}
	}
	// Asked politely (可以把推送关掉吗, 能不能帮我把推送关掉: re-checks'
	// finds, as 可以关掉推送吗 is).
	for _, can := range canYou {
		if rest, ok := strings.CutPrefix(strings.TrimPrefix(text, "请问"), can); ok {
			if rest, ok := strings.CutSuffix(rest, "吗"); ok && rest != "" {
				text = rest
			} else if len(can) > len("能") && rest != "" {
				text = rest // 能不能… asks for it without 吗
			}
			break
		}
	}
	// Said of what someone else did (你们把推送关了, 推送被我关了): no
	// request (a re-check's find: 你们把推送关了 unsubscribed).
	if stoppedBy.MatchString(text) || saidOfOthers.MatchString(text) && !asksSomeone.MatchString(text) {
		return false
	}
	// 每天 between the no and what it stops (我不想每天收到推送了, 我不想要
	// 每天的推送了: a study-platform follower run's finds, no match and
	// still subscribed).
	// Not in a name of the reading (不要每天的文章了: a re-check's find).
	if !strings.Contains(text, "每天的") && !strings.Contains(text, "每天推送") && !strings.Contains(text, "每天发文章") {
		text = everyDayAfterNo.ReplaceAllString(text, "$1")
	}
	// ... and the stop asked again in a clause of its own (…，帮我关掉吧;
	// not 每日一读不要关掉, which keeps it).
	if parts := clausesOf(text); len(parts) > 1 {
		kept := parts[:0]
		for _, p := range parts {
			// One stop, alone: 取消退订 takes it back (a re-check's find).
			stops, rest := 0, p
			for _, w := range stopAgain {
				stops += strings.Count(rest, w)
				rest = strings.ReplaceAll(rest, w, "")
			}
			if stops != 1 || !onlyAsking(rest) {
				kept = append(kept, p)
			}
		}
		// Not where what is kept names no reading (老师，帮我把推送关掉: the
		// greeting had been kept, the request dropped: a re-check's find).
		if joined := strings.Join(kept, "，"); len(kept) > 0 && slices.ContainsFunc(readingNames, func(n string) bool { return strings.Contains(joined, n) }) {
			text = joined
		}
	}
	for _, name := range readingNames {
		if !strings.Contains(text, name) {
			continue
		}
		left := func(said string) (string, bool) {
			i := strings.Index(text, said)
			if i < 0 {
				return "", false
			}
			return text[:i] + text[i+len(said):], true
		}
		for _, no := range stoppingBefore {
			if rest, ok := left(no + name); ok && onlyAsking(without(rest, takenBack)) {
				return true
			}
		}
		// Who is asked, and when, between the reading and its stop
		// (每日一读先帮我关掉吧: a voice follower run's find, no match).
		for _, between := range []string{"先帮我", "帮我", "给我", "就先", "先"} {
			if i := strings.Index(text, name+between); i >= 0 {
				text = text[:i+len(name)] + text[i+len(name+between):]
				break
			}
		}
		// Asked politely after the reading (每日一读能不能先停一下: the last
		// note's leftover, no match), as before it.
		// (Not 可以: 每日一读可以停了 gives leave to stop, stoppingAfter.)
		for _, can := range []string{"可不可以", "能不能", "能否", "能"} {
			if i := strings.Index(text, name+can); i >= 0 {
				text = text[:i+len(name)] + text[i+len(name+can):]
				// (…吗 asks for it, as 可以关掉推送吗 does.)
				text = strings.TrimSuffix(strings.TrimRightFunc(text, func(r rune) bool { return !isWordRune(r) }), "吗")
				break
			}
		}
		for _, no := range stoppingAfter {
			// 推送关掉了 says what happened, as 推送关了 does (a re-check's
			// find: it unsubscribed); 推送关掉了吧 asks. So do 推送取消掉了,
			// 推送先停一下了 (a later re-check's).
			if !strings.ContainsAny(no, "不别") && !strings.HasPrefix(no, "可以") && strings.Contains(text, name+no+"了") && !strings.Contains(text, name+no+"了吧") {
				continue
			}
			if rest, ok := left(name + no); ok && onlyAsking(without(rest, takenBack)) {
				return true
			}
		}
		// 推送关闭, 每日一读取消吧: a request; 推送关闭了, 每日一读取消了 may
		// say what happened.
		for _, no := range []string{"关闭", "取消", "暂停"} {
			if rest, ok := left(name + no); ok && !strings.Contains(rest, "了") && onlyAsking(rest) {
				return true
			}
		}
		// 停了 and 关了 say a state (推送停了) but with 吧 ask for it (推送停了吧,
		// 关了推送吧: a re-check's find, no match once the state was no
		// request).
		// The 吧 right after what is said: 好吧，推送停了 says a state (a
		// third re-check's find).
		// So does 把 before the reading (帮我把推送关了: a re-check's find),
		// not after you (你们把推送关了 complains: a later re-check's).
		if strings.Contains(text, "吧") || strings.Contains(text, "把"+name) {
			for _, no := range []string{"停了", "关了", "取消了"} {
				for _, said := range [2]string{name + no, no + name} {
					end := said + "吧"
					if !strings.Contains(text, end) && strings.Contains(text, "把"+said) {
						end = said
					}
					if i := strings.Index(text, end); i >= 0 && onlyAsking(without(text[:i]+text[i+len(said):], takenBack)) {
						return true
					}
				}
			}
		}
	}
	return false
}

// switchApart reads a message of one clause run on, as voice recognition
// writes one, for the switch turned in it beside the follower's reason told
// before it or after it (我要考试了先退订。, 先不要推送了等我考完再说。, 就是我
// 考完试了那个每日一读就不需要了谢谢。: a voice follower run's finds, no
// match): as the clauses a typed one has. A reason is one of the few a
// follower gives of their own state, now (ownStateBefore, ownReasonAfter:
// an exam, being busy, no time, too many): three re-checks found any other
// words beside a keyword read as one (someone else's story, a condition, a
// put-off, a remark), each turning the switch. What stands between is read
// as opt and stopsReading read a message of its own, and asked now.
func (s *Settings) switchApart(text string) (out, ok bool) {
	text = strings.TrimFunc(text, func(r rune) bool { return !isWordRune(r) })
	if utf8.RuneCountInString(text) > maxApartRunes || strings.IndexFunc(text, func(r rune) bool { return !isWordRune(r) }) >= 0 || !s.mayTurn(text) {
		return false, false
	}
	starts, ends := apartAt(text)
	for _, p := range starts {
		for _, q := range ends {
			if q <= p || p == 0 && q == len(text) || !askedNow(text[p:q], s.optList) {
				continue
			}
			// A reason of too many or too often said straight after the
			// switch asks for fewer (别推送太频繁: a re-check's find).
			if q < len(text) && strings.HasPrefix(text[q:], "太") && !strings.HasSuffix(text[:q], "了") && !strings.HasSuffix(text[:q], "吧") {
				continue
			}
			if out, ok := s.opt(text[p:q]); ok {
				// A reason to stop is none to start (没时间看订阅, 考完了订阅
				// 用不上了: a re-check's finds, they had subscribed).
				if !out && stopReason.MatchString(text[:p]+text[q:]) {
					continue
				}
				return out, true
			}
			if s.stopsReading(text[p:q]) {
				return true, true
			}
		}
	}
	return false, false
}

// stopReason is a reason to stop the reading, among ownState's.
var stopReason = regexp.MustCompile(`忙|没时间|没空|看不过来|看不完|用不上|顾不上|来不及|不想看|太多|太频繁|太打扰`)

// apartAt returns where a switch may start in text, 0 and after the
// follower's reason told before it, and where it may end, before their
// reason told after it and at text's end, longest first: a reading of the
// switch each pair.
func apartAt(text string) (starts, ends []int) {
	starts = append(starts, 0)
	ends = append(ends, len(text))
	for i := range text {
		if i > 0 && len(starts) <= maxApart && ownStateBefore.MatchString(text[:i]) {
			starts = append(starts, i)
		}
		if i > 0 && len(ends) <= maxApart && ownReasonAfter.MatchString(text[i:]) {
			ends = append(ends, i)
		}
	}
	return starts, ends
}

// askedNow reports whether a switch read beside a reason asks for it now:
// not a keyword said done (我朋友考完了退订了), for later or on a
// condition (考完了我就退订, 考完了再订阅吧), given up (要不退订算了). A
// re-check's finds: each had turned it.
func askedNow(part string, keywords []string) bool {
	for _, kw := range keywords {
		if !strings.Contains(part, kw) {
			continue
		}
		// (A no's keyword with 了 asks: 先不要推送了.)
		if strings.HasSuffix(part, kw+"了") && !strings.ContainsAny(kw, "不别") || strings.Contains(part, "就"+kw) || strings.Contains(part, "再"+kw) {
			return false
		}
	}
	// (Nor a remark on it, or asked without a mark: 考完了退订太麻烦了, 考完了
	// 退订行不行: a re-check's finds.)
	return !slices.ContainsFunc([]string{"算了", "要不", "麻烦", "行不行", "好不好", "可不可以"}, func(w string) bool { return strings.Contains(part, w) })
}

// maxApart bounds the reasons apartAt finds before and after, each: a
// message costs at most (maxApart+1)² readings of the switch.
const maxApart = 4

// ownStateBefore is the follower's own state told before a switch: an exam
// to come or done, being busy, no time, too much (我要考试了, 考完试了那个,
// 我最近太忙了, 看不过来).
// ownReasonAfter, told after it (等我考完再说, 因为最近要考试, 太打扰了, 最近
// 没时间, 用不上了).
var (
	ownState       = `(?:要考试|快考试|考完试|考完|考试结束|考砸|上岸|考上|换工作|工作(?:太|很|比较)?忙|(?:太|很|比较)忙|没时间看?|没空看?|看不过来|看不完|用不上|顾不上看?|来不及看?|不想看|太多|太频繁|太打扰)`
	ownStateBefore = regexp.MustCompile(`^(?:嗯|那个|就是|老师|然后)*我?(?:最近|现在|这段时间|这阵子|已经|马上|实在)*(?:` + ownState + `了?(?:我|也|都|实在|最近)?){1,3}(?:那个|就是|然后|所以|先)?$`)
	ownReasonAfter = regexp.MustCompile(`^(?:等我考完(?:试)?了?(?:再说|再开|再订阅)?|(?:因为|我|最近|现在|实在|而且|也)*(?:` + ownState + `了?(?:啊|呀)?){1,3})(?:了|啊|呀|吧|谢谢|谢谢老师)*$`)
)

// maxApartRunes is the longest message switchApart reads: a switch and a
// reason or two, said in one breath.
const maxApartRunes = 40

// mayTurn reports whether text may turn the switch or take part in
// turning it: it names the reading or holds a keyword, a no or a stop
// (stopRunes).
func (s *Settings) mayTurn(text string) bool {
	return strings.ContainsAny(text, stopRunes) || slices.ContainsFunc(readingNames, func(n string) bool { return strings.Contains(text, n) }) ||
		slices.ContainsFunc(s.optList, func(kw string) bool { return strings.Contains(text, kw) })
}

// readingNames are what followers call the daily reading, and stopping the
// words that stop it said before or after one of them, longest first.
var (
	readingNames   = longestFirst([]string{"每日一读", "每日推送", "每天推送", "每天的推送", "每天的文章", "推送", "每天发文章"})
	stoppingBefore = longestFirst([]string{"不想再要", "不想要", "不要再", "不要", "不用再", "不用", "不再要", "别再", "别",
		// Not read any more, the no before (不想看每天早上的推送了: a voice
		// follower run's find, no match).
		"不想看", "不想再看",
		"关掉", "停掉", "都不要", "不需要", "暂停", "不想再收到", "不想再收", "不想收到", "不想收", "不再收", "别再发", "别发",
		// A pause asked before the reading (先停一下推送吧: a re-check's find).
		"停一下", "先停一下", "暂停一下", "先暂停一下"})
	// A pause asked (推送先停一下吧) and leave given to stop (每日一读可以停了):
	// a study-platform follower run's finds, no match and still subscribed.
	stoppingAfter = longestFirst([]string{"不想要", "不要", "不用", "不需要", "关掉", "停掉", "取消掉", "关闭掉", "停一下", "先停一下", "暂停一下", "先暂停一下",
		// Not read any more, not sent to me again (每日一读不想看了, 每日一读
		// 就不要再发给我了: a follower run's finds, no match).
		"不想看", "我不想看", "不想再看", "我不想再看", "不要再发给我", "就不要再发给我", "不用再发给我", "别再发给我", "就别再发给我",
		"可以停了", "可以关了", "可以停掉了", "可以关掉了", "可以取消了", "可以取消掉了", "可以关闭了",
		// A pause asked another way, a no after 就, not pushed again
		// (每日一读先停一停吧, 每日一读就不需要了, 推送别推了: a follower run's
		// finds, no match).
		"停一停", "先停一停", "就不需要", "就不要", "就不用", "别推", "别再推", "不要再推", "不用再推",
		// Not sent (那个每天早上的推送能不能别发了: a voice follower run's
		// find, no match).
		"别发", "别再发", "不要再发", "不要发", "不用再发", "不用发"})
)

// saidOfOthers is the reading said to have been stopped by someone: you
// (你们把推送关了), a friend (我朋友帮我把推送关了), the follower (我把推送
// 关了), or 被 (推送被我关了); re-checks' finds, each had unsubscribed.
// Asked of them (请你把推送关掉, 你们把推送关掉, 你帮我把推送关了吧), it is a
// request (a re-check's find: 你们把推送关掉 no longer stopped it).
var (
	saidOfOthers = regexp.MustCompile(`(?:你们|你|他们|他|她|朋友|同事|别人|谁)(?:帮我)?把|(?:^|[^帮让给])我把`)
	// (Not 被 anywhere: 不想被推送打扰了，关掉推送 asks to stop.)
	stoppedBy   = regexp.MustCompile(`(?:每日一读|每日推送|每天推送|推送)被`)
	asksSomeone = regexp.MustCompile(`请|麻烦|能不能|可不可以|可以|能否|吧|(?:掉|一下)$`)
)

// everyDayAfterNo is a no before 每天 and what it stops.
// Not 不再: 我不再每天收到推送了 says it stopped coming (a re-check's find:
// it unsubscribed).
var everyDayAfterNo = regexp.MustCompile(`(不想要|不想再|不想|不要再|不要|不用|别再|别)(?:每天都|每天的|每天|天天)`)

// stopAgain are the stop asked again beside it (我不想要推送了，帮我关掉吧).
var stopAgain = longestFirst([]string{"关掉", "停掉", "取消掉", "关闭", "取消", "停止", "退订"})

// takenBack are the words around a leaving taken back: 算了，还是不退订了.
var takenBack = longestFirst([]string{"算了", "还是", "先", "暂时", "了", "啦"})

// stopBeside reads a message's clauses for a stop of the daily reading in
// one of them (stopping), what stands beside it that keeps it from being
// done (other: another article asked, 每日一读不想看了，换一篇, or the reading
// turned on, 每日一读不要了，取消退订) and the first clause asking something
// (question: 关掉推送，会怎样, 我要退订，人工在吗): re-checks' finds, they had
// unsubscribed.
func (s *Settings) stopBeside(clauses []string) (stopping, other bool, question string) {
	for _, c := range clauses {
		out, ok := s.opt(c)
		stops := ok && out || s.stopsReading(c)
		stopping = stopping || stops
		switch {
		case ok && !out || asksOf(c) && !stops && asksAnother(c) || bareTurnOn.MatchString(c):
			other = true
		case asksOf(c) && !stops && question == "":
			question = c
		}
	}
	return stopping, other, question
}

// stopQuestion returns the question asked beside a stop of the daily
// reading, which is not done: what stopping does (关掉推送，会怎样; 退订，还能
// 搜文章吗), or something else (我要退订，人工在吗; 退订，面试怎么准备？).
func (s *Settings) stopQuestion(text string) (question string, ok bool) {
	if !s.mayStop(text) { // (most messages: asked of every one)
		return "", false
	}
	clauses := clausesOf(text)
	if len(clauses) < 2 || len(clauses) > maxHandOffParts || s.takenBackIn(clauses) {
		return "", false
	}
	stopping, other, question := s.stopBeside(clauses)
	return question, stopping && !other && question != ""
}

// mayStop reports whether text may hold a stop of the daily reading: a
// no or a stopping word stopsReading reads, or a keyword turning it off.
func (s *Settings) mayStop(text string) bool {
	return strings.ContainsAny(text, stopRunes) || slices.ContainsFunc(s.optList, func(kw string) bool { return s.optKeywords[kw] && strings.Contains(text, kw) })
}

// stopRunes are those a stop in no keyword's words holds (stopsReading).
const stopRunes = "不别关停暂取"

// notCaring are words holding a take-back's 不关 that take nothing back.
var notCaring = strings.NewReplacer("不关注", "", "不关心", "")

// askedOfStopping is a question of what stopping the reading does.
var askedOfStopping = regexp.MustCompile(`会怎样|会怎么样|然后呢|为什么|为啥|还能|还可以|收不到|能恢复|可以恢复|恢复吗|影响|怎么办|后果|以后|之后`)

// takesBack reports whether a clause beside a stop takes it back or denies
// asking it: 不是，我不是要关掉推送; 退订，骗你的. Not 不关注 (退订，不关注了
// leaves twice), nor 不是 said of something else (退订，我不是学生): a
// re-check's finds, neither had stopped.
func takesBack(clause string) bool {
	if strings.Contains(clause, "不关") {
		clause = notCaring.Replace(clause)
	}
	// 不是我 disowns (退订？不是我发的, 关掉推送，这不是我说的: a re-check's
	// finds, they had unsubscribed), not 不是我不… which explains (不是我不想
	// 看，是太忙了，退订吧: a later re-check's).
	if i := strings.Index(clause, "不是我"); i >= 0 && !strings.HasPrefix(clause[i+len("不是我"):], "不") {
		return true
	}
	// (Not 先不 alone: 先不要推送了，考完再说 asks to stop: a follower run's
	// find.)
	return slices.ContainsFunc([]string{"还是不", "先不关", "先不退", "先不取消", "先不停", "开玩笑", "开个玩笑", "骗你", "逗你", "说着玩", "不是要", "不是想", "不是说",
		"不是本人",
		"不关", "别关", "不要关", "不用关", "不停", "别停", "不要停"},
		func(w string) bool { return strings.Contains(clause, w) })
}

// takenBackIn reports whether clauses take back a switch turned in one of
// them: a clause that does, a refusal at the end (把推送打开，不了), or a
// never mind or a no after a clause turning it (关掉推送，算了; 退订，不是).
// Before it they refuse something else or correct (不了，退订; 算了，退订;
// 不用了，退订; 老师好，不用了，退订; 不是，我要退订: re-checks' finds, each had
// stopped nothing).
func (s *Settings) takenBackIn(clauses []string) bool {
	switch clauses[len(clauses)-1] {
	case "不了", "还是不了", "不了不了", "不用", "不用不用":
		return true
	}
	if slices.ContainsFunc(clauses, takesBack) {
		return true
	}
	if len(clauses) < 2 || !slices.ContainsFunc(clauses[1:], neverMind) {
		return false
	}
	// Each clause read once (a follower controls how many): whether it
	// turns the switch, and whether one before it tells the reading
	// unwanted.
	turns := make([]bool, len(clauses))
	for i, c := range clauses {
		_, ok := s.opt(c)
		turns[i] = ok || s.stopsReading(c)
	}
	turned, wished := false, false
	for i, c := range clauses {
		// Not a correction asking again (退订，不对，是取消推送).
		if turned && !wished && neverMind(c) && !slices.Contains(turns[i+1:], true) {
			return true
		}
		turned = turned || turns[i]
		wished = wished || wishedAway(c)
	}
	return false
}

// neverMind reports whether a clause drops or denies what was said
// before it (算了, 不用了, 不是).
func neverMind(clause string) bool {
	// A no, or not for now, said alone (退订，嗯先不要了; 退订，不对，先不: a
	// re-check's finds; before the stop, 先不要推送了 asks it; 先不看了 and
	// 推送的内容不对口 give a reason: a later re-check's).
	switch strings.TrimRight(strings.TrimLeft(clause, "嗯哦那"), "了吧啊呀") {
	case "不是", "不是的", "不是不是", "不不不", "不是吧", "不对", "不对不对", "先不", "先不要", "先不用":
		return true
	}
	return strings.Contains(clause, "算了") || strings.Contains(clause, "不用了")
}

// wishedAway reports whether a clause tells the reading unwanted rather than
// asking to stop it: a never mind after it gives up (每日一读不想看了，算了吧;
// 每日一读不要了，算了: a re-check's finds, they had stopped nothing), where
// after a request it takes it back (关掉推送，算了).
// Not a wish to stay (其实不想退) nor to miss nothing (不想错过考试信息): a
// re-check's finds, 算了 after them had stopped nothing.
func wishedAway(clause string) bool {
	return slices.ContainsFunc([]string{"不想", "不要了", "不需要", "不用了"}, func(w string) bool { return strings.Contains(clause, w) }) &&
		!strings.ContainsAny(clause, "退取关") && !strings.Contains(clause, "错过")
}

// asksAnother reports whether a clause asks for another article to read
// (换一篇, 有别的吗, 推荐点别的).
func asksAnother(clause string) bool {
	return slices.ContainsFunc([]string{"换一篇", "换一个", "换篇", "有别的", "别的吗", "换点", "换别的", "来点别的", "推荐点别的"}, func(w string) bool { return strings.Contains(clause, w) })
}

// asksOf reports whether a clause asks something: what stopping does (会怎样,
// 然后呢, 为什么, 还能…), whether (…吗, …呢, ？), or another article to read
// (换一篇, 有别的吗, 推荐点别的); not a remark (其他的都挺好, 我换了个号, 推送
// 那么多: a re-check's finds, they had stopped nothing).
func asksOf(clause string) bool {
	// (The courtesy after a question is no part of it: 会影响搜索吗老师.)
	for _, w := range []string{"谢谢老师", "谢谢", "老师", "啊", "呀"} {
		clause = strings.TrimSuffix(clause, w)
	}
	return clauseAsks.MatchString(clause) || strings.ContainsAny(clause, "?？") ||
		strings.HasSuffix(clause, "吗") || strings.HasSuffix(clause, "呢") || strings.HasSuffix(clause, "么") && !strings.HasSuffix(clause, "那么") && !strings.HasSuffix(clause, "这么") ||
		strings.HasPrefix(clause, "还能") || // (反正还能搜 says it)
		slices.ContainsFunc([]string{"为什么", "为啥", "会怎样", "然后呢", "能不能"}, func(w string) bool { return strings.Contains(clause, w) }) || asksAnother(clause)
}

// optStatus reports whether text asks about the daily reading's switch
// rather than flipping it: 退订了吗, 我订阅了没有, 怎么退订, 退订成功了吗.
// Only question words may stand beside the keyword, as only asking words
// may beside a switch.
func (s *Settings) optStatus(text string) bool {
	if pushAsked.MatchString(text) || switchAsked.MatchString(text) {
		return true
	}
	for _, kw := range s.optList {
		if !containsWord(text, kw) {
			continue
		}
		// 要不要退订 asks as 退订吗 does: where the switch stands, and how.
		left := aNotA.ReplaceAllString(strings.Replace(text, kw, "", 1), "吗")
		if strings.IndexFunc(left, isWordRune) >= 0 && strings.IndexFunc(without(left, statusWords), isWordRune) < 0 {
			return true
		}
	}
	return false
}

// pushAsked is the push asked after, or complained of, in no keyword's
// words (还会推送吗, 推送太多了烦死了: a follower run's finds, no match):
// where the switch stands, and how to turn it, answers both.
//
// And asked of a time ahead (考试前每天推送还会有吗, 推送还有吗, 每天都推送吗:
// no match, a final-week follower run's finds).
var pushAsked = regexp.MustCompile(`^(?:` + pushWhen + `(?:每日一读|每日推送|推送|每天推送|每天的推送)(?:还会有|还有|还会继续|还继续|也有)|` +
	pushWhen + `每天(?:都|也|还)?(?:会)?(?:推送|推|发)(?:每日一读)?|` +
	pushTimes + `(?:的)?(?:也|还|都)?(?:会)?(?:有)?(?:推送|推|发)(?:每日一读)?|` +
	pushWhen + `(?:还有|还会有|每天都有|每天还有|每天都会有)(?:推送|每日一读|每日推送)|` +
	`(?:(?:每日一读|每日推送|推送|每天)(?:还会|还)(?:继续)?(?:推送|推|发)?(?:给我)?|(?:每日一读|每日推送|推送)(?:停了|关了|取消了|关掉了|停掉了)(?:吗|么|没有|没)|(?:还会|还)(?:继续)?(?:每天)?(?:推送|推|发)(?:每日一读)?|(?:每日一读|每日推送|推送|每天推送)(?:的)?(?:太多了?|太频繁了?|太烦了?|好烦|烦死了?|真烦)(?:[\p{P}\s]*(?:烦死了?|太烦了?|好烦))?))(?:吗|么|嘛|啊|呀|了|吧)*[\p{P}\s]*$`)

// pushDays are times ahead a push question may be asked of; pushTimes is
// one said, pushWhen one or none, each after the teacher addressed.
const (
	pushDays  = `(?:考试前|考前|考试之前|考完试|考完|考试后|考试之后|以后|之后|今后|周末|节假日|放假|明天|国庆节|国庆|过年|春节|假期)`
	pushTimes = pushAddressed + pushDays
	pushWhen  = pushAddressed + `(?:` + pushDays + `(?:的)?[\p{P}\s]*)?(?:也|还)?`
	// pushAddressed is the teacher addressed first (老师，考完试还会推送吗).
	pushAddressed = `(?:老师[\p{P}\s]*)?`
)

// switchAsked is how to turn the reading off or on, or whether it can be,
// asked in no keyword's words (怎么关掉推送, 推送怎么关, 推送能关掉吗: a
// follower run's finds, no match).
var switchAsked = regexp.MustCompile(`^(?:请问)?(?:(?:我)?(?:要|该|能|可以)?(?:怎么|如何|怎样)(?:才能)?(?:关掉|关闭|关|停掉|停|打开|开启|开)(?:每日一读|每日推送|推送)|` +
	`(?:每日一读|每日推送|推送)(?:要|该|能|可以)?(?:怎么|如何|怎样)(?:才能)?(?:关掉|关闭|关|停掉|停止|停|取消|退订|打开|开启|开通|开|恢复|订阅)(?:掉)?|` +
	`(?:每天早上的|每天的|早上的|每天早上)?(?:每日一读|每日推送|推送)(?:能|可以|能不能|可不可以)(?:关掉|关闭|关|停掉|取消|退订)(?:吗|么)?)(?:啊|呀|呢|吗|么)*[\p{P}\s]*$`)

// statusWords are what stands beside a keyword asking where the switch is,
// or how to turn it (怎么退订), longest first.
var statusWords = longestFirst(append([]string{"我", "了", "吗", "么", "没", "没有", "有没有", "是", "是否", "是不是", "已经", "已", "还", "在",
	"成功", "状态", "查询", "查看", "查", "现在", "目前", "怎么", "如何", "怎样", "要", "该", "才能", "能", "可以", "请问", "在哪", "哪里",
	// Asked in a voice follower run's words (我还订阅着吗, 我已经订阅了对吧,
	// 为什么给我退订了, 我想知道怎么取消每日一读: no match).
	"着", "对吧", "对不对", "是吧", "为什么", "为啥", "怎么会", "给我", "我想知道", "想知道",
	"每日一读", "每日推送", "推送", "取消"}, courtesy...))

// asking are the words around a request to turn the reading on or off
// (我要退订, 请帮我退订一下, 退订吧谢谢), longest first: nothing of a no.
var asking = func() []string {
	// Courtesy without its question particles: 退订了吗 asks, it does
	// not unsubscribe; 退订好吗 and 退订嘛 ask for it.
	w := []string{"我要", "我想", "请帮我", "帮我", "请", "麻烦", "给我", "一下", "谢谢", "感谢", "多谢", "好的", "再",
		// Making up one's mind (还是退订吧, 那就订阅吧, 想重新订阅: a
		// follower run's finds, read as asking where the switch stands,
		// or searched); 我再想想退订 puts it off (想想, above).
		"还是", "那就", "那", "就", "想要", "想", "还想", "重新",
		"好吗", "可以吗", "行吗", "行不行", "嘛", "要", "现在", "该", "可以", "马上", "立即", "立刻", "我",
		// Asked politely as 可以…吗 is (能不能退订, 能不能别发了: a follower
		// run's finds, no match).
		"能不能", "可不可以", "能否",
		// When it comes, said of it (每天早上那个推送别推了: a follower run's
		// find, no match).
		"每天早上的", "每天早上", "早上的", "那个", "就是",
		// What is switched, named beside the keyword: 退订推送, 每日一读订阅.
		"每日一读", "每日推送", "推送",
		// What is switched, put first (帮我把推送关掉: a study-platform
		// follower run's find, no match and still subscribed).
		"把"}
	for _, c := range courtesy {
		if c != "吗" && c != "呢" && c != "么" && c != "的" { // 我的订阅 asks
			w = append(w, c)
		}
	}
	return longestFirst(w)
}()

// onlyAsking reports whether left holds nothing but asking words,
// punctuation and spaces.
func onlyAsking(left string) bool {
	return strings.IndexFunc(without(left, asking), isWordRune) < 0
}

// topicAside returns what stands apart from the keyword of rule (an alone
// rule that matched text) after a comma or a space, when it is a few
// characters of the follower's own: 两会 in 你好，两会, 申论 in 老师好 申论.
// Courtesy (谢谢，好的) and another rule's keyword are no topic.
func (s *Settings) topicAside(text string, rule int) string {
	parts := clausesOf(text)
	if len(parts) < 2 {
		return ""
	}
	keywords := s.rules[rule].keywords
	var topic string
	for _, p := range parts {
		if slices.ContainsFunc(keywords, func(kw string) bool { return containsWord(p, kw) }) {
			continue
		}
		if without(p, responses) == "" {
			continue
		}
		if topic != "" {
			return "" // more than one: not a lone topic beside a greeting (and rest would not call it alone)
		}
		topic = p
	}
	if topic == "" {
		return ""
	}
	if r, _ := s.match(topic); r >= 0 {
		return ""
	}
	return topic
}

// handOff returns the rule handing over to a person (a transfer reply)
// that one of text's few parts asks for whole, or -1: 你是机器人吗？我要人工,
// 我要人工客服，你们的回复不对 and 回答不对。人工 got a card and no match (a
// follower run's find). A follower asking for a person, whatever else they
// say, wants one. A person's name alone is a request when punctuation sets
// it apart (答非所问。客服), not when only spaces do (人工 成本 and 智能 客服
// are searches: a second run's find), nor beside a word holding it
// (人工，人工智能).
func (s *Settings) handOff(text string) int {
	parts := partsOf(text)
	if parts == nil {
		return -1
	}
	// seps[k] is what stands between parts k-1 and k (seps[0] before the
	// first, seps[len(parts)] after the last).
	seps := make([]string, 0, len(parts)+1)
	at := 0
	for _, p := range parts {
		i := at + strings.Index(text[at:], p)
		seps = append(seps, text[at:i])
		at = i + len(p)
	}
	seps = append(seps, text[at:])
	for k, p := range parts {
		if strings.IndexFunc(without(p, persons), isWordRune) < 0 {
			apart := strings.TrimSpace(seps[k]) != "" || strings.TrimSpace(seps[k+1]) != ""
			if !apart || slices.ContainsFunc(parts, func(o string) bool { return o != p && strings.Contains(o, p) }) {
				continue
			}
		}
		if r, q := s.match(p); r >= 0 && q == "" && s.rules[r].transfers() {
			return r
		}
	}
	return -1
}

// partsOf splits text at what is no word (punctuation, spaces) into its
// parts, or returns nil for one part (most questions: not split) or more
// than maxHandOffParts (a follower controls how many they send).
func partsOf(text string) []string {
	if strings.IndexFunc(text, func(r rune) bool { return !isWordRune(r) }) < 0 {
		return nil
	}
	parts := clausesOf(text)
	if len(parts) < 2 || len(parts) > maxHandOffParts {
		return nil
	}
	return parts
}

// persons are the names of a person to hand over to, longest first.
var persons = longestFirst([]string{"人工客服", "真人客服", "在线客服", "人工服务", "人工", "客服", "真人"})

// maxHandOffParts bounds the parts a message's rules are matched against,
// part by part: a voice message of a few short sentences ends with its
// request (你好。我是一名考生。…我要人工。).
const maxHandOffParts = 12

// reads reports whether the rule answers with the day's reading alone.
func (r *rule) reads() bool {
	return !r.resp.random && len(r.resp.replies) == 1 && r.resp.replies[0].Type == specDaily
}

// transfers reports whether the rule hands the follower over to a person.
func (r *rule) transfers() bool {
	return slices.ContainsFunc(r.resp.replies, func(spec ReplySpec) bool { return spec.Type == string(ReplyTransfer) })
}

// partsRule returns the one rule, not of courtesy (alone), that each part
// of text that is not courtesy asks for whole, or -1: 老师好，帮助; 你好，遴选;
// 你好，谢谢，每日一读; 每日一读，每日一读 (a greeting or thanks before it got
// the greeting, the thanks or a search: follower runs' finds). Courtesy
// beside courtesy (你好，谢谢) has no such rule.
func (s *Settings) partsRule(text string) int {
	parts := partsOf(text)
	if parts == nil {
		return -1
	}
	found := -1
	for _, p := range parts {
		if without(p, responses) == "" {
			continue // 谢谢，好的; 晚安，谢谢
		}
		r, q := s.match(p)
		switch {
		case r >= 0 && q == "" && s.rules[r].alone:
			continue // 你好呀, 晚安
		case r < 0 || q != "" || found >= 0 && r != found || s.rules[r].transfers():
			return -1 // a person is asked for by the rules' own patterns and handOff (好的，客服你好 greets one)
		}
		found = r
	}
	return found
}

// responses are what followers say back after thanks or an answer
// (谢谢老师，学习了; 好的，明白; 收到，转发): no topic beside the keyword.
var responses = func() []string {
	w := append([]string{"学到了", "学习", "明白", "感恩", "受益", "受教", "加油", "点赞", "支持", "转发", "收藏", "懂了", "了解",
		"知道", "收到", "厉害", "辛苦", "有用", "不错", "好的", "谢谢", "感谢", "棒", "赞"}, courtesy...)
	return longestFirst(w)
}()

// Built-in menu keys: a CLICK with one of these keys is answered without a
// rule (a rule binding the same key wins).
const (
	KeyDaily       = "DAILY"       // today's reading as a card
	KeySubscribe   = "SUBSCRIBE"   // turn the daily reading on
	KeyUnsubscribe = "UNSUBSCRIBE" // and off
)

// Rules returns each rule's label (its name, or rules[i]) and its menu
// keys, in config order, for reports of what was never used.
func (s *Settings) Rules() (labels []string, keys map[string][]string) {
	keys = map[string][]string{}
	for k, i := range s.keys {
		keys[s.rules[i].label] = append(keys[s.rules[i].label], k)
	}
	for _, r := range s.rules {
		labels = append(labels, r.label)
		slices.Sort(keys[r.label])
	}
	return labels, keys
}

// AnswersKey reports whether a menu CLICK with key gets an answer of its
// own: a rule's keys, or a built-in key.
func (s *Settings) AnswersKey(key string) bool {
	_, ok := s.keys[key]
	return ok || key == KeyDaily || key == KeySubscribe || key == KeyUnsubscribe
}

// Describe lists the compiled rules for `mpbot check`.
func (s *Settings) Describe() string {
	var b strings.Builder
	for i, r := range s.rules {
		name := r.name
		if name == "" {
			name = "-"
		}
		fmt.Fprintf(&b, "rule %d %s: match=%s", i, name, r.match)
		if r.alone {
			b.WriteString(" alone")
		}
		if len(r.keywords) > 0 {
			fmt.Fprintf(&b, " keywords=%s", strings.Join(r.keywords, "|"))
		}
		if r.re != nil {
			fmt.Fprintf(&b, " regex=%s", r.re)
		}
		var keys []string
		for k, idx := range s.keys {
			if idx == i {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		if len(keys) > 0 {
			fmt.Fprintf(&b, " keys=%s", strings.Join(keys, "|"))
		}
		fmt.Fprintf(&b, " → %s\n", r.resp.describe())
	}
	fmt.Fprintf(&b, "subscribe → %s\ndefault → %s\nno_match → %s\n", s.subscribe.describe(), s.fallback.describe(), s.noMatch.describe())
	fmt.Fprintf(&b, "search: max_results=%d min_score=%.2f clear_score=%.2f clear_margin=%.2f\n",
		s.search.MaxResults, s.search.MinScore, s.search.ClearScore, s.search.ClearMargin)
	return b.String()
}

func (r response) describe() string {
	if len(r.replies) == 0 {
		return "(nothing)"
	}
	var parts []string
	for _, rep := range r.replies {
		switch rep.Type {
		case specArticles:
			if rep.Query != "" {
				parts = append(parts, fmt.Sprintf("articles(query=%q)", rep.Query))
			} else {
				parts = append(parts, fmt.Sprintf("articles(ids=%s)", strings.Join(rep.IDs, ",")))
			}
		default:
			parts = append(parts, rep.Type)
		}
	}
	mode := "all"
	if r.random {
		mode = "random"
	}
	return fmt.Sprintf("%s [%s]", strings.Join(parts, ", "), mode)
}

// anyMessage is a text no keyword is written for: a regex matching it
// matches any message.
const anyMessage = "⁂⁂"

// scene is the welcome of a channel's QR code scene: the one written as
// the code sends it, or else the one written alike without case, when only
// one is (config keys had been read without case: a code made autumn
// matched a scene written Autumn, and an upgrade must not end it: a
// review's find).
func (s *Settings) scene(name string) (response, bool) {
	k, ok := SceneKey(s.scenes, name)
	return s.scenes[k], ok
}

// SceneKey is the key of scenes that answers a code's scene name, as the
// welcome is chosen: name itself, or else the one key written alike
// without case.
func SceneKey[V any](scenes map[string]V, name string) (string, bool) {
	if _, ok := scenes[name]; ok {
		return name, true
	}
	found, n := "", 0
	for k := range scenes {
		if strings.EqualFold(k, name) {
			found, n = k, n+1
		}
	}
	return found, n == 1
}
