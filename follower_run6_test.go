package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"mpbot/bot"
	"mpbot/bot/wechat"
)

// A follower run (xy11) on the shipped demo articles over the real webhook
// (mpbot serve + chat), at 411890a: the finds below each got the no-match
// reply (or a wrong one) where a follower on a phone expects an answer.

const run6NoMatch = "没有找到相关文章"

// run6WantArticle fails unless out shows the demo article slug (as a card
// or in a list) and is not the no-match reply.
func run6WantArticle(t *testing.T, text, out, slug string) {
	t.Helper()
	if strings.Contains(out, run6NoMatch) || !strings.Contains(out, demoURL+slug) {
		t.Errorf("%q: want the article %s (as a card or listed), got:\n%s", text, slug, out)
	}
}

// TestFollowerRun6ShouldHowAskedIsSearched: 应该 / 该 / 需要 before 怎么 (申论应该怎么写,
// "how should I write the essay") get no match, where 申论怎么写 and 申论要怎么写
// get the written test's card, 遴选要怎么准备 the exam's list and 新质生产力怎么理解
// its card. Only 应该怎么答 and a few such phrases are known to search.go.
func TestFollowerRun6ShouldHowAskedIsSearched(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	voice := shippedAsk(t, writeConfig(t, t.TempDir(), ""), bot.KindVoice)
	for i, c := range []struct{ text, slug string }{
		{"申论应该怎么写", "linxuan-bishi"},
		{"申论该怎么写", "linxuan-bishi"},
		{"申论怎么写好", "linxuan-bishi"},
		{"遴选应该怎么准备", "linxuan-"},
		{"遴选该怎么准备", "linxuan-"},
		{"遴选需要怎么准备", "linxuan-"},
		{"我应该怎么准备遴选", "linxuan-"},
		{"新质生产力应该怎么理解", "xinzhi"},
		{"新质生产力该如何理解", "xinzhi"},
		{"新质生产力应当如何理解", "xinzhi"},
	} {
		run6WantArticle(t, c.text, say("o_xy11_should_"+string(rune('a'+i)), c.text), c.slug)
	}
	// As voice recognition writes it, with its fillers.
	text := "然后那个申论的话应该怎么写。"
	run6WantArticle(t, "voice "+text, voice("o_xy11_should_v", text), "linxuan-bishi")
}

// TestFollowerRun6RecommendSomeIsSearched: 推荐点 / 推荐几篇 / 求几篇 ("recommend a few")
// before a topic get no match, where 推荐一下基层治理的文章 and 推荐基层治理的文章
// list the four articles.
func TestFollowerRun6RecommendSomeIsSearched(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, c := range []struct{ text, slug string }{
		{"推荐点基层治理的文章", "jiceng"},
		{"推荐几篇基层治理的文章", "jiceng"},
		{"推荐点基层治理文章", "jiceng"},
		{"能不能推荐点关于基层治理的文章？", "jiceng"},
		{"推荐点新质生产力的文章", "xinzhi"},
		{"求几篇关于新质生产力的文章", "xinzhi"},
		{"有没有适合遴选备考的文章推荐", "linxuan-"},
	} {
		run6WantArticle(t, c.text, say("o_xy11_rec_"+string(rune('a'+i)), c.text), c.slug)
	}
}

