package main

import (
	"strings"
	"testing"
)

// Words of the study-platform follower run left alone a session ago, each
// answered since by the shipped config: no match, and for the stops the
// follower still subscribed.

// TestStopsInOtherWords: a stop asked with 把 before what is stopped
// (帮我把推送关掉), as a pause (推送先停一下吧) or as leave given (每日一读可以
// 停了) unsubscribes, as 关掉推送 does; asked as a question it does not.
func TestStopsInOtherWords(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"帮我把推送关掉", "推送先停一下吧", "每日一读可以停了", "把每日一读关了吧", "帮我把每日一读停掉", "每日推送暂停一下",
		// A re-check's close variants.
		"帮我把推送关了", "帮我把推送停了", "帮我把每日一读取消掉", "可以把推送关掉吗", "老师，帮我把推送关掉", "你好，帮我把推送关掉", "先停一下推送吧"} {
		if out := say("o_spw_stop_"+string(rune('a'+i)), text); !strings.Contains(out, "已退订") {
			t.Errorf("%q: a stop, not unsubscribed:\n%s", text, out)
		}
	}
	for i, text := range []string{"每日一读可以停了吗", "我把推送关掉了", "推送先停一下？"} {
		if out := say("o_spw_asked_"+string(rune('a'+i)), text); strings.Contains(out, "已退订") {
			t.Errorf("%q: asked or said, unsubscribed:\n%s", text, out)
		}
	}
}

// TestThanksAndWhatComesNext: thanks with what the follower goes to do
// are thanks, and without thanks an acknowledgement (收藏了, 好的，我先看看);
// 每日一读主要讲什么 asks for the reading, 你们公众号叫啥 who answers,
// linxuan什么时候考 after the exam.
func TestThanksAndWhatComesNext(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for _, c := range []struct{ text, want string }{
		{"谢谢，我再看看", "不客气"},
		{"谢谢，我收藏了", "不客气"},
		{"谢谢老师，我先收藏一下", "不客气"},
		{"谢谢，我再想想", "不客气"},
		{"每日一读主要讲什么", "[图文]"},
		{"每日一读讲什么", "[图文]"},
		{"你们公众号叫啥", "自动回复助手"},
		{"linxuan什么时候考", "遴选"},
		// What the follower goes to do, without thanks: an acknowledgement.
		{"收藏了", "有问题随时"},
		{"已收藏", "有问题随时"},
		{"好的，我先看看", "有问题随时"},
		{"好的老师，我再研究研究", "有问题随时"},
		{"受教了", "有问题随时"},
		{"我看看新质生产力", "新质生产力"},
		// A re-check's close variants.
		{"谢谢，已收藏", "不客气"},
		{"好的谢谢，我回去再看看", "不客气"},
		{"谢谢，我再研究研究", "不客气"},
		{"每日一读主要讲什么内容", "[图文]"},
		{"每日一读一般讲什么", "[图文]"},
		{"每日一读都讲些什么", "[图文]"},
		{"你们公众号叫啥名", "自动回复助手"},
		{"linxuan 什么时候考", "遴选"},
	} {
		if out := say("o_spw_thanks", c.text); !strings.Contains(out, c.want) || strings.Contains(out, "没有找到") {
			t.Errorf("%q: want %q:\n%s", c.text, c.want, out)
		}
	}
}

// TestListItemAfterWhatComesNext: with a list open, 谢谢，我先看看第二篇 and
// 我看一下第二篇 open its second item, as 谢谢，第二篇 does (they got no match,
// and the list was lost).
func TestListItemAfterWhatComesNext(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"谢谢，我先看看第二篇", "我看一下第二篇", "我先看看第2篇", "谢谢，我再看看第二篇", "我先读第二篇", "我打算先看第二篇"} { // (…，有问题再问您 after it: left)
		from := "o_spw_item_" + string(rune('a'+i))
		list := say(from, "遴选")
		second := strings.Index(list, "\n2. ")
		if second < 0 {
			t.Fatalf("遴选: no list of two:\n%s", list)
		}
		title := list[second+len("\n2. "):]
		title = title[strings.Index(title, ">")+1:]
		title = title[:strings.Index(title, "<")]
		if out := say(from, text); !strings.Contains(out, title) || strings.Contains(out, "没有找到") {
			t.Errorf("%q after a list: want its second item %q:\n%s", text, title, out)
		}
	}
}
