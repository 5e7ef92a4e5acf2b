package content

import (
	"strings"
	"testing"
)

// TestPostWithH1OutsideItsArticleAndRelatedArticles: ee5928e keeps a post
// with related posts in <article>s only when the post's <h1> is inside an
// <article> (hasArticleHeading). Many themes and CMS templates put the
// post's heading above its <article> (a page-title band, a <header> of the
// page): the same post as TestPostWithRelatedArticlesImported, its <h1>
// moved out of its <article>. 635695f imported it (an <article> was never
// a list item then).
func TestPostWithH1OutsideItsArticleAndRelatedArticles(t *testing.T) {
	rel := func(title, href, date string) string {
		return `<article class="post type-post"><header class="entry-header"><h3 class="entry-title"><a href="` + href + `" rel="bookmark">` + title + `</a></h3><div class="entry-meta"><time class="entry-date published" datetime="` + date + `T09:00:00+08:00">` + date + `</time></div></header>` +
			`<div class="entry-summary"><p>结构化面试是遴选考试的重要环节，考生需要在规定时间内给出有条理、有深度的回答，体现分析问题和解决问题的能力。本文介绍审题定位、搭建框架、结合实际的三步答题法，并附练习建议。</p></div></article>`
	}
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>改进干部考核工作的通知要点 – 北辰遴选</title><link rel="canonical" href="https://www.beichenlx.com/2026/08/kaohe/"></head><body class="single single-post"><main id="main">` +
		`<div class="page-title"><h1 class="entry-title">改进干部考核工作的通知要点</h1><div class="entry-meta"><time class="entry-date published" datetime="2026-08-21T09:00:00+08:00">2026年8月21日</time></div></div>` +
		`<article id="post-9" class="post type-post"><div class="entry-content">` + recheckPs(recheckParas...) + `</div></article>` +
		`<section class="related-posts"><h2>相关文章</h2>` + rel("遴选面试结构化答题三步法", "/2026/08/p0/", "2026-08-10") + rel("申论大作文如何立意", "/2026/08/p1/", "2026-08-11") + rel("案例分析题的作答框架", "/2026/08/p2/", "2026-08-12") + `</section></main></body></html>`
	a, err := ExtractHTML([]byte(page), "")
	if err != nil || !strings.Contains(a.Body, "突出实干实绩导向") {
		t.Errorf("the post, its <h1> above its <article>: %q, %v", a.Body, err)
	}
}
