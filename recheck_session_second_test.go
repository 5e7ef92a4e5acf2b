package main

// A hostile re-check (xy25) of d5b0f80..880e180: switchApart (bot/rules.go)
// and requestBeforeOwn (bot/bot.go). Each test failed at 880e180 and passes at
// d5b0f80 (where each message got the no-match text and left the switch
// as it was).

import (
	"fmt"
	"strings"
	"testing"
)

// TestRecheckSecondSwitchApartOthersStoryBeforeLe: a 了 after someone else's exam is
// no reason of the follower's: 我朋友考完了退订了 tells what a friend did.
// HEAD: 已退订每日一读 (and 已为你订阅 for 我朋友考完了订阅了).
func TestRecheckSecondSwitchApartOthersStoryBeforeLe(t *testing.T) {
	keepsSwitch(t, "others", true, []switchCase{
		{"voice", "我朋友考完了退订了。"},
		{"text", "我同学上岸了就退订了"},
		{"voice", "他考完了就把每日一读退订了。"},
		{"voice", "我朋友上岸了要我退订。"},
		{"voice", "我姐考完了每日一读就不需要了。"},
		{"text", "我同事考完了每日一读别发了"},
	})
	keepsSwitch(t, "others_off", false, []switchCase{
		{"voice", "我朋友考完了订阅了。"},
	})
}

// TestRecheckSecondSwitchApartConditionalOrLater: 如果/要是/假如…就退订 and 考完了我就退订
// say when the follower will stop, not that they stop now (the suite keeps
// 考完试我就退订 subscribed; with 了 in it switchApart turns it).
func TestRecheckSecondSwitchApartConditionalOrLater(t *testing.T) {
	keepsSwitch(t, "cond", true, []switchCase{
		{"voice", "如果考完了就退订。"},
		{"text", "如果我考上了就退订"},
		{"voice", "要是考上了就退订。"},
		{"voice", "假如考完了就取消推送。"},
		{"voice", "等考完了我就退订。"},
		{"text", "考完了我就退订"},
	})
	keepsSwitch(t, "cond_off", false, []switchCase{
		{"voice", "如果考上了就订阅。"},
	})
}

// TestRecheckSecondSwitchApartPastAccidentOrAlmost: a past story (上次…退订了), an accident
// told (孩子…点了退订), a near miss (差点点了退订) and a belief (以为…就退订了) are
// told of, not asked for.
func TestRecheckSecondSwitchApartPastAccidentOrAlmost(t *testing.T) {
	keepsSwitch(t, "past", true, []switchCase{
		{"voice", "上次考完了退订了。"},
		{"text", "去年上岸了就退订了"},
		{"voice", "手滑了差点点了退订。"},
		{"voice", "孩子玩手机了点了退订。"},
		{"voice", "以为考完了就退订了。"},
	})
}

// TestRecheckSecondSwitchApartTurnsTheOtherWay: 要不退订算了 ("might as well unsubscribe")
// after a reason subscribes an unsubscribed follower (HEAD: 已为你订阅每日一读),
// and 订阅考试的号太多了 (the exam accounts I follow are too many) subscribes.
func TestRecheckSecondSwitchApartTurnsTheOtherWay(t *testing.T) {
	keepsSwitch(t, "other_way", false, []switchCase{
		{"voice", "考砸了要不退订算了。"},
		{"text", "订阅考试的号太多了"},
		{"voice", "订阅考试的号太多了。"},
	})
}

// TestRecheckSecondRequestBeforeOwnNotWhatIsRefused: what comes before 因为/我是/我完全/我不会/
// 我想写… is searched alone even when it refuses, corrects or has been read:
// HEAD answers with the very article refused (d5b0f80: no match).
func TestRecheckSecondRequestBeforeOwnNotWhatIsRefused(t *testing.T) {
	send := cardSender(t)
	for i, c := range []struct{ kind, text, not string }{
		{"voice", "不要枫桥经验的因为我看过了。", "枫桥经验"},
		{"text", "不是枫桥经验我是说浦江经验", "枫桥经验"},
		{"voice", "不想看枫桥经验因为太多了。", "枫桥经验"},
		{"text", "枫桥经验我不太想看了", "枫桥经验"},
		{"voice", "新质生产力我完全不想看。", "新质生产力"},
		{"text", "新质生产力我不会再看了", "新质生产力"},
		{"voice", "枫桥经验以外的我要写材料。", "枫桥经验"},
		{"voice", "看过枫桥经验了我想写一篇浦江经验的。", "枫桥经验"},
		{"text", "枫桥经验看完了我想用浦江经验写材料", "枫桥经验"},
	} {
		out := send(fmt.Sprintf("o_rs25_refused_%02d", i), c.kind, c.text)
		if strings.HasPrefix(out, "[news]") && strings.Contains(out, c.not) {
			t.Errorf("%s %q: the article refused or read came back: %q", c.kind, c.text, out)
		}
	}
}

// TestRecheckSecondThanksBeforeATrouble: thanks, then a trouble told (我还是没找到, 我不太明白,
// 我有个问题): HEAD answers 不客气 as to thanks alone, closing the talk.
func TestRecheckSecondThanksBeforeATrouble(t *testing.T) {
	send := cardSender(t)
	for i, c := range []switchCase{
		{"voice", "谢谢我还是没找到。"},
		{"text", "谢谢我不太明白"},
		{"voice", "谢谢老师我有个问题。"},
		{"text", "谢谢老师我有问题"},
		{"voice", "好的谢谢我还是不会。"},
	} {
		if out := send(fmt.Sprintf("o_rs25_thanks_%02d", i), c.kind, c.text); strings.HasPrefix(out, "不客气") {
			t.Errorf("%s %q: answered as thanks alone: %q", c.kind, c.text, out)
		}
	}
}
