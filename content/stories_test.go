package content

import (
	"reflect"
	"testing"
)

func TestStories(t *testing.T) {
	for _, c := range []struct {
		name, body string
		want       []Story
	}{
		{"a roundup", "央视网消息（新闻联播）：\n\n前三季度工业利润超5万亿\n\n国家统计局今天发布数据。\n\n其中高技术制造业增长。\n\n冬春航季航班计划执行\n\n从今天起执行冬春航季。",
			[]Story{{"前三季度工业利润超5万亿", "国家统计局今天发布数据。\n\n其中高技术制造业增长。"}, {"冬春航季航班计划执行", "从今天起执行冬春航季。"}}},
		{"Windows line ends", "甲地新闻标题一\r\n\r\n正文一。\r\n\r\n乙地新闻标题二\r\n\r\n正文二。",
			[]Story{{"甲地新闻标题一", "正文一。"}, {"乙地新闻标题二", "正文二。"}}},
		{"one heading is an article's", "一、坚持党的领导\n\n必须坚持党的全面领导。", nil},
		{"sentences only", "第一段话。\n\n第二段话。\n\n第三段话。", nil},
		{"two headings in a row are not items", "标题甲乙丙丁\n\n标题戊己庚辛\n\n正文。\n\n标题壬癸子丑\n\n正文二。",
			[]Story{{"标题戊己庚辛", "正文。"}, {"标题壬癸子丑", "正文二。"}}},
		{"a line ending as a sentence is text", "这是一句话：\n\n正文。\n\n又一句话。\n\n正文。", nil},
		{"a last heading without text", "新闻标题甲乙\n\n正文。\n\n新闻标题丙丁\n\n正文。\n\n结尾标题戊己", []Story{{"新闻标题甲乙", "正文。"}, {"新闻标题丙丁", "正文。\n\n结尾标题戊己"}}},
	} {
		if got := Stories(c.body); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