// TestFollowerRun6MoreOfATopicAskedIsSearched: 还有X的文章吗 ("are there (more) articles
// on X?"), asked fresh or after X's list, gets no match for most topics
// (还有两会的文章吗 and 还有全过程人民民主的文章吗 do get their card), where
// 有基层治理的文章吗 lists the four articles.
func TestFollowerRun6MoreOfATopicAskedIsSearched(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, c := range []struct{ text, slug string }{
		{"还有新质生产力的文章吗", "xinzhi"},
		{"还有共同富裕的文章吗", "gongtongfuyu"},
		{"还有中国式现代化的文章吗", "xiandaihua"},
		{"还有基层治理的文章吗", "jiceng"},
		{"基层治理还有别的文章吗", "jiceng"},
		{"基层治理还有其他文章吗", "jiceng"},
	} {
		run6WantArticle(t, c.text, say("o_xy11_more_"+string(rune('a'+i)), c.text), c.slug)
	}
	// After the list, with thanks first (a follower's message as sent):
	// no match at HEAD.
	say("o_xy11_more_z", "基层治理")
	text := "感谢分享，请问基层治理还有别的文章吗"
	if out := say("o_xy11_more_z", text); strings.Contains(out, run6NoMatch) {
		t.Errorf("%q after 基层治理's list: got the no-match reply:\n%s", text, out)
	}
}

// TestFollowerRun6ContextBeforeTheQuestionIsSearched: a clause of context before the
// question, joined by a comma (我在乡镇工作，枫桥经验重要吗？), gets no match,
// where 枫桥经验重要吗 alone, and the same context ended by 。, get the card.
func TestFollowerRun6ContextBeforeTheQuestionIsSearched(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{
		"我在乡镇工作，枫桥经验重要吗？",
		"我想参加遴选考试，枫桥经验这个考点重要吗？",
		"平时工作特别忙，想问一下枫桥经验这个考点重要吗",
		"老师您好，我是今年刚考上公务员的，在乡镇工作了两年，现在想参加遴选考试，但是平时工作特别忙，基本没时间看书，想问一下枫桥经验这个考点重要吗，另外平时应该怎么积累素材呢，谢谢老师！",
	} {
		run6WantArticle(t, text, say("o_xy11_ctx_"+string(rune('a'+i)), text), "fengqiao")
	}
	text := "我们单位最近在学四下基层，想找点资料"
	run6WantArticle(t, text, say("o_xy11_ctx_z", text), "sixia")
	text = "我最近在看新闻，看到说新质生产力很重要，领导开会也老提，我们单位还让写心得体会，我想了解一下新质生产力到底是啥，有没有文章可以看看，最好是简单易懂的那种"
	run6WantArticle(t, text, say("o_xy11_ctx_y", text), "xinzhi")
}

// TestFollowerRun6WhatItHoldsAskedIsSearched: 主要内容, 详细, 有几个 beside a topic
// get no match (新质生产力主要内容 scores 0.32), where 新质生产力内容,
// 两会主要内容, 中国式现代化有几个特色 and 2024年政府工作报告主要内容 get their card.
func TestFollowerRun6WhatItHoldsAskedIsSearched(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, c := range []struct{ text, slug string }{
		{"新质生产力主要内容", "xinzhi"},
		{"政府工作报告主要内容", "gzbg2024"},
		{"2024政府工作报告主要内容", "gzbg2024"},
		{"政府工作报告主要讲了什么", "gzbg2024"},
		{"新质生产力还有更详细的吗", "xinzhi"},
		{"新质生产力详细解读", "xinzhi"},
		{"有没有更详细的新质生产力文章", "xinzhi"},
		{"中国式现代化有几个特征", "xiandaihua"},
	} {
		run6WantArticle(t, c.text, say("o_xy11_holds_"+string(rune('a'+i)), c.text), c.slug)
	}
}

// TestFollowerRun6ReadingSwitchAskedObjectFirst: how to turn the reading off or on,
// asked with the reading named first (每日一读怎么取消, 推送怎么关), gets no
// match, where 怎么取消每日一读, 怎么关闭推送 and 每日一读怎么退订 say where the
// switch stands and which word turns it.
func TestFollowerRun6ReadingSwitchAskedObjectFirst(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"每日一读怎么取消", "推送怎么取消", "推送怎么关", "每日一读怎么关", "每日一读怎么关闭",
		"每日一读怎么开", "每日一读怎么打开", "每日一读怎么恢复"} {
		out := say("o_xy11_how_"+string(rune('a'+i)), text)
		if !strings.Contains(out, "订阅着每日一读") {
			t.Errorf("%q: want the switch's state (怎么取消每日一读: 你现在订阅着每日一读…回复「退订」可以取消), got:\n%s", text, out)
		}
	}
}

