package content

import (
	"bytes"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// YAMLFault is where YAML text goes wrong, given the parser's error for
// it: the line (from 1) and the parser's message. The parser names the
// line where the construct it was reading began (the start of a section,
// 53 lines before a value written [R2] 已为你…), so the fault is taken to
// be the first line from there at which the text up to it fails as the
// whole does, and still fails with the line after it (text ending inside
// a list written over two lines fails too, and not once the list ends).
// sure is false when no line was found that way, and line is the
// parser's; 0 when the error names none.
func YAMLFault(data []byte, parseErr error) (line int, msg string, sure bool) {
	m := yamlErrorRe.FindStringSubmatch(parseErr.Error())
	if m == nil {
		return 0, parseErr.Error(), false
	}
	// At the end of the text the parser may count a line past it.
	from, _ := strconv.Atoi(m[1])
	from = min(from, bytes.Count(data, []byte("\n"))+1)
	fails := func(end int) bool {
		var n yaml.Node
		err := yaml.Unmarshal(data[:end], &n)
		pm := yamlErrorRe.FindStringSubmatch(errorText(err))
		return pm != nil && pm[2] == m[2]
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	end := 0
	for i, l := range lines {
		end += len(l)
		if i+1 < from || !fails(end) {
			continue
		}
		if i+1 == len(lines) || fails(end+len(lines[i+1])) {
			return i + 1, m[2], true
		}
	}
	return from, m[2], false
}

func errorText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

var yamlErrorRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
