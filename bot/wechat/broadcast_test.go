package wechat

import (
	"mpbot/content"
	"testing"
)

// A follower reads the mass-sent article once: the summary an importer took
// from the first paragraph does not lead it a second time.
func TestDraftContent(t *testing.T) {
	for _, c := range []struct {
		name string
		a    content.Article
		want string
	}{
		{"summary is the first paragraph", content.Article{Summary: "一、去年", Body: "一、去年\n\n去年，这里……"},
			"<p>一、去年</p><p>去年，这里……</p>"},
		{"summary cut from the first paragraph", content.Article{Summary: "枫桥经验诞生于…", Body: "枫桥经验诞生于20世纪60年代。\n\n后来"},
			"<p>枫桥经验诞生于20世纪60年代。</p><p>后来</p>"},
		{"first paragraph opens with a dateline", content.Article{Summary: "国家统计局最新发布。", Body: "央视网消息（新闻联播）：国家统计局最新发布。\n\n其次"},
			"<p>央视网消息（新闻联播）：国家统计局最新发布。</p><p>其次</p>"},
		{"a summary of its own", content.Article{Summary: "导读：三点启示", Body: "正文第一段\n\n正文第二段"},
			"<p>导读：三点启示</p><p>正文第一段</p><p>正文第二段</p>"},
		{"no body", content.Article{Summary: "只有摘要 <b>"}, "<p>只有摘要 &lt;b&gt;</p>"},
		{"no summary", content.Article{Body: "\n\n第一段\n\n\n\n第二段\n"}, "<p>第一段</p><p>第二段</p>"},
		{"summary from the paragraph below a subheading", content.Article{Summary: "产业兴旺是重点。", Body: "二十字总方针解读\n\n产业兴旺是重点。\n\n其次"},
			"<p>二十字总方针解读</p><p>产业兴旺是重点。</p><p>其次</p>"},
		{"summary of a hard-wrapped paragraph", content.Article{Summary: "枫桥经验诞生于浙江诸暨， 是基层治理的经验。", Body: "枫桥经验诞生于浙江诸暨，\n是基层治理的经验。\n\n后来"},
			"<p>枫桥经验诞生于浙江诸暨，\n是基层治理的经验。</p><p>后来</p>"},
	} {
		if got := draftContent(c.a); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
