package main

import "testing"

// TestAspectInAnotherTitle: a topic and an aspect another demo article's
// title says (新质生产力的路径 → 扎实推动共同富裕的路径选择, 两个确立的答题思路 →
// the interview's 答题思路, 一文读懂新质生产力 → 枫桥经验's 一文读懂) had a
// confident card on that article (a demo follower run's find, 50 of 216).
func TestAspectInAnotherTitle(t *testing.T) {
	firstShownHas(t, writeConfig(t, t.TempDir(), ""), map[string]string{
		"新质生产力的路径":     "新质生产力：概念、特征与政策要点",       // card: 扎实推动共同富裕的路径选择
		"新质生产力的实践路径":   "新质生产力：概念、特征与政策要点",       // card: 共同富裕
		"中国式现代化的实现路径":  "中国式现代化的五个中国特色与本质要求",     // card: 共同富裕
		"基层治理的路径":      "基层治理现代化：从网格化管理到党建引领",    // card: 共同富裕
		"新质生产力的本质要求":   "新质生产力：概念、特征与政策要点",       // card: 中国式现代化
		"基层治理的本质要求":    "基层治理现代化：从网格化管理到党建引领",    // card: 中国式现代化
		"两个确立的答题思路":    "深刻领会“两个确立”的决定性意义",       // card: 遴选面试结构化答题思路
		"全过程人民民主的答题思路": "全过程人民民主：最广泛、最真实、最管用的民主", // card: 遴选面试
		"中国式现代化答题思路":   "中国式现代化的五个中国特色与本质要求",     // card: 遴选面试
		"一文读懂新质生产力":    "新质生产力：概念、特征与政策要点",       // card: 枫桥经验 (一文读懂 in its title)
		"一文读懂共同富裕":     "扎实推动共同富裕的路径选择",          // card: 枫桥经验
		"一文读懂八八战略":     "八八战略二十年",                // card: 枫桥经验
		"千万工程的来历与启示":   "千万工程：从“千村示范、万村整治”",      // list: 浦江经验 first
		"共同富裕要点速览":     "扎实推动共同富裕的路径选择",          // card: 2024年政府工作报告要点速览
	})
}

// TestAspectWithAModifier: an aspect said with a word saying which (科学内涵,
// 精神实质, 实践路径, 实现路径, 体现在哪) got no match where the topic alone has
// its card (a demo follower run's find). (基层立法联系点的作用 still gets none:
// the topic alone is answered at 0.60, under what the fallback takes.)
func TestAspectWithAModifier(t *testing.T) {
	firstShownHas(t, writeConfig(t, t.TempDir(), ""), map[string]string{
		"枫桥经验的科学内涵":      "新时代枫桥经验是什么",
		"共同富裕的科学内涵":      "扎实推动共同富裕的路径选择",
		"浦江经验的精神实质":      "浦江经验：领导干部下访接待群众",
		"千万工程的实践路径":      "千万工程：从“千村示范、万村整治”",
		"八八战略的实现路径":      "八八战略二十年",
		"两个确立的决定性意义体现在哪": "深刻领会“两个确立”的决定性意义",
	})
}
