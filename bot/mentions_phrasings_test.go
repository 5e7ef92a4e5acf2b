package bot

import (
	"strings"
	"testing"
)

// TestFollowersThisOneUnderMentionsOtherWords: a96f8cb answers 这篇讲的什么
// under a list of mentions by asking which one; the same question in the
// words followers also use gets 没有找到相关文章 there (and also under a
// card, as before the fix: `这篇讲的是什么内容` after 中国式现代化's card on the
// demo). Seen live on the corpus: 枫桥经验 (没有专门讲「枫桥经验」的文章…),
// then 这篇讲的是什么内容, 这篇讲的什么意思 or 老师，这篇讲的什么？ (请问这篇讲的什么 is asked which one): no match.
func TestFollowersThisOneUnderMentionsOtherWords(t *testing.T) {
	for _, text := range []string{"这篇讲的是什么内容", "这篇讲的什么意思", "老师，这篇讲的什么？", "请问这篇讲的什么"} {
		ask := asker(t, newDemoBot(t, mentioningCatalog(), NewMemoryFollowUps()))
		if r := ask("枫桥经验"); !strings.HasPrefix(r.Text, "没有专门讲「枫桥经验」的文章") {
			t.Fatalf("枫桥经验: %s", r.String())
		}
		if r := ask(text); !strings.HasPrefix(r.Text, "回复序号（1 到 3）") {
			t.Errorf("the mentions, then %s: want which one asked, as for 这篇讲的什么, got:\n%s", text, r.String())
		}
	}
}
