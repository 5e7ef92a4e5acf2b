package content

import (
	"fmt"
	"strings"
	"testing"
)

// Regressions of 640fda3..HEAD found by the last re-check (the session of 2026-12-06): each page or line
// here imported right at 640fda3 and is damaged at HEAD.

var xxPara = []string{"中央组织部近日印发通知，要求进一步改进干部考核工作，突出实干实绩导向，防止考核过多过频、重留痕轻实绩等问题，切实为基层减负。",
	"通知强调，要把考核结果作为干部选拔任用、评先奖优、问责追责的重要依据，激励干部担当作为、干事创业，形成能者上、庸者下的鲜明导向。",
	"通知要求，各级党委（党组）要加强组织领导，结合实际制定具体措施，确保各项要求落到实处，防止搞形式、走过场，真正让考核成为指挥棒。",
	"专家表示，这次通知聚焦考核工作中的突出问题，针对性强，对于推动干部队伍建设、提高治理效能具有重要意义，各地应尽快细化落实。"}

var xxComments = []string{"这篇文章写得太好了，考核就应该看实绩，不能只看材料和台账，基层干部深有体会，支持！",
	"同意楼上的观点，希望文件精神能真正落地，别再层层加码，让基层干部把精力用在干事上。",
	"收藏了，遴选笔试可能会考到这个知识点，准备背下来，谢谢小编整理，辛苦了辛苦了。",
	"请问今年省直遴选什么时候报名？有没有知道的朋友说一下，万分感谢，在线等挺急的。"}

