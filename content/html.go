package content

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// readHTMLFile extracts the article from a saved page with readability,
// which drops navigation, adverts, shop listings, login boxes and footers,
// and then applies the metadata rules Chinese article pages need: date,
// source and author lines such as "2023-06-26| 来源:…" or "作者：…；来源：…".
func readHTMLFile(path string, data []byte, url string) ([]Article, []error) {
	a, err := ExtractHTML(data, url)
	if err != nil {
		line := 1
		if cut := (*cutShortError)(nil); errors.As(err, &cut) {
			line = cut.line // where it was cut
		}
		return nil, []error{&LineError{path, line, err}}
	}
	return []Article{a}, nil
}

// ExtractHTML turns one article page into an Article. pageURL, if given,
// is the page's address (the operator's --url); otherwise the page's own
// canonical link, og:url, the "saved from url" comment browsers write, or
// its <base href> give it.
func ExtractHTML(page []byte, pageURL string) (Article, error) {
	page, err := utf8Page(page)
	if err != nil {
		return Article{}, err
	}
	if htmlOpen.Match(page[:min(len(page), 4096)]) && !htmlClose.Match(page) {
		// A save or a copy cut short between characters: what was left
		// (the site's logo and an advert, a body cut mid-sentence)
		// imported as the article, replacing the whole one (an operator
		// run's find). Browsers write both ends of a page they save; a
		// page that omits them (HTML5 allows it, minifiers do) still ends
		// with a tag's >, where a cut one ends in text or inside a tag.
		if !endsWithTag(page) {
			return Article{}, &cutShortError{lines(page), "the page ends before its </body> or </html>, in text or inside a tag: it was cut short; save or copy it again whole"}
		}
		// Cut at a line's end, it ends with a tag's > too (head -n 14 of
		// a page, just after a </p> or a <p>: an operator run's find, the
		// article's 3 paragraphs replaced by 2, or 1). What tells it from
		// a page that omits its end tags: such a page omits only the end
		// tags HTML lets it (</p>, </li>, </body>, …), never a </div> or
		// an </article>, and a cut one leaves open the block the article
		// lives in.
		if tag, at := openBlock(page); tag != "" {
			return Article{}, &cutShortError{lines(page), fmt.Sprintf("the page ends before its </body> or </html>, its %s of line %d not closed: it was cut short; save or copy it again whole", tag, at)}
		}
		// Nor does a browser omit them: a page it saved (its saved-from
		// or SingleFile comment at the top) ends with </html>. Cut after
		// the site's header, the page1 of that run had its advert read as
		// the article, with no block left open to tell.
		if head := page[:min(len(page), 4096)]; savedFromRe.Match(head) || singleFileRe.Match(head) {
			return Article{}, &cutShortError{lines(page), "the page ends before its </html>, which the browser that saved it wrote: it was cut short; save or copy it again whole"}
		}
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return Article{}, fmt.Errorf("unreadable HTML: %w", err)
	}
	if strings.TrimSpace(textOf(doc, false)) == "" {
		// (readability's own word for it was "the Node field is nil")
		return Article{}, errors.New("the page has no text: empty, or not saved whole?")
	}
	meta := pageMeta(doc)
	var noAddress error
	own, ownErr := pageAddress(meta, savedFrom(page))
	named := ""
	if pageURL == "" {
		pageURL, noAddress = own, ownErr
	} else if own != pageURL {
		named = own
	}
	wechat := showWeChatText(doc)
	var base *url.URL
	if pageURL != "" {
		base, _ = url.Parse(pageURL)
	}
	dropNavigation(doc)
	dropBoxes(doc)
	dropComments(doc)
	items := linkedItemRunes(doc)
	// (readability retries a text under 500 characters with the blocks
	// it deems unlikely kept: a notice's 备注 and phone numbers. Set at
	// 140 for the comments, it lost them: a re-check's find; comments
	// are dropComments'.)
	ra, err := readability.FromDocument(doc, base)
	if err != nil {
		return Article{}, fmt.Errorf("no article found in the page: %w", err)
	}
	var text strings.Builder
	if err := ra.RenderText(&text); err != nil {
		// (readability's word for a page it found no article in: "the
		// Node field is nil")
		return Article{}, errors.New("no article text in the page: a home or list page, or one of a page's frames?")
	}
	body := tidyParagraphs(text.String())
	a := Article{
		URL:    pageURL,
		Named:  named,
		Cover:  ra.ImageURL(),
		Author: bylineName(ra.Byline()),
		Source: strings.TrimSpace(ra.SiteName()),
	}
	if !WebURL(a.Cover) {
		a.Cover = ""
	}
	if t, err := ra.PublishedTime(); err == nil && !t.IsZero() {
		// The day in China, where the articles are published: a time
		// given in UTC is often the evening before.
		a.PublishedOn = t.In(chinaTime).Format(DateLayout)
	}
	if wechat.source != "" { // the account, not 微信公众平台
		a.Source = wechat.source
	}
	if a.PublishedOn == "" {
		a.PublishedOn = wechat.date
	}
	// The page's own text around the article carries what readability's
	// metadata rules do not know: Chinese date, source and author lines.
	pageText := textOf(doc, true)
	if a.PublishedOn == "" {
		a.PublishedOn = cmp.Or(pageDate(pageText), weakPageDate(pageText, body), splitDate(doc))
	}
	// The page's first source line is the site's own (2026-06-26| 来源:北辰遴选);
	// a later one inside the article names the original publisher
	// (来源:《浙江日报》). Only the article's text is read for that: a
	// sidebar of related links says 来源 for every item. Keep both. Only
	// lines that carry such fields count: 资金来源：… and an item's
	// （来源：新华社） are the article's text.
	pageSource := metaField(pageText, "来源", true)
	site, original := pageSource, metaField(body, "来源", false)
	if original == "" || original == site {
		original, site = site, ""
	}
	if a.Source == "" {
		a.Source = site
	}
	if original != "" {
		if a.Source != "" && !strings.Contains(original, a.Source) && !strings.Contains(a.Source, strings.Trim(original, "《》")) {
			a.Source = original + "（" + a.Source + "）"
		} else {
			a.Source = original
		}
	}
	if author := metaField(pageText, "作者", true); author != "" {
		a.Author = author
	}
	a.Title = pageTitle(ra.Title(), meta, body, []string{ra.SiteName(), pageSource, meta.h1})
	body = dropMetaLines(body)
	body = dropLeadingTitle(body, a.Title)
	body = withoutTrailingLinks(body, linksIn(ra.Node))
	body = withoutBoilerplate(body)
	if utf8.RuneCountInString(strings.Join(strings.Fields(withoutFooter(body)), "")) < minArticleRunes {
		// A home page or a list page: readability falls back to the
		// navigation and the footer, which imported as an article 首页
		// answering 首页.
		return a, fmt.Errorf("no article text in the page (only %q): a home or list page?", excerpt(body, 60))
	}
	if linksOnly(body, ra.Node) {
		// A column's list: readability takes the list of its articles'
		// links for the text, which imported as an article 时政热点 whose
		// body was three titles (an operator run's find).
		return a, fmt.Errorf("no article text in the page (only links: %q): a home or list page?", excerpt(body, 60))
	}
	// Most of the text in items under their links, each dated: a roundup
	// of linked headlines with their paragraphs is an article (a review's
	// find: refused).
	if items := items.inBody(body); items.count >= minListItems && 2*items.dated > items.count && float64(items.runes) >= listShare*float64(letterRunes(body)) {
		// A column's list whose items each have an excerpt under their
		// linked title: imported as an article 新闻中心, whose card
		// described the first item (an operator run's find).
		return a, fmt.Errorf("no article text in the page (%d items, each under a link: %q): a home or list page?", items.count, excerpt(body, 60))
	}
	a.Body = body
	// A site's pages often share one description of the site: it is not a
	// summary of this article. Keep a description only when its words are
	// the article's.
	if d := strings.Join(strings.Fields(meta.description), " "); d != "" && about(d, a.Title+"\n"+body) {
		a.Summary = excerpt(d, summaryRunes) // one line, a card's length (one was 496 characters over lines)
	}
	if a.Summary == "" {
		a.Summary = Lead(body)
	}
	if a.URL == "" {
		if noAddress != nil {
			return a, noAddress
		}
		return a, errors.New("the page names no URL (no canonical link, og:url, saved-from comment or <base href>): give it with --url")
	}
	return a, a.Validate()
}

