package main

import (
	"context"
	"strings"
	"testing"
)

// TestChatRefusedNamesTheEnvironment (a newcomer run's find): README's
// "Connecting a real account" puts the token and the EncodingAESKey in the
// environment (MPBOT_WECHAT_TOKEN, MPBOT_WECHAT_ENCODING_AES_KEY), "rather
// than the file". `mpbot chat` run from a shell without those exports (or
// with other ones) signs with another token, and its refusal says only
// "are wechat.token and wechat.encoding_aes_key in --config the server's?":
// the operator compares the file, which is the same on both sides, while
// the difference is a variable. The hint should name the variables too.
func TestChatRefusedNamesTheEnvironment(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	base, stop := startServe(t, cfg, &syncBuffer{})
	defer stop()
	t.Setenv("MPBOT_WECHAT_TOKEN", "a-token-of-another-shell")
	var out, errb syncBuffer
	code := run(context.Background(), []string{"chat", "--config", cfg, "--url", base + "/wechat"}, strings.NewReader("浦江经验\n"), &out, &errb)
	if code == 0 || !strings.Contains(out.String(), "401") {
		t.Fatalf("chat signed with another token: exit %d\n%s\n%s", code, out.String(), errb.String())
	}
	if !strings.Contains(out.String(), "MPBOT_WECHAT_TOKEN") {
		t.Errorf("the refusal points at --config alone, while the token chat used came from MPBOT_WECHAT_TOKEN:\n%s", out.String())
	}
}
