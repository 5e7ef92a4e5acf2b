package search

import (
	"strings"
	"testing"

	"mpbot/content"
)

// TestRecheckWholeWordsGlueTheNextWordsCharacter: wholeWords joins to a mark
// the single character the query had after one of its words (markTerms.ends),
// wherever the text has it; but in the text that character is often the
// first of the next word: 超 of 超过, 新 of 新任/新国际, 连 of 连队, 源 of 源头,
// 遭 of 遭到. The mark then ends inside a word the query did
// not have, where before it held the query's word whole. Each case is a
// query of search/testdata/questions.tsv and a sentence of the shared
// corpus's snippet it gets (old: 【融资】超过, new: 【融资超】过).
func TestRecheckWholeWordsGlueTheNextWordsCharacter(t *testing.T) {
	ix, err := BuildIndex(content.DemoArticles())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ q, text, bad string }{
		{"产融合作平台融资超万亿", "平台已帮助企业融资超过8000亿元。", "超】过"},
		// Not 瓜达尔新机场's 【瓜达尔新】国际机场: 新国际 is no word the
		// dictionary has, and 新 is the airport's name's as the follower
		// typed it; left so.
		{"人大常委会第69次委员长会议", "十四届全国人大常委会第六十九次委员长会议25日下午举行。", "第】六十"},
		{"人权理事会第53届会议", "联合国人权理事会第53届会议再次通过决议。", "第】53"},
		{"论学习贯彻习近平党建思想 强党强国", "中共全国政协党组理论学习中心组举行集体学习。", "【论"},
		{"白刃格斗英雄连", "这是一支敢打硬仗的英雄连队。", "连】队"},
		{"丹麦新国王腓特烈十世", "习近平致电祝贺丹麦新任国王腓特烈十世。", "新】任"},
		{"汗尤尼斯学校遭轰炸", "汗尤尼斯一所学校遭到以军轰炸。", "遭】到"},
		{"黄河源园区党委 中华水塔", "青海省玛多县地处黄河源头，是三江源国家公园黄河源园区的核心区域。", "源】头"},
	} {
		got := snippet(snippetTerms(ix.parse(c.q)), c.text)
		if strings.Contains(got, c.bad) {
			t.Errorf("%s: %s\n\ta mark ends inside the text's next word (%s)", c.q, got, c.bad)
		}
	}
}
