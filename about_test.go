package main

import (
	"strings"
	"testing"
)

// TestAboutTheAccountAskedWithZhegeHao (a follower run's find):
// 你们这个号是干嘛的 asks what the account is, as 这个号是干嘛的 and 你是干什么的 do
// (rule about); on the shipped config it got the no-match reply: the rule's
// subject is one of 你们 or 这个号, not both.
func TestAboutTheAccountAskedWithZhegeHao(t *testing.T) {
	try := shippedTry(t, writeConfig(t, t.TempDir(), ""))
	for _, text := range []string{"你们这个号是干嘛的", "你们这个公众号是干什么的", "你们这个号是做什么的？"} {
		if _, out, _ := try(text); !strings.Contains(out, "我是自动回复助手") {
			t.Errorf("try %q: want the about reply (我是自动回复助手…):\n%s", text, out)
		}
	}
}
