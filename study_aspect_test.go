package main

import "testing"

// TestStudyQuestionsAsExamsSetThem: a 申论 task verb opening the question
// (概括, 归纳, 分析) and an aspect the demo article does not name (主要做法,
// 基本要求, 核心要义) had no match, typed or said (a voice message ends in 。);
// through mpbot try on the shipped config each has the topic's card.
func TestStudyQuestionsAsExamsSetThem(t *testing.T) {
	cfg := writeConfig(t, t.TempDir(), "")
	firstShownHas(t, cfg, map[string]string{
		"请根据给定资料，概括枫桥经验的内涵": "枫桥经验",
		"概括枫桥经验的内涵。":        "枫桥经验",
		"归纳新质生产力的特点":        "新质生产力",
		"新质生产力的主要特点是什么？":    "新质生产力",
		"枫桥经验的主要做法。":        "枫桥经验",
		"共同富裕的核心要义":         "共同富裕",
		"千万工程的基本要求":         "千万工程",
		"四下基层有哪些特点":         "四下基层",
	})
}
