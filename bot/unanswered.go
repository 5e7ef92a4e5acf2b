package bot

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"mpbot/content"
)

// Unanswered names the configured replies that show articles and have none
// to show from the store as it is: a search (rules' query:) that finds
// nothing at search.min_score, nor articles mentioning its word, and ids
// not in the store. Followers asking such a rule get the no-match reply,
// which the operator would otherwise learn only from the report (the help
// text promising 「遴选」 exam analyses, on a store without any). Searches
// are asked once each, as a follower's would be, of catalog (the store's
// search itself, not the bot's, whose searches are followers' in the
// metrics).
func Unanswered(ctx context.Context, s *Settings, catalog Catalog) ([]string, error) {
	var out []string
	searched := map[string]bool{}
	// mentions: whether articles mentioning a search's word answer it, as
	// they do for a follower's first reply, not for replies.no_match's.
	check := func(where string, resp response, mentions bool) error {
		for _, spec := range resp.replies {
			if spec.Type != specArticles {
				continue
			}
			if spec.Query != "" {
				if searched[spec.Query] {
					continue
				}
				searched[spec.Query] = true
				found, err := finds(ctx, s, catalog, spec.Query, mentions)
				if err != nil {
					return fmt.Errorf("%s: search %q: %w", where, spec.Query, err)
				}
				if !found {
					out = append(out, fmt.Sprintf("%s: the search %q finds no article: followers get replies.no_match", where, spec.Query))
				}
				continue
			}
			var missing []string
			for _, id := range spec.IDs {
				if _, err := catalog.Get(ctx, id); errors.Is(err, content.ErrNotFound) {
					missing = append(missing, id)
				} else if err != nil {
					return fmt.Errorf("%s: article %q: %w", where, id, err)
				}
			}
			switch {
			case len(missing) == len(spec.IDs):
				out = append(out, fmt.Sprintf("%s: no article of ids %q is in the store: followers get replies.no_match", where, spec.IDs))
			case len(missing) > 0:
				out = append(out, fmt.Sprintf("%s: articles %q are not in the store: they are left out of the reply", where, missing))
			}
		}
		return nil
	}
	for _, r := range s.rules {
		if err := check("rule "+r.label, r.resp, true); err != nil {
			return out, err
		}
	}
	scenes := make([]string, 0, len(s.scenes))
	for name := range s.scenes {
		scenes = append(scenes, name)
	}
	slices.Sort(scenes)
	for _, name := range scenes {
		if err := check("replies.subscribe_scenes."+name, s.scenes[name], true); err != nil {
			return out, err
		}
	}
	for _, r := range []struct {
		where    string
		resp     response
		mentions bool
	}{{"replies.subscribe", s.subscribe, true}, {"replies.default", s.fallback, true}, {"replies.no_match", s.noMatch, false}} {
		if err := check(r.where, r.resp, r.mentions); err != nil {
			return out, err
		}
	}
	return out, nil
}

// finds reports whether a follower asking query would be shown an article:
// one at min_score, or, failing that and where mentions answer, articles
// mentioning its word.
func finds(ctx context.Context, s *Settings, catalog Catalog, query string, mentions bool) (bool, error) {
	hits, err := catalog.Search(ctx, query, s.searchN())
	if err != nil {
		return false, err
	}
	if len(relevantOf(hits, s.search.MinScore)) > 0 || !mentions {
		return len(relevantOf(hits, s.search.MinScore)) > 0, nil
	}
	_, mentioned, err := catalog.Mentions(ctx, query, s.searchN())
	return len(mentioned) > 0, err
}

// Example is a topic the replies' texts suggest followers send (例如
// 「枫桥经验」), with every place that suggests it.
type Example struct {
	Term  string
	Where []string
	// Instruction says the text tells followers to send it (回复「帮助」),
	// a keyword rather than a topic of the articles.
	Instruction bool
}

// Examples are the topics the configured replies' texts give as examples
// of what to send, in config order. Whether one finds anything is for the
// bot to answer (built-in answers, 往期每日一读, 退订, find none by search):
// after `articles rm --demo` the shipped ones sent followers round to
// replies.no_match, which suggested the same again (a newcomer run's find).
func Examples(s *Settings) []Example {
	var out []Example
	at := map[string]int{}
	add := func(where string, resp response) {
		for _, spec := range resp.replies {
			if spec.Type != string(ReplyText) {
				continue
			}
			terms := suggested(spec.Content)
			topics := len(terms)
			for _, m := range instructedTerm.FindAllStringSubmatch(spec.Content, -1) {
				terms = append(terms, strings.TrimSpace(m[1]))
			}
			for k, term := range terms {
				if term == "" {
					continue
				}
				i, ok := at[term]
				if !ok {
					i = len(out)
					at[term] = i
					out = append(out, Example{Term: term, Instruction: k >= topics})
				}
				if !slices.Contains(out[i].Where, where) {
					out[i].Where = append(out[i].Where, where)
				}
			}
		}
	}
	add("replies.no_match", s.noMatch)
	add("replies.subscribe", s.subscribe)
	for _, name := range slices.Sorted(maps.Keys(s.scenes)) {
		add("replies.subscribe_scenes."+name, s.scenes[name])
	}
	add("replies.default", s.fallback)
	for _, r := range s.rules {
		add("rule "+r.label, r.resp)
	}
	return out
}

