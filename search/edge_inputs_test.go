package search

import (
	"context"
	"fmt"
	"mpbot/content"
	"strings"
	"testing"
	"unicode/utf8"
)

func edgeInputs() []string {
	base := []string{
		"", " ", "　", "？？？", "!!!", "。。。", "……", "【】", "【", "】", "《》", "\n\n", "\t",
		"0", "00000", "123456789012345678901234567890", "１２３", "２０２６年", "２０２６年２月３０日", "2026年2月30日",
		"2026年13月1日", "2026年0月0日", "0000年", "9999年", "99999999999999999999年", "第99999999999999999999届",
		"第一千零一十届", "十四五", "十九大", "二〇二六年", "零零零零年", "第〇届",
		"😀", "😀😀😀枫桥经验😀", "𠀀𠀁𠀂", "𠀀枫桥", "👨‍👩‍👧", "\xff\xfe枫桥经验", "枫桥\xe4经验", "\xe4\xb8",
		"café", "Ünïcödé ŞİMGE", "İstanbul", "ǅ", "ﬃ", "KELVIN K", "ß", "ΣΑΣ",
		"fengqiao jingyan", "guochanghui", "a", "a b c", "GDP", "C919", "5.2%", "3.15", "1.2.3.4.5.6", "....",
		"...5", "5...", "1..2", "v1.2.3", "12.4", ".5", "5.", "百分之", "百分之五点", "百分之一百点零",
		"枫桥经验", "國務院常務會議", "两会", "去年", "今年", "上个月", "本月", "明年", "24年", "二五年GDP",
		"2024年2月7日", "2024.2.7", "2024-2-7", "2024/2/7", "2024/13/45", "1900年", "1899年", "2099年", "2100年",
		"中国对", "我国对美", "AI加", "加", "人工智能加", "ai加行动", "CPI in July", "June 2026", "in of the",
		"是什么", "的", "的的的的的", "吗", "请问", "谢谢", "老师", "有没有", "发我一下", "一篇",
		"第二十届", "第138届广交会", "本届广交会", "政绩观", "锂电池", "二十届三中全会", "十八届三中全会",
		"里约热内卢奥运会", "里 约 热 内 卢", "一二三四五六七八九十", "十十十十十十十十十",
		"\u200b", "\u200b枫桥\u200b经验", "\ufeff", "\u202e枫桥经验", "枫桥\u2028经验", "\x00", "枫\x00桥",
		"ａｂｃ", "ＧＤＰ", "Ａ", "＃", "＠＠", "〇", "〇〇〇〇年", "两千零二十六年",
	}
	long := []string{
		strings.Repeat("枫桥经验", 300),
		strings.Repeat("1", 5000),
		strings.Repeat("２", 5000),
		strings.Repeat("😀", 3000),
		strings.Repeat("第一届", 800),
		strings.Repeat("2024年", 800),
		strings.Repeat("a.", 3000),
		strings.Repeat("十", 3000),
		strings.Repeat("我想看", 500),
		strings.Repeat("\xff", 3000),
		strings.Repeat("的 ", 3000),
		strings.Repeat("百分之五点零", 300),
		strings.Repeat("年前", 1000),
		strings.Repeat("两会政府工作报告", 200),
	}
	out := append([]string{}, base...)
	out = append(out, long...)
	// combinations
	for _, a := range []string{"枫桥经验", "2026年", "😀", "\xff", "１２", "第二十届"} {
		for _, b := range base[:40] {
			out = append(out, a+b, b+a)
		}
	}
	return out
}

func edgeCheckSnippet(t *testing.T, q string, h content.Hit) {
	s := h.Snippet
	if s == "" {
		return
	}
	if strings.ContainsAny(s, "\n\r\t\u2028\u2029\u0085") {
		t.Errorf("%q: snippet of %s has a line break: %q", q, h.Article.ID, s)
	}
	if !utf8.ValidString(s) {
		t.Errorf("%q: snippet of %s invalid UTF-8: %q", q, h.Article.ID, s)
	}
	depth := 0
	for _, r := range s {
		switch r {
		case '【':
			depth++
			if depth > 1 {
				t.Errorf("%q: nested mark in %q", q, s)
			}
		case '】':
			depth--
		}
	}
	if depth > 0 {
		t.Errorf("%q: snippet ends inside a mark: %q", q, s)
	}
}

func TestEdgeInputsDemo(t *testing.T) {
	ix, err := BuildIndex(content.DemoArticles())
	if err != nil {
		t.Fatal(err)
	}
	ix.SetSynonyms(shippedTerms(t))
	ix.SetCacheSize(64)
	ctx := context.Background()
	for _, q := range edgeInputs() {
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("panic on %q: %v", capRunes(q, 40), p)
				}
			}()
			res, err := ix.SearchResult(ctx, q, 8, true)
			if err != nil {
				t.Errorf("%q: %v", q, err)
			}
			for _, h := range res.Hits {
				edgeCheckSnippet(t, q, h)
				if h.Score < 0 || h.Score > 1 || h.Score != h.Score {
					t.Errorf("%q: score %v", q, h.Score)
				}
			}
			sn := ix.Snippets(q, res.Hits, func(id string) (string, error) {
				for _, a := range content.DemoArticles() {
					if a.ID == id {
						return a.Body, nil
					}
				}
				return "", fmt.Errorf("no %s", id)
			})
			for _, h := range sn {
				edgeCheckSnippet(t, q, h)
			}
			ix.Mentions(ctx, q, 5)
			ix.Topic(q)
			ix.Names(q)
			ix.Aside(q)
		}()
	}
}

func TestEdgeInputsCorpus(t *testing.T) {
	ix := corpusIndex(t)
	ctx := context.Background()
	arts := loadCorpus(t)
	byID := map[string]string{}
	for _, a := range arts {
		byID[a.ID] = a.Body
	}
	qs := edgeInputs()
	qs = append(qs, "人民至上", "新质生产力", "高质量发展", "国常会", "中国式现代化", "一带一路", "习近平", "GDP增长5.2%",
		"2025年政府工作报告", "二十届四中全会", "第十五届全运会", "乡村振兴", "枫桥经验 2024", "2024年12月CPI", "12月25日政治局会议")
	for _, q := range qs {
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("panic on %q: %v", capRunes(q, 40), p)
				}
			}()
			res, _ := ix.SearchResult(ctx, q, 8, true)
			for _, h := range res.Hits {
				edgeCheckSnippet(t, q, h)
			}
			sn := ix.Snippets(q, res.Hits, func(id string) (string, error) { return byID[id], nil })
			for _, h := range sn {
				edgeCheckSnippet(t, q, h)
			}
			ix.Mentions(ctx, q, 5)
		}()
	}
}
