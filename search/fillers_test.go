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
			if drop, ok := fillerWhere[filler]; ok {
				want = replaceWhere(want, filler, drop) // (需要 only before how: 政审需要准备什么材料 keeps it)
				continue
			}
			want = strings.ReplaceAll(want, filler, " ")
		}
		if got := withoutFillerWords(s); got != want {
			t.Errorf("withoutFillerWords(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestAcknowledgements: a message acknowledging what the follower was
// told asks nothing; one asking something after it is searched.
func TestAcknowledgements(t *testing.T) {
	if acknowledgements[len(acknowledgementWords)] != "谢谢老师" {
		t.Fatalf("the thanks begin with %q, not 谢谢老师", acknowledgements[len(acknowledgementWords)])
	}
	for text, want := range map[string]bool{
		"好的收到": true, "收到": true, "明白了，谢谢": true, "嗯嗯知道了": true, "好的谢谢老师！": true, "ok": true, "懂了懂了": true,
		"谢谢": false, "老师": false, "": false, "好的乡村振兴": false, "收到通知": false, "明白人": false, "知道创宇": false, "好人好事": false,
	} {
		if got := acknowledges(text); got != want {
			t.Errorf("acknowledges(%q) = %v, want %v", text, got, want)
		}
	}
}
