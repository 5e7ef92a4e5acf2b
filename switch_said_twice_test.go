package main

// A hostile run's finds (xy22): a switch keyword said again and again got
// the no-match text and left the switch as it was.

import (
	"fmt"
	"strings"
	"testing"
)

func TestSwitchSaidTwice(t *testing.T) {
	send := cardSender(t)
	for i, c := range []struct{ before, kind, text, want string }{
		{"", "text", "退订退订", "OFF"},
		{"", "text", "退订，退订", "OFF"},
		{"", "text", "退订！退订！", "OFF"},
		{"", "text", "退订 退订", "OFF"},
		{"", "text", "退订，退订，退订", "OFF"},
		{"", "text", "取消订阅取消订阅", "OFF"},
		{"", "voice", "退订退订。", "OFF"},
		{"退订", "text", "订阅订阅", "ON"},
		{"退订", "text", "订阅，订阅", "ON"},
	} {
		from := fmt.Sprintf("o_said_twice_%d", i)
		if c.before != "" {
			send(from, "text", c.before)
		}
		out := send(from, c.kind, c.text)
		if st := switchState(send, from); st != c.want {
			t.Errorf("%s %q (after %q): switch %s, want %s; reply:\n%s", c.kind, c.text, c.before, st, c.want, out)
		}
		if c.want == "OFF" && !strings.Contains(out, "已退订") {
			t.Errorf("%s %q: want 已退订, got:\n%s", c.kind, c.text, out)
		}
	}
}
