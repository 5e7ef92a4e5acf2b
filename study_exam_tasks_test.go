package main

import (
	"strings"
	"testing"
)

// TestCountermeasureTask: the 申论 task that asks for countermeasures on a
// problem (针对…的问题，提出对策; 提出…的对策建议) got no match where the
// problem's topic alone has its article (a demo follower run's find).
func TestCountermeasureTask(t *testing.T) {
	firstShownHas(t, writeConfig(t, t.TempDir(), ""), map[string]string{
		"针对基层治理中的问题，提出对策":    "基层治理现代化：从网格化管理到党建引领",
		"针对基层治理存在的问题，提出对策建议": "基层治理现代化：从网格化管理到党建引领",
		"提出推动共同富裕的对策建议":      "扎实推动共同富裕的路径选择",
		"针对共同富裕存在的问题提出建议":    "扎实推动共同富裕的路径选择",
		"针对城市内涝问题，提出对策。":     "国务院常务会议部署防汛抗旱",
	})
}

// TestOwnWorkFrame: 结合工作实际 (结合实际, 结合本职工作) opening a question
// before a mark or 谈谈 is the exam's frame, not its topic: each got no
// match, typed or said (a demo follower run's find).
func TestOwnWorkFrame(t *testing.T) {
	firstShownHas(t, writeConfig(t, t.TempDir(), ""), map[string]string{
		"结合工作实际，谈谈枫桥经验":           "新时代枫桥经验是什么",
		"结合工作实际，谈谈如何坚持和发展新时代枫桥经验": "新时代枫桥经验是什么",
		"结合工作实际谈谈如何践行以人民为中心":      "如何理解“以人民为中心”的发展思想",
		"结合工作实际谈谈如何践行四下基层":        "四下基层：宣传、信访、调研、现场办公下基层",
		"结合本职工作，谈谈如何推进中国式现代化":     "中国式现代化的五个中国特色与本质要求",
		"结合本职工作谈谈如何推进中国式现代化。":     "中国式现代化的五个中国特色与本质要求",
		"结合实际谈谈如何因地制宜发展新质生产力":     "新质生产力：概念、特征与政策要点",
	})
}

// TestExamNearBeforeTheQuestion: a clause telling of the exam near or the
// follower's nerves, or of themselves, before a question asked with a
// question word (马上就要考试了，两会热词有哪些) got no match where the
// question alone has its article (a demo follower run's find). A question
// no article answers still gets none.
func TestExamNearBeforeTheQuestion(t *testing.T) {
	cfg := writeConfig(t, t.TempDir(), "")
	firstShownHas(t, cfg, map[string]string{
		"马上就要考试了，两会热词有哪些":     "2026年全国两会热词解读",
		"我笔试过了，结构化面试怎么准备":     "遴选面试结构化答题思路与常见题型",
		"特别紧张，结构化面试怎么准备":      "遴选面试结构化答题思路与常见题型",
		"我是第一次参加遴选，笔试都考哪些题型啊": "公务员遴选笔试题型分析",
	})
	for _, text := range []string{"我是考生，红烧肉怎么做", "明天，天气怎么样", "马上就要考试了，怎么办"} {
		if _, got, _ := runCmd(t, "try", "--config", cfg, text); !strings.HasPrefix(got, "没有找到相关文章") {
			t.Errorf("%s: want no match, got\n%s", text, got)
		}
	}
}