// utf8Page returns the page as UTF-8: as it is, or decoded from the
// charset its BOM or <meta> declares (gb2312 and gbk on older Chinese
// sites, big5). A page that declares none and is not UTF-8 is read as
// GB18030, which holds both: read as UTF-8 it would import as mojibake.
func utf8Page(page []byte) ([]byte, error) {
	enc, name, certain := charset.DetermineEncoding(page, "") // certain: a BOM
	if !certain {
		enc, name = nil, ""
		head := page[:min(len(page), 8192)] // scripts before the <meta> run long
		if m := metaCharsetRe.FindSubmatch(head); m != nil {
			enc, name = charset.Lookup(string(m[1]))
		}
	}
	switch {
	// A page whose Chinese text is valid UTF-8 is UTF-8 whatever its
	// <meta> says (re-saved or converted, the tag left as it was): GBK
	// text is almost never valid UTF-8, and decoded as GBK it imported
	// as mojibake (鍩哄眰娌荤悊).
	case name == "utf-8" || (enc == nil || !certain && !isASCII(page)) && utf8.Valid(page):
		if !utf8.Valid(page) {
			if cutInsideCharacter(page) {
				// Valid but for its last character: a copy or a save cut
				// short (an operator run's find: told to save it as UTF-8).
				return nil, errors.New("the page ends inside a character: it was cut short; save or copy it again whole")
			}
			return nil, errors.New("the page declares UTF-8 but is not: save it again as UTF-8")
		}
		return page, nil
	case enc == nil:
		enc, name = simplifiedchinese.GB18030, "gb18030"
	}
	out, err := enc.NewDecoder().Bytes(page)
	if err != nil {
		return nil, fmt.Errorf("the page is not in its charset %s: %w", name, err)
	}
	return out, nil
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// endsWithTag reports whether page, less trailing space, ends with a >.
func endsWithTag(page []byte) bool {
	page = bytes.TrimRight(page, " \t\r\n")
	return len(page) > 0 && page[len(page)-1] == '>'
}

// cutShortError is a page that was cut short, at its last line.
type cutShortError struct {
	line int
	msg  string
}

func (e *cutShortError) Error() string { return e.msg }

// lines is the number of the page's last line.
func lines(page []byte) int {
	return bytes.Count(bytes.TrimRight(page, " \t\r\n"), []byte("\n")) + 1
}

// closedBlocks are the elements an article lives in whose end tag HTML
// never lets a page omit: one still open where the page ends was cut off.
var closedBlocks = map[string]bool{"div": true, "article": true, "main": true, "section": true, "table": true,
	"ul": true, "ol": true, "dl": true, "blockquote": true, "form": true, "figure": true, "pre": true}

// openBlock is the first of closedBlocks still open where page ends (as
// its start tag is written, cut to 60 bytes) and the line it opens on; ""
// when none is.
func openBlock(page []byte) (string, int) {
	type open struct {
		tag, raw string
		line     int
	}
	var stack []open
	line := 1
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := string(z.Raw())
		switch tt {
		case html.StartTagToken:
			if name, _ := z.TagName(); closedBlocks[string(name)] {
				stack = append(stack, open{string(name), raw, line})
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			// An end tag closes its element and those left open inside
			// it; one that closes nothing open is passed over.
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].tag == string(name) {
					stack = stack[:i]
					break
				}
			}
		}
		line += strings.Count(raw, "\n")
	}
	if len(stack) == 0 {
		return "", 0
	}
	return cut(stack[0].raw, 60), stack[0].line
}

// htmlOpen and htmlClose find a page's opening <html> or <body> tag and
// its closing one.
var (
	htmlOpen  = regexp.MustCompile(`(?i)<(?:html|body)[\s>]`)
	htmlClose = regexp.MustCompile(`(?i)</(?:html|body)\s*>`)
)

