package content

import (
	"strings"
	"unicode/utf8"
)

// Story is one headed item of a roundup (国内联播快讯, 一周要闻): its
// headline and its text, the paragraphs under the headline.
type Story struct {
	Head string `json:"head"`
	Text string `json:"text"`
}

// Stories splits body into the headed items of a roundup: a headline is a
// paragraph of one line, 4 to 40 characters, that does not end as a
// sentence does, followed by a paragraph that is not one; the item's text
// runs to the next headline. What comes before the first headline (央视网消息
// （新闻联播）：) belongs to no item. A body with fewer than two items is not
// a roundup: nil.
func Stories(body string) []Story {
	paras := strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n\n")
	var out []Story
	var text []string
	flush := func() {
		if len(out) > 0 {
			out[len(out)-1].Text = strings.Join(text, "\n\n")
		}
		text = text[:0]
	}
	var kept []string
	for _, p := range paras {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	for i, p := range kept {
		if headline(p) && i+1 < len(kept) && !headline(kept[i+1]) {
			flush()
			out = append(out, Story{Head: p})
			continue
		}
		if len(out) > 0 {
			text = append(text, p)
		}
	}
	flush()
	if len(out) < 2 {
		return nil
	}
	return out
}

// headline reports whether a paragraph reads as an item's headline.
func headline(p string) bool {
	n := utf8.RuneCountInString(p)
	if n < 4 || n > 40 || strings.ContainsRune(p, '\n') {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	return !strings.ContainsRune("。！？；：，、…”’」）)!?;:,.", last)
}
