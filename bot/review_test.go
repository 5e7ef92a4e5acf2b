package bot

import "testing"

// TestRecentlyOfTheEvent (a review's find): 最近 before 刚/正在/在
// describing the event asked about, not the follower's doing, still asks
// for its newest (ownRecently had taken any 最近+在/正在/准备/刚 before a comma
// for the follower's doing: on the corpus 最近刚开的国常会，说了什么 got a card
// on 2023-12-18's meeting; 这两天正在开的国常会，讲了啥 no match).
func TestRecentlyOfTheEvent(t *testing.T) {
	for _, text := range []string{"最近刚开的政治局会议，讲了什么", "最近正在召开的政治局会议，有什么", "这两天刚开的国常会，说了什么", "最近在开的政治局会议，讲了啥"} {
		if ownRecently(text) {
			t.Errorf("ownRecently(%s) = true: the recency is the meeting's, not the follower's", text)
		}
	}
	// What is said of the event is no part of its topic (a follower run's
	// find: 最近开的国常会讲了什么 got a card on a 2024 meeting, searched
	// as 开的国常会).
	for text, want := range map[string]string{"最近开的国常会讲了什么": "国常会", "最近在开的国常会讲了什么": "国常会",
		"最近刚开的政治局会议，讲了什么": "政治局会议", "最近正在召开的政治局会议，有什么": "政治局会议", "这两天刚开的国常会，说了什么": "国常会",
		"最近发布的政府工作报告": "政府工作报告", "最近举行的中央政治局集体学习": "中央政治局集体学习"} {
		if topic, recent := recentTopic(text); topic != want || !recent {
			t.Errorf("recentTopic(%s) = %q, %v; want %q, the newest asked", text, topic, recent, want)
		}
	}
	// An explicit 最新 in the request is asked for whatever the sentence
	// before says (on the corpus 最近在学习，想看最新的政治局会议 had listed
	// three meetings from 2023 on).
	for _, text := range []string{"最近在学习，想看最新的政治局会议", "我最近在备考，有没有最新的政治局会议"} {
		if topic, recent := recentTopic(text); !recent {
			t.Errorf("recentTopic(%s) = %q, %v; want the newest asked (最新 in the request)", text, topic, recent)
		}
	}
}

// TestOwnDoingAfterTheRequest (a review's find): the follower's doing said
// after the request asks no newest either.
func TestOwnDoingAfterTheRequest(t *testing.T) {
	// On the corpus 有没有共同富裕的文章，我最近在准备遴选 had headed its list
	// 「共同富裕的文章,我在准备遴选」最新的文章.
	for _, text := range []string{"有没有共同富裕的文章，我最近在准备遴选"} {
		if topic, recent := recentTopic(text); recent {
			t.Errorf("recentTopic(%s) = %q, %v; want no newest: the recency is the follower's", text, topic, recent)
		}
	}
}

// TestLeadBeforeCourtesy (a review's find): an acknowledgement or thanks
// said with 呢 keeps its lead (withoutLead had dropped 好的，/谢谢老师， before
// anything ending in 呢: 好的，辛苦了呢 got the no-match reply).
func TestLeadBeforeCourtesy(t *testing.T) {
	for _, text := range []string{"好的，辛苦了呢", "好的，麻烦你了呢", "谢谢老师，辛苦了呢"} {
		if got := withoutLead(text); got != text {
			t.Errorf("withoutLead(%s) = %q; want it kept: no follow-up after the lead", text, got)
		}
	}
}