// TestFollowerRun6ReadingTurnedBackOn: after 退订, a follower asking for the reading
// back in everyday words (开通每日一读, 我还想继续收到每日一读, 我之前退订了，现在想
// 重新订阅) gets no match and stays unsubscribed.
func TestFollowerRun6ReadingTurnedBackOn(t *testing.T) {
	send := webhookSender(t)
	for i, text := range []string{"开通每日一读", "我要开通每日一读", "帮我开通每日一读", "重新打开每日一读",
		"我还想继续收到每日一读", "每日一读再开一下", "我想每天收到每日一读", "我之前退订了，现在想重新订阅", "不退订了，恢复吧"} {
		from := "o_xy11_on_" + string(rune('a'+i))
		if out := send(from, "text", "退订"); !strings.Contains(out, "已退订") {
			t.Fatalf("退订: %s", out)
		}
		if out := send(from, "text", text); !strings.Contains(out, "已为你订阅") {
			t.Errorf("%q after 退订: want 已为你订阅每日一读, got:\n%s", text, out)
		}
		if out := send(from, "text", "我的订阅"); !strings.Contains(out, "订阅着") {
			t.Errorf("%q after 退订: 我的订阅 says %s", text, out)
		}
	}
	send("o_xy11_on_v", "voice", "退订。")
	text := "那个我之前退订了现在想重新订阅一下每日一读。"
	if out := send("o_xy11_on_v", "voice", text); !strings.Contains(out, "已为你订阅") {
		t.Errorf("voice %q after 退订: want 已为你订阅每日一读, got:\n%s", text, out)
	}
}

// webhookSender sends followers' messages over the webhook of a replica
// on a real SQLite store (the switch's state kept, as mpbot try keeps none)
// and returns each reply's text.
func webhookSender(t *testing.T) func(from, kind, text string) string {
	send := webhookReplies(t)
	return func(from, kind, text string) string {
		t.Helper()
		return send(from, kind, text).Content
	}
}

// webhookReplies sends followers' messages (kind text or voice, a voice
// message's text its recognition) over the webhook of a replica on a real
// SQLite store, and returns each reply.
func webhookReplies(t *testing.T) func(from, kind, text string) *wechat.Outbound {
	_, _, sim := replicaIn(t, t.TempDir())
	var id int64
	return func(from, kind, text string) *wechat.Outbound {
		t.Helper()
		id++
		in := wechat.Inbound{From: from, MsgType: kind, Content: text, MsgID: id, CreateTime: time.Now().Unix()}
		if kind == "voice" {
			in.Content, in.Recognition, in.Extra = "", text, "<Format><![CDATA[amr]]></Format><MediaId><![CDATA[m]]></MediaId>"
		}
		r, err := sim.Send(context.Background(), in)
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		return r
	}
}

// TestFollowerRun6ReadingStoppedInOtherWords: 每日一读不想看了 ("I don't want to read
// it any more") and 不用再推了 get no match and the follower stays
// subscribed, where 我不想要每日一读了 and 每日一读不想要了 unsubscribe.
func TestFollowerRun6ReadingStoppedInOtherWords(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	voice := shippedAsk(t, writeConfig(t, t.TempDir(), ""), bot.KindVoice)
	for i, text := range []string{"每日一读不想看了", "不用再推了谢谢", "每日一读我不想看了"} {
		if out := say("o_xy11_off_"+string(rune('a'+i)), text); !strings.Contains(out, "已退订") {
			t.Errorf("%q: want 已退订每日一读, got:\n%s", text, out)
		}
	}
	for i, text := range []string{"就是那个每日一读我不想看了。", "嗯那个每日一读就不要再发给我了。"} {
		if out := voice("o_xy11_offv_"+string(rune('a'+i)), text); !strings.Contains(out, "已退订") {
			t.Errorf("voice %q: want 已退订每日一读, got:\n%s", text, out)
		}
	}
}

