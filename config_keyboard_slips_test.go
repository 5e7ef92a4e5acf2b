package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestConfigValueHoldingColonSaysQuotes: an operator writes a reply text
// with an ASCII colon and a space (`reply: 注意: 本周直播课…`), as Chinese
// text typed in an English keyboard mode often has. The file is refused
// (right) as "not valid YAML: mapping values are not allowed in this
// context", which does not say what to do; `mpbot import` says, of the same
// fault in a Markdown front matter, `a value holding ": " needs quotes`.
func TestConfigValueHoldingColonSaysQuotes(t *testing.T) {
	text := "replies:\n  no_match: 没有找到相关文章。\n  rules:\n    - name: live\n      keywords: [课表]\n      reply: 注意: 本周直播课周三晚八点\n"
	_, err := loadText(t, text)
	if err == nil {
		t.Fatal("accepted")
	}
	// The operator's line, quoted, not an example of another (a
	// newcomer's run).
	if !strings.Contains(err.Error(), "config.yaml:6:") || !strings.Contains(err.Error(), `needs quotes: reply: '注意: 本周直播课周三晚八点'`) && !strings.Contains(err.Error(), `needs quotes: reply: "注意: 本周直播课周三晚八点"`) {
		t.Errorf("the error does not say the value needs quotes:\n%v", err)
	}
}

// TestConfigFullWidthColonNamed: `keywords：[…]`, typed with a Chinese
// input method's full-width colon at a key's place, is refused as "not
// valid YAML: could not find expected ':'", which an operator looking at
// a colon on that line cannot act on; import names the full-width colon
// of a Markdown front matter.
func TestConfigFullWidthColonNamed(t *testing.T) {
	text := "replies:\n  no_match: 没有找到相关文章。\n  rules:\n    - name: live\n      keywords：[课表]\n      reply: 本周直播课周三晚八点\n"
	_, err := loadText(t, text)
	if err == nil {
		t.Fatal("accepted")
	}
	if msg := err.Error(); !strings.Contains(msg, "：") && !strings.Contains(msg, "full-width") {
		t.Errorf("the error does not name the full-width colon:\n%v", err)
	}
}

// TestCheckOfFileCutInsideACharacterSaysNoGBK: the shipped config.yaml
// cut short inside a line and inside a character (a save cut half-way):
// `mpbot check` says it ends inside a line, and also
// `not UTF-8 text (saved as GBK?): save the file as UTF-8`, a remedy for a
// file that is UTF-8. README ("Live reload"): a cut inside a character "is
// said to be the cut"; the reload does so, check does not.
func TestCheckOfFileCutInsideACharacterSaysNoGBK(t *testing.T) {
	shipped, err := os.ReadFile("config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.SplitAfter(shipped, []byte("\n"))
	// A line of Chinese text past the middle of the file, cut after the
	// first byte of one of its characters.
	at := -1
	for i := len(lines) / 2; i < len(lines); i++ {
		if bytes.Contains(lines[i], []byte("找到几篇时")) {
			at = i
			break
		}
	}
	if at < 0 {
		t.Skip("the shipped config changed")
	}
	line := lines[at]
	cut := bytes.Index(line, []byte("找")) + 1
	if utf8.Valid(line[:cut]) {
		t.Fatal("not cut inside a character")
	}
	text := append(bytes.Join(lines[:at], nil), line[:cut]...)
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, text, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCmd(t, "check", "--config", path)
	if code != 1 || !strings.Contains(errOut, "ends inside") {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	if strings.Contains(errOut, "saved as GBK") || strings.Contains(errOut, "save the file as UTF-8") {
		t.Errorf("check tells the operator to save a UTF-8 file cut short as UTF-8:\n%s", errOut)
	}
}