// metaCharsetRe finds <meta charset="…"> and <meta http-equiv=… content="…;
// charset=…">.
var metaCharsetRe = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?([a-z0-9_.:-]+)`)

// savedFromRe is the comment browsers put at the top of a saved page:
// <!-- saved from url=(0062)https://example.com/... -->.
var savedFromRe = regexp.MustCompile(`<!--\s*saved from url=\(\d+\)(\S+?)\s*-->`)

func savedFrom(page []byte) string {
	head := page[:min(len(page), 4096)]
	if m := savedFromRe.FindSubmatch(head); m != nil && WebURL(string(m[1])) {
		return string(m[1])
	}
	if m := singleFileRe.FindSubmatch(head); m != nil && WebURL(string(m[1])) {
		return string(m[1])
	}
	return ""
}

// singleFileRe is the address in the comment the SingleFile extension puts
// at the top of a page it saves: <!-- Page saved with SingleFile \n url:
// https://… \n saved date: … -->.
var singleFileRe = regexp.MustCompile(`(?s)<!--[^>]*?saved with SingleFile.*?\n\s*url:\s*(\S+)`)

// about reports whether most of description's character pairs occur in
// text: a description written for the article repeats its words, a site's
// slogan does not.
func about(description, text string) bool {
	pairs, found := 0, 0
	prev := rune(-1)
	for _, r := range description {
		if !unicode.Is(unicode.Han, r) {
			prev = -1
			continue
		}
		if prev >= 0 {
			pairs++
			if strings.Contains(text, string([]rune{prev, r})) {
				found++
			}
		}
		prev = r
	}
	if pairs == 0 { // no Chinese to judge by: keep a description in other scripts
		return true
	}
	return float64(found)/float64(pairs) >= 0.6
}

var (
	dateRe = regexp.MustCompile(`((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})`)
	// labelledDateRe is a date given as the page's (发布时间：2024-03-05).
	labelledDateRe = regexp.MustCompile(`(?:发布时间|发布日期|发表时间|发表日期|发布于|发表于)\s*[:：]?\s*((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})`)
	// weakDateLineRe is a line of a date under a label said of many dates
	// (日期：2024-05-10, 发布：…, 更新时间：…, 发布于 …): the page's only among
	// its first lines (an operator run's find: undated, the line began the
	// body), a notice's own below them (日期：2024年7月6日 of an exam's
	// schedule: a review's find).
	weakDateLineRe = regexp.MustCompile(`^(?:日期|发布|更新时间|更新日期|更新|发布于|发表于|更新于)\s*[:：]?\s*((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$`)
	// metaFieldRe is a labelled field of an article's source line (来源：
	// 人民日报, 作者:徐浩然): the label begins the line or follows a space
	// or a separator (资金来源：… is text), and the value ends at a space
	// (no-break and ideographic ones too) or a separator.
	metaFieldRe = regexp.MustCompile(`(?:^|[\s\x{a0}\x{3000}|｜;；,，、(（\[【])((?:信息|文章|稿件|新闻|消息)?来源|作者|发布时间|发布日期|发表时间|发表日期|责任编辑|编辑|责编|浏览次数|浏览量|浏览|阅读次数|阅读量|阅读|点击数|点击量|点击|字号|字体)\s*[:：][\s\x{a0}\x{3000}]*([^\s\x{a0}\x{3000}|｜;；,，、\]】]*)`)
	// pageFurnitureRe is what a source line carries beside its fields:
	// 【字体：大 中 小】【打印】【关闭】, 浏览 2381.
	pageFurnitureRe = regexp.MustCompile(`打印本页|打印|关闭窗口|关闭|分享到|分享|收藏|纠错|大\s*中\s*小|默认|(?:浏览|阅读|点击)(?:次数|量)?\s*\d+`)
	timeRe          = regexp.MustCompile(`\d{1,2}:\d{2}(?::\d{2})?`)
	// dateLineRe matches a line that is only a date (and a time).
	dateLineRe = regexp.MustCompile(`^(?:19|20)\d{2}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$`)
)

// minArticleRunes is the least text an article has once a site's footer
// is left out: less is a page of links.
const minArticleRunes = 20

var footerRe = regexp.MustCompile(`(?i)版权所有|ICP备|公网安备|网站更新时间|copyright|©|all rights reserved`)

// withoutTrailingLinks drops what ends an article's text but is the
// site's: its footer (人 民 网 股 份 有 限 公 司 版 权 所 有, Copyright © …,
// 网站更新时间：…, the last an operator run's find: searched, it answered
// for the site), its links to the previous and next articles (上一篇：…,
// 下一条：…) and a block of related links under its heading (相关阅读,
// 推荐阅读, …), in whatever order they come. Kept, a search for the other
// article's title answered with this one (an operator run's find:
// 上一篇：关于做好2025年春耕生产工作的通知).
func withoutTrailingLinks(body string, links []string) string {
	paras := strings.Split(body, "\n\n")
	n := len(paras)
	for n > 1 {
		if footerLine(paras[n-1]) || prevNextLine(paras[n-1], links) {
			n--
			continue
		}
		// A heading of related links, and only link titles (short, no
		// sentence, maybe dated; or the texts of links, which may end in
		// ？ or ！) after it.
		i := n - 1
		for i > 0 && i >= n-20 && !relatedHeadingRe.MatchString(paras[i]) && (linkTitleLine(paras[i]) || linkTexts(strings.Join(strings.Fields(paras[i]), ""), links)) {
			i--
		}
		if i > 0 && relatedHeadingRe.MatchString(paras[i]) {
			n = i
			continue
		}
		break
	}
	return strings.Join(paras[:n], "\n\n")
}

// prevNextRe opens a link to the previous or next article (上一篇：…, 下一篇
// 没有了, 上一条: …): its label, and the colon after it if any.
var prevNextRe = regexp.MustCompile(`^(?:上一篇|下一篇|上一条|下一条|上一页|下一页|上篇|下篇|前一篇|后一篇)(?:\s*([:：])|\s|$)`)

// noNeighbourRe is what follows the label when there is no such article.
var noNeighbourRe = regexp.MustCompile(`^(?:没有了|无|暂无|没有)?[!！。.]?$`)

// prevNextLine reports whether a paragraph is such a link: short, opening
// so (上一篇文章讲到… is the text's), and then a colon and a title, or
// links' texts alone (links: those of the article readability found), or
// nothing (下一篇 没有了). After the label without a colon, a sentence is
// the article's (上篇 我们已经介绍了通知的主要内容，…。 and 下一篇 将解读配套的补贴政策。
// ending a page were dropped: a review's find), and so is one ending in 。
// after a colon: a title does not end so.
func prevNextLine(p string, links []string) bool {
	m := prevNextRe.FindStringSubmatchIndex(p)
	if utf8.RuneCountInString(p) > 100 || m == nil {
		return false
	}
	rest := strings.Join(strings.Fields(p[m[1]:]), "")
	if noNeighbourRe.MatchString(rest) || linkTexts(rest, links) {
		return true
	}
	return m[2] >= 0 && !strings.HasSuffix(rest, "。")
}

// linkTexts reports whether text, spaces aside, is links' texts and
// nothing but dates beside them.
func linkTexts(text string, links []string) bool {
	rest := text
	for _, l := range links {
		rest = strings.ReplaceAll(rest, l, "")
	}
	if rest == text {
		return false
	}
	rest = timeRe.ReplaceAllString(listDateRe.ReplaceAllString(rest, ""), "")
	return strings.IndexFunc(rest, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0
}

// linksIn are the texts of the links in n, spaces taken out, the longest
// first: a title holding a shorter link's text (首页) is taken out whole.
func linksIn(n *html.Node) []string {
	var links []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "a" {
			if t := strings.Join(strings.Fields(textOf(n, false)), ""); t != "" {
				links = append(links, t)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	if n != nil {
		walk(n)
	}
	slices.SortFunc(links, func(a, b string) int { return len(b) - len(a) })
	return links
}

// relatedHeadingRe is the heading of a block of related links: 相关阅读,
// 【推荐阅读】, 相关文章：, and the ones WeChat accounts end most articles
// with, 往期推荐, 往期回顾, 精彩推荐, often between arrows or dashes (▼ 往期推荐 ▼,
// - 往期回顾 -): without them, the titles under 往期推荐 stayed in the text,
// and a search for one answered with the article (a review's find).
var relatedHeadingRe = regexp.MustCompile(`^[【\[▼▽↓·•\-—\s]*(?:相关阅读|推荐阅读|相关文章|延伸阅读|相关推荐|推荐文章|相关链接|相关新闻|热门文章|热点推荐|猜你喜欢|往期推荐|往期回顾|往期精选|往期精彩|往期文章|往期阅读|精彩推荐|精彩回顾|精选推荐|热文推荐|更多推荐)[】\]▼▽↓·•\-—\s]*[:：]?[▼▽↓\s]*$`)

// linkTitleLine reports whether a paragraph reads as a link's title in a
// list: short, not a sentence (a date after it is fine).
func linkTitleLine(p string) bool {
	last, _ := utf8.DecodeLastRuneInString(p)
	return utf8.RuneCountInString(p) <= 60 && !strings.ContainsRune("。！？!?…”；;", last)
}

// footerLine reports whether a paragraph is a site's footer: short, no
// sentence, and saying 版权所有 or © (an article on copyright ending …即所谓
// “版权所有”…承担相应法律责任。 is the article's).
func footerLine(p string) bool {
	p = strings.Join(strings.Fields(p), "")
	last, _ := utf8.DecodeLastRuneInString(p)
	return utf8.RuneCountInString(p) <= 120 && !strings.ContainsRune("。！？", last) && footerRe.MatchString(p)
}

// linksOnly reports whether every paragraph of body is links (the texts
// of links in the article readability found) and next to nothing else:
// dates, a breadcrumb's 当前位置： and > between them. A list of articles,
// not one.
func linksOnly(body string, article *html.Node) bool {
	if article == nil {
		return false
	}
	links := linksIn(article)
	linked := false
	for _, p := range strings.Split(body, "\n\n") {
		p = strings.Join(strings.Fields(p), "")
		rest := p
		for _, l := range links {
			rest = strings.ReplaceAll(rest, l, "")
		}
		if rest != p {
			linked = true
		} else if pagerLine(p) {
			continue // the list's pager: 共8条 1/1页, 上一页 下一页 as text
		} else if p != "" && !dateLineRe.MatchString(p) {
			return false // text of no link
		}
		rest = timeRe.ReplaceAllString(listDateRe.ReplaceAllString(rest, ""), "")
		if letterRunes(rest) > maxListLineRunes {
			return false
		}
	}
	return linked
}

// pagerLine reports whether p (spaces out) is a list's pager and nothing
// else: its counts, page numbers and the words to move between pages.
func pagerLine(p string) bool {
	rest := pagerRe.ReplaceAllString(p, "")
	return rest != p && !strings.ContainsFunc(rest, unicode.IsLetter)
}

var pagerRe = regexp.MustCompile(`(?i)(?:共有?|总计|总共)\d+(?:条|页|篇|项)(?:记录|信息)?|记录数[:：]?\d+|(?:当前)?第?\d+/\d+页?|页码[:：]?|每页(?:显示)?\d+条|(?:当前)?第\d+页|首页|上一?页|下一?页|尾页|末页|第一页|最后一页|前一页|后一页|跳转到?|转到|页次|go|prev(?:ious)?|next|first|last`)

// listItems are the blocks of a page that open with a link of a title's
// length (an item of a column's list: its linked title, its excerpt, its
// date), and the letters they hold.
type listItems struct {
	count, runes int
	excerpts     []string // each item's text after its link, spaces out
	dated        int      // items giving a date beside their excerpt, as a list's do
}

// inBody are the items whose text the article's is: a page's list of
// related articles beside its article, which readability leaves out, is
// no list page.
func (items listItems) inBody(body string) listItems {
	flat := strings.Join(strings.Fields(body), "")
	in := listItems{}
	for _, e := range items.excerpts {
		if key := []rune(e); len(key) > 0 && strings.Contains(flat, string(key[:min(len(key), 16)])) {
			in.count++
			in.runes += letterRunes(e)
			if listItemDated(e) {
				in.dated++ // a list's date, beside its excerpt; not a digest's 2024年6月14日，…
			}
		}
	}
	return in
}

func linkedItemRunes(doc *html.Node) (items listItems) {
	// An archive's <article>s are all posts' entries, each opening with
	// its linked heading; a post's own page has an <article> that does
	// not (the post, its heading above it or inside unlinked), and the
	// <article>s of related posts below it are no archive (a re-check's
	// and a review's finds: the post was refused as a list page).
	posts := allEntries(doc)
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if link := titleLinkOpening(c); link != nil && (c.Data == "li" || c.Data == "dd" || c.Data == "dl" || c.Data == "div" || posts && c.Data == "article") {
				text := strings.Join(strings.Fields(textOf(c, false)), "")
				title := strings.Join(strings.Fields(textOf(link, false)), "")
				_, after, _ := strings.Cut(text, title)
				items.count++
				items.excerpts = append(items.excerpts, after)
				continue
			}
			walk(c)
		}
	}
	walk(doc)
	return items
}

// allEntries reports whether every <article> of doc opens with a title's
// link, as an archive's entries do (WordPress's, with an <h1 class=
// "entry-title"> or an <h2> in a <header>).
func allEntries(doc *html.Node) bool {
	all := true
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if !all {
			return
		}
		if n.Type == html.ElementNode && n.Data == "article" && titleLinkOpening(n) == nil {
			all = false
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return all
}

// openingElement is the element n's content opens with: nil when it opens
// with text.
func openingElement(n *html.Node) *html.Node {
	first := n.FirstChild
	for first != nil && (first.Type == html.TextNode && strings.TrimSpace(first.Data) == "" || first.Type == html.CommentNode) {
		first = first.NextSibling
	}
	if first == nil || first.Type != html.ElementNode {
		return nil
	}
	return first
}

// titleLinkOpening is the link n opens with (or a heading holding one), of
// a title's length, with more text after it; nil when there is none.
func titleLinkOpening(n *html.Node) *html.Node {
	first := openingElement(n)
	if first != nil && first.Data == "header" {
		// A blog's archive: each post an <article>, its linked heading
		// in a <header> (WordPress: an archive had been an article).
		first = openingElement(first)
	}
	if first == nil {
		return nil
	}
	link := first
	if first.Data == "a" && attr(first, "href") == "" {
		return nil // an anchor (<a name>), as an FAQ's questions are
	}
	if first.Data != "a" {
		if len(first.Data) != 2 || first.Data[0] != 'h' {
			return nil
		}
		link = nil
		for c := first.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data == "a" && attr(c, "href") != "" {
				link = c
				break
			}
		}
		if link == nil {
			return nil
		}
	}
	if title := letterRunes(textOf(link, false)); title < minItemTitleRunes || letterRunes(textOf(n, false)) <= title+minItemTitleRunes {
		return nil
	}
	return link
}

// letterRunes counts the letters and digits of text.
func letterRunes(text string) int {
	n := 0
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

const (
	minListItems      = 3   // items a list has
	minItemTitleRunes = 6   // letters of an item's linked title
	listShare         = 0.6 // of an article's text its items hold, for a list
)

// maxListLineRunes is the most a line of links may say besides them:
// 当前位置, 您现在的位置, an item's number.
const maxListLineRunes = 6

// listDateRe is a date in a list (2024-03-05, 2024年3月5日).
var listDateRe = regexp.MustCompile(dateRe.String() + `\s*日?`)

// withoutFooter is body without its paragraphs that are a site's footer.
func withoutFooter(body string) string {
	var keep []string
	for _, p := range strings.Split(body, "\n\n") {
		if !footerRe.MatchString(p) {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, "\n\n")
}

func dropMetaLines(body string) string {
	var keep []string
	for i, p := range strings.Split(body, "\n\n") {
		// A date line at the top is the page's; at the end of a
		// communiqué it is the document's own. So is a breadcrumb at
		// the top: one of plain text (当前位置：首页 > 政策解读, common on
		// government sites) began an article's body, the heading repeated
		// after it, and a column's list page imported as an article of
		// its titles, the breadcrumb its summary (an operator run's find),
		// where a breadcrumb of links is known for a list's by linksOnly.
		if !metaLine(p) && !(i < topLines && (dateLineRe.MatchString(p) || breadcrumbLine(p))) && !(leading(keep) && weakDateLineRe.MatchString(strings.TrimSpace(p))) {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, "\n\n")
}

// breadcrumbLabelRe is a breadcrumb's label: 当前位置：, 您现在的位置：,
// 您所在的位置是：. A bare 位置： (bareLocationRe) names a notice's place
// as often, and opens a breadcrumb only when its first crumb is the home
// page.
var (
	breadcrumbLabelRe = regexp.MustCompile(`^(?:(?:您|你)(?:现在|当前|目前|所在)?|当前所在|当前|现在|目前|所在)的?位置是?\s*[:：]`)
	bareLocationRe    = regexp.MustCompile(`^位置\s*[:：]`)
	// breadcrumbSepRe is what stands between crumbs (>, ›, », →, >>, /;
	// a hyphen with spaces around it, not one inside a name).
	breadcrumbSepRe = regexp.MustCompile(`\s*(?:[>＞›»→/／]+|\s[-—]+\s)\s*`)
	// breadcrumbHomeRe is the home page a trail without a label starts at.
	breadcrumbHomeRe = regexp.MustCompile(`^(?:网站首页|首页|主页|网站主页|返回首页)$`)
)

// breadcrumbLine reports whether a paragraph is only a breadcrumb: a label
// (当前位置：) or the home page first, then short crumbs that are no
// sentence, 当前位置：首页 > 政策解读 > 正文, 首页 » 新闻中心.
func breadcrumbLine(p string) bool {
	p = strings.TrimSpace(p)
	if utf8.RuneCountInString(p) > 100 || strings.ContainsAny(p, "。！？!?") {
		return false
	}
	label := breadcrumbLabelRe.FindString(p)
	rest := p[len(label):]
	if label == "" {
		rest = p[len(bareLocationRe.FindString(p)):]
	}
	var crumbs []string
	for _, c := range breadcrumbSepRe.Split(strings.TrimSpace(rest), -1) {
		if c != "" {
			crumbs = append(crumbs, c)
		}
	}
	for i, c := range crumbs {
		// The columns are short names; the last crumb may be the
		// article's title after a label (当前位置：首页 > 政策解读 > 关于…的
		// 实施意见), and is a column's without one.
		if (label == "" || i < len(crumbs)-1) && (utf8.RuneCountInString(c) > 24 || strings.ContainsAny(c, "，；,;")) {
			return false
		}
	}
	// Without a label, only a trail from the home page to somewhere is
	// one: 首页 > 政策解读, not a line of an article's that says > or /.
	// With one, a trail or the home page: 当前位置：北京市朝阳区建国路88号
	// and 所在位置：市民中心三楼会议室 are an article's (a review's find).
	if len(crumbs) == 0 || !breadcrumbHomeRe.MatchString(crumbs[0]) && (label == "" || len(crumbs) < 2) {
		return false
	}
	return label != "" || len(crumbs) >= 2
}

// metaLine reports whether a line only carries date, source, author and
// such (2023-06-26| 来源:北辰遴选; 作者:徐浩然;来源:《浙江日报》): a labelled
// field, and next to nothing besides fields and dates. Such lines belong in
// the article's fields, not its text; a sentence ending （来源：新华社） or
// holding 资金来源： is text (a digest's items were all dropped).
func metaLine(p string) bool {
	if utf8.RuneCountInString(p) > 160 || !metaFieldRe.MatchString(p) {
		return false
	}
	// A field in brackets after text is the text's (2. 总理出访（来源：新华社）).
	if at := metaFieldRe.FindStringIndex(p)[0]; strings.IndexFunc(p[:at], unicode.IsLetter) >= 0 {
		if before := strings.TrimSpace(p[:at+1]); strings.HasSuffix(before, "（") || strings.HasSuffix(before, "(") {
			return false
		}
	}
	rest := metaFieldRe.ReplaceAllString(p, "")
	rest = pageFurnitureRe.ReplaceAllString(timeRe.ReplaceAllString(dateRe.ReplaceAllString(rest, ""), ""), "")
	n := 0
	for _, r := range rest {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n <= 4
}

// metaField is the value of the first (or the last) field label of the
// source lines in text (metaLine), or "".
func metaField(text, label string, first bool) string {
	value := ""
	for _, line := range strings.Split(text, "\n") {
		if !metaLine(line) {
			continue
		}
		for _, m := range metaFieldRe.FindAllStringSubmatch(line, -1) {
			if strings.HasSuffix(m[1], label) && strings.TrimSpace(m[2]) != "" { // 信息来源 is 来源
				if value = balanced(strings.TrimSpace(m[2])); first {
					return value
				}
			}
		}
	}
	return value
}

// balanced drops the closing brackets a value ends with that it did not
// open: 人民日报（2024年03月05日第09版） keeps its own, 新华社） of
// （来源：新华社） loses the line's.
func balanced(v string) string {
	for strings.HasSuffix(v, "）") && strings.Count(v, "）") > strings.Count(v, "（") ||
		strings.HasSuffix(v, ")") && strings.Count(v, ")") > strings.Count(v, "(") {
		_, size := utf8.DecodeLastRuneInString(v)
		v = v[:len(v)-size]
	}
	return v
}

// chinaTime is China Standard Time, the day articles are dated by.
var chinaTime = time.FixedZone("CST", 8*60*60)

// pageDate is the page's date: the first labelled as the page's
// (发布时间：…), else the first on a source line (日期：… 来源：…), else the
// first on a line of its own, else the first opening a short line
// (2024年03月05日 星期二, [2024-03-05]). Not 今天是… in a header, nor a
// footer's 网站更新时间, nor a notice's 会议时间 or a date the article's text
// names (自2025年5月20日起施行), nor one that is no day (2024年13月45日). ""
// when there is none.
func pageDate(text string) string {
	for _, m := range labelledDateRe.FindAllStringSubmatch(text, -1) {
		if d := matchedDay(m); d != "" {
			return d
		}
	}
	lines := strings.Split(text, "\n")
	for _, kind := range []func(string) bool{
		metaLine,
		dateLineRe.MatchString,
		func(l string) bool { return dateOpensRe.MatchString(l) && utf8.RuneCountInString(l) <= 40 },
	} {
		for _, line := range lines {
			if line = strings.TrimSpace(line); strings.Contains(line, "今天") || !kind(line) {
				continue
			}
			for _, m := range dateRe.FindAllStringSubmatch(line, -1) {
				if d := matchedDay(m); d != "" {
					return d
				}
			}
		}
	}
	return ""
}

// weakPageDate is the date of a line labelled 日期, 发布 or 更新时间
// (weakDateLineRe) above the article's text, or leading it: inside it,
// such a line is the article's own (an exam's schedule: a review's find).
func weakPageDate(pageText, body string) string {
	// The body's leading lines of such dates, and the page's text above
	// its first line of text.
	var lines []string
	above := pageText
	for _, p := range strings.Split(body, "\n\n") {
		if p = strings.TrimSpace(p); weakDateLineRe.MatchString(p) {
			lines = append(lines, p)
			continue
		}
		if furniture(p) {
			continue // a heading
		}
		if i := strings.Index(pageText, firstLine(p)); i >= 0 {
			above = pageText[:i]
		}
		break
	}
	// Above the article's text, its headings too: 时间：… there is the
	// page's (exam sites' info line, in spans); in the text, an event's
	// (时间：2027年3月15日 leading a training's notice: a review's find).
	outside := above
	if first, _, _ := strings.Cut(strings.TrimSpace(body), "\n"); first != "" {
		if i := strings.Index(pageText, first); i >= 0 && i < len(outside) {
			outside = pageText[:i]
		}
	}
	outsideLines := strings.Split(outside, "\n")
	for i, line := range append(strings.Split(above, "\n"), lines...) {
		m := weakDateLineRe.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil && i < len(outsideLines) && besideFields(outsideLines, i) {
			// Beside the page's source or author (时间 beside 地点 in a
			// summary box is the event's: a re-check's find).
			m = timeLabelDateRe.FindStringSubmatch(strings.TrimSpace(outsideLines[i]))
		}
		if m != nil {
			if d := matchedDay(m); d != "" {
				return d
			}
		}
	}
	return ""
}

// besideFields reports whether a line next to lines[i] (two either side)
// is a field of a source line (来源：, 作者：, 浏览：).
func besideFields(lines []string, i int) bool {
	for j := max(0, i-2); j <= min(len(lines)-1, i+2); j++ {
		if j != i && metaFieldRe.MatchString(strings.TrimSpace(lines[j])) {
			return true
		}
	}
	return false
}

// timeLabelDateRe is a line of a date under 时间.
var timeLabelDateRe = regexp.MustCompile(`^时间\s*[:：]\s*((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$`)

// insideArticle reports whether n is within an <article>.
func insideArticle(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == "article" {
			return true
		}
	}
	return false
}

// pageHeaderName reports whether a class or id names a page's header (not
// an article's: article-head, detail-header).
func pageHeaderName(names string) bool {
	for _, t := range strings.Fields(strings.ToLower(names)) {
		switch t {
		case "header", "head", "top", "nav", "site-header", "page-header", "topbar", "top-bar":
			return true
		}
	}
	return false
}

// logoHeading reports whether h is a site's logo: named so, or a link to
// the site's home.
func logoHeading(h *html.Node) bool {
	for n, up := h, 0; n != nil && up < 4; n, up = n.Parent, up+1 {
		if n.Type == html.ElementNode && named(attr(n, "class")+" "+attr(n, "id"), []string{"logo", "brand"}) {
			return true
		}
	}
	for c := h.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "a" && homeLink(attr(c, "href")) {
			return true
		}
	}
	return false
}

// homeLink reports whether href leads to a site's home: /, index.shtml,
// ../../, https://host/index.html.
func homeLink(href string) bool {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return false
	}
	p := u.Path
	if strings.Trim(p, "./") == "" {
		return u.Host != "" || p != ""
	}
	base := p[strings.LastIndex(p, "/")+1:]
	dir := strings.Trim(p[:len(p)-len(base)], "./")
	return dir == "" && (strings.HasPrefix(base, "index.") || strings.HasPrefix(base, "default."))
}

// publishedAt reports whether a header's date block reads as a time of
// publishing (a time of day, news.cn's 10:12:30), not as today's date in
// a site's header (星期五: a re-check's find, every page dated the day it
// was saved).
func publishedAt(text string) bool {
	return clockRe.MatchString(text) && !strings.Contains(text, "星期")
}

var clockRe = regexp.MustCompile(`\d{1,2}:\d{2}`)

// listItemDated reports whether an item's text gives a date of its own (a
// list's: at its end, in brackets, with a time, a weekday or a count
// after it), not one opening a sentence (a digest's 2024年6月14日，…).
func listItemDated(e string) bool {
	for _, m := range listDateRe.FindAllStringIndex(e, -1) {
		after, _ := utf8.DecodeRuneInString(e[m[1]:])
		if after == utf8.RuneError || !strings.ContainsRune("，,、；;。", after) {
			return true
		}
	}
	return false
}

// splitDate is the date of a header that writes its year apart from its
// month and day (news.cn's <span class="year"><em>2024</em></span> <span
// class="day"><em>08</em>/<em>01</em></span>: such pages imported undated).
func splitDate(doc *html.Node) string {
	var day string
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode && attr(n, "class") == "year" {
			if s := n.NextSibling; s != nil {
				for s != nil && s.Type != html.ElementNode {
					s = s.NextSibling
				}
				if s != nil && attr(s, "class") == "day" && n.Parent != nil && named(attr(n.Parent, "class")+" "+attr(n.Parent, "id"), []string{"time", "date"}) && publishedAt(textOf(n.Parent, false)) {
					y := strings.TrimSpace(textOf(n, false))
					if m := monthDayRe.FindStringSubmatch(strings.Join(strings.Fields(textOf(s, false)), "")); m != nil && yearOnlyRe.MatchString(y) {
						day = matchedDay([]string{"", y, m[1], m[2]})
						return true
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(doc)
	return day
}

var (
	monthDayRe = regexp.MustCompile(`^(\d{1,2})[/\-.月](\d{1,2})日?$`)
	yearOnlyRe = regexp.MustCompile(`^(?:19|20)\d{2}$`)
)

// leading reports whether paragraphs, an article's first, are headings
// and furniture alone: short, no sentence ended in them.
func leading(paragraphs []string) bool {
	return !slices.ContainsFunc(paragraphs, func(p string) bool { return !furniture(p) })
}

// furniture reports whether a paragraph may be a heading or the page's
// furniture: short, no sentence ended in it.
func furniture(p string) bool {
	return utf8.RuneCountInString(p) <= 40 && !strings.ContainsAny(p, "。！？；")
}

// topLines is how many of an article's first paragraphs may be the page's
// date or breadcrumb rather than its text.
const topLines = 3

func firstLine(p string) string {
	line, _, _ := strings.Cut(p, "\n")
	return line
}

// matchedDay is the day of a date pattern's match (year, month and day
// as its groups 1 to 3), or "" when it is no day (2024年13月45日).
func matchedDay(m []string) string {
	d := fmt.Sprintf("%s-%02s-%02s", m[1], m[2], m[3])
	if _, err := time.Parse(DateLayout, d); err != nil {
		return ""
	}
	return d
}

// dateOpensRe is a line opening with a date: [2024-03-05], 2024年03月05日 星期二.
var dateOpensRe = regexp.MustCompile(`^[\[(（【]?\s*(?:19|20)\d{2}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}`)

// dropLeadingTitle drops the article's heading from the top of its text,
// where readability keeps it: the title is a field of its own, and as the
// first paragraph it became the summary too.
func dropLeadingTitle(body, title string) string {
	first, rest, _ := strings.Cut(body, "\n\n")
	if title != "" && sameText(first, title) {
		return rest
	}
	return body
}

// sameText reports whether a and b are one text, however spaced (a heading
// as the page shows it and as readability renders it).
func sameText(a, b string) bool {
	return strings.Join(strings.Fields(a), "") == strings.Join(strings.Fields(b), "")
}

// headingLike reports whether a paragraph reads as a heading, not text:
// short, and not ending as a sentence does.
func headingLike(p string) bool {
	if utf8.RuneCountInString(p) > 40 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	return !strings.ContainsRune("。！？!?…”", last)
}

// tidyParagraphs normalises readability's text: trimmed paragraphs
// separated by one blank line.
func tidyParagraphs(s string) string {
	var paras []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			paras = append(paras, line)
		}
	}
	return strings.Join(paras, "\n\n")
}

type metadata struct {
	canonical, ogURL, base, title, description, h1 string
	// h1InHeader: the heading sits in the page's header (a logo's place):
	// no title by itself when the page gives none (a re-check's find).
	h1InHeader bool
	subheads   []string // the first <h2> and <h3>s' texts
}

// pageAddress is the article's address: its canonical link (resolved when
// relative), og:url, the saved-from comment, or <base href>, the first that
// names a page. A site's home (https://www.example.com/) is no article's
// address: pages of one site giving that (as their <base href>, or og:url)
// merged into one article, each import replacing the last. err says why
// when every address the page gives is such.
func pageAddress(m metadata, savedFrom string) (string, error) {
	resolveBy := firstNonEmpty(savedFrom, m.ogURL, m.base)
	canonical := m.canonical
	if canonical != "" && !WebURL(canonical) && resolveBy != "" {
		if b, err := url.Parse(resolveBy); err == nil {
			if ref, err := url.Parse(canonical); err == nil {
				canonical = b.ResolveReference(ref).String()
			}
		}
	}
	var home []string
	for _, c := range []struct{ what, addr string }{{"canonical link", canonical}, {"og:url", m.ogURL}, {"saved-from comment", savedFrom}, {"<base href>", m.base}} {
		u, err := url.Parse(c.addr)
		if c.addr == "" || !WebURL(c.addr) || err != nil {
			continue
		}
		if u.RawQuery == "" && strings.Trim(u.Path, "/") == "" && strings.Trim(u.Fragment, "/") == "" { // #/detail?id=1 routes to a page
			home = append(home, fmt.Sprintf("its %s %s", c.what, c.addr))
			continue
		}
		return c.addr, nil
	}
	if len(home) > 0 {
		return "", fmt.Errorf("the page names no address of its own (%s: a site's home, which every page of the site shares): give it with --url", strings.Join(home, ", "))
	}
	if canonical != "" && !WebURL(canonical) {
		// Said so: "names no URL (no canonical link…)" of a page that has
		// one, relative, was taken for a wrong message (an operator run's
		// find).
		return "", fmt.Errorf("the page's canonical link %q is relative, and nothing names its site (no og:url, saved-from comment or <base href>): give the whole address with --url", excerpt(canonical, 120))
	}
	return "", nil
}

// weChatPage is what a WeChat article page (mp.weixin.qq.com) says of
// itself beyond the usual metadata.
type weChatPage struct {
	source string // the account's name (#js_name), not og:site_name's 微信公众平台
	date   string // from the page's script (var ct = "…", its Unix time)
}

var weChatTimeRe = regexp.MustCompile(`\bvar\s+ct\s*=\s*["']?(\d{9,10})["']?`)

// showWeChatText makes a WeChat page's article text visible to readability
// and reads what the page says of itself. WeChat serves the text as
// <div id="js_content" style="visibility: hidden;">, shown by its script:
// saved as the server sent it, the page was refused as having no text.
func showWeChatText(doc *html.Node) weChatPage {
	var p weChatPage
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch attr(n, "id") {
			case "js_content":
				n.Attr = slices.DeleteFunc(n.Attr, func(a html.Attribute) bool { return a.Key == "style" })
			case "js_name":
				p.source = firstNonEmpty(p.source, strings.TrimSpace(textOf(n, false)))
			}
			if n.Data == "script" && n.FirstChild != nil && p.date == "" {
				if m := weChatTimeRe.FindStringSubmatch(n.FirstChild.Data); m != nil {
					var sec int64
					fmt.Sscan(m[1], &sec)
					p.date = time.Unix(sec, 0).In(chinaTime).Format(DateLayout)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return p
}

// pageTitle picks the article's title. The page's first heading is the
// article's own when the <title> begins with it or is it (a WeChat
// article's #activity-name, 遴选面试｜结构化面试答题思路, whole), or the
// article's text opens with it (a heading above the header's, a site's
// logo, does not). Otherwise it is the <title>'s first part, without the
// column and site names Chinese sites put after it (标题_栏目_站名, 标题 |
// 站名 - 口号, 标题&nbsp;—&nbsp;站名), and without a name the page gives
// itself (sites: og:site_name, its own 来源) after a bare hyphen
// (标题-北辰遴选). Titles led by a column's or a site's name (时政热点 |
// 标题, 站名 - 标题) keep it: telling those apart from a short title
// followed by its site's name (任免通知_国家发展和改革委员会) took the
// wrong part either way in two reviews.
func pageTitle(found string, m metadata, body string, sites []string) string {
	title := oneLine(firstNonEmpty(found, m.title))
	first, _, _ := strings.Cut(body, "\n\n")
	// With no <title> (a WeChat page as served, whose script sets it),
	// the heading is the title: the page had been refused as untitled.
	// Nor is a <title> of the site's name alone (北辰遴选 on every page of
	// the site) the article's.
	// One the article's text opens with, or a heading of the page holds,
	// is the article's (a template giving the title as og:site_name too: a
	// re-check's find, the column's <h1> had become the title).
	same := func(s string) bool { return sameText(s, title) }
	siteName := title != "" && !sameText(first, title) && !slices.ContainsFunc(m.subheads, same) && slices.ContainsFunc(sites, same)
	if h := oneLine(m.h1); h != "" && ((title == "" || siteName && !sameText(h, title)) && !m.h1InHeader || strings.HasPrefix(title, h) || sameText(oneLine(m.title), h) || sameText(first, h)) {
		return h
	}
	if sameText(first, title) {
		// The <title> is the article's own heading, whole (遴选面试｜结构化面试答题思路
		// in an <h2>: cut at its ｜, the title was 遴选面试, and the heading
		// stayed as the body's first line: an operator run's find).
		return title
	}
	part := strings.TrimSpace(titleParts.Split(title, 2)[0])
	if i := strings.LastIndex(part, "-"); i > 0 {
		if tail := strings.TrimSpace(part[i+1:]); tail != "" && slices.ContainsFunc(sites, func(s string) bool { return sameText(s, tail) }) {
			part = strings.TrimSpace(part[:i])
		}
	}
	return part
}

// bylineName is a byline's name without the label it opens with
// (WordPress's 作者 徐浩然, 文/图 张三, 文丨张三, By …). 文 and a space alone is
// a name spaced to line up (文 静: a re-check's find).
func bylineName(byline string) string {
	byline = strings.TrimSpace(byline)
	m := bylineRe.FindStringSubmatch(byline)
	if m == nil {
		return byline
	}
	name := strings.TrimSpace(byline[len(m[0]):])
	if m[1] == "文" && strings.Trim(m[2], " \t\u00a0\u3000") == "" {
		return byline // 文 静, 文 晓明: a name of the surname 文 spaced to line up (a review's find)
	}
	return name
}

var bylineRe = regexp.MustCompile(`^(作者|撰文|文(?:[\s\x{a0}\x{3000}]*[/|｜丨][\s\x{a0}\x{3000}]*图)?|[Bb]y)([\s\x{a0}\x{3000}]*[:：/｜|丨·][\s\x{a0}\x{3000}]*|[\s\x{a0}\x{3000}]+)`)

// titleParts splits a <title> between its article, column and site parts:
// _, |, ｜, or a dash with spaces (no-break ones too) around it.
var titleParts = regexp.MustCompile(`[\s\x{a0}]*(?:_|[|｜]|[\s\x{a0}][-—–]{1,2}[\s\x{a0}])[\s\x{a0}]*`)

// oneLine puts text on one line: a line break between two Chinese
// characters or full-width punctuation (a <title> written over two lines;
// 所作的\n政府工作报告\n。, a page's breaks around a link) is dropped, other
// breaks and runs of space are one space (习近平 李强 赵乐际 keeps its
// spaces). Zero-width characters go: a summary of one (U+200B) was a
// blank card.
func oneLine(text string) string {
	if alreadyOneLine(text) {
		return text // most summaries and titles: nothing to copy
	}
	return joinLines(text)
}

// joinLines is oneLine's work, for text that needs it.
func joinLines(text string) string {
	text = strings.Map(func(r rune) rune {
		switch r {
		case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
			return -1
		}
		return r
	}, text)
	var b strings.Builder
	for i, line := range strings.Split(strings.TrimSpace(text), "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			continue
		}
		if i > 0 && b.Len() > 0 {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(line)
			if !wide(last) || !wide(next) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(line)
	}
	return b.String()
}

// alreadyOneLine reports whether oneLine would return text as it is: no
// space but single ASCII ones between words, no zero-width character, all
// of it UTF-8.
func alreadyOneLine(text string) bool {
	prevSpace := true // a leading space is trimmed
	for _, r := range text {
		switch {
		case r == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		case r > '\u3000' && r != '\ufeff' && r != utf8.RuneError:
			// Chinese text and its marks, past the last space
			// unicode.IsSpace looks up in its tables (a card's title and
			// summary are read for every answer).
		case unicode.IsSpace(r), r == '\u200b', r == '\u200c', r == '\u200d', r == '\u2060', r == '\ufeff', r == utf8.RuneError:
			return false // utf8.RuneError: joinLines makes bytes that are no UTF-8 one
		}
		prevSpace = false
	}
	return !prevSpace || text == ""
}

// pageMeta reads the canonical URL, og:url, title and description.
func pageMeta(doc *html.Node) metadata {
	var m metadata
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case "base":
				if m.base == "" && WebURL(attr(n, "href")) {
					m.base = attr(n, "href")
				}
			case "meta":
				switch strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"))) {
				case "og:url":
					if WebURL(attr(n, "content")) {
						m.ogURL = firstNonEmpty(m.ogURL, attr(n, "content"))
					}
				case "og:title":
					m.title = firstNonEmpty(m.title, attr(n, "content"))
				case "description", "og:description":
					m.description = firstNonEmpty(m.description, attr(n, "content"))
				}
			case "title":
				if n.FirstChild != nil {
					m.title = firstNonEmpty(m.title, n.FirstChild.Data)
				}
			case "h2", "h3":
				if len(m.subheads) < 8 {
					m.subheads = append(m.subheads, strings.TrimSpace(textOf(n, false)))
				}
			case "h1":
				// Not a site's logo (<h1 class="logo"><a href="/">北辰遴选</a>):
				// with no <title>, it had been every page's title (a
				// re-check's find).
				if m.h1 == "" && !logoHeading(n) {
					m.h1 = strings.TrimSpace(textOf(n, false))
					for p, up := n.Parent, 0; p != nil && up < 4; p, up = p.Parent, up+1 {
						if p.Type == html.ElementNode && (p.Data == "header" && !insideArticle(p) || pageHeaderName(attr(p, "class")+" "+attr(p, "id"))) {
							m.h1InHeader = true
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

// Lead is a summary made of an article's text: its first paragraph, not a
// subheading or a date line above it, nor an account's call to follow it
// (↑点击上方“北辰遴选”，关注我们！), cut to a card's length.
func Lead(body string) string {
	paras := strings.Split(body, "\n\n")
	i := slices.IndexFunc(paras, func(p string) bool { return !headingLike(p) && !salutation(p) && !followCallRe.MatchString(p) })
	if i < 0 {
		i = 0
	}
	if len(paras) == 0 {
		return ""
	}
	return excerpt(paras[i], summaryRunes)
}

// salutation reports whether a paragraph only hails its audience (同志们！,
// 各位代表:), as speeches open.
func salutation(p string) bool {
	p = strings.TrimSpace(p)
	last, _ := utf8.DecodeLastRuneInString(p)
	return utf8.RuneCountInString(p) <= 8 && strings.ContainsRune("：:！!", last)
}

// followCallRe is an account's call to follow it, atop its articles.
var followCallRe = regexp.MustCompile(`^[^。！？]{0,40}(?:点击上方|点击蓝字|关注我们|设为星标|星标我们)`)

// withoutBoilerplate drops the short paragraphs accounts and sites put
// around every article (点击上方蓝字 关注我们, - END -, 点个“在看”, 扫码加入…群,
// 免责声明：…如有侵权请联系删除): kept, every article was found by them (an
// operator run's find: 免责声明 answered with an article's card).
func withoutBoilerplate(body string) string {
	paras := strings.Split(body, "\n\n")
	kept := paras[:0]
	for _, p := range paras {
		t := strings.TrimSpace(p)
		if utf8.RuneCountInString(t) <= maxBoilerplateRunes && (boilerplateRe.MatchString(t) || qrCallRe.MatchString(t) && !serviceRe.MatchString(t)) {
			continue
		}
		kept = append(kept, p)
	}
	if len(kept) == 0 {
		return body
	}
	return strings.Join(kept, "\n\n")
}

// boilerplateRe is what such a paragraph says.
// Each is the paragraph's whole shape: at its start a call (点击上方蓝字,
// 长按二维码, 扫码加入…), or the call alone (关注我们, 点个在看), or a site's
// disclaimer; not 二、关注我们身边的困难群众 or 重点在看得见的地方, an
// article's own (a review's find).
var boilerplateRe = regexp.MustCompile(`(?i)^[-—－_~\s▌■●]*(?:THE\s+)?END[-—－_~\s▌■●]*$|^点击(?:上方)?蓝色?字|^点击上方.{0,12}关注|^[\p{P}\s]*(?:欢迎)?(?:关注我们|设为星标|星标我们|分享让更多人看到)[\p{P}\s~]*$|点个[“"]?在看|点[“"]在看|(?:分享[、，,\s]{0,2})?点赞[、，,\s]{0,2}在看|(?:扫码|扫描|长按|点击).{0,8}加入.{0,16}(?:交流群|备考群|学习群)|^扫码(?:加入|进群)|^免责声明[:：]|如有侵权.{0,6}(?:请|联系|告知).{0,10}删除`)

// qrCallRe is a QR code's call, boilerplate unless it names a service
// (长按识别二维码进入查询系统 is a notice's instruction).
var qrCallRe = regexp.MustCompile(`^点击阅读原文|^(?:长按|扫描|识别)(?:识别)?(?:下方|上方)?二维码[\p{P}\s]*(?:关注|加入|添加|进群|领取|$)|^扫码(?:关注|添加|领取)`)

// serviceRe is what a notice's own instructions name beside such words
// (长按识别二维码进入查询系统, 扫码关注…公众号查询成绩): they are its text.
var serviceRe = regexp.MustCompile(`报名|查询|缴费|成绩|系统|考试|按钮|打印|预约|办理`)

// maxBoilerplateRunes is the most text such a paragraph holds.
const maxBoilerplateRunes = 60

// TextFromHTML returns the paragraphs of an HTML fragment (an article's
// content as the WeChat API returns it) as plain text.
func TextFromHTML(fragment string) string {
	doc, err := html.Parse(strings.NewReader(fragment))
	if err != nil {
		return ""
	}
	return tidyParagraphs(textOf(doc, false))
}

// textOf returns the visible text of a page, one line per block; with
// spanBreaks, per span too, for the fields of a source line written as
// spans side by side (<span>发布时间：…</span><span>来源：…</span>), not
// for an article's text, where a span is a word in bold.
func textOf(doc *html.Node, spanBreaks bool) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode {
			switch {
			case blockTags[n.Data], spanBreaks && n.Data == "span":
				b.WriteByte('\n')
			case n.Data == "td" || n.Data == "th":
				b.WriteByte(' ') // a row's cells on its line
			}
		}
	}
	walk(doc)
	return b.String()
}

// dropNavigation takes a page's <nav> elements out: readability drops
// those of links, but one of plain text (<nav>首页 | 理论 | 时政</nav>) began
// the body (an operator run's find).
func dropNavigation(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && c.Data == "nav" {
			n.RemoveChild(c)
		} else {
			dropNavigation(c)
		}
		c = next
	}
}

// dropBoxes takes out a page's login, sign-up, VIP and paywall boxes and
// its adverts, by
// their class or id (login-box, vip, reg-form, …) and by what they say,
// short ones only: readability drops those it takes for a page's furniture
// (a header, a "popup"), but knows no login or VIP box, and one inside the
// article's <div> stayed in its text (an operator run's find: 登录后查看全文
// 还没有账号？立即注册 and 开通VIP会员，免费学习全部遴选课程！ in the body,
// where a search for 开通VIP会员 answered with the article). A long one is
// the text itself: a members' article in <div class="vip-content">. A
// short one that prompts for nothing is the text too: a name alone took
// an interview's questions and answers, each in a <div class="dialog-item">,
// and a short news item in a <div class="popup-news">, as boxes.
func dropBoxes(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		names := attr(c, "class") + " " + attr(c, "id")
		if c.Type == html.ElementNode && c.Data != "body" && c.Data != "html" && (named(names, boxWords) && boxText(textOf(c, false), boxPromptRe) ||
			named(names, advertWords) && boxText(textOf(c, false), advertRe)) {
			n.RemoveChild(c)
		} else {
			dropBoxes(c)
		}
		c = next
	}
}

// dropComments removes readers' comment sections (a class or id naming
// comments, and text saying so: 全部评论, 网友评论, 发表评论, 留言): kept in a
// short article's page, they were appended to its text.
func dropComments(doc *html.Node) {
	var drop func(*html.Node)
	drop = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode && c.Data != "body" && c.Data != "html" && c.Data != "article" &&
				named(attr(c, "class")+" "+attr(c, "id"), commentWords) && commentsBlock(c) {
				n.RemoveChild(c)
			} else {
				drop(c)
			}
			c = next
		}
	}
	drop(doc)
}

// commentWords open a comment section's class or id (comment-wrap,
// comments, cmt-list, pinglun, reply-box, discuss).
var commentWords = []string{"comment", "comments", "cmt", "pinglun", "reply", "replies", "discuss", "discussion",
	"sohucs", "msg", "liuyan"}

// commentsBlock reports whether n reads as a comment section: it says so
// (全部评论, 网友评论, 发表评论, 25条评论…), holds no main heading, and is no
// article: a commentary's container named comment, whose text says 评论员
// and 回复, had been dropped whole (a review's and a re-check's find).
func commentsBlock(n *html.Node) bool {
	text := textOf(n, false)
	if !commentPromptRe.MatchString(text) {
		return false
	}
	// Two comments or more of one class, or a block opening as readers'
	// comments (网友评论（1）: one comment, or comments of no class): an
	// official reply under 留言板 is no comment section.
	if repeatedItems(n) < minCommentItems && !opensAsComments(n) {
		return false
	}
	var heading bool
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if c.Type == html.ElementNode && (c.Data == "h1" || c.Data == "article") {
			heading = true
		}
		for k := c.FirstChild; k != nil && !heading; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return !heading
}

// repeatedItems is the most descendants of n sharing one class named as a
// comment's or an item's (comment-item, reply-li, floor): a section's
// comments, each by another reader.
func repeatedItems(n *html.Node) int {
	counts := map[string]int{}
	most := 0
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if c.Type == html.ElementNode {
			if class := attr(c, "class"); class != "" && named(class, commentItemWords) {
				counts[class]++
				most = max(most, counts[class])
			}
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return most
}

var commentItemWords = []string{"comment", "cmt", "reply", "item", "floor", "post", "msg", "li", "discuss", "r"}

// minCommentItems is the fewest comments a comment section holds.
const minCommentItems = 2

// commentPromptRe is what a comment section says of itself.
var commentPromptRe = regexp.MustCompile(`全部评论|网友评论|最新评论|热门评论|精彩评论|发表评论|我要评论|评论区|\d+\s*条(?:评论|回复|留言)|(?:评论|留言|回复)\s*[（(]\d|人评论|我要留言|发表留言|留言板|精选留言|读者留言|网友留言|^\s*(?:评论|留言)\s*\S`)

// opensAsComments reports whether n opens with a comment section's
// heading (网友评论（1）, 全部评论 2), not with a message (网友留言：…).
func opensAsComments(n *html.Node) bool {
	first := openingElement(n)
	return first != nil && commentsHeadRe.MatchString(strings.Join(strings.Fields(textOf(first, false)), ""))
}

// A bare 评论 or 留言 is no such heading: an opinion column's label, a
// 留言板 page's question (a re-check's find: dropped whole).
// Nor is 网友留言 or 读者留言 without a count: a 留言板 page's question (a
// review's find).
var commentsHeadRe = regexp.MustCompile(`^(?:(?:全部|网友|最新|热门|精彩|读者)评论(?:列表)?` + commentCount + `?|(?:全部|网友|最新|热门|精彩|读者)留言(?:列表)?` + commentCount +
	`|精选留言|(?:评论|留言)(?:区|列表)?` + commentCount + `|评论区|共?\d+条(?:评论|留言|回复)|.*有\d+条(?:评论|回复))(?:我要评论|发表评论|我要留言|发表留言)?$`)

// commentCount is a comment section's count beside its heading: （3）, （共1条）, 2.
const commentCount = `(?:[（(]共?\d+条?[）)]|共?\d+条?)`

// boxText reports whether text reads as a box's: short, and saying one of
// prompts (a login box's, an advert's).
func boxText(text string, prompts *regexp.Regexp) bool {
	text = strings.Join(strings.Fields(text), "")
	return utf8.RuneCountInString(text) <= maxBoxRunes && prompts.MatchString(text)
}

// boxPromptRe is what such a box says: 登录后查看全文, 立即注册, 开通VIP会员,
// 输入验证码, 扫码关注.
var boxPromptRe = regexp.MustCompile(`(?i)登录|登陆|注册|会员|vip|开通|验证码|扫码|扫一扫|立即|付费|订阅|解锁|充值|账号|帐号`)

// advertRe is what an advert says: a price, or a purchase offered (报名
// and 优惠 are a notice's words too: a review's find, 报名时间 in a
// <div class="reg-time"> dropped).
var advertRe = regexp.MustCompile(`购买|下单|抢购|团购|加入购物车|原价|限时|优惠券|[￥¥]\s*\d`)

// maxBoxRunes is the most text a login or VIP box holds: a prompt and its
// buttons.
const maxBoxRunes = 120

// boxWords open a part of a login, sign-up, VIP or paywall box's class or
// id (login-box, loginBox, vip_tip, reg-modal, paywall); advertWords a
// course's or a shop's advert's (course-card, ad, shop-box, goods-list: an
// operator run's find, 2025遴选笔试系统班 ￥1980 立即购买 in the body). Not
// dialog, modal, popup or mask: pages name their text so too (dialog-item,
// an interview's question and answer; popup-news).
var (
	boxWords    = []string{"login", "logon", "signin", "signup", "register", "reg", "vip", "paywall"}
	advertWords = []string{"ad", "ads", "advert", "advertisement", "course", "shop", "goods", "product", "promo", "buy"}
)

// named reports whether a class and id name such a box: one of their
// parts, split at -, _ and spaces, opens with one of words (not "region"
// for reg, "dialogue-text", "address" for ad).
func named(names string, words []string) bool {
	for _, part := range strings.FieldsFunc(strings.ToLower(names), func(r rune) bool { return r == '-' || r == '_' || unicode.IsSpace(r) }) {
		for _, w := range words {
			if strings.HasPrefix(part, w) && (part == w || !unicode.IsLetter(rune(part[len(w)])) || boxTails[part[len(w):]]) {
				return true
			}
		}
	}
	return false
}

// boxTails end a box's name written in one word (loginBox, vipTip).
var boxTails = map[string]bool{"box": true, "tip": true, "tips": true, "wrap": true, "bar": true, "layer": true, "panel": true, "form": true, "btn": true, "area": true,
	"card": true, "list": true, "item": true}

// blockTags end a line of text: a WeChat article's <section>s and <h4>s ran
// together, and a <span> inside a sentence (its bold words) broke it into
// paragraphs. So does <title>: on a page of one line its text ran into the
// article's source line, whose author and date were then not read.
var blockTags = map[string]bool{"p": true, "div": true, "section": true, "article": true, "header": true, "footer": true,
	"aside": true, "nav": true, "main": true, "li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true,
	"br": true, "hr": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "tr": true,
	"table": true, "blockquote": true, "pre": true, "figure": true, "figcaption": true, "address": true, "title": true}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// cutInsideCharacter reports whether b is valid UTF-8 but for a character
// begun at its end and not finished.
func cutInsideCharacter(b []byte) bool {
	for i := 1; i < utf8.UTFMax && i <= len(b); i++ {
		if utf8.RuneStart(b[len(b)-i]) {
			return utf8.Valid(b[:len(b)-i]) && !utf8.FullRune(b[len(b)-i:])
		}
	}
	return false
}
