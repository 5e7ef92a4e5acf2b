package search

import (
	"path/filepath"
	"strings"
	"testing"
)

// FuzzWithoutFillerWords checks that passing over the fillers whose
// characters a query lacks takes out what looking for every one took out.
func FuzzWithoutFillerWords(f *testing.F) {
	for _, q := range loadQuestionFile(f, filepath.Join("testdata", "questions.tsv")) {
		f.Add(q.text)
	}
	for _, s := range []string{"是什么时候", "什么是什么意思", "请问一下请问", "怎么 看", "面试里面如果考到银发经济应该怎么答", "是什什么么", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := s
		for _, filler := range fillersLongestFirst {
			want = strings.ReplaceAll(want, filler, " ")
		}
		if got := withoutFillerWords(s); got != want {
			t.Errorf("withoutFillerWords(%q) = %q, want %q", s, got, want)
		}
	})
}
