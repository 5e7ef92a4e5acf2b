package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mpbot/bot"
)

// voiceSayWith answers voice messages on the demo articles and three of the
// corpus's (xwlb-20250410-13 拉共体第九届峰会…批评美单边行为,
// xwlb-20241227-13 哈萨克斯坦称客机失事原因尚无官方结论,
// xwlb-20260802-08 美总统称同意取消大规模打击伊朗的行动).
func voiceSayWith(t *testing.T) func(from, text string) string {
	t.Helper()
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	// The three articles, read from the shared corpus (never copied here).
	want := map[string]bool{"xwlb-20250410-13": true, "xwlb-20241227-13": true, "xwlb-20260802-08": true}
	all, err := os.ReadFile(filepath.Join(sharedCorpus(t), "articles.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var arts []byte
	for line := range strings.SplitSeq(string(all), "\n") {
		var a struct {
			ID string `json:"id"`
		}
		if json.Unmarshal([]byte(line), &a) == nil && want[a.ID] {
			arts = append(arts, line+"\n"...)
		}
	}
	if n := strings.Count(string(arts), "\n"); n != len(want) {
		t.Fatalf("%d of the %d articles found in the shared corpus", n, len(want))
	}
	jsonl := filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(jsonl, arts, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := runCmd(t, "import", "--config", cfg, jsonl); code != 0 {
		t.Fatalf("import: %d %s %s", code, out, errs)
	}
	return shippedAsk(t, cfg, bot.KindVoice)
}

// TestLongVoiceWithoutQuestionGetsNoUnrelatedNews: a long voice message that asks for no article (a request to stop the
// reading, a question about the account, a complaint about one's day) got
// no match before f8b0d1b; now its "surest clause" (麻烦帮我取消一下 → 取消,
// 是官方的吗 → 官方, 领导还批评我了 → 批评) is answered with news that has
// nothing to do with what was said.
func TestLongVoiceWithoutQuestionGetsNoUnrelatedNews(t *testing.T) {
	say := voiceSayWith(t)
	for i, c := range []struct{ text, unrelated string }{
		{"老师我想退订，就是每天推送的太多了，我看不过来，嗯，麻烦帮我取消一下。", "xwlb-20260802-08"},
		{"你好，我想问一下，你们这个公众号是谁在运营啊，是官方的吗，文章都是从哪里来的，嗯，谢谢。", "xwlb-20241227-13"},
		{"今天北京下大雨了，我上班迟到了，领导还批评我了，心情很不好，嗯，你能安慰我一下吗。", "xwlb-20250410-13"},
	} {
		out := say("o_voice_"+string(rune('a'+i)), c.text)
		if strings.Contains(out, c.unrelated) || strings.Contains(out, "拉共体") || strings.Contains(out, "哈萨克斯坦") || strings.Contains(out, "伊朗") {
			t.Errorf("voice %q: answered with unrelated news (%s):\n%s", c.text, c.unrelated, out)
		}
	}
}
