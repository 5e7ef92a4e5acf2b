package main

import (
	"strings"
	"testing"
)

// A follower helper run's finds: study questions as followers type
// them, each about a demo article the bot finds by its topic alone, got
// the no-match reply because of how the question was worded.
const demoURL = "https://example.com/mpbot-demo/"

// answered is whether out opens one of the articles (a card of it, or a
// list led by it).
func answered(out string, ids ...string) bool {
	for _, id := range ids {
		if strings.Contains(out, "→ "+demoURL+id+"\n") || strings.Contains(out, "1. <a href=\""+demoURL+id+"\"") {
			return true
		}
	}
	return false
}

func TestStudyQuestionWordingsFindTheDemoArticle(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, c := range []struct {
		text string
		ids  []string
	}{
		// 哪一年 (哪年 finds it).
		{"老师好，八八战略是哪一年提出的？", []string{"babazhanlue"}},
		{"千万工程是哪一年开始的", []string{"qianwan"}},
		{"两个确立是哪一年提出的", []string{"liangge"}},
		{"枫桥经验是哪一年提出的", []string{"fengqiao"}},
		// 从哪几个角度答 (答题角度, 怎么答 find it).
		{"以人民为中心从哪几个角度答", []string{"renmin"}},
		{"以人民为中心从哪些角度答", []string{"renmin"}},
		// A comparison in everyday words (有什么区别 finds them).
		{"浦江经验和四下基层有啥不同", []string{"sixia", "pujiang"}},
		{"枫桥经验和浦江经验有什么联系", []string{"fengqiao", "pujiang"}},
		// A request (讲讲, 介绍一下 find it).
		{"新质生产力解释一下", []string{"xinzhi"}},
		{"老师好，请问新质生产力解释一下，谢谢", []string{"xinzhi"}},
		{"新质生产力考不考", []string{"xinzhi"}},
		// A label before the question.
		{"【求助】新质生产力", []string{"xinzhi"}},
		{"Q：新质生产力是什么？", []string{"xinzhi"}},
		// Pasted from elsewhere, the question at the end.
		{"老师您好！我是在基层乡镇工作的一名干部，今年准备参加省直机关公开遴选，目前在看申论和案例分析，看到很多材料都提到“新时代枫桥经验”，想问一下枫桥经验的核心是什么，考试里一般怎么用？谢谢！", []string{"fengqiao"}},
		{"以下是某市遴选真题：材料一：某街道推行网格化管理，将辖区划分为若干网格……材料二：某社区推行“接诉即办”……问题：结合材料，谈谈如何推进基层治理现代化。老师这个题从哪几个角度答？", []string{"jiceng"}},
	} {
		out := say("o_study_"+string(rune('a'+i)), c.text)
		if !answered(out, c.ids...) {
			t.Errorf("%s: want the article %v, got:\n%s", c.text, c.ids, out)
		}
	}
}

// 没有专门讲「X」的文章 said over a list led by the article titled X.
func TestMentionsHeaderOverTheTopicsOwnArticle(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"急求基层治理", "求助新质生产力", "急求新质生产力"} {
		out := say("o_mention_"+string(rune('a'+i)), text)
		if strings.Contains(out, "没有专门讲") {
			t.Errorf("%s: says no article is about it, over the article about it:\n%s", text, out)
		}
	}
}

// A choice asked about with a list open (第三个讲的什么) is the third.
func TestChoiceAskedAboutWithTheListOpen(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	if out := say("o_choice", "基层治理"); !strings.Contains(out, "3. <a href=\""+demoURL+"fengqiao\"") {
		t.Fatalf("基层治理: want a list with 枫桥经验 third:\n%s", out)
	}
	for _, text := range []string{"第三个讲的什么", "第三篇是什么内容"} {
		if out := say("o_choice", text); !strings.Contains(out, "→ "+demoURL+"fengqiao\n") {
			t.Errorf("%s after the list: want the third article, got:\n%s", text, out)
		}
		say("o_choice", "基层治理")
	}
}

// Pinyin typed with its tone marks (as pinyin keyboards and textbooks
// print it) is not read as the toneless pinyin it is: fengqiao jingyan
// finds 枫桥经验, fēng qiáo jīng yàn got the no-match reply.
func TestPinyinWithToneMarks(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for text, id := range map[string]string{"fēng qiáo jīng yàn": "fengqiao", "xīn zhì shēng chǎn lì": "xinzhi", "fēngqiáo jīngyàn": "fengqiao"} {
		if out := say("o_"+text, text); !answered(out, id) {
			t.Errorf("%s: want %s, got:\n%s", text, id, out)
		}
	}
}

// An emoji alone (👍, 😂😂😂, WeChat's [强]) is a follower's nod: it had been
// told that only text is understood.
func TestEmojiAloneIsANod(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"👍", "😂😂😂", "[强]", "❤️", "🙏🙏"} {
		if out := say("o_emoji_"+string(rune('a'+i)), text); strings.Contains(out, "只能读懂文字") || !strings.Contains(out, "好的") {
			t.Errorf("%s: %s", text, out)
		}
	}
	if out := say("o_emoji_topic", "👍枫桥经验"); !answered(out, "fengqiao") {
		t.Errorf("👍枫桥经验: %s", out)
	}
}