// TestFollowerRun6ReadingStillComingAsked: after 退订, 每日一读还会推送给我吗 ("will the
// reading still come to me?") gets no match, where 我退订了吗 says it is off.
func TestFollowerRun6ReadingStillComingAsked(t *testing.T) {
	send := webhookSender(t)
	send("o_xy11_still", "text", "退订")
	for _, text := range []string{"每日一读还会推送给我吗", "推送停了吗"} {
		if out := send("o_xy11_still", "text", text); !strings.Contains(out, "没有订阅每日一读") {
			t.Errorf("%s after 退订: want 你现在没有订阅每日一读…, got:\n%s", text, out)
		}
	}
}

// TestFollowerRun6ComparisonNamesTheTopics: X和Y什么关系 (no 是) answers 没有同时讲
// 「共同富裕」和「中国式现代化什么」的文章: the question word is shown to the
// follower as part of a topic's name.
func TestFollowerRun6ComparisonNamesTheTopics(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"共同富裕和中国式现代化什么关系", "新质生产力和两会什么关系"} {
		if out := say("o_xy11_rel_"+string(rune('a'+i)), text); strings.Contains(out, "什么」") {
			t.Errorf("%q: a topic named with the question word 什么:\n%s", text, out)
		}
	}
}

// TestFollowerRun6ComparisonOtherWords: 枫桥经验vs浦江经验 and 枫桥经验和浦江经验，它俩有
// 什么区别 get no match, where 枫桥经验和浦江经验有什么区别 lists both articles.
func TestFollowerRun6ComparisonOtherWords(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	voice := shippedAsk(t, writeConfig(t, t.TempDir(), ""), bot.KindVoice)
	check := func(text, out string) {
		t.Helper()
		if !strings.Contains(out, demoURL+"fengqiao") || !strings.Contains(out, demoURL+"pujiang") {
			t.Errorf("%q: want both 枫桥经验 and 浦江经验 listed, got:\n%s", text, out)
		}
	}
	for i, text := range []string{"枫桥经验vs浦江经验", "枫桥经验 vs 浦江经验", "枫桥经验VS浦江经验", "枫桥经验和浦江经验，它俩有什么区别", "枫桥经验和浦江经验它俩有什么区别"} {
		check(text, say("o_xy11_vs_"+string(rune('a'+i)), text))
	}
	text := "嗯，然后就是，那个，枫桥经验和浦江经验，它俩有什么区别啊。"
	check("voice "+text, voice("o_xy11_vs_v", text))
}

// TestFollowerRun6ThanksInMoreWords: thanks and praise in a few more words (谢谢！每日一读
// 收到了, 谢谢，已经看完了，很有收获, 你们的文章太好了) get the no-match reply,
// which tells the follower nothing was found and offers 人工.
func TestFollowerRun6ThanksInMoreWords(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"谢谢！每日一读收到了", "老师您好，谢谢您的文章，对我帮助很大", "谢谢，已经看完了，很有收获",
		"你们的文章太好了", "文章写得真好", "对我帮助很大", "每日一读收到了"} {
		if out := say("o_xy11_thx_"+string(rune('a'+i)), text); strings.Contains(out, run6NoMatch) {
			t.Errorf("%q: got the no-match reply:\n%s", text, out)
		}
	}
}

// TestFollowerRun6AckThenTopicIsSearched: 好的老师，我再看看枫桥经验 ("OK, I'll look at
// 枫桥经验 again") gets no match, where 好的，我看看枫桥经验 gets the card.
func TestFollowerRun6AckThenTopicIsSearched(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	text := "好的老师，我再看看枫桥经验"
	run6WantArticle(t, text, say("o_xy11_ack", text), "fengqiao")
}

