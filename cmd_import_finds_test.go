package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mpbot/bot/wechat"
)

// An operator run (the session of 2026-12-06, 10:44 UTC onward): what followers' cards say after an operator's imports of pages as
// browsers save them.

func commentedExamPage(n int) string {
	var comments strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&comments, `<div class="comment-item"><div class="c-user">网友%d</div><div class="c-body"><p>我觉得这篇文章说得很有道理，今年我也参加了遴选考试，笔试的案例分析题确实很考验综合分析能力，希望明年能上岸，大家一起加油！第%d楼</p></div><div class="c-time">2024-08-02 12:00</div></div>`, i, i)
	}
	return `<!DOCTYPE html>
<!-- saved from url=(0050)https://www.gwyoo.com/lunwen/2024/0801/7788.html -->
<html><head><meta charset="utf-8"><title>遴选考试如何备考案例分析题_遴选备考_公考之家</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/lx/">遴选</a></div>
<div class="article-wrap"><h1>遴选考试如何备考案例分析题</h1><div class="meta">发布时间：2024-08-01 作者：公考之家编辑部</div>
<div class="article-body"><p>案例分析题是遴选笔试的重要题型，考查考生发现问题、分析问题和解决问题的能力。</p>
<p>备考时要多读材料、多练提纲，做到观点明确、论证充分、对策可行。</p></div></div>
<div class="comment-wrap" id="comments"><h3>全部评论（` + fmt.Sprint(n) + `）</h3>` + comments.String() + `
<div class="comment-form"><textarea placeholder="说点什么吧"></textarea><button>发表评论</button></div></div>
<div class="footer">公考之家 版权所有</div></body></html>`
}

// TestResavedPageWithCommentsKeepsItsCard: the operator saved a page
// on its first day (no comments) and again a week later (30 comments) to
// pick up an edit. The re-import replaced the article's text with the
// comments, and the follower's card said 我觉得这篇文章说得很有道理…第0楼;
// --dry-run had said only "would be updated".
func TestResavedPageWithCommentsKeepsItsCard(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	page := filepath.Join(dir, "gwyoo.html")
	os.WriteFile(page, []byte(commentedExamPage(0)), 0o644)
	if code, out, errOut := runCmd(t, "import", "--config", cfg, page); code != 0 {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	os.WriteFile(page, []byte(commentedExamPage(30)), 0o644)
	runCmd(t, "import", "--config", cfg, page)
	base, stop := startServe(t, cfg, &syncBuffer{})
	defer stop()
	out, err := simulatorFor(t, cfg, base).Send(context.Background(), wechat.Inbound{From: "o_importer", MsgType: "text", Content: "如何备考案例分析题", MsgID: 1, CreateTime: time.Now().Unix()})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Articles) != 1 || !strings.HasPrefix(out.Articles[0].Description, "案例分析题是遴选笔试的重要题型") {
		t.Fatalf("got %s %q %+v", out.MsgType, out.Content, out.Articles)
	}
}