// X2: a page with no article but a comment section (a video page, a
// column's list) was refused; it is now read again with the comments and
// imports the readers' comments as the article.
func TestRecheckLastCommentsOnlyPageRefused(t *testing.T) {
	var cs strings.Builder
	for i, c := range xxComments {
		fmt.Fprintf(&cs, `<div class="comment-item"><span class="user">网友%d</span><p>%s</p></div>`, i, c)
	}
	var list strings.Builder
	for i := range 6 {
		fmt.Fprintf(&list, `<li><a href="/n/%d.html">2024年遴选公告第%d号发布通知</a><span>2024-06-0%d</span></li>`, i, i, i+1)
	}
	pages := map[string][]byte{
		"video": recheckPage("video", "遴选面试技巧视频讲解",
			`<div class="video"><h1>遴选面试技巧视频讲解</h1><div class="player"><video src="/v.mp4"></video></div><p>2024-06-01</p></div><div class="comment-list"><h3>全部评论（4）</h3>`+cs.String()+`</div>`, ""),
		"list": []byte(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>遴选动态_北辰遴选</title><link rel="canonical" href="https://www.beichenlx.com/news/list.html"></head><body>` +
			`<div class="nav"><a href="/">首页</a> <a href="/news/">时政</a> <a href="/exam/">遴选</a></div>` +
			`<div class="list"><h2>遴选动态</h2><ul>` + list.String() + `</ul></div><div class="comment-list"><h3>最新评论</h3>` + cs.String() + `</div>` +
			`<div class="footer">北辰遴选 版权所有 © 2024 京ICP备12345678号</div></body></html>`),
	}
	for name, page := range pages {
		a, err := ExtractHTML(page, "https://www.beichenlx.com/news/"+name+".html")
		if err == nil {
			t.Errorf("%s: imported as %q (a page with no article of its own; comments or list for a body):\n%s", name, a.Title, a.Body)
		}
	}
}

// X3: "pl" (评论) as a comment section's name also names Bootstrap's
// padding class pl-md-4: the article's column, which has a 发表评论 link and
// paragraphs of one class, is dropped and the sidebar imported instead.
func TestRecheckLastBootstrapPaddingColumnKept(t *testing.T) {
	page := recheckPage("bootstrap", "关于改进干部考核工作的通知解读",
		`<div class="container"><div class="row"><div class="col-md-12"><h1 class="page-title">关于改进干部考核工作的通知解读</h1></div>`+
			`<div class="col-md-8 pl-md-4"><div class="meta">2024-06-01 作者：张三</div><p class="item-text">`+strings.Join(xxPara, `</p><p class="item-text">`)+`</p><div class="share">分享 | <a href="#comment">发表评论</a></div></div>`+
			`<div class="col-md-4"><h3>热门</h3><div class="item-text">遴选备考经验谈：如何在三个月内提高申论写作水平，本文从材料阅读、观点提炼、结构安排三个方面给出建议，供考生参考借鉴。</div>`+
			`<div class="item-text">公文写作常见错误盘点：格式、用语、逻辑三个方面的问题汇总，附修改示例与点评，帮助考生在笔试中少丢分。</div></div></div></div>`, "")
	a, err := ExtractHTML(page, "https://www.beichenlx.com/news/bootstrap.html")
	if err != nil {
		t.Fatalf("refused: %v", err)
	}
	if !strings.Contains(a.Body, "中央组织部近日印发通知") {
		t.Errorf("body is not the article:\n%s", a.Body)
	}
}

// X4: a column's list whose items end in something after their date (a
// time of day, [date], (date), 星期, 阅读 N) or give their date before the
// excerpt: refused at 640fda3, imported at HEAD as an article 时政要闻.
func TestRecheckLastListPagesRefused(t *testing.T) {
	ex := []string{"国务院常务会议研究部署推进新型工业化有关工作，会议指出要坚持把高质量发展作为首要任务，加快建设现代化产业体系。",
		"中共中央政治局召开会议分析研究当前经济形势和经济工作，会议强调要坚定不移推动高质量发展，扎实推进中国式现代化。",
		"全国组织工作会议在京召开，会议强调要深入学习贯彻党的二十大精神，以党的政治建设为统领全面推进新时代党的建设。",
		"教育部印发通知部署做好高校毕业生就业创业工作，要求各地各高校多措并举拓展就业渠道，切实做好困难群体帮扶。",
		"国家发展改革委就当前经济形势答记者问，表示我国经济长期向好的基本面没有改变，有信心有能力实现全年目标任务。",
		"生态环境部召开新闻发布会介绍全国生态环境质量状况，一季度全国地级及以上城市空气质量优良天数比例同比上升。"}
	items := map[string]func(i int) string{
		"date-time":  func(i int) string { return fmt.Sprintf(`<p>%s</p><span>2024-06-0%d 10:3%d</span>`, ex[i], i+1, i) },
		"date-first": func(i int) string { return fmt.Sprintf(`<span class="date">2024-06-0%d</span><p>%s</p>`, i+1, ex[i]) },
		"bracket":    func(i int) string { return fmt.Sprintf(`<p>%s</p><span>[2024-06-0%d]</span>`, ex[i], i+1) },
		"paren":      func(i int) string { return fmt.Sprintf(`<p>%s</p><span>(2024-06-0%d)</span>`, ex[i], i+1) },
		"weekday": func(i int) string {
			return fmt.Sprintf(`<p>%s</p><span>2024年6月%d日 星期%c</span>`, ex[i], i+1, []rune("一二三四五六")[i])
		},
		"views": func(i int) string {
			return fmt.Sprintf(`<p>%s</p><div class="meta">2024-06-0%d 阅读 %d</div>`, ex[i], i+1, i*37+12)
		},
	}
	for name, item := range items {
		var b strings.Builder
		for i := range ex {
			fmt.Fprintf(&b, `<li><a href="/n/%d.html">时政要闻第%d条标题文字示例</a>%s</li>`, i, i, item(i))
		}
		page := recheckPage("list-"+name, "时政要闻", `<div class="list"><h2>时政要闻</h2><ul>`+b.String()+`</ul></div>`, "")
		if a, err := ExtractHTML(page, "https://www.beichenlx.com/news/list-"+name+".html"); err == nil {
			t.Errorf("%s: a column's list imported as %q: %q", name, a.Title, excerpt(a.Body, 80))
		}
	}
}

// X5: paragraphs of an article's own, not an account's call, dropped as
// boilerplate by the unanchored 分享、在看 and 加入…学习群.
func TestRecheckLastOrdinarySentencesKept(t *testing.T) {
	own := []string{"他乐于分享，在看到同事遇到困难时总是主动伸出援手。", "他常说：“加入村里的政策学习群，是我每天的必修课。”"}
	a, err := ExtractHTML(recheckArticle("share", "身边的榜样", recheckP(xxPara[:2]...)+recheckP(own...)+recheckP(xxPara[2:]...)), "https://www.beichenlx.com/news/share.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range own {
		if !strings.Contains(a.Body, p) {
			t.Errorf("dropped: %q", p)
		}
	}
}

// A page with no <title> whose <h1> sits in its article-head is titled by
// it. (A lone 时间： line stays no page's date, as before this session: an
// event's time is written so too.)
func TestRecheckLastArticleHeadTitle(t *testing.T) {
	page := []byte(`<!DOCTYPE html><html><head><meta charset="utf-8"><title></title><link rel="canonical" href="https://www.beichenlx.com/news/head.html"></head><body>` +
		`<div class="article"><div class="article-head"><h1>关于改进干部考核工作的通知解读</h1><div class="info">发布时间：2024-06-01</div></div><div class="content">` + recheckP(xxPara...) + `</div></div></body></html>`)
	a, err := ExtractHTML(page, "")
	if err != nil || a.Title != "关于改进干部考核工作的通知解读" {
		t.Errorf("no <title>, <h1> in div.article-head: title %q, err %v", a.Title, err)
	}
}
