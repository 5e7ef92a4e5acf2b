package content

import (
	"strings"
	"testing"
)

// TestMessageBoardHeadedAsReadersMessage: a government 留言板 page names
// its question block 网友留言 (or 读者留言) and its answer 回复, in blocks
// whose class says msg/liuyan/reply. commentsHeadRe takes a bare
// 网友留言 or 读者留言 (its count optional) as a comment section's heading,
// so since c78a406 the asker's question, one block of no repeated class,
// is dropped as "one comment"; 635695f kept it (the rule then wanted two
// comments of one class). The bare 留言 of the same page is kept
// (TestLabelledBlocksAreNoCommentSections, liuyanban).
func TestMessageBoardHeadedAsReadersMessage(t *testing.T) {
	for _, head := range []string{"网友留言", "读者留言"} {
		page := recheckSitePage("关于遴选报名年限的咨询", `<div class="main"><h1>关于遴选报名年限的咨询</h1><div class="msg-detail"><h3>`+head+`</h3><p>我是2022年考录的乡镇公务员，试用期满后工作满两年，请问能否报考今年的省直机关遴选？希望组织部门予以解答，谢谢。</p><p>留言时间：2024-07-01</p></div>`+
			`<div class="reply-detail"><h3>回复</h3><p>您好！根据公告要求，报考人员须在乡镇（街道）机关工作满2年（含试用期），计算截止时间为2024年7月31日。您如符合条件，可以报名。</p><p>回复单位：省委组织部</p></div></div>`)
		a, err := ExtractHTML(page, "https://www.beichenlx.com/news/liuyan.html")
		if err != nil || !strings.Contains(a.Body, "请问能否报考今年的省直机关遴选") {
			t.Errorf("question headed %s: lost: body %q, %v", head, a.Body, err)
		}
	}
}