// TestColumnListWithExcerptsIsNoArticle: a column's list page whose
// items carry a line of excerpt each (新闻中心 of a provincial
// organisation department) imported as an article 新闻中心; a follower
// asking 选调生招录 got a card 新闻中心 describing the 遴选 notice.
func TestColumnListWithExcerptsIsNoArticle(t *testing.T) {
	items := [][2]string{
		{"关于2024年公开遴选公务员的公告", "根据《公务员法》和《公务员公开遴选办法》等有关规定，经研究决定，2024年面向全省公开遴选公务员，现将有关事项公告如下。"},
		{"全省组织部长会议在省城召开", "7月25日，全省组织部长会议在省城召开，会议深入学习贯彻党的二十届三中全会精神，总结上半年工作，部署下半年任务。"},
		{"省委组织部召开干部教育培训工作座谈会", "座谈会指出，要把学习贯彻习近平新时代中国特色社会主义思想作为干部教育培训的首要任务，不断提高培训质量。"},
		{"2024年选调生招录工作顺利完成", "今年全省共招录选调生1200名，其中定向选调生300名，全部充实到乡镇街道一线岗位。"},
		{"我省开展年轻干部理论学习培训", "为期一周的培训采取专题讲座、现场教学、分组研讨等方式，帮助年轻干部筑牢理论根基。"},
	}
	var lis strings.Builder
	for i, it := range items {
		fmt.Fprintf(&lis, `<li><h3><a href="/xwzx/2024/%d.html">%s</a></h3><p class="desc">%s</p><span class="date">2024-07-%d</span></li>`, i, it[0], it[1], 25-i)
	}
	page := `<!DOCTYPE html>
<!-- saved from url=(0040)https://www.example.gov.cn/xwzx/list.html -->
<html><head><meta charset="utf-8"><title>新闻中心_某省委组织部</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/xwzx/">新闻中心</a></div>
<div class="crumb">当前位置：首页 &gt; 新闻中心</div>
<div class="list"><ul>` + lis.String() + `</ul><div class="page">共5条 第1页 <a href="?p=2">下一页</a> <a href="?p=9">尾页</a></div></div>
<div class="footer">主办：中共某省委组织部 版权所有</div></body></html>`
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	p := filepath.Join(dir, "list.html")
	os.WriteFile(p, []byte(page), 0o644)
	code, out, errOut := runCmd(t, "import", "--config", cfg, p)
	if code != 1 || !strings.Contains(errOut, "list.html:1:") || strings.Contains(out, "新闻中心") {
		t.Fatalf("a list page imported: exit %d\n%s\n%s", code, out, errOut)
	}
}

// TestTitleOnlyNoteAnswersNothing: a Markdown stub (# 遴选面试自我介绍模板
// and nothing else) imported; the follower asking for the template got its
// title back as the whole answer.
func TestTitleOnlyNoteAnswersNothing(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	md := filepath.Join(dir, "title-only.md")
	os.WriteFile(md, []byte("# 遴选面试自我介绍模板\n"), 0o644)
	code, out, errOut := runCmd(t, "import", "--config", cfg, md)
	if code == 0 {
		base, stop := startServe(t, cfg, &syncBuffer{})
		defer stop()
		reply, _ := simulatorFor(t, cfg, base).Send(context.Background(), wechat.Inbound{From: "o_importer", MsgType: "text", Content: "遴选面试自我介绍模板", MsgID: 1, CreateTime: time.Now().Unix()})
		t.Fatalf("a note without text imported (exit 0: %s %s); the follower got %s %q", out, errOut, reply.MsgType, reply.Content)
	}
}

// TestIDReusedByAnotherNotice: a CMS export script numbers its lines
// 1, 2, 3… per column; the second column's export reused id 1 for another
// notice of the same template (another title, another address). It
// replaced the first silently ("updated	1	…"): the first notice is gone
// from every answer, and the import said nothing of it.
func TestIDReusedByAnotherNotice(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	a := filepath.Join(dir, "linxuan.jsonl")
	b := filepath.Join(dir, "xuandiao.jsonl")
	os.WriteFile(a, []byte(`{"id":"1","title":"关于2026年公开遴选公务员笔试安排的通知","body":"2026年公开遴选公务员笔试定于2026年9月13日上午9:00举行，考生须于9月10日至12日登录报名网站打印准考证，考试地点见准考证。","url":"https://www.example.gov.cn/lx/1.html"}`+"\n"), 0o644)
	os.WriteFile(b, []byte(`{"id":"1","title":"关于2026年公开选调生面试安排的通知","body":"2026年公开选调生面试定于2026年9月20日上午8:30举行，考生须于9月15日至18日登录报名网站确认参加面试，面试地点另行通知。","url":"https://www.example.gov.cn/xd/1.html"}`+"\n"), 0o644)
	if code, out, errOut := runCmd(t, "import", "--config", cfg, a); code != 0 {
		t.Fatalf("%d %s %s", code, out, errOut)
	}
	code, out, errOut := runCmd(t, "import", "--config", cfg, b)
	if code == 0 && !strings.Contains(errOut, "关于2026年公开遴选公务员笔试安排的通知") {
		t.Fatalf("another notice replaced id 1 without a word: exit %d\n%s\n%s", code, out, errOut)
	}
}
