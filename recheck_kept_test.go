package main

// A hostile re-check (xy30) of d993e03..a10c602 (follower replies). Each
// test passes at d993e03 and fails at a10c602.

import (
	"fmt"
	"strings"
	"testing"
)

// TestRecheckKeptStoryThenQuestionGetsPartialList: a follower's own case told in a
// sentence that ends in ？ or 。 (它有怎么/什么/想问, so askedOneByOne reads it
// as a question), then the question. The whole message finds nothing, and
// eachAsked now answers first — before lastSentences, which at d993e03
// found the last question's card — with 你的2个问题，第1个没有找到相关文章，其余的：
// and a one-item list: the follower's situation is reported as an
// unanswered question and the card became a list to reply 1 to.
func TestRecheckKeptStoryThenQuestionGetsPartialList(t *testing.T) {
	send := cardSender(t)
	for i, c := range []struct{ text, card string }{
		{"我今年打算参加遴选考试，但是工作比较忙，不知道怎么安排时间？申论和案例分析应该先看哪个？", "公务员遴选笔试题型分析"},
		{"我今年打算参加遴选考试，但是工作比较忙，不知道怎么安排时间。申论和案例分析应该先看哪个？", "公务员遴选笔试题型分析"},
		{"老师好，我是基层乡镇干部，平时接触群众比较多，想问一下？枫桥经验是什么？", "新时代枫桥经验是什么"},
		{"单位组织学习二十大精神，要交心得体会，不知道写什么？中国式现代化的本质要求是什么？", "中国式现代化的五个中国特色"},
		// Small talk, then the question.
		{"我问的问题你能回答吗？四下基层是什么？", "四下基层"},
	} {
		out := send(fmt.Sprintf("o_rk_story_%d", i), "text", c.text)
		if !strings.Contains(out, "[图文] "+c.card) || strings.Contains(out, "没有找到") {
			t.Errorf("%q: want the card %s (as at d993e03), got:\n%s", c.text, c.card, out)
		}
	}
}

// TestRecheckKeptStopThenKeepFollowingKeepsReading: keptAfter reads 继续 / 留着 after
// 但是/不过/可是 (and ，还是继续看) as keeping the daily reading, but a
// follower who stops the push and says they will keep following the
// account or using the search (退订，但是继续关注) is not keeping the
// reading. At a10c602 each gets 没有找到相关文章 and stays subscribed; at
// d993e03 each got 已退订每日一读.
func TestRecheckKeptStopThenKeepFollowingKeepsReading(t *testing.T) {
	switchAfter(t, "rk_follow", true, "OFF", []switchCase{
		{"text", "退订，但是继续关注"},
		{"text", "退订每日一读，但我继续关注"},
		{"text", "退订推送，可是我继续关注你们"},
		{"text", "退订推送，不过我继续用搜索"},
		{"text", "取消每日一读，不过留着关注，有问题再来问"},
		{"text", "退订每日一读，还是继续看公众号的文章"},
		{"text", "退订推送，但不取消关注"},
		{"text", "退订每日一读，但是不取消关注"},
		{"text", "退订，但是暂时不取消关注"},
		{"text", "请帮我退订，但是继续关注公众号"},
		{"text", "不想收到推送了，但是继续关注"},
		{"text", "不需要每日一读了，但是继续关注"},
		{"text", "退订每日一读，可是继续推送遴选的消息"},
	})
}
