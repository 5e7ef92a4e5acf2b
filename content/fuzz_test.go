package content

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// FuzzReadArticles: any bytes as a JSON Lines, JSON, Markdown or HTML file give
// articles or file:line errors, never a crash.
func FuzzReadArticles(f *testing.F) {
	f.Add([]byte(`{"id":"a","title":"好","url":"https://x/a"}`+"\n{bad"), byte(0))
	f.Add([]byte("[\n  {\"id\": \"a\", \"title\": \"好\"},\n  {\"title\": 3}\n]"), byte(3))
	f.Add([]byte("{\n  \"id\": \"a\",\n  \"title\": \"好\"\n}\n"), byte(3))
	f.Add([]byte("---\ntitle: 标题\nurl: https://x\n---\n# 标题\n\n正文"), byte(1))
	f.Add([]byte(`<html><head><link rel="canonical" href="https://x/y"></head><body><h1>标题</h1><p>2023-06-26| 来源:某网 正文正文正文</p></body></html>`), byte(2))
	f.Add([]byte(`<html><head><link rel="canonical" href="https://x/y"></head><body><div>当前位置：首页 &gt; 政策解读</div><h1>标题</h1><p>首页 > 政策 > 正文</p><p>正文正文正文</p></body></html>`), byte(2))
	f.Add([]byte("---\ntitle：标题\ntags: [a, b\nsummary: 每日一练 #12\n---\n# 标题\n"), byte(1))
	f.Add([]byte(`{"id":"h","title":"好","summary":"<p>摘要&nbsp;<b>粗</b></p>","body":"<p>一</p><p>二</p>","url":"https://x/h"}`), byte(0))
	f.Add([]byte(`<html><head><title></title></head><body><h1>标题</h1><div class="info"><span>时间：2024-08-01</span></div><div><p>正文正文正文正文正文正文正文正文正文正文正文正文</p></div><div id="comments"><h3>全部评论</h3><p>网友：好</p></div><ul><li><h3><a href="/a">一个列表项的标题</a></h3><p>列表项的摘要文字</p></li></ul><p>- END -</p></body></html>`), byte(2))
	f.Fuzz(func(t *testing.T, data []byte, kind byte) {
		var arts []Article
		var errs []error
		switch kind % 4 {
		case 0:
			arts, errs = ReadJSONL(bytes.NewReader(data), "f.jsonl")
		case 1:
			arts, errs = readMarkdownFile("f.md", data, "")
		case 2:
			arts, errs = readHTMLFile("f.html", data, "")
		case 3:
			arts, errs = readJSONFile("f.json", data, "")
		}
		for _, e := range errs {
			var le *LineError
			if kind%4 == 3 && (!errors.As(e, &le) || le.Line < 1 || le.Line > bytes.Count(data, []byte("\n"))+1) {
				t.Fatalf("%v: not at a line of the file", e)
			}
		}
		for _, a := range arts {
			if err := a.Validate(); err != nil {
				t.Fatalf("reader returned an invalid article: %v", err)
			}
		}
		for _, e := range errs {
			if e == nil {
				t.Fatal("nil error")
			}
			// Said to an operator's terminal: a character cut in two
			// (a full-width colon's) had made grep call it binary.
			if utf8.Valid(data) && !utf8.ValidString(e.Error()) {
				t.Fatalf("the error of valid UTF-8 text is not: %q", e.Error())
			}
		}
	})
}

// FuzzYAMLFault: whatever text fails to parse, the fault found is one of
// its lines, and a line the whole text fails at.
func FuzzYAMLFault(f *testing.F) {
	f.Add([]byte("push:\n  category: [a,\n    b]\n  reply: [R2] 已为你\n"))
	f.Add([]byte("search:\n\tmin_score: 0.4\n"))
	f.Add([]byte("tags: [a, b\nsummary: x"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var n yaml.Node
		err := yaml.Unmarshal(data, &n)
		if err == nil {
			return
		}
		line, msg, _ := YAMLFault(data, err)
		if lines := bytes.Count(data, []byte("\n")) + 1; line < 0 || line > lines || msg == "" {
			t.Fatalf("fault at line %d of %d (%q) for %v", line, lines, msg, err)
		}
	})
}

// TestYAMLFault: the line of a fault, past valid lists and quoted strings
// written over many lines (two reviews' finds: a valid quote of 18 lines was
// named as the fault, with a hint of a quote left open).
func TestYAMLFault(t *testing.T) {
	rules := func(span int, quoted bool) string {
		var b bytes.Buffer
		b.WriteString("replies:\n  no_match: 没有\n  rules:\n")
		for i := range 8 {
			fmt.Fprintf(&b, "    - name: r%d\n", i)
			if quoted {
				b.WriteString("      reply: \"第一行")
				for j := 1; j < span; j++ {
					fmt.Fprintf(&b, "\n        第%d行", j)
				}
				b.WriteString("\"\n      keywords: [k" + strconv.Itoa(i) + "]\n")
			} else {
				b.WriteString("      keywords: [a,")
				for j := 1; j < span; j++ {
					fmt.Fprintf(&b, "\n        b%d_%d,", i, j)
				}
				b.WriteString("\n        c]\n      reply: 好\n")
			}
		}
		return b.String()
	}
	for _, c := range []struct {
		name, text, fault string
		open              bool
	}{
		{"indented wrong after quotes", rules(18, true), "    - name: bad\n     keywords: [x]\n", false},
		{"indented wrong after quotes of 11", rules(11, true), "    - name: bad\n     keywords: [x]\n", false},
		{"a value after a list, after lists", rules(20, false), "    - name: bad\n      reply: [R2] 已为你\n", false},
		{"an unclosed quote", rules(5, true), "    - name: bad\n      reply: \"没有收尾\n      keywords: [y]\n  x: \"y\"\n  z: [q\n", true},
	} {
		text := c.text + c.fault
		var n yaml.Node
		err := yaml.Unmarshal([]byte(text), &n)
		if err == nil {
			t.Fatalf("%s parses", c.name)
		}
		want := strings.Count(c.text, "\n") + 2 // the fault's second line
		if c.open {
			want-- // the quote's
			want++
		}
		line, _, open := YAMLFault([]byte(text), err)
		if line != want || open != c.open {
			t.Errorf("%s: line %d (open %v), want %d (open %v): %v", c.name, line, open, want, c.open, err)
		}
	}
}

// FuzzOneLine: text oneLine takes to be on one line already is what its
// work would make of it.
func FuzzOneLine(f *testing.F) {
	for _, seed := range []string{"各位代表：", " a", "a  b", "a b", "所作的\n政府工作报告\n。", "\u200b", "李\u3000强", "", "a\u00a0b", "x "} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if alreadyOneLine(text) && joinLines(text) != text {
			t.Fatalf("%q taken as one line, but is %q", text, joinLines(text))
		}
	})
}
