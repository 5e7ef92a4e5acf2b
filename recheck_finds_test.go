package main

import (
	"strings"
	"testing"
)

// TestRecheckWeatherAskedOtherwise: 明天会下雨吗 and (today's fix) 明天北京天气
// get the outside reply, but the same question said as followers say it does
// not: 明天有雨吗, 北京明天下雨吗 and 周末会下雪吗 get no match (searched), and
// 上海今天热不热 a list headed by a 2023 article. No article answers them.
func TestRecheckWeatherAskedOtherwise(t *testing.T) {
	try := shippedTry(t, writeConfig(t, t.TempDir(), ""))
	for _, text := range []string{"明天有雨吗", "北京明天下雨吗", "周末会下雪吗", "上海今天热不热", "明天有雨吗。"} {
		if _, out, _ := try(text); !strings.Contains(out, "这个我答不了") {
			t.Errorf("try %q: want the outside reply (这个我答不了…):\n%s", text, out)
		}
	}
}