// Taken names the keywords of the rules that match a whole message
// (match: exact) which another rule answers first: sent alone, each goes
// to that rule, and the rule written for it never answers (a newcomer
// run's find: a rule added at the end for 课程, 退款, 怎么报名 was listed by
// the console and check said ok, while the shipped human rule's pattern
// above took every one). A contains or prefix rule's keyword alone may be
// another rule's on purpose (晚安 alone is bye's; goodnight answers it
// inside a longer message).
func Taken(s *Settings) []string {
	var out []string
	for i, r := range s.rules {
		if r.match != MatchExact {
			continue
		}
		where := fmt.Sprintf("replies.rules[%d]", i)
		if r.name != "" {
			where += " (" + r.name + ")"
		}
		for _, kw := range r.keywords {
			// The daily reading's switch answers before every rule (a
			// re-check's find: 暂停推送 in a rule turned the reading off).
			norm := s.fold(kw)
			sw := plainPush(norm)
			off, ok := s.opt(sw)
			if stops := !ok && s.stopsReading(sw); stops && !politeRequest(sw) {
				// Asked (不想看推送了？), a stop is left to the rules, as the
				// answer leaves it (每日一读不要了？ asks); said, it stops.
				out = append(out, fmt.Sprintf("%s: keyword %q reaches this rule only when it is asked (ending in ？): said (as a voice message is, ending in 。) it turns the daily reading off, before any rule; reword it", where, kw))
				continue
			} else if ok || stops {
				what := "turns the daily reading off"
				if ok && !off {
					what = "turns the daily reading on"
				}
				out = append(out, fmt.Sprintf("%s: keyword %q never reaches this rule: it %s, before any rule (the push's subscribe and unsubscribe keywords, and stops said otherwise); reword it", where, kw, what))
				continue
			}
			if s.optStatus(sw) {
				out = append(out, fmt.Sprintf("%s: keyword %q never reaches this rule: it asks whether the daily reading is on, answered before any rule; reword it", where, kw))
				continue
			}
			if first, _ := s.match(norm); first >= 0 && first != i {
				other := s.rules[first].label
				out = append(out, fmt.Sprintf("%s: keyword %q never reaches this rule: rule %s (replies.rules[%d]) answers it first; put this rule above it, or take the word out of rule %s", where, kw, other, first, other))
			}
		}
	}
	return out
}

var (
	quotedExamples = regexp.MustCompile(`例如[：:]?\s*((?:「[^「」\n]{1,20}」[、，,\s]*)+)`)
	quotedTerm     = regexp.MustCompile(`「([^「」\n]{1,20})」`)
	listedExamples = regexp.MustCompile(`例如[：:]\s*([^「。\n]{1,80})`)
	// instructedTerm is a keyword a text tells followers to send (回复「帮助」,
	// 发送「人工」): with every rule lost to a file saved half-way, the
	// shipped no_match sent followers round to itself, and check said ok
	// (a newcomer run's find).
	instructedTerm = regexp.MustCompile(`(?:回复|发送)\s*「([^「」\n]{1,12})」`)
)

// suggested are the examples a reply's text gives of what to send: quoted
// after 例如 (例如「枫桥经验」「新质生产力」), or listed after 例如： (例如：枫桥经验、
// 中国式现代化). Other quotes are left (回复「帮助」, 点「…」→「不再关注」):
// instructions, not topics.
func suggested(text string) []string {
	var out []string
	for _, run := range quotedExamples.FindAllStringSubmatch(text, -1) {
		for _, m := range quotedTerm.FindAllStringSubmatch(run[1], -1) {
			out = append(out, strings.TrimSpace(m[1]))
		}
	}
	for _, m := range listedExamples.FindAllStringSubmatch(text, -1) {
		for _, item := range strings.FieldsFunc(m[1], func(r rune) bool { return r == '、' || r == '，' || r == ',' }) {
			if item = strings.TrimSpace(item); utf8.RuneCountInString(item) <= 20 {
				out = append(out, item)
			}
		}
	}
	return slices.DeleteFunc(out, func(s string) bool { return s == "" })
}