// TestFollowerRun6SecondTopicUnansweredKeepsFirst: 两个确立是什么意思，还有两个维护 gets no
// match: the first question has its card (两个确立是什么意思 alone), the
// second no article.
func TestFollowerRun6SecondTopicUnansweredKeepsFirst(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	voice := shippedAsk(t, writeConfig(t, t.TempDir(), ""), bot.KindVoice)
	text := "两个确立是什么意思，还有两个维护"
	run6WantArticle(t, text, say("o_xy11_two", text), "liangge")
	for i, text := range []string{"就是我想问那个两个确立是什么意思然后还有那个两个维护。", "嗯，两个确立是什么意思，还有两个维护。"} {
		run6WantArticle(t, "voice "+text, voice("o_xy11_two_v"+string(rune('a'+i)), text), "liangge")
	}
}

// TestFollowerRun6NextInOtherWords: 下一条 ("the next one") after a list, and 下一个 /
// 下一条 after a card or with nothing open, get the no-match reply (searched,
// 换个说法…), where 下一篇 says there is no list or no more, and 下一个 after
// an opened choice opens the next.
func TestFollowerRun6NextInOtherWords(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	say("o_xy11_next_a", "基层治理")
	if out := say("o_xy11_next_a", "下一条"); strings.Contains(out, run6NoMatch) {
		t.Errorf("下一条 after 基层治理's list: got the no-match reply:\n%s", out)
	}
	for i, text := range []string{"下一个", "下一条"} {
		from := "o_xy11_next_c" + string(rune('a'+i))
		say(from, "枫桥经验")
		if out := say(from, text); strings.Contains(out, run6NoMatch) {
			t.Errorf("%s after 枫桥经验's card: got the no-match reply (下一篇: 这个问题没有更多相关文章了…):\n%s", text, out)
		}
		if out := say("o_xy11_next_n"+string(rune('a'+i)), text); strings.Contains(out, run6NoMatch) {
			t.Errorf("%s with nothing open: got the no-match reply (下一篇: 现在没有待选的文章列表…):\n%s", text, out)
		}
	}
}

// TestFollowerRun6AbbreviationKeepsMentions: AI, a synonym of 人工智能 in the shipped
// config, scores the same (0.30, the two sessions' hit) but gets no match,
// where 人工智能 gets 没有专门讲「人工智能」的文章，以下文章提到了它 and the 两会 article.
func TestFollowerRun6AbbreviationKeepsMentions(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	if out := say("o_xy11_ai_0", "人工智能"); !strings.Contains(out, demoURL+"lianghui") {
		t.Fatalf("人工智能: %s", out)
	}
	for i, text := range []string{"AI", "ai", "AI+", "AI是什么"} {
		run6WantArticle(t, text, say("o_xy11_ai_"+string(rune('a'+i)), text), "lianghui")
	}
}

// TestFollowerRun6EnglishTailWords: a word of English after the request (每日一读 pls,
// 新质生产力 pdf) gets no match, where hi 每日一读 gets the reading and
// 枫桥经验 pdf / 枫桥经验ppt get the card.
func TestFollowerRun6EnglishTailWords(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	reading := say("o_xy11_en_0", "每日一读")
	if !strings.HasPrefix(reading, "[图文]") {
		t.Fatalf("每日一读: %s", reading)
	}
	for i, text := range []string{"每日一读 pls", "Hi~ 每日一读 pls", "每日一读please"} {
		if out := say("o_xy11_enr_"+string(rune('a'+i)), text); out != reading {
			t.Errorf("%q: want today's reading as 每日一读 gets it, got:\n%s", text, out)
		}
	}
	for i, c := range []struct{ text, slug string }{
		{"新质生产力 pdf", "xinzhi"}, {"新质生产力pdf", "xinzhi"}, {"新质生产力 PPT", "xinzhi"},
	} {
		run6WantArticle(t, c.text, say("o_xy11_en_"+string(rune('a'+i)), c.text), c.slug)
	}
}
