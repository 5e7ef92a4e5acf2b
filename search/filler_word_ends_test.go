package search

import (
	"strings"
	"testing"
)

// 有什么 (added in 0122419) is cut out of the word 具有 (具有什么特点 → 具 特点),
// and 得高分 out of 获得: the character left is searched alone (具有什么特点
// got a card on 适老家具…, where it had had 具有 matched; on the corpus
// 全过程人民民主具有什么特点 went from 3 articles to no match).
func TestFillerKeepsTheWordItEnds(t *testing.T) {
	for text, word := range map[string]string{
		"新质生产力具有什么特征":   "具有",
		"全过程人民民主具有什么特点": "具有",
		"中国式现代化拥有什么优势":  "拥有",
		"获得高分":          "获得",
	} {
		if got := withoutFillerWords(text); !strings.Contains(got, word) {
			t.Errorf("withoutFillerWords(%q) = %q: %s cut in half", text, got, word)
		}
	}
}
